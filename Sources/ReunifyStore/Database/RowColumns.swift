import FluentSQLiteDriver
import Foundation
import SQLKit

/// The columns of one result row, for the reads that go through hundreds of thousands of rows (the outcome measures
/// over a state's history). On SQLite a value is taken straight from the row as SQLite gave it and an id is parsed
/// from its 36 characters here; SQLKit's generic decoder and the platform's UUID parser cost as much as the
/// statements themselves at that size (`Benchmarks/README.md`). Other databases go through SQLKit's decoder.
struct RowColumns {
    let row: any SQLRow

    init(_ row: any SQLRow) { self.row = row }

    struct Unreadable: Error, CustomStringConvertible {
        let column: String
        var description: String { "column \(column) could not be read" }
    }

    func string(_ column: String) throws -> String {
        guard let value = try optionalString(column) else { throw Unreadable(column: column) }
        return value
    }

    func optionalString(_ column: String) throws -> String? {
        if let sqlite = row as? SQLiteRow {
            switch sqlite.column(column) {
            case .text(let s): return s
            case .null: return nil
            case .some(let other): return other.string
            case nil: throw Unreadable(column: column)
            }
        }
        return try row.decode(column: column, as: String?.self)
    }

    func uuid(_ column: String) throws -> UUID {
        if let sqlite = row as? SQLiteRow {
            switch sqlite.column(column) {
            case .text(let s):
                guard let id = UUID(text: s) else { throw Unreadable(column: column) }
                return id
            case .blob(let buffer) where buffer.readableBytes == 16:
                guard let bytes = buffer.getBytes(at: buffer.readerIndex, length: 16) else { throw Unreadable(column: column) }
                return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                                   bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
            default: throw Unreadable(column: column)
            }
        }
        return try row.decode(column: column, as: UUID.self)
    }
}

extension RowColumns {
    func optionalUUID(_ column: String) throws -> UUID? {
        if let sqlite = row as? SQLiteRow, case .null = sqlite.column(column) { return nil }
        if row is SQLiteRow { return try uuid(column) }
        return try row.decode(column: column, as: UUID?.self)
    }

    func int(_ column: String) throws -> Int {
        if let sqlite = row as? SQLiteRow, case .integer(let value) = sqlite.column(column) { return Int(value) }
        return try row.decode(column: column, as: Int.self)
    }

    /// A time as SQLite keeps Fluent's dates (seconds since 1970); any other form through SQLKit's decoder.
    func optionalDate(_ column: String) throws -> Date? {
        if let sqlite = row as? SQLiteRow {
            switch sqlite.column(column) {
            case .null: return nil
            case .float(let seconds): return Date(timeIntervalSince1970: seconds)
            case .integer(let seconds): return Date(timeIntervalSince1970: Double(seconds))
            default: break
            }
        }
        return try row.decode(column: column, as: Date?.self)
    }
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
