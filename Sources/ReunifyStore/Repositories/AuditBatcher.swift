import FluentKit
import Foundation

/// Writes the audit entries of reads together. Each caller waits until the transaction holding its entry has
/// committed, so no response goes out before its entry is durable; entries that arrive while a transaction is
/// being written go into the next one (a group commit). Under load this turns one transaction per read into one per
/// batch, which is where a read's time went on SQLite (a commit per request, each waiting for the disk).
/// Writes keep their entry in their own transaction (`Acting`); this is for what only reads.
public actor AuditBatcher {
    private let database: @Sendable () -> (any Database)?
    private var waiting: [(events: [AuditEventModel], done: CheckedContinuation<Void, any Error>)] = []
    private var writing = false
    /// How many transactions have been written (for tests and benchmarks).
    public private(set) var transactions = 0

    public init(database: @escaping @Sendable () -> (any Database)?) {
        self.database = database
    }

    /// Returns once `event` has been committed; throws if its transaction failed (then no entry of that batch stands).
    public func record(_ event: AuditEventModel) async throws {
        try await record([event])
    }

    /// Returns once all of `events` have been committed, in one transaction (a read of several cases waits once).
    public func record(_ events: [AuditEventModel]) async throws {
        guard !events.isEmpty else { return }
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, any Error>) in
            waiting.append((events, done))
            if !writing {
                writing = true
                Task { await self.drain() }
            }
        }
    }

    private func drain() async {
        while !waiting.isEmpty {
            let batch = waiting
            waiting = []
            do {
                let events = batch.flatMap(\.events)
                guard let db = database() else { throw StoreError.absent("The database has shut down; the audit entry was not written") }
                if events.count <= [AuditEventModel].rowsPerInsert {
                    // One statement, committed on its own: the connection is held for one step, not for a
                    // transaction's three, which other requests' reads would queue behind.
                    try await events.create(on: db)
                } else {
                    try await db.transaction { tx in try await events.create(inChunksOn: tx) }
                }
                transactions += 1
                for entry in batch { entry.done.resume() }
            } catch {
                for entry in batch { entry.done.resume(throwing: error) }
            }
        }
        writing = false
    }
}
