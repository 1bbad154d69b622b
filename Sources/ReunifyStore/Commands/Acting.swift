import FluentKit
import Foundation
import ReunifyDomain

/// Who is making a change, from where, and when: everything a command needs to know about the request that asks
/// for it, without knowing whether it came from a page, the API or an import.
public struct Acting: Sendable {
    public let actor: Actor
    public let userEmail: String
    public let address: String?
    public let now: Date
    public let today: CalendarDate
    public let timelines: TimelinePolicy
    public let policy: AccessPolicy

    public init(actor: Actor, userEmail: String, address: String?, now: Date, today: CalendarDate,
                timelines: TimelinePolicy, policy: AccessPolicy = AccessPolicy()) {
        self.actor = actor
        self.userEmail = userEmail
        self.address = address
        self.now = now
        self.today = today
        self.timelines = timelines
        self.policy = policy
    }

    /// Runs `change` and writes its audit entry against each case it names (or once, with no case, when it names
    /// none) in one transaction, the SQLite write lock claimed first: for changes that concern several cases at once
    /// (a person merged, a tracing decision about a child in two cases) or the agency rather than a case.
    func audited<T: Sendable>(on db: any Database, _ action: AuditAction, _ kind: RecordKind,
                              _ change: @escaping @Sendable (any Database) async throws -> (T, CaseChange.Entry, [CaseID])) async throws -> T {
        let acting = self
        return try await db.transaction { tx in
            try await DialectSQL.claimWriteLock(tx)
            let (value, entry, cases) = try await change(tx)
            try await CaseRepository(tx).touchRecords(cases)
            for caseID in cases.isEmpty ? [nil] : cases.map(Optional.some) {
                try await AuditRepository(tx).record(acting.auditEvent(action, kind, recordID: entry.recordID, caseID: caseID,
                                                                       entry.summary))
            }
            return value
        }
    }

    /// Records a refusal by the access policy in the audit log (where it stays, whatever happens next) and throws it.
    func refuse(on db: any Database, _ action: AccessAction, _ kind: RecordKind, caseID: CaseID? = nil, _ why: Msg) async throws -> Never {
        try await AuditRepository(db).record(auditEvent(.denied, kind, recordID: nil, caseID: caseID,
                                                        Worded(.audRefused, ["action": action.rawValue], each: { ["reason": Catalogue.text(why, $0)] })))
        throw StoreError.refused(why)
    }

    /// The audit entry for something this actor did.
    func auditEvent(_ action: AuditAction, _ kind: RecordKind, recordID: UUID?, caseID: CaseID?, _ summary: Worded) -> AuditEventModel {
        AuditEventModel(occurredAt: now, userID: actor.id.uuid, userEmail: userEmail, action: action.rawValue,
                        recordKind: kind.rawValue, recordID: recordID, caseID: caseID?.uuid, summary: summary, address: address)
    }
}
