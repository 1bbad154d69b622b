import FluentKit
import Foundation
import ReunifyDomain

extension FieldKey {
    static let planID: FieldKey = "plan_id"
    static let body: FieldKey = "body"
    static let level: FieldKey = "level"
    static let startsAt: FieldKey = "starts_at"
    static let endsAt: FieldKey = "ends_at"
    static let location: FieldKey = "location"
    static let supervisorUserID: FieldKey = "supervisor_user_id"
    static let peopleKey: FieldKey = "people"
    static let recordedAt: FieldKey = "recorded_at"
    static let decisionCode: FieldKey = "decision"
    static let token: FieldKey = "token"
    static let ownerUserID: FieldKey = "owner_user_id"
    static let requestedOn: FieldKey = "requested_on"
    static let stepUp: FieldKey = "step_up"
    static let acknowledged: FieldKey = "acknowledged"
}

/// Encodes a domain value as the JSON text a column keeps (keys sorted, dates as ISO 8601).
enum StoredJSON {
    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: (try? encoder.encode(value)) ?? Data("null".utf8), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(type, from: Data(text.utf8))
    }
}

/// A visit plan: the details as JSON, with the columns queries filter on.
public final class VisitPlanModel: DetailedModel, @unchecked Sendable {
    public typealias Subject = VisitPlanSubject
    public static let schema = "visit_plans"

    @ID(key: .id) public var id: UUID?
    @Field(key: .caseID) public var caseID: UUID
    @Field(key: .childID) public var childID: UUID
    @Field(key: .level) public var level: String
    @Field(key: .body) public var body: String
    @Field(key: .version) public var version: Int
    /// The fields above, listed for Fluent so reading or writing a row needs no reflection (`ModelFieldsTests`).
    public var properties: [any AnyProperty] { [$id, $caseID, $childID, $level, $body, $version] }

    public init() {}
    public init(caseID: CaseID, _ d: VisitPlanDetails) {
        self.caseID = caseID.uuid
        self.version = 1
        apply(d)
    }

    public func apply(_ d: VisitPlanDetails) {
        childID = d.childID.uuid
        level = d.level.rawValue
        body = StoredJSON.encode(d)
    }

    public var details: VisitPlanDetails {
        (try? StoredJSON.decode(VisitPlanDetails.self, body))
            ?? VisitPlanDetails(childID: PersonID(childID), level: VisitLevel(rawValue: level) ?? .supervised, participants: [], frequency: "",
                                durationMinutes: 60, location: "")
    }
}

/// A level change of a visit plan.
public final class LevelChangeModel: VersionedModel, IdentifiedModel, @unchecked Sendable {
    public typealias Subject = LevelChangeSubject
    public static let schema = "visit_level_changes"

    @ID(key: .id) public var id: UUID?
    @Field(key: .caseID) public var caseID: UUID
    @Field(key: .planID) public var planID: UUID
    @Field(key: .status) public var status: String
    @Field(key: .stepUp) public var stepUp: Bool
    @Field(key: .acknowledged) public var acknowledged: Bool
    @Field(key: .requestedOn) public var requestedOn: String
    @Field(key: .body) public var body: String
    @Field(key: .version) public var version: Int
    /// The fields above, listed for Fluent so reading or writing a row needs no reflection (`ModelFieldsTests`).
    public var properties: [any AnyProperty] { [$id, $caseID, $planID, $status, $stepUp, $acknowledged, $requestedOn, $body, $version] }

    public init() {}
    public init(caseID: CaseID, _ r: LevelChangeRecord) {
        self.caseID = caseID.uuid
        self.version = 1
        apply(r)
    }

    public func apply(_ r: LevelChangeRecord) {
        planID = r.planID.uuid
        status = r.change.status.rawValue
        stepUp = r.change.isStepUp
        acknowledged = r.acknowledgedBy != nil
        requestedOn = r.requestedOn.iso
        body = StoredJSON.encode(r)
    }

    public func recorded() throws -> Recorded<LevelChangeSubject, LevelChangeRecord> {
        Recorded(id: typedID, version: version, details: try StoredJSON.decode(LevelChangeRecord.self, body))
    }
}

/// A safety assessment of one child.
public final class SafetyAssessmentModel: DetailedModel, @unchecked Sendable {
    public typealias Subject = SafetyAssessmentSubject
    public static let schema = "safety_assessments"

