/// The time limits a jurisdiction sets. The defaults are the United States federal ones
/// (RULES.md §4.2, §4.5); another jurisdiction replaces this value, not the rules' code.
public struct TimelinePolicy: Sendable, Equatable {
    public var casePlanDueDays: Int = 60
    /// An approved case plan is reviewed at least this often (RULES.md §4).
    public var casePlanReviewMonths: Int = 6
    public var periodicReviewMonths: Int = 6
    public var permanencyHearingMonths: Int = 12
    public var trialHomeVisitLimitMonths: Int = 6
    /// Days between reunification reviews while reunification is the goal (a local convention, RULES.md §2E);
    /// a review also falls due before each permanency hearing.
    public var reunificationReviewDays: Int = 90
    /// A child goes home on a trial home visit only after a reunification review this recent.
    public var reviewBeforeReturnHomeDays: Int = 30

    public init() {}

    public static let unitedStates = TimelinePolicy()
}
