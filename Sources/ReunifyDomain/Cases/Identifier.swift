import Foundation

/// Any record's id, whatever its type, for what records every kind alike (the audit log).
public protocol AnyRecordID: Sendable {
    var uuid: UUID { get }
}

/// A typed identifier: a case's id cannot be passed where a person's is wanted.
public struct Identifier<Subject>: Hashable, Sendable, Codable, CustomStringConvertible, AnyRecordID {
    public let uuid: UUID
    public init(_ uuid: UUID) { self.uuid = uuid }
    public init?(_ text: String) {
        guard let uuid = UUID(uuidString: text) else { return nil }
        self.uuid = uuid
    }
    public var description: String { uuid.uuidString.lowercased() }

    public init(from decoder: any Decoder) throws {
        uuid = try decoder.singleValueContainer().decode(UUID.self)
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(uuid)
    }
}

/// Subjects for `Identifier`.
public enum UserSubject {}
public enum CaseSubject {}
public enum PersonSubject {}
public enum EpisodeSubject {}
public enum PlacementSubject {}
public enum GoalSubject {}
public enum RelationshipSubject {}
public enum MemberSubject {}
public enum AssessmentSubject {}
public enum ReviewSubject {}
public enum VignetteSubject {}
public enum TracingRequestSubject {}
public enum CandidateSubject {}
public enum ProviderSubject {}
public enum ServiceSubject {}
public enum ConsentSubject {}
public enum ReferralSubject {}
public enum PlanSubject {}
public enum SessionSubject {}
public enum VisitPlanSubject {}
public enum LevelChangeSubject {}
public enum SafetyAssessmentSubject {}
public enum VisitSubject {}
public enum HearingSubject {}
public enum DecisionSubject {}
public enum TPRExceptionSubject {}
public enum NoticeSubject {}
public enum FollowUpSubject {}
public enum PathStepSubject {}
public enum AftercarePlanSubject {}

public typealias UserID = Identifier<UserSubject>
public typealias CaseID = Identifier<CaseSubject>
public typealias PersonID = Identifier<PersonSubject>
public typealias EpisodeID = Identifier<EpisodeSubject>
public typealias PlacementID = Identifier<PlacementSubject>
public typealias GoalID = Identifier<GoalSubject>
public typealias RelationshipID = Identifier<RelationshipSubject>
public typealias MemberID = Identifier<MemberSubject>
public typealias AssessmentID = Identifier<AssessmentSubject>
public typealias ReviewID = Identifier<ReviewSubject>
public typealias VignetteID = Identifier<VignetteSubject>
public typealias TracingRequestID = Identifier<TracingRequestSubject>
public typealias CandidateID = Identifier<CandidateSubject>
public typealias ProviderID = Identifier<ProviderSubject>
public typealias ServiceID = Identifier<ServiceSubject>
public typealias ConsentID = Identifier<ConsentSubject>
public typealias ReferralID = Identifier<ReferralSubject>
public typealias PlanID = Identifier<PlanSubject>
public typealias SessionID = Identifier<SessionSubject>
public typealias VisitPlanID = Identifier<VisitPlanSubject>
public typealias LevelChangeID = Identifier<LevelChangeSubject>
public typealias SafetyAssessmentID = Identifier<SafetyAssessmentSubject>
public typealias VisitID = Identifier<VisitSubject>
public typealias HearingID = Identifier<HearingSubject>
public typealias PathStepID = Identifier<PathStepSubject>
public typealias AftercarePlanID = Identifier<AftercarePlanSubject>
public typealias DecisionID = Identifier<DecisionSubject>
public typealias TPRExceptionID = Identifier<TPRExceptionSubject>
public typealias NoticeID = Identifier<NoticeSubject>
public typealias FollowUpID = Identifier<FollowUpSubject>

/// A record as the rules and the pages see it: its id, the version an edit must name, and its details.
public struct Recorded<Subject, Details: Sendable>: Sendable {
    public let id: Identifier<Subject>
    public let version: Int
    public let details: Details
    public init(id: Identifier<Subject>, version: Int, details: Details) {
        self.id = id
        self.version = version
        self.details = details
    }
}

extension UUID: AnyRecordID {
    /// A stored row's own id, where the kind of record is named beside it (an audit entry's record kind).
    public var uuid: UUID { self }
}
