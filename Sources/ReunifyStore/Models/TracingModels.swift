import FluentKit
import Foundation
import ReunifyDomain
import ReunifyMatching

/// A tracing request: the inquirer and the sought child are kept as JSON documents of the domain's values.
public final class TracingRequestModel: VersionedModel, @unchecked Sendable {
    public static let schema = "tracing_requests"

    @ID(key: .id) public var id: UUID?
    @Field(key: .kind) public var kind: String
    @Field(key: .status) public var status: String
    @Field(key: .inquirer) public var inquirer: String
    @Field(key: .sought) public var sought: String
    /// The sought child's names folded for search.
    @Field(key: .soughtName) public var soughtName: String
    @OptionalField(key: .childID) public var childID: UUID?
    /// The registered child a confirmed match linked this request to.
    @OptionalField(key: .linkedPersonID) public var linkedPersonID: UUID?
    @OptionalField(key: .verification) public var verification: String?
    @OptionalField(key: .notes) public var notes: String?
    @Field(key: .filedBy) public var filedBy: UUID
    @Field(key: .filedOn) public var filedOn: String
    @Field(key: .version) public var version: Int
    @Timestamp(key: .createdAt, on: .create) public var createdAt: Date?
    @Timestamp(key: .updatedAt, on: .update) public var updatedAt: Date?
    /// The fields above, listed for Fluent so reading or writing a row needs no reflection (`ModelFieldsTests`).
    public var properties: [any AnyProperty] {
        [$id, $kind, $status, $inquirer, $sought, $soughtName, $childID, $linkedPersonID, $verification, $notes,
         $filedBy, $filedOn, $version, $createdAt, $updatedAt]
    }

    public init() {}
    public init(id: UUID? = nil, _ details: TracingRequestDetails, filedBy: UUID, filedOn: CalendarDate) {
        self.id = id
        self.filedBy = filedBy
        self.filedOn = filedOn.iso
        self.version = 1
        apply(details)
    }

    public func apply(_ d: TracingRequestDetails) {
        kind = d.kind.rawValue
        status = d.status.rawValue
        inquirer = ReviewModel.json(d.inquirer)
        sought = ReviewModel.json(d.sought)
        soughtName = SearchText.fold(Transliteration.toLatin(([d.sought.givenName, d.sought.familyName] + d.sought.otherNames).joined(separator: " ")))
            + " " + SearchText.fold(([d.sought.givenName, d.sought.familyName] + d.sought.otherNames).joined(separator: " "))
        childID = d.childID?.uuid
        notes = d.notes
    }

    public var details: TracingRequestDetails {
        TracingRequestDetails(
            kind: TracingKind(rawValue: kind) ?? .inquiry,
            inquirer: (try? JSONDecoder().decode(Inquirer.self, from: Data(inquirer.utf8))) ?? Inquirer(name: "", relationship: ""),
            sought: (try? JSONDecoder().decode(SoughtPerson.self, from: Data(sought.utf8))) ?? SoughtPerson(givenName: "", familyName: ""),
            status: TracingStatus(rawValue: status) ?? .open, childID: childID.map { PersonID($0) }, notes: notes)
    }

    /// The request as filed, for pages: a domain value with its typed id and version.
    public var record: Recorded<TracingRequestSubject, TracingRecord> {
        Recorded(id: typedID, version: version, details: TracingRecord(request: details, filedBy: UserID(filedBy), filedOn: filedDate,
                                                                      linkedPersonID: linkedPersonID.map(PersonID.init),
                                                                      verification: verificationDetails))
    }

    public var filedDate: CalendarDate { CalendarDate(iso: filedOn) ?? CalendarDate(year: 2000, month: 1, day: 1)! }
    public var statusValue: TracingStatus { TracingStatus(rawValue: status) ?? .open }
    public var kindValue: TracingKind { TracingKind(rawValue: kind) ?? .inquiry }
    public var verificationDetails: VerificationDetails? {
        verification.flatMap { try? JSONDecoder().decode(VerificationDetails.self, from: Data($0.utf8)) }
    }
}

