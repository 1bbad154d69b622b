import FluentKit

/// An audit entry's summary in the other languages Reunify is written in, kept beside the English when the entry is
/// written, so the audit trail reads in the reader's language. Entries written before keep their English only.
struct UpdateAuditEventsAddWording: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEventModel.schema).field(.wording, .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuditEventModel.schema).deleteField(.wording).update()
    }
}
