import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SQLKit

/// Which database Reunify talks to, read from `DATABASE_URL`.
public enum DatabaseTarget: Equatable, Sendable {
    case sqlite(path: String)
    case sqliteInMemory(name: String)
    /// `schema` confines Reunify's tables to one PostgreSQL schema (tests give each run its own).
    case postgres(url: String, schema: String = "public")

    public static let defaultSQLitePath = "data/reunify.sqlite"

    public enum ParseError: Error, CustomStringConvertible {
        case unsupported(String)
        public var description: String {
            switch self {
            case .unsupported(let url):
                "DATABASE_URL '\(url)' is not understood: use postgres://user:pass@host:port/db or sqlite:///absolute/path.sqlite"
            }
        }
    }

    /// Reads the environment's value; nil or empty means the SQLite file under `./data/`.
    public static func from(environmentValue value: String?) throws -> DatabaseTarget {
        guard let value, !value.isEmpty else { return .sqlite(path: defaultSQLitePath) }
        if value.hasPrefix("postgres://") || value.hasPrefix("postgresql://") { return .postgres(url: value) }
        if value.hasPrefix("sqlite://") {
            let path = String(value.dropFirst("sqlite://".count))
            guard !path.isEmpty else { throw ParseError.unsupported(value) }
            return .sqlite(path: path)
        }
        throw ParseError.unsupported(value)
    }

    /// "sqlite" or "postgres", as `/health` reports it.
    public var kind: String {
        switch self {
        case .sqlite, .sqliteInMemory: "sqlite"
        case .postgres: "postgres"
        }
    }

    /// Registers the database as the default one.
    public func register(on databases: Databases) throws {
        switch self {
        case .sqlite(let path):
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            // One connection per event loop: the SQLite driver takes no other number (it ignores
            // `maxConnectionsPerEventLoop`), so a request's statements queue behind those of the loop's other requests.
            databases.use(.sqlite(.file(path), sqlLogLevel: .trace), as: .sqlite)
        case .sqliteInMemory(let name):
            databases.use(.sqlite(.init(storage: .memory(identifier: name)), sqlLogLevel: .trace), as: .sqlite)
        case .postgres(let url, let schema):
            var config = try SQLPostgresConfiguration(url: url)
            config.searchPath = [schema]
            databases.use(.postgres(configuration: config, maxConnectionsPerEventLoop: schema == "public" ? 4 : 1, sqlLogLevel: .trace), as: .psql)
        }
    }

    /// Settings applied once the database is reachable: SQLite keeps a write-ahead log, so readers do
    /// not wait for writers.
    public func prepare(_ database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        switch self {
        case .sqlite:
            try await sql.raw("PRAGMA journal_mode=WAL").run()
        case .postgres(_, let schema) where schema != "public":
            try await sql.raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run()
        default:
            break
        }
    }

    /// Settings of each connection of its own, given a database on each event loop (the SQLite driver keeps one
    /// connection per loop, for the life of the server): a SQLite file is read through a memory map, where reading
    /// its pages one system call at a time took a fifth of a supervisor's people search on 100 000 families
    /// (`perf`, Benchmarks/README.md).
    public func prepareConnections(_ databases: [any Database]) async throws {
        guard case .sqlite = self else { return }
        for database in databases {
            try await database.withConnection { connection in
                guard let sql = connection as? any SQLDatabase else { return }
                try await sql.raw("PRAGMA mmap_size = \(unsafeRaw: String(Self.sqliteMappedBytes))").run()
            }
        }
    }

    /// How much of a SQLite file a connection maps into memory (SQLite caps it at its own compiled limit).
    public static let sqliteMappedBytes = 8 << 30

    /// Removes a private PostgreSQL schema and everything in it (tests clean up with this).
    public func dropPrivateSchema(_ database: any Database) async throws {
        guard case .postgres(_, let schema) = self, schema != "public", let sql = database as? any SQLDatabase else { return }
        try await sql.raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run()
    }
}
