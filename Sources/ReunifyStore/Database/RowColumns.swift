import FluentSQLiteDriver
import Foundation
import SQLKit

/// The columns of one result row, for the reads that go through many rows (a state's outcome measures, the case
/// lists). On SQLite the statement runs through SQLite's own interface and a value is taken straight from the row as
/// SQLite gave it, an id parsed from its 36 characters here: SQLKit's generic decoder, and the platform's id parser
/// it calls, cost as much as the statements themselves at that size (`Benchmarks/README.md`). Other databases go
/// through SQLKit's decoder.
struct RowColumns {
    private enum Source {
        case sqlite(SQLiteRow)
        case sql(any SQLRow)
    }
    private let source: Source

    init(_ row: any SQLRow) { source = .sql(row) }
    init(sqlite row: SQLiteRow) { source = .sqlite(row) }

    /// Runs a statement, handing each row to `onRow` as it arrives.
    static func run(_ query: SQLQueryString, on db: any Database, _ onRow: @escaping @Sendable (RowColumns) -> Void) async throws {
        let sql = db.sql
        if let sqlite = db as? any SQLiteDatabase {
            let (text, binds) = sql.serialize(query)
            let encoder = SQLiteDataEncoder()
            let values = try binds.map { try encoder.encode($0) }
            // The connection's own read hands each row over where SQLite steps to it; the general one sends every row
            // to the event loop as a task of its own (a fifth of the outcome read's time went to those hops).
            try await sqlite.withConnection { connection in
                connection.eventLoop.makeFutureWithTask {
                    try await connection.query(text, values) { onRow(RowColumns(sqlite: $0)) }
                }
            }.get()
        } else {
            try await sql.raw(query).run { onRow(RowColumns($0)) }
        }
    }

    /// Every row of a statement.
    static func all(_ query: SQLQueryString, on db: any Database) async throws -> [RowColumns] {
        let rows = RowsRead<RowColumns>()
        try await run(query, on: db) { rows.add($0) }
        return rows.rows
    }

    struct Unreadable: Error, CustomStringConvertible {
        let column: String
        var description: String { "column \(column) could not be read" }
    }

    func string(_ column: String) throws -> String {
        guard let value = try optionalString(column) else { throw Unreadable(column: column) }
        return value
    }

    /// A SQLite row's value in `column`; a column the statement did not select is an error, not a null.
    private func value(_ column: String, in row: SQLiteRow) throws -> SQLiteData {
        guard let value = row.column(column) else { throw Unreadable(column: column) }
        return value
    }

    /// Whether the statement selected `column`.
    func contains(_ column: String) -> Bool {
        switch source {
        case .sqlite(let row): row.column(column) != nil
        case .sql(let row): row.contains(column: column)
        }
    }

    func isNull(_ column: String) throws -> Bool {
        switch source {
        case .sqlite(let row):
            if case .null = try value(column, in: row) { return true }
            return false
        case .sql(let row): return try row.decodeNil(column: column)
        }
    }

    /// Any other type, through the database's own decoder.
    func decode<T: Decodable>(_ column: String, as type: T.Type) throws -> T {
        switch source {
        case .sqlite(let row): try SQLiteDataDecoder().decode(T.self, from: try value(column, in: row))
        case .sql(let row): try row.decode(column: column, as: T.self)
        }
    }

    func optionalString(_ column: String) throws -> String? {
        switch source {
        case .sqlite(let row):
            switch try value(column, in: row) {
            case .text(let s): return s
            case .null: return nil
            case let other: return other.string
            }
        case .sql(let row): return try row.decode(column: column, as: String?.self)
        }
    }

    func uuid(_ column: String) throws -> UUID {
        guard let id = try optionalUUID(column) else { throw Unreadable(column: column) }
        return id
    }

    func optionalUUID(_ column: String) throws -> UUID? {
        switch source {
        case .sqlite(let row):
            switch try value(column, in: row) {
            case .text(let s):
                guard let id = UUID(text: s) else { throw Unreadable(column: column) }
                return id
            case .blob(let buffer) where buffer.readableBytes == 16:
                guard let b = buffer.getBytes(at: buffer.readerIndex, length: 16) else { throw Unreadable(column: column) }
                return UUID(uuid: (b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]))
            case .null: return nil
            default: throw Unreadable(column: column)
            }
        case .sql(let row): return try row.decode(column: column, as: UUID?.self)
        }
    }

    func int(_ column: String) throws -> Int {
        switch source {
        case .sqlite(let row):
            guard let value = try value(column, in: row).integer else { throw Unreadable(column: column) }
            return Int(value)
        case .sql(let row): return try row.decode(column: column, as: Int.self)
        }
    }

    func bool(_ column: String) throws -> Bool {
        switch source {
        case .sqlite(let row):
            guard let value = try value(column, in: row).integer else { throw Unreadable(column: column) }
            return value != 0
        case .sql(let row): return try row.decode(column: column, as: Bool.self)
        }
    }

    func date(_ column: String) throws -> Date {
        guard let value = try optionalDate(column) else { throw Unreadable(column: column) }
        return value
    }

    /// A time as SQLite's own conversion reads it (seconds since 1970, rounded to the microsecond as Fluent reads it).
    func optionalDate(_ column: String) throws -> Date? {
        switch source {
        case .sqlite(let row):
            let data = try value(column, in: row)
            if case .null = data { return nil }
            guard let date = Date(sqliteData: data) else { throw Unreadable(column: column) }
            return date
        case .sql(let row): return try row.decode(column: column, as: Date?.self)
        }
    }
}

/// Rows gathered from a statement's row handler, which the driver calls one row at a time; a row that did not decode
/// is counted, and `check` refuses the read rather than leave it out of a figure.
final class RowsRead<Row>: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var rows: [Row] = []
    private var failed = 0

    func add(_ row: Row?) {
        lock.withLock {
            if let row { rows.append(row) } else { failed += 1 }
        }
    }

    func check() throws {
        if failed > 0 { throw RowsNotRead(count: failed) }
    }
}

struct RowsNotRead: Error, CustomStringConvertible {
    let count: Int
    var description: String { "\(count) rows could not be read" }
}

extension UUID {
    /// An id from its text form (8-4-4-4-12 hexadecimal digits, either case); nil for anything else.
    init?(text: String) {
        var bytes: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var text = text
        let parsed: Bool = text.withUTF8 { utf8 in
            guard utf8.count == 36 else { return false }
            return withUnsafeMutableBytes(of: &bytes) { out in
                var o = 0
                var i = 0
                while i < 36 {
                    if i == 8 || i == 13 || i == 18 || i == 23 {
                        guard utf8[i] == UInt8(ascii: "-") else { return false }
                        i += 1
                        continue
                    }
                    guard let high = Self.nibble(utf8[i]), let low = Self.nibble(utf8[i + 1]) else { return false }
                    out[o] = high << 4 | low
                    o += 1
                    i += 2
                }
                return true
            }
        }
        guard parsed else { return nil }
        self.init(uuid: bytes)
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
