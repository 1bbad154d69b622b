import FluentKit

/// Invitations for family members to make their own accounts: the link's token is kept only as its hash.
struct CreateInvitations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(InvitationModel.schema)
            .id()
            .field(.tokenHash, .string, .required)
            .field(.caseID, .uuid, .required, .references(CaseModel.schema, .id, onDelete: .cascade))
            .field(.personID, .uuid, .required, .references(PersonModel.schema, .id))
            .field(.email, .string, .required)
            .field(.invitedBy, .uuid, .required, .references(UserModel.schema, .id))
            .field(.sentAt, .datetime, .required)
            .field(.expiresAt, .datetime, .required)
            .field(.usedAt, .datetime)
            .field(.revokedAt, .datetime)
            .unique(on: .tokenHash)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(InvitationModel.schema).delete()
    }
}
