import FluentKit
import Foundation
import ReunifyDomain

/// The append-only audit log: entries are added and read, never changed.
public struct AuditRepository: Sendable {
    let db: any Database
    public init(_ db: any Database) { self.db = db }

    public func record(_ event: AuditEventModel) async throws {
        try await event.create(on: db)
    }

    /// Where a page of a trail ends: its last entry's time and id. The next page starts after it.
    public struct TrailCursor: Sendable, Equatable {
        public let occurredAt: Date
        public let id: UUID
        public init(occurredAt: Date, id: UUID) {
            self.occurredAt = occurredAt
            self.id = id
        }
        public init?(_ entry: AuditEventModel) {
            guard let id = entry.id else { return nil }
            self.init(occurredAt: entry.occurredAt, id: id)
        }
    }

    /// A page of a case's trail, newest first (by time, then id): the entries after `cursor` (from the newest when
    /// nil), and how many entries the trail has in all. Paging by the last entry shown means the entries that reading
    /// the trail adds at its top never shift the pages that follow.
    public func trail(caseID: CaseID, after cursor: TrailCursor? = nil, per: Int = 100) async throws -> (entries: [AuditEventModel], total: Int) {
        let total = try await AuditEventModel.query(on: db).filter(\.$caseID == caseID.uuid).count()
        var page = AuditEventModel.query(on: db).filter(\.$caseID == caseID.uuid)
        if let cursor {
            page = page.group(.or) { older in
                older.filter(\.$occurredAt < cursor.occurredAt)
                    .group(.and) { $0.filter(\.$occurredAt == cursor.occurredAt).filter(\.$id < cursor.id) }
            }
        }
        let entries = try await page.sort(\.$occurredAt, .descending).sort(\.$id, .descending).limit(per).all()
        return (entries, total)
    }

    public func count() async throws -> Int { try await AuditEventModel.query(on: db).count() }
}
