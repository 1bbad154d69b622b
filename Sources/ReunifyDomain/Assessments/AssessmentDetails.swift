import Foundation

/// One assessment as recorded: which instrument version, when in the case, by whom, its ratings and whether it is
/// completed (a completed assessment is not changed again).
public struct AssessmentDetails: Sendable, Equatable {
    public var instrumentID: String
    public var instrumentVersion: Int
    public var point: AssessmentPoint
    public var completed: Bool
    public var ratings: [String: Rating]
    public var notes: String?
    public var assessorID: UserID
    public var assessedOn: CalendarDate

    public init(instrumentID: String, instrumentVersion: Int, point: AssessmentPoint, completed: Bool, ratings: [String: Rating],
                notes: String?, assessorID: UserID, assessedOn: CalendarDate) {
        self.instrumentID = instrumentID
        self.instrumentVersion = instrumentVersion
        self.point = point
        self.completed = completed
        self.ratings = ratings
        self.notes = notes
        self.assessorID = assessorID
        self.assessedOn = assessedOn
    }

    /// The instrument and version, as the catalogue names them (`"nfcs-g@1"`).
    public var instrumentKey: String { Self.instrumentKey(instrumentID, instrumentVersion) }

    public static func instrumentKey(_ id: String, _ version: Int) -> String { "\(id)@\(version)" }
}
