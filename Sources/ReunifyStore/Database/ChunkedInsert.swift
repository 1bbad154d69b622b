import FluentKit

extension Array where Element: Model {
    /// How many rows one multi-row INSERT carries: SQLite allows 32 766 bound values, and Reunify's widest bulk rows
    /// have a few dozen columns.
    public static var rowsPerInsert: Int { 500 }

    /// Inserts the models in multi-row statements of `rowsPerInsert` rows, on `db` (a transaction, for bulk writes).
    public func create(inChunksOn db: any Database) async throws {
        for start in stride(from: 0, to: count, by: Self.rowsPerInsert) {
            try await Array(self[start..<Swift.min(count, start + Self.rowsPerInsert)]).create(on: db)
        }
    }
}
