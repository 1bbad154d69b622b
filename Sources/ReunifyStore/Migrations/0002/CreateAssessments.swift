import FluentKit

struct CreateAssessments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(InstrumentDefinitionModel.schema)
            .id()
            .field(.instrumentID, .string, .required)
            .field(.instrumentVersion, .int, .required)
            .field(.definition, .string, .required)
            .field(.addedBy, .uuid)
            .field(.createdAt, .datetime)
            .unique(on: .instrumentID, .instrumentVersion)
            .create()
        try await database.schema(AssessmentModel.schema)
            .id()
            .field(.caseID, .uuid, .required, .references(CaseModel.schema, .id, onDelete: .cascade))
            .field(.instrumentID, .string, .required)
            .field(.instrumentVersion, .int, .required)
            .field(.point, .string, .required)
            .field(.status, .string, .required)
            .field(.ratings, .string, .required)
            .field(.notes, .string)
            .field(.assessorID, .uuid, .required, .references(UserModel.schema, .id))
            .field(.assessedOn, .string, .required)
            .field(.completedAt, .datetime)
            .field(.version, .int, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AssessmentModel.schema).delete()
        try await database.schema(InstrumentDefinitionModel.schema).delete()
    }
}
