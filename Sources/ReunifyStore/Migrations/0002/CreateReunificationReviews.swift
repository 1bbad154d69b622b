import FluentKit

struct CreateReunificationReviews: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ReviewModel.schema)
            .id()
            .field(.caseID, .uuid, .required, .references(CaseModel.schema, .id, onDelete: .cascade))
            .field(.childID, .uuid, .required, .references(PersonModel.schema, .id))
            .field(.reviewerID, .uuid, .required, .references(UserModel.schema, .id))
            .field(.reviewedOn, .string, .required)
            .field(.input, .string, .required)
            .field(.outcome, .string, .required)
            .field(.recommendation, .string, .required)
            .field(.finalRecommendation, .string, .required)
            .field(.rationale, .string)
            .field(.overrideReason, .string)
            .field(.overrideBy, .uuid)
            .field(.approvedBy, .uuid)
            .field(.approvedAt, .datetime)
            .field(.policyVersion, .string, .required)
            .field(.version, .int, .required)
            .field(.createdAt, .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ReviewModel.schema).delete()
    }
}
