import FluentKit
import SQLKit

/// Indexes for the reads of a state-sized agency: every column a page or the API filters or joins on. Without them a
/// case page read each of its tables whole (neither SQLite nor PostgreSQL indexes a referencing column by itself);
/// the benchmarks in `Benchmarks/README.md` show what each read costs with 100 000 families. Columns already leading
/// a unique index (a case's members by case, a case's team by case, …) are not indexed again.
struct CreateReadIndexes: AsyncMigration {
    /// (table, columns) of each index; its name is the table and the columns.
    static let indexes: [(String, [String])] = [
        ("cases", ["caseworker_id"]),
        ("cases", ["supervisor_id"]),
        ("cases", ["unit", "family_name", "case_number"]),
        ("cases", ["family_name", "case_number"]),
        ("case_team_members", ["user_id"]),
        ("case_members", ["person_id"]),
        ("relationships", ["case_id"]),
        ("removal_episodes", ["case_id"]),
        ("removal_episodes", ["child_id"]),
        ("placements", ["case_id"]),
        ("placements", ["episode_id"]),
        ("permanency_goals", ["child_id"]),
        ("audit_events", ["case_id", "occurred_at"]),
        ("audit_events", ["user_id"]),
        ("auth_sessions", ["user_id"]),
        ("sign_in_failures", ["throttle_key", "occurred_at"]),
        ("users", ["unit"]),
        ("users", ["person_id"]),
        ("calendar_feeds", ["case_id"]),
        ("assessments", ["case_id"]),
        ("reunification_reviews", ["case_id"]),
        ("reunification_reviews", ["child_id"]),
        ("safety_assessments", ["case_id"]),
        ("referrals", ["case_id"]),
        ("consents", ["case_id"]),
        ("service_sessions", ["case_id"]),
        ("visit_plans", ["case_id"]),
        ("visit_level_changes", ["case_id"]),
        ("visits", ["case_id"]),
        ("tracing_requests", ["child_id"]),
        ("tracing_actions", ["request_id"]),
    ]

    static func name(_ table: String, _ columns: [String]) -> String { "\(table)_by_" + columns.joined(separator: "_") }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for (table, columns) in Self.indexes { try await Self.create(table, columns, on: sql) }
    }

    static func create(_ table: String, _ columns: [String], on sql: any SQLDatabase) async throws {
        try await sql.raw("""
            CREATE INDEX IF NOT EXISTS \(ident: Self.name(table, columns)) ON \(ident: table) \
            (\(unsafeRaw: columns.map { "\"\($0)\"" }.joined(separator: ", ")))
            """).run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for (table, columns) in Self.indexes {
            try await sql.raw("DROP INDEX IF EXISTS \(ident: Self.name(table, columns))").run()
        }
    }
}
