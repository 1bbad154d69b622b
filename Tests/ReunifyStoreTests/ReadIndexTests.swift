import FluentKit
import Foundation
import SQLKit
import Testing
@testable import ReunifyStore

@Suite("Indexes for the reads")
struct ReadIndexTests {
    struct Name: Decodable { let name: String }

    @Test("every read index is in the migrated database, and a case's episodes are found through one")
    func present() async throws {
        try await StoreHarness.withDatabase { db in
            let sql = try #require(db as? any SQLDatabase)
            let names: Set<String>
            if sql.dialect.name == "sqlite" {
                names = Set(try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'index'").all(decoding: Name.self).map(\.name))
                struct Plan: Decodable { let detail: String }
                let plan = try await sql.raw("EXPLAIN QUERY PLAN SELECT * FROM removal_episodes WHERE case_id = \(bind: UUID())")
                    .all(decoding: Plan.self).map(\.detail).joined(separator: " ")
                #expect(plan.contains("removal_episodes_by_case_id"), "plan: \(plan)")
            } else {
                names = Set(try await sql.raw("SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema()").all(decoding: Name.self).map(\.name))
            }
            for (table, columns) in CreateReadIndexes.indexes {
                #expect(names.contains(CreateReadIndexes.name(table, columns)), "\(table) \(columns)")
            }
        }
    }
}
