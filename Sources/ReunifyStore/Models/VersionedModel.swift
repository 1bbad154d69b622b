import FluentKit
import Foundation
import ReunifyDomain

/// A record people edit: every update names the version it was based on.
public protocol VersionedModel: Model where IDValue == UUID {
    var version: Int { get set }
}

/// A stored record whose id has a type of its own, so a case's id cannot be passed where a person's is wanted.
public protocol IdentifiedModel: Model where IDValue == UUID {
    associatedtype Subject
}

extension IdentifiedModel {
    /// The saved record's typed id.
    public var typedID: Identifier<Subject> { Identifier(id!) }
}

/// A versioned record whose details are a domain value: what pages and rules read instead of the row.
public protocol DetailedModel: VersionedModel, IdentifiedModel {
    associatedtype Details: Sendable
    var details: Details { get }
}

extension DetailedModel {
    public var recorded: Recorded<Subject, Details> { Recorded(id: typedID, version: version, details: details) }
}

extension CaseModel: DetailedModel { public typealias Subject = CaseSubject }
extension PersonModel: DetailedModel { public typealias Subject = PersonSubject }
extension RemovalEpisodeModel: DetailedModel { public typealias Subject = EpisodeSubject }
extension PlacementModel: DetailedModel { public typealias Subject = PlacementSubject }
extension PermanencyGoalModel: DetailedModel { public typealias Subject = GoalSubject }
extension RelationshipModel: DetailedModel { public typealias Subject = RelationshipSubject }
extension TracingRequestModel: DetailedModel { public typealias Subject = TracingRequestSubject }
extension MemberModel: IdentifiedModel { public typealias Subject = MemberSubject }
extension AssessmentModel: DetailedModel { public typealias Subject = AssessmentSubject }
extension ReviewModel: DetailedModel { public typealias Subject = ReviewSubject }
extension VignetteModel: IdentifiedModel { public typealias Subject = VignetteSubject }
extension MatchCandidateModel: IdentifiedModel { public typealias Subject = CandidateSubject }
extension UserModel: IdentifiedModel { public typealias Subject = UserSubject }

extension ProviderModel: DetailedModel { public typealias Subject = ProviderSubject }
extension ProviderServiceModel: DetailedModel { public typealias Subject = ServiceSubject }
extension ConsentModel: DetailedModel { public typealias Subject = ConsentSubject }
extension ReferralModel: DetailedModel { public typealias Subject = ReferralSubject }
extension CasePlanModel: DetailedModel { public typealias Subject = PlanSubject }
extension SessionModel: DetailedModel { public typealias Subject = SessionSubject }
