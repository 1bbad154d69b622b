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

    /// A case's trail, newest first.
    public func trail(caseID: CaseID, limit: Int = 500) async throws -> [AuditEventModel] {
        try await AuditEventModel.query(on: db).filter(\.$caseID == caseID.uuid)
            .sort(\.$occurredAt, .descending).limit(limit).all()
    }


    public func count() async throws -> Int { try await AuditEventModel.query(on: db).count() }
}
