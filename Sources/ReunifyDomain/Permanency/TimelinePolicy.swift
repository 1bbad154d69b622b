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
    /// ASFA's "15 of the most recent 22 months", in days: a month here is 30.4375 days (RULES.md §4.2).
    public var tprDaysInCare: Int = 457
    public var tprWindowDays: Int = 670
    /// An ICWA notice is received at least this many days before each hearing (25 CFR 23.111, RULES.md §4.3).
    public var icwaNoticeDaysBeforeHearing: Int = 10
    /// Follow-ups after a child leaves care to reunification, a relative or guardianship, in days after discharge.
    public var aftercareFollowUpDays: [Int] = [30, 60, 90, 180, 365]
    /// A removal this soon after a discharge is a re-entry.
    public var reEntryMonths: Int = 12
    /// A trial home visit is flagged this many months in, before its limit.
    public var trialHomeVisitWarnMonths: Int = 5
    /// An item is "due soon" this many days before its date.
    public var dueSoonDays: Int = 30

    public init() {}

    public static let unitedStates = TimelinePolicy()
}