/// One thing done to find someone.
public final class TracingActionModel: Model, @unchecked Sendable {
    public static let schema = "tracing_actions"

    @ID(key: .id) public var id: UUID?
    @Field(key: .requestID) public var requestID: UUID
    @Field(key: .actionDate) public var date: String
    @Field(key: .actionType) public var type: String
    @Field(key: .place) public var place: String
    @Field(key: .outcome) public var outcome: String
    @Field(key: .notes) public var notes: String
    @Field(key: .recordedBy) public var recordedBy: UUID
    @Timestamp(key: .createdAt, on: .create) public var createdAt: Date?
    /// The fields above, listed for Fluent so reading or writing a row needs no reflection (`ModelFieldsTests`).
    public var properties: [any AnyProperty] { [$id, $requestID, $date, $type, $place, $outcome, $notes, $recordedBy, $createdAt] }

    public init() {}
    public init(requestID: UUID, _ d: TracingActionDetails, recordedBy: UUID) {
        self.requestID = requestID
        self.date = d.date.iso
        self.type = d.type.rawValue
        self.place = d.place
        self.outcome = d.outcome
        self.notes = d.notes
        self.recordedBy = recordedBy
    }

    public var details: TracingActionDetails {
        TracingActionDetails(date: CalendarDate(iso: date) ?? CalendarDate(year: 2000, month: 1, day: 1)!,
                             type: TracingActionType(rawValue: type) ?? .other, place: place, outcome: outcome, notes: notes)
    }
}

/// A stored match between a tracing request's sought child and a registered child: the score, the evidence per
/// field and the engine that made them, and a person's decision.
public final class MatchCandidateModel: VersionedModel, @unchecked Sendable {
    public static let schema = "match_candidates"

    @ID(key: .id) public var id: UUID?
    @Field(key: .requestID) public var requestID: UUID
    @Field(key: .personID) public var personID: UUID
    @Field(key: .probability) public var probability: Double
    @Field(key: .evidence) public var evidence: String
    @Field(key: .engineVersion) public var engineVersion: String
    @Field(key: .decision) public var decision: String
    @OptionalField(key: .decidedBy) public var decidedBy: UUID?
    @OptionalField(key: .decidedAt) public var decidedAt: Date?
    @OptionalField(key: .decisionReason) public var decisionReason: String?
    @Field(key: .scoredAt) public var scoredAt: Date
    @Field(key: .version) public var version: Int
    /// The fields above, listed for Fluent so reading or writing a row needs no reflection (`ModelFieldsTests`).
    public var properties: [any AnyProperty] {
        [$id, $requestID, $personID, $probability, $evidence, $engineVersion, $decision, $decidedBy, $decidedAt,
         $decisionReason, $scoredAt, $version]
    }

    public init() {}
    public init(requestID: UUID, personID: UUID, probability: Double, evidence: [MatchEvidence], scoredAt: Date) {
        self.requestID = requestID
        self.personID = personID
        self.probability = probability
        self.evidence = ReviewModel.json(evidence)
        self.engineVersion = FellegiSunterModel.engineVersion
        self.decision = CandidateDecision.pending.rawValue
        self.scoredAt = scoredAt
        self.version = 1
    }

    public var summary: CandidateSummary { CandidateSummary(probability: probability, decision: decisionValue) }

    /// The match as its review page and the API show it: a domain value with its typed id and version.
    public var record: Recorded<CandidateSubject, CandidateRecord> {
        Recorded(id: typedID, version: version, details: CandidateRecord(
            requestID: TracingRequestID(requestID), personID: PersonID(personID), probability: probability, evidence: evidenceList,
            engineVersion: engineVersion, scoredAt: scoredAt, decision: decisionValue, decidedBy: decidedBy.map(UserID.init),
            decidedAt: decidedAt, decisionReason: decisionReason))
    }

    public var decisionValue: CandidateDecision { CandidateDecision(rawValue: decision) ?? .pending }
    public var evidenceList: [MatchEvidence] { (try? JSONDecoder().decode([MatchEvidence].self, from: Data(evidence.utf8))) ?? [] }
}
