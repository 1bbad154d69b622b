import FluentKit

struct CreateSignInFailures: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SignInFailureModel.schema)
            .id()
            .field(.throttleKey, .string, .required)
            .field(.occurredAt, .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SignInFailureModel.schema).delete()
    }
}
