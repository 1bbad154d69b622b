import FluentKit

/// The language each person reads Reunify in (a tag such as `es`), chosen on any page. Accounts without one read
/// the language of their person record (family accounts) or of their browser.
struct UpdateUsersAddLanguage: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(UserModel.schema).field(.language, .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UserModel.schema).deleteField(.language).update()
    }
}
