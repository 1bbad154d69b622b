import FluentKit
import Foundation
import Testing
import ReunifyDomain
@testable import ReunifyStore

@Suite("Audit entries of reads, written together")
struct AuditBatcherTests {
    static func entry(_ n: Int) -> AuditEventModel {
        AuditEventModel(occurredAt: Date(), userID: nil, userEmail: "reader\(n)@example.test", action: AuditAction.view.rawValue,
                        recordKind: "caseload", recordID: nil, caseID: nil, summary: Worded.stored(english: "read \(n)", others: nil), address: nil)
    }

    @Test("every entry is committed before its caller goes on; entries arriving together share a transaction")
    func groupCommit() async throws {
        try await StoreHarness.withDatabase { db in
            let batcher = AuditBatcher(database: { db })
            try await batcher.record(Self.entry(0))
            #expect(try await AuditRepository(db).count() == 1)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for n in 1...200 {
                    group.addTask {
                        try await batcher.record(Self.entry(n))
                        // Once record returns, the entry is there for any reader.
                        let found = try await AuditEventModel.query(on: db).filter(\.$userEmail == "reader\(n)@example.test").count()
                        #expect(found == 1)
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await AuditRepository(db).count() == 201)
            let transactions = await batcher.transactions
            #expect(transactions >= 2)
            #expect(transactions < 201, "200 concurrent entries should not need 200 transactions")
        }
    }

    @Test("when the database refuses a batch, its callers are told and nothing of it stands")
    func failure() async throws {
        try await StoreHarness.withDatabase { db in
            let batcher = AuditBatcher(database: { db })
            let bad = Self.entry(1)
            let id = UUID()
            bad.id = id
            try await batcher.record(bad)
            let duplicate = Self.entry(2)
            duplicate.id = id
            await #expect(throws: (any Error).self) { try await batcher.record(duplicate) }
            #expect(try await AuditRepository(db).count() == 1)
            // A batch goes in whole or not at all, whether it fits one statement or needs a transaction of several.
            for size in [3, [AuditEventModel].rowsPerInsert * 2 + 1] {
                let events = (0..<size).map { Self.entry(100 + $0) }
                events[size - 1].id = id
                await #expect(throws: (any Error).self) { try await batcher.record(events) }
                #expect(try await AuditRepository(db).count() == 1, "no entry of a refused batch of \(size) stands")
            }
            try await batcher.record((0...[AuditEventModel].rowsPerInsert * 2).map { Self.entry(10_000 + $0) })
            #expect(try await AuditRepository(db).count() == 2 + [AuditEventModel].rowsPerInsert * 2)
            let none = AuditBatcher(database: { nil })
            await #expect(throws: StoreError.self) { try await none.record(Self.entry(3)) }
        }
    }
}
