import FluentKit

struct CreateVignettes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(VignetteModel.schema)
            .id()
            .field(.title, .string, .required)
            .field(.story, .string, .required)
            .field(.instrumentID, .string, .required)
            .field(.instrumentVersion, .int, .required)
            .field(.publishedBy, .uuid, .required, .references(UserModel.schema, .id))
            .field(.publishedOn, .string, .required)
            .field(.unit, .string, .required)
            .create()
        try await database.schema(VignetteRatingModel.schema)
            .id()
            .field(.vignetteID, .uuid, .required, .references(VignetteModel.schema, .id, onDelete: .cascade))
            .field(.userID, .uuid, .required, .references(UserModel.schema, .id))
            .field(.ratings, .string, .required)
            .unique(on: .vignetteID, .userID)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(VignetteRatingModel.schema).delete()
        try await database.schema(VignetteModel.schema).delete()
    }
}
