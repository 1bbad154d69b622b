import FluentKit
import Foundation
import ReunifyDomain

/// The one way a record of a case is changed: ask the access policy, then write the change and its audit entry in
/// one transaction, so a failed write leaves no entry claiming it happened and a written one never lacks its entry.
public struct CaseChange: Sendable {
    let db: any Database
    public let acting: Acting

    public init(_ db: any Database, _ acting: Acting) {
        self.db = db
        self.acting = acting
    }

    /// What the written change says of itself in the audit log.
    public struct Entry: Sendable {
        public let recordID: UUID?
        public let summary: Worded
        /// The summary from the catalogue, in every language; `each` gives values that differ by language.
        public init(_ recordID: UUID?, _ key: Msg, _ values: [String: String] = [:], each: ((UILanguage) -> [String: String])? = nil) {
            self.recordID = recordID
            self.summary = Worded(key, values, each: each)
        }
        public init(_ recordID: UUID?, _ summary: Worded) {
            self.recordID = recordID
            self.summary = summary
        }
    }

    /// Asks the access policy. A case the actor has no part in is not found; a refusal on a case they know of is
    /// audited (and stays audited: nothing is rolled back) before it is thrown.
    @discardableResult
    public func authorize(_ action: AccessAction, _ kind: RecordKind, caseID: CaseID) async throws -> CaseAccessFacts {
        guard let facts = try await CaseRepository(db).facts(caseID) else { throw StoreError.noSuchCase }
        switch acting.policy.decide(acting.actor, action, kind, in: facts) {
        case .allow:
            return facts
        case .notFound:
            throw StoreError.noSuchCase
        case .forbidden(let why):
            try await acting.refuse(on: db, action, kind, caseID: caseID, why)
        }
    }

    /// Authorises `action` on `kind`, then runs `change` and records its audit entry in one transaction.
    public func write<T: Sendable>(_ action: AccessAction, _ kind: RecordKind, caseID: CaseID,
                                   _ change: @escaping @Sendable (any Database) async throws -> (T, Entry)) async throws -> T {
        try await authorize(action, kind, caseID: caseID)
        return try await audited(action, kind) { tx in
            let (value, entry) = try await change(tx)
            return (value, entry, caseID)
        }
    }

    /// Runs an authorised `change` and records its audit entry, against the case it names, in one transaction. A case
    /// being opened names itself only once it is written, so the change returns the case with its entry.
    func audited<T: Sendable>(_ action: AccessAction, _ kind: RecordKind,
                              _ change: @escaping @Sendable (any Database) async throws -> (T, Entry, CaseID)) async throws -> T {
        let acting = self.acting
        let audit: AuditAction = switch action {
        case .create: .create
        case .update: .update
        case .delete: .delete
        case .read: .view
        }
        return try await db.transaction { tx in
            try await DialectSQL.claimWriteLock(tx)
            let (value, entry, caseID) = try await change(tx)
            try await CaseRepository(tx).touchRecords([caseID])
            try await AuditRepository(tx).record(acting.auditEvent(audit, kind, recordID: entry.recordID, caseID: caseID, entry.summary))
            return value
        }
    }
}
