import FluentKit
import Foundation
import ReunifyDomain

/// One assessment of a family with one instrument version: a resumable draft until it is completed.
public final class AssessmentModel: VersionedModel, @unchecked Sendable {
    public static let schema = "assessments"

    public enum Status: String, Sendable { case draft, completed }

    @ID(key: .id) public var id: UUID?
    @Field(key: .caseID) public var caseID: UUID
    @Field(key: .instrumentID) public var instrumentID: String
    @Field(key: .instrumentVersion) public var instrumentVersion: Int
    @Field(key: .point) public var point: String
    @Field(key: .status) public var status: String
    /// `{"item.id": rating}` as JSON; items not rated are absent.
    @Field(key: .ratings) public var ratings: String
    @OptionalField(key: .notes) public var notes: String?
    @Field(key: .assessorID) public var assessorID: UUID
    @Field(key: .assessedOn) public var assessedOn: String
    @OptionalField(key: .completedAt) public var completedAt: Date?
    @Field(key: .version) public var version: Int
    /// The fields above, listed for Fluent so reading or writing a row needs no reflection (`ModelFieldsTests`).
    public var properties: [any AnyProperty] {
        [$id, $caseID, $instrumentID, $instrumentVersion, $point, $status, $ratings, $notes, $assessorID, $assessedOn,
         $completedAt, $version]
    }

    public init() {}
    public init(caseID: UUID, instrument: Instrument, point: AssessmentPoint, assessorID: UUID, assessedOn: CalendarDate) {
        self.caseID = caseID
        self.instrumentID = instrument.id
        self.instrumentVersion = instrument.version
        self.point = point.rawValue
        self.status = Status.draft.rawValue
        self.ratings = "{}"
        self.assessorID = assessorID
        self.assessedOn = assessedOn.iso
        self.version = 1
    }

    public var instrumentKey: String { AssessmentDetails.instrumentKey(instrumentID, instrumentVersion) }

    public var details: AssessmentDetails {
        AssessmentDetails(instrumentID: instrumentID, instrumentVersion: instrumentVersion, point: assessmentPoint, completed: isCompleted,
                          ratings: ratingValues, notes: notes, assessorID: UserID(assessorID),
                          assessedOn: CalendarDate(iso: assessedOn) ?? CalendarDate(year: 2000, month: 1, day: 1)!)
    }
    public var isCompleted: Bool { status == Status.completed.rawValue }
    public var assessmentPoint: AssessmentPoint { AssessmentPoint(rawValue: point) ?? .interim }

    public var ratingValues: [String: Rating] {
        get { Self.decode(ratings) }
        set { ratings = Self.json(newValue) }
    }

    /// Ratings as stored: `{"item.id": -3…2}`, keys sorted.
    public static func json(_ ratings: [String: Rating]) -> String {
        String(decoding: (try? encoder.encode(ratings.mapValues(\.rawValue))) ?? Data("{}".utf8), as: UTF8.self)
    }

    public static func decode(_ json: String) -> [String: Rating] {
        ((try? JSONDecoder().decode([String: Int].self, from: Data(json.utf8))) ?? [:]).compactMapValues(Rating.init(rawValue:))
    }

    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = .sortedKeys
        return e
    }()
}
