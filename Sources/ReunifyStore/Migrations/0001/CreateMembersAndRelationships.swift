import FluentKit

struct CreateMembersAndRelationships: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(MemberModel.schema)
            .id()
            .field(.caseID, .uuid, .required, .references(CaseModel.schema, .id, onDelete: .cascade))
            .field(.personID, .uuid, .required, .references(PersonModel.schema, .id))
            .field(.role, .string, .required)
            .field(.version, .int, .required)
            .unique(on: .caseID, .personID)
            .create()
        try await database.schema(RelationshipModel.schema)
            .id()
            .field(.caseID, .uuid, .required, .references(CaseModel.schema, .id, onDelete: .cascade))
            .field(.personID, .uuid, .required, .references(PersonModel.schema, .id))
            .field(.kind, .string, .required)
            .field(.relatedPersonID, .uuid, .required, .references(PersonModel.schema, .id))
            .field(.version, .int, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RelationshipModel.schema).delete()
        try await database.schema(MemberModel.schema).delete()
    }
}
