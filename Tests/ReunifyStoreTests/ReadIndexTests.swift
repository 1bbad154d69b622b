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

    static func indexNames(_ sql: any SQLDatabase) async throws -> Set<String> {
        let query: SQLQueryString = sql.dialect.name == "sqlite" ? "SELECT name FROM sqlite_master WHERE type = 'index'"
            : "SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema()"
        return Set(try await sql.raw(query).all(decoding: Name.self).map(\.name))
    }

    struct LoadFailed: Error {}

    @Test("a bulk load runs without the read indexes of its tables, which are built again after it, also when it fails")
    func deferred() async throws {
        try await StoreHarness.withDatabase { db in
            let sql = try #require(db as? any SQLDatabase)
            let all = Set(CreateReadIndexes.indexes.map { CreateReadIndexes.name($0.0, $0.1) })
            let placements = Set(CreateReadIndexes.indexes.filter { $0.0 == "placements" }.map { CreateReadIndexes.name($0.0, $0.1) })
            let during = try await DeferredIndexes.load(on: db, tables: ["placements"]) { try await Self.indexNames(sql) }
            #expect(during.isDisjoint(with: placements))
            #expect(all.subtracting(placements).isSubset(of: during), "the other tables keep theirs")
            #expect(all.isSubset(of: try await Self.indexNames(sql)))
            await #expect(throws: LoadFailed.self) {
                try await DeferredIndexes.load(on: db, tables: ["placements", "cases"]) { () async throws -> Int in throw LoadFailed() }
            }
            #expect(all.isSubset(of: try await Self.indexNames(sql)))
        }
    }
}
