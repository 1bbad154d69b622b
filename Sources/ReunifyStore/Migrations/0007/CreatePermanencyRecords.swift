import FluentKit
import SQLKit

/// Court and permanency records: hearings, team decisions, TPR exceptions, ICWA notices and aftercare follow-ups.
/// One table, one row per record with its kind; the details are JSON, with the columns the clock and lists filter on.
struct CreatePermanencyRecords: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PermanencyRecordModel.schema)
            .id()
            .field(.caseID, .uuid, .required, .references(CaseModel.schema, .id, onDelete: .cascade))
            .field(.kind, .string, .required)
            .field(.childID, .uuid, .references(PersonModel.schema, .id))
            .field(.onDay, .string, .required)
            .field(.status, .string, .required)
            .field(.body, .string, .required)
            .field(.recordedBy, .uuid, .required, .references(UserModel.schema, .id))
            .field(.recordedAt, .datetime, .required)
            .field(.version, .int, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("""
            CREATE INDEX permanency_records_case_kind ON \(unsafeRaw: PermanencyRecordModel.schema) \
            (\(unsafeRaw: FieldKey.caseID.description), \(unsafeRaw: FieldKey.kind.description))
            """).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PermanencyRecordModel.schema).delete()
    }
}
