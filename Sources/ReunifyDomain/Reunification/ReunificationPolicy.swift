/// Every number of the reunification review in one replaceable value. The defaults follow the publicly
/// documented structured reunification assessment (NJ 2007 scoring, RULES.md §2); a jurisdiction replaces
/// this value, never the rules' code.
public struct ReunificationPolicy: Sendable, Equatable, Codable {
    public var version: String = "us-default-1"
    public var initialRiskPoints: [InitialRiskLevel: Int] = [.low: 0, .moderate: 3, .high: 4, .veryHigh: 5, .none: 4]
    public var progressPoints: [CaregiverProgress: Int] = [.all: -2, .most: -1, .some: 0, .minimal: 2, .refuses: 4]
    public var newSubstantiatedReportPoints: Int = 6
    /// Highest total for each level; above the last, very high.
    public var lowMax: Int = 1
    public var moderateMax: Int = 3
    public var highMax: Int = 5
    /// Share of scheduled visits attended for visitation to be acceptable.
    public var minimumAttendance: Double = 0.75
    public var acceptableQualities: Set<VisitQuality> = [.strong, .adequate]
    /// While a child has been in care fewer months than this, reunification services may continue even when
    /// risk is high and visitation unacceptable (the time gate); after it, the goal should change.
    public var servicesMayContinueMonths: Int = 12

    public init() {}

    public static let unitedStatesDefault = ReunificationPolicy()

    public func level(forScore score: Int) -> RiskLevel {
        switch score {
        case ...lowMax: .low
        case ...moderateMax: .moderate
        case ...highMax: .high
        default: .veryHigh
        }
    }
}

/// Which children a reunification review is for.
public enum ReviewRules {
    /// A review is for a child of the case who is in care (an open removal) with reunification among their permanency
    /// goals. Returns the whole months in care, which the review's scoring reads.
    public static func monthsInCare(_ child: PersonID, members: [CaseMembership], openEpisode: RemovalEpisodeDetails?,
                                    goals: PermanencyGoalDetails?, today: CalendarDate) throws(ValidationFailure) -> Int {
        if let missing = CaseMembership.requireChild(child, among: members) { throw ValidationFailure([missing]) }
        guard let openEpisode else {
            throw ValidationFailure([FieldError("childId", .ruleReviewNotInCare)])
        }
        guard goals?.includesReunification == true else {
            throw ValidationFailure([FieldError("childId", .ruleReviewNoGoal)])
        }
        return openEpisode.removalDate.wholeMonths(until: today)
    }
}
