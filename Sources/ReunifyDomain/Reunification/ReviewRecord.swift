import Foundation

/// A reunification review as recorded: for whom, by whom and when, what went in, what came out, and what a
/// supervisor did with it.
public struct ReviewRecord: Sendable {
    public var childID: PersonID
    public var reviewerID: UserID
    public var reviewedOn: CalendarDate
    public var input: ReviewInput?
    public var outcome: ReviewOutcome?
    /// The review's own recommendation, kept whatever a supervisor decided.
    public var initial: Recommendation
    /// The recommendation that stands: the review's own, or a supervisor's override.
    public var final: Recommendation
    public var rationale: String?
    public var overrideReason: String?
    public var overrideBy: UserID?
    public var approved: Bool
    public var policyVersion: String

    public init(childID: PersonID, reviewerID: UserID, reviewedOn: CalendarDate, input: ReviewInput?, outcome: ReviewOutcome?,
                initial: Recommendation, final: Recommendation, rationale: String?, overrideReason: String?, overrideBy: UserID?,
                approved: Bool, policyVersion: String) {
        self.childID = childID
        self.reviewerID = reviewerID
        self.reviewedOn = reviewedOn
        self.input = input
        self.outcome = outcome
        self.initial = initial
        self.final = final
        self.rationale = rationale
        self.overrideReason = overrideReason
        self.overrideBy = overrideBy
        self.approved = approved
        self.policyVersion = policyVersion
    }

    public var overridden: Bool { final != initial }

    /// A discretionary risk override waits for a supervisor's approval.
    public var awaitingApproval: Bool { input?.risk.discretionaryOverride != nil && !approved }
}
