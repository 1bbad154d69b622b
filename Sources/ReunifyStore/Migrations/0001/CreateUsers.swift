import FluentKit

struct CreateUsers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(UserModel.schema)
            .id()
            .field(.email, .string, .required)
            .field(.name, .string, .required)
            .field(.role, .string, .required)
            .field(.unit, .string)
            .field(.personID, .uuid)
            .field(.passwordHash, .string, .required)
            .field(.disabled, .bool, .required)
            .field(.createdAt, .datetime)
            .unique(on: .email)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UserModel.schema).delete()
    }
}
