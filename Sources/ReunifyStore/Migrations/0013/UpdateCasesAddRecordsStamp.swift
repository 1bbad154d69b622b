import FluentKit

/// A number each case's records share, raised in the transaction of every change to any record of the case (and of
/// its people's details), so a line computed from them can be kept and trusted while the number stands
/// (`CaseloadLines`). Cases already written start at 0.
struct UpdateCasesAddRecordsStamp: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CaseModel.schema).field(.recordsStamp, .int, .required, .sql(.default(0))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CaseModel.schema).deleteField(.recordsStamp).update()
    }
}
