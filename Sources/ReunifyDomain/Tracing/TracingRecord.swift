import Foundation
import ReunifyMatching

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

/// A proposed match in full, as its review page shows it: the registered child, the score and the evidence per field
/// with the engine that made them, and what a person decided, when and why.
public struct CandidateRecord: Sendable {
    public var requestID: TracingRequestID
    public var personID: PersonID
    public var probability: Double
    public var evidence: [MatchEvidence]
    public var engineVersion: String
    public var scoredAt: Date
    public var decision: CandidateDecision
    public var decidedBy: UserID?
    public var decidedAt: Date?
    public var decisionReason: String?

    public init(requestID: TracingRequestID, personID: PersonID, probability: Double, evidence: [MatchEvidence], engineVersion: String,
                scoredAt: Date, decision: CandidateDecision, decidedBy: UserID?, decidedAt: Date?, decisionReason: String?) {
        self.requestID = requestID
        self.personID = personID
        self.probability = probability
        self.evidence = evidence
        self.engineVersion = engineVersion
        self.scoredAt = scoredAt
        self.decision = decision
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
        self.decisionReason = decisionReason
    }

    public var isDecided: Bool { decision != .pending }
    public var summary: CandidateSummary { CandidateSummary(probability: probability, decision: decision) }
}
