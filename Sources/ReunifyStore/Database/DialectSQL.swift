import FluentKit
import SQLKit

/// The few statements the two databases write differently, kept in one place.
enum DialectSQL {
    /// SQLite begins a transaction as a reader; if it then writes after another connection has written, it fails
    /// at once (SQLITE_BUSY_SNAPSHOT) instead of waiting. A write as the transaction's first statement (one that
    /// changes no row) takes the write lock up front, so concurrent changes wait their turn. PostgreSQL locks rows
    /// as it goes and needs nothing.
    static func claimWriteLock(_ database: any Database) async throws {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "sqlite" else { return }
        try await sql.raw("UPDATE \(unsafeRaw: CaseModel.schema) SET version = version WHERE id IS NULL").run()
    }

    /// Serialises visit scheduling, so two visits that clash cannot both pass the clash check: on PostgreSQL a lock
    /// held to the end of the transaction; SQLite's write lock (`claimWriteLock`) already does it.
    static func lockVisitSchedule(_ database: any Database) async throws {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        try await sql.raw("SELECT pg_advisory_xact_lock(727001)").run()
    }

    /// Triggers that refuse UPDATE and DELETE on `table`.
    static func appendOnlyGuard(table: String, dialect: String) -> [String] {
        if dialect == "sqlite" {
            return ["UPDATE", "DELETE"].map { verb in
                """
                CREATE TRIGGER \(table)_no_\(verb.lowercased()) BEFORE \(verb) ON \(table)
                BEGIN SELECT RAISE(ABORT, '\(table) is append-only'); END
                """
            }
        }
        return [
            """
            CREATE OR REPLACE FUNCTION \(table)_append_only() RETURNS trigger AS $$
            BEGIN RAISE EXCEPTION '\(table) is append-only'; END; $$ LANGUAGE plpgsql
            """,
            "CREATE TRIGGER \(table)_no_change BEFORE UPDATE OR DELETE ON \(table) FOR EACH STATEMENT EXECUTE FUNCTION \(table)_append_only()",
        ]
    }
}

extension Database {
    /// The database as SQL, for the reads written in SQL (Reunify runs on SQLite and PostgreSQL only).
    var sql: any SQLDatabase {
        guard let sql = self as? any SQLDatabase else { fatalError("Reunify runs on SQL databases only") }
        return sql
    }
}
