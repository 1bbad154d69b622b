import FluentKit
import Foundation
import ReunifyDomain

/// One reunification review for one child: the inputs, the outcome as first computed, and the final
/// recommendation after any supervisor-approved override. Both recommendations are kept.
public final class ReviewModel: VersionedModel, @unchecked Sendable {
    public static let schema = "reunification_reviews"

    @ID(key: .id) public var id: UUID?
    @Field(key: .caseID) public var caseID: UUID
    @Field(key: .childID) public var childID: UUID
    @Field(key: .reviewerID) public var reviewerID: UUID
    @Field(key: .reviewedOn) public var reviewedOn: String
    @Field(key: .input) public var input: String
    @Field(key: .outcome) public var outcome: String
    @Field(key: .recommendation) public var recommendation: String
    @Field(key: .finalRecommendation) public var finalRecommendation: String
    @OptionalField(key: .rationale) public var rationale: String?
    @OptionalField(key: .overrideReason) public var overrideReason: String?
    @OptionalField(key: .overrideBy) public var overrideBy: UUID?
    @OptionalField(key: .approvedBy) public var approvedBy: UUID?
    @OptionalField(key: .approvedAt) public var approvedAt: Date?
    @Field(key: .policyVersion) public var policyVersion: String
    @Field(key: .version) public var version: Int
    @Timestamp(key: .createdAt, on: .create) public var createdAt: Date?
    /// The fields above, listed for Fluent so reading or writing a row needs no reflection (`ModelFieldsTests`).
    public var properties: [any AnyProperty] {
        [$id, $caseID, $childID, $reviewerID, $reviewedOn, $input, $outcome, $recommendation, $finalRecommendation,
         $rationale, $overrideReason, $overrideBy, $approvedBy, $approvedAt, $policyVersion, $version, $createdAt]
    }

    public init() {}
    public init(caseID: UUID, childID: UUID, reviewerID: UUID, reviewedOn: CalendarDate, input: ReviewInput, outcome: ReviewOutcome) {
        self.caseID = caseID
        self.childID = childID
        self.reviewerID = reviewerID
        self.reviewedOn = reviewedOn.iso
        self.input = Self.json(input)
        self.outcome = Self.json(outcome)
        self.recommendation = outcome.recommendation.rawValue
        self.finalRecommendation = outcome.recommendation.rawValue
        self.rationale = input.rationale
        self.policyVersion = outcome.policyVersion
        self.version = 1
    }

    static func json<T: Encodable>(_ value: T) -> String {
        let e = JSONEncoder()
        e.outputFormatting = .sortedKeys
        return String(decoding: (try? e.encode(value)) ?? Data(), as: UTF8.self)
    }

    public var reviewInput: ReviewInput? { try? JSONDecoder().decode(ReviewInput.self, from: Data(input.utf8)) }
    public var reviewOutcome: ReviewOutcome? { try? JSONDecoder().decode(ReviewOutcome.self, from: Data(outcome.utf8)) }
    public var initial: Recommendation { Recommendation(rawValue: recommendation) ?? .continueReunification }
    public var final: Recommendation { Recommendation(rawValue: finalRecommendation) ?? initial }
    public var reviewDate: CalendarDate { CalendarDate(iso: reviewedOn)! }
    /// A discretionary risk override stands only once a supervisor has approved it.
    public var details: ReviewRecord {
        ReviewRecord(childID: PersonID(childID), reviewerID: UserID(reviewerID), reviewedOn: reviewDate, input: reviewInput,
                     outcome: reviewOutcome, initial: initial, final: final, rationale: rationale, overrideReason: overrideReason,
                     overrideBy: overrideBy.map(UserID.init), approved: approvedAt != nil, policyVersion: policyVersion)
    }

    /// The domain decides when a review waits for a supervisor (`ReviewRecord.awaitingApproval`).
    public var awaitingApproval: Bool { details.awaitingApproval }
}