    @ID(key: .id) public var id: UUID?
    @Field(key: .caseID) public var caseID: UUID
    @Field(key: .childID) public var childID: UUID
    @Field(key: .assessedOn) public var assessedOn: String
    @Field(key: .decisionCode) public var decision: String
    @Field(key: .body) public var body: String
    @Field(key: .recordedBy) public var recordedBy: UUID
    @Field(key: .version) public var version: Int
    /// The fields above, listed for Fluent so reading or writing a row needs no reflection (`ModelFieldsTests`).
    public var properties: [any AnyProperty] { [$id, $caseID, $childID, $assessedOn, $decision, $body, $recordedBy, $version] }

    public init() {}
    public init(caseID: CaseID, _ d: SafetyAssessmentDetails, recordedBy: UserID) {
        self.caseID = caseID.uuid
        self.recordedBy = recordedBy.uuid
        self.version = 1
        childID = d.childID.uuid
        assessedOn = d.date.iso
        decision = d.decision.rawValue
        body = StoredJSON.encode(d)
    }

    public var details: SafetyAssessmentDetails {
        (try? StoredJSON.decode(SafetyAssessmentDetails.self, body))
            ?? SafetyAssessmentDetails(childID: PersonID(childID), date: CalendarDate(iso: assessedOn) ?? CalendarDate(year: 2000, month: 1, day: 1)!,
                                       dangerIndicators: [], decision: .unsafe, safetyPlan: nil)
    }
}

/// One visit. The time, place, supervisor and people are columns too, for the clash check.
public final class VisitModel: VersionedModel, IdentifiedModel, @unchecked Sendable {
    public typealias Subject = VisitSubject
    public static let schema = "visits"

    @ID(key: .id) public var id: UUID?
    @Field(key: .caseID) public var caseID: UUID
    @Field(key: .planID) public var planID: UUID
    @Field(key: .childID) public var childID: UUID
    @Field(key: .startsAt) public var startsAt: Date
    @Field(key: .endsAt) public var endsAt: Date
    @Field(key: .location) public var location: String
    @OptionalField(key: .supervisorUserID) public var supervisorUserID: UUID?
    /// The people's ids, comma separated, for a quick look at who else a clash concerns.
    @Field(key: .peopleKey) public var people: String
    @Field(key: .status) public var status: String
    @Field(key: .body) public var body: String
    @Field(key: .version) public var version: Int
    /// The fields above, listed for Fluent so reading or writing a row needs no reflection (`ModelFieldsTests`).
    public var properties: [any AnyProperty] {
        [$id, $caseID, $planID, $childID, $startsAt, $endsAt, $location, $supervisorUserID, $people, $status, $body,
         $version]
    }

    public init() {}
    public init(caseID: CaseID, _ d: VisitDetails) {
        self.caseID = caseID.uuid
        self.version = 1
        apply(d)
    }

    public func apply(_ d: VisitDetails) {
        planID = d.planID.uuid
        childID = d.childID.uuid
        startsAt = d.start
        endsAt = d.end
        location = d.location.trimmingCharacters(in: .whitespacesAndNewlines)
        supervisorUserID = d.supervisorID?.uuid
        people = d.people.map(\.description).joined(separator: ",")
        status = d.record == nil ? "scheduled" : (d.cancelledByAgency ? "cancelled" : "recorded")
        body = StoredJSON.encode(d)
    }

    public func recorded() throws -> Recorded<VisitSubject, VisitDetails> {
        Recorded(id: typedID, version: version, details: try StoredJSON.decode(VisitDetails.self, body))
    }
}

/// A private calendar feed: a staff member's own, or a family's (a case's). The token is the secret in its URL.
public final class CalendarFeedModel: Model, @unchecked Sendable {
    public static let schema = "calendar_feeds"

    @ID(key: .id) public var id: UUID?
    @Field(key: .token) public var token: String
    @OptionalField(key: .ownerUserID) public var ownerUserID: UUID?
    @OptionalField(key: .caseID) public var caseID: UUID?
    @Field(key: .createdAt) public var createdAt: Date
    @OptionalField(key: .revokedAt) public var revokedAt: Date?
    /// The fields above, listed for Fluent so reading or writing a row needs no reflection (`ModelFieldsTests`).
    public var properties: [any AnyProperty] { [$id, $token, $ownerUserID, $caseID, $createdAt, $revokedAt] }

    public init() {}
    public init(token: String, ownerUserID: UserID?, caseID: CaseID?, createdAt: Date) {
        self.token = token
        self.ownerUserID = ownerUserID?.uuid
        self.caseID = caseID?.uuid
        self.createdAt = createdAt
    }
}
