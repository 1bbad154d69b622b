import FluentKit
import SQLKit

/// The audit log, and triggers that make it append-only in the database itself: an UPDATE or DELETE
/// fails whoever sends it.
struct CreateAuditEvents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEventModel.schema)
            .id()
            .field(.occurredAt, .datetime, .required)
            .field(.userID, .uuid)
            .field(.userEmail, .string, .required)
            .field(.action, .string, .required)
            .field(.recordKind, .string, .required)
            .field(.recordID, .uuid)
            .field(.caseID, .uuid)
            .field(.summary, .string, .required)
            .field(.address, .string)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        for statement in DialectSQL.appendOnlyGuard(table: AuditEventModel.schema, dialect: sql.dialect.name) {
            try await sql.raw(SQLQueryString(statement)).run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuditEventModel.schema).delete()
    }
}
