import FluentKit
import SQLKit

/// Bulk loads into tables without their read indexes: the indexes of `CreateReadIndexes` on the named tables are
/// dropped, the load runs, and they are built again over all the rows at once, which is quicker than keeping them up
/// row by row. They are built again whether the load succeeds or fails, so the schema is the migrations' afterwards.
public enum DeferredIndexes {
    public static func load<T: Sendable>(on db: any Database, tables: Set<String>,
                                         _ body: @Sendable () async throws -> T) async throws -> T {
        let sql = db.sql
        let indexes = CreateReadIndexes.indexes.filter { tables.contains($0.0) }
        for (table, columns) in indexes {
            try await sql.raw("DROP INDEX IF EXISTS \(ident: CreateReadIndexes.name(table, columns))").run()
        }
        let result: Result<T, any Error>
        do { result = .success(try await body()) } catch { result = .failure(error) }
        for (table, columns) in indexes { try await CreateReadIndexes.create(table, columns, on: sql) }
        return try result.get()
    }
}
