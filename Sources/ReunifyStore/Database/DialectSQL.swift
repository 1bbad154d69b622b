/// The few statements the two databases write differently, kept in one place.
enum DialectSQL {
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
