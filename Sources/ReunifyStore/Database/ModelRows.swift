import FluentKit
import Foundation
import SQLKit

/// Reads the models of one table with a statement written in SQL, each row given to the model through `RowOutput`
/// (the model's own fields decide what is read, as in any Fluent read). The pages' reads use it: a Fluent query builds
/// its SQL anew on every call and its SQLite output looks each field up by a name it builds per row, together a fifth
/// of a caseload page's time in a profile with 100 000 families (`Benchmarks/README.md`).
enum ModelRows {
    /// Every row of `M`'s table that meets `condition`, in `order` (an SQL ORDER BY list) where one is given, the first
    /// `limit` where a limit is given.
    static func all<M: Model>(_ type: M.Type, where condition: SQLQueryString, order: String? = nil, limit: Int? = nil,
                              on db: any Database) async throws -> [M] {
        var query: SQLQueryString = "SELECT * FROM \(unsafeRaw: M.schema) WHERE "
        query += condition
        if let order { query += " ORDER BY \(unsafeRaw: order)" }
        if let limit { query += " LIMIT \(bind: limit)" }
        let rows = RowsRead<M>()
        let failure = FirstFailure()
        try await RowColumns.run(query, on: db) { row in
            do {
                let model = M()
                try model.output(from: RowOutput(row: row))
                rows.add(model)
            } catch {
                failure.keep(error)
            }
        }
        try failure.rethrow()
        return rows.rows
    }

    /// The rows whose `column` is one of `ids` and that meet `condition` where one is given (none when `ids` is empty).
    /// Unordered, unlimited reads of many ids go 10 000 ids to a statement (under every database's limit on bound
    /// values); an ordered or limited read is one statement.
    static func all<M: Model>(_ type: M.Type, _ column: String, in ids: [UUID], and condition: SQLQueryString? = nil,
                              order: String? = nil, limit: Int? = nil, on db: any Database) async throws -> [M] {
        guard !ids.isEmpty else { return [] }
        let size = order == nil && limit == nil ? 10_000 : ids.count
        var result: [M] = []
        for start in stride(from: 0, to: ids.count, by: size) {
            let chunk: [any Encodable & Sendable] = Array(ids[start..<min(start + size, ids.count)])
            var whole: SQLQueryString = "\(ident: column) IN (\(binds: chunk))"
            if let condition { whole += " AND " + condition }
            result += try await all(M.self, where: whole, order: order, limit: limit, on: db)
        }
        return result
    }
}

/// The first error met while rows were handed over on the database's thread.
private final class FirstFailure: @unchecked Sendable {
    private let lock = NSLock()
    private var error: (any Error)?
    func keep(_ error: any Error) { lock.withLock { if self.error == nil { self.error = error } } }
    func rethrow() throws { if let error = lock.withLock({ self.error }) { throw error } }
}

/// A row as Fluent's models read it: the common column types are taken straight from the row (`RowColumns`), others
/// through the database's own decoder.
struct RowOutput: DatabaseOutput {
    let row: RowColumns

    func schema(_ schema: String) -> any DatabaseOutput { self }

    func contains(_ key: FieldKey) -> Bool { row.contains(key.description) }

    func decodeNil(_ key: FieldKey) throws -> Bool { try row.isNull(key.description) }

    func decode<T: Decodable>(_ key: FieldKey, as type: T.Type) throws -> T {
        let column = key.description
        if T.self == String.self { return try row.string(column) as! T }
        if T.self == UUID.self { return try row.uuid(column) as! T }
        if T.self == Int.self { return try row.int(column) as! T }
        if T.self == Date.self { return try row.date(column) as! T }
        if T.self == Bool.self { return try row.bool(column) as! T }
        // Optional fields ask for their value as an optional.
        if T.self == String?.self { return try row.optionalString(column) as! T }
        if T.self == UUID?.self { return try row.optionalUUID(column) as! T }
        if T.self == Date?.self { return try row.optionalDate(column) as! T }
        if T.self == Int?.self { return try (row.isNull(column) ? nil : row.int(column)) as! T }
        if T.self == Bool?.self { return try (row.isNull(column) ? nil : row.bool(column)) as! T }
        return try row.decode(column, as: T.self)
    }

    var description: String { "row" }
}
