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

    /// The audit entry for something this actor did.
    func auditEvent(_ action: AuditAction, _ kind: RecordKind, recordID: UUID?, caseID: CaseID?, _ summary: String) -> AuditEventModel {
        AuditEventModel(occurredAt: now, userID: actor.id.uuid, userEmail: userEmail, action: action.rawValue,
                        recordKind: kind.rawValue, recordID: recordID, caseID: caseID?.uuid, summary: summary, address: address)
    }
}
