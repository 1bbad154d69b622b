import Foundation

/// A tracing request as filed: what was asked, who filed it and when, the registered child a confirmed match linked it
/// to, and what verification found.
public struct TracingRecord: Sendable {
    public var request: TracingRequestDetails
    public var filedBy: UserID
    public var filedOn: CalendarDate
    public var linkedPersonID: PersonID?
    public var verification: VerificationDetails?

    public init(request: TracingRequestDetails, filedBy: UserID, filedOn: CalendarDate, linkedPersonID: PersonID?,
                verification: VerificationDetails?) {
        self.request = request
        self.filedBy = filedBy
        self.filedOn = filedOn
        self.linkedPersonID = linkedPersonID
        self.verification = verification
    }
}

/// A proposed match as a page shows it in a list: how likely, and what a person decided.
public struct CandidateSummary: Sendable {
    public var probability: Double
    public var decision: CandidateDecision
    public init(probability: Double, decision: CandidateDecision) {
        self.probability = probability
        self.decision = decision
    }
}
