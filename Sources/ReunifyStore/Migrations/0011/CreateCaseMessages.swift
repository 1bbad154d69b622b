import FluentKit
import SQLKit

/// Messages between a family member and the staff of their case, one conversation per family member, read newest
/// first by case and person.
struct CreateCaseMessages: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CaseMessageModel.schema)
            .id()
            .field(.caseID, .uuid, .required, .references(CaseModel.schema, .id, onDelete: .cascade))
            .field(.personID, .uuid, .required, .references(PersonModel.schema, .id))
            .field(.fromFamily, .bool, .required)
            .field(.authorID, .uuid, .required, .references(UserModel.schema, .id))
            .field(.body, .string, .required)
            .field(.sentAt, .datetime, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("""
            CREATE INDEX case_messages_conversation ON \(unsafeRaw: CaseMessageModel.schema) \
            (\(unsafeRaw: FieldKey.caseID.description), \(unsafeRaw: FieldKey.personID.description), \(unsafeRaw: FieldKey.sentAt.description))
            """).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CaseMessageModel.schema).delete()
    }
}
