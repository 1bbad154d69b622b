import FluentKit

struct CreateAuthSessions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuthSessionModel.schema)
            .id()
            .field(.tokenHash, .string, .required)
            .field(.userID, .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
            .field(.kind, .string, .required)
            .field(.csrfToken, .string, .required)
            .field(.createdAt, .datetime, .required)
            .field(.expiresAt, .datetime, .required)
            .field(.lastSeenAt, .datetime, .required)
            .field(.revokedAt, .datetime)
            .field(.address, .string)
            .unique(on: .tokenHash)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuthSessionModel.schema).delete()
    }
}
