import FluentKit

struct CreateCases: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CaseModel.schema)
            .id()
            .field(.caseNumber, .string, .required)
            .field(.familyName, .string, .required)
            .field(.stage, .string, .required)
            .field(.caseworkerID, .uuid, .references(UserModel.schema, .id))
            .field(.supervisorID, .uuid, .references(UserModel.schema, .id))
            .field(.unit, .string, .required)
            .field(.openedOn, .string, .required)
            .field(.closedOn, .string)
            .field(.version, .int, .required)
            .field(.createdAt, .datetime)
            .field(.updatedAt, .datetime)
            .unique(on: .caseNumber)
            .create()
        try await database.schema(TeamMemberModel.schema)
            .id()
            .field(.caseID, .uuid, .required, .references(CaseModel.schema, .id, onDelete: .cascade))
            .field(.userID, .uuid, .required, .references(UserModel.schema, .id))
            .field(.role, .string, .required)
            .unique(on: .caseID, .userID)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(TeamMemberModel.schema).delete()
        try await database.schema(CaseModel.schema).delete()
    }
}
