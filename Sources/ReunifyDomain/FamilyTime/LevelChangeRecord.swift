import Foundation

/// A level change as kept: the change asked for, by whom and when, the safety assessment it rested on, and its
/// approval (a step up by a supervisor; a step down is taken at once and waits for the supervisor to acknowledge it).
public struct LevelChangeRecord: Equatable, Sendable, Codable {
    public var planID: VisitPlanID
    public var change: LevelChange
    public var requestedBy: UserID
    public var requestedOn: CalendarDate
    public var safetyAssessmentID: SafetyAssessmentID?
    public var approvedBy: UserID?
    public var approvedOn: CalendarDate?
    /// For a step down: the supervisor has seen it.
    public var acknowledgedBy: UserID?

    public init(planID: VisitPlanID, change: LevelChange, requestedBy: UserID, requestedOn: CalendarDate, safetyAssessmentID: SafetyAssessmentID?,
                approvedBy: UserID? = nil, approvedOn: CalendarDate? = nil, acknowledgedBy: UserID? = nil) {
        self.planID = planID
        self.change = change
        self.requestedBy = requestedBy
        self.requestedOn = requestedOn
        self.safetyAssessmentID = safetyAssessmentID
        self.approvedBy = approvedBy
        self.approvedOn = approvedOn
        self.acknowledgedBy = acknowledgedBy
    }

    /// A step down the supervisor has not yet seen: a flag on their caseload.
    public var awaitsAcknowledgement: Bool { !change.isStepUp && acknowledgedBy == nil }

    /// A supervisor approves a step up waiting for approval, or acknowledges a step down. Anything else is a conflict.
    public func approved(by supervisor: UserID, on day: CalendarDate) throws(StateConflict) -> LevelChangeRecord {
        var next = self
        if change.isStepUp {
            guard change.status == .awaitingApproval else { throw StateConflict(.ruleLevelApproved) }
            next.change.status = .approved
            next.approvedBy = supervisor
            next.approvedOn = day
        } else {
            guard acknowledgedBy == nil else { throw StateConflict(.ruleLevelAcknowledged) }
            next.acknowledgedBy = supervisor
        }
        return next
    }
}
