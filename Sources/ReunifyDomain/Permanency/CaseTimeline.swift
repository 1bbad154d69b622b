/// Days in care and what falls due next, from a case's episodes and placements.
public struct CaseTimeline: Sendable {
    public struct ChildEpisode: Sendable {
        public let childName: String
        public let episode: RemovalEpisodeDetails
        public let placements: [PlacementDetails]
        /// Reunification is the child's primary or concurrent goal, so reviews fall due.
        public let reunificationGoal: Bool
        public let lastReview: CalendarDate?
        public init(childName: String, episode: RemovalEpisodeDetails, placements: [PlacementDetails],
                    reunificationGoal: Bool = false, lastReview: CalendarDate? = nil) {
            self.childName = childName
            self.episode = episode
            self.placements = placements
            self.reunificationGoal = reunificationGoal
            self.lastReview = lastReview
        }
    }

    public let policy: TimelinePolicy
    public let stage: CaseStage
    public let episodes: [ChildEpisode]
    /// The case's plan versions: once one is approved, the plan is reviewed every `casePlanReviewMonths` instead.
    public let plans: [CasePlanDetails]

    public init(policy: TimelinePolicy = .unitedStates, stage: CaseStage, episodes: [ChildEpisode], plans: [CasePlanDetails] = []) {
        self.policy = policy
        self.stage = stage
        self.episodes = episodes
        self.plans = plans
    }

    var openEpisodes: [ChildEpisode] { episodes.filter { $0.episode.isOpen } }

    /// Days since the earliest removal among the children still in care; nil when none is.
    public func daysInCare(today: CalendarDate) -> Int? {
        openEpisodes.map(\.episode.removalDate).min().map { $0.days(until: today) }
    }

    /// Every item still ahead (or overdue) for the children in care, earliest first.
    public func dueItems(today: CalendarDate) -> [DueItem] {
        guard stage != .closed else { return [] }
        var items: [DueItem] = []
        let lastApproval = plans.compactMap(\.approvedOn).max()
        if let lastApproval, !openEpisodes.isEmpty {
            items.append(DueItem(kind: .casePlanReview, due: lastApproval.adding(months: policy.casePlanReviewMonths), childName: nil))
        }
        for child in openEpisodes {
            let episode = child.episode
            if lastApproval == nil && ([.intake, .assessment, .planning].contains(stage) || !plans.isEmpty) {
                items.append(DueItem(kind: .casePlan, due: episode.removalDate.adding(days: policy.casePlanDueDays), childName: child.childName))
            }
            let entered = episode.dateEnteredCare
            items.append(DueItem(kind: .periodicReview,
                                 due: nextOccurrence(from: entered, everyMonths: policy.periodicReviewMonths, onOrAfter: today),
                                 childName: child.childName))
            let hearing = nextOccurrence(from: entered, everyMonths: policy.permanencyHearingMonths, onOrAfter: today)
            items.append(DueItem(kind: .permanencyHearing, due: hearing, childName: child.childName))
            if child.reunificationGoal {
                // Every interval from the last review (the first one from removal), and in any case before the hearing.
                let interval = (child.lastReview ?? episode.removalDate).adding(days: policy.reunificationReviewDays)
                items.append(DueItem(kind: .reunificationReview, due: min(interval, hearing), childName: child.childName))
            }
            if let home = child.placements.first(where: { $0.isCurrent && $0.setting == .placedAtHome }) {
                items.append(DueItem(kind: .trialHomeVisitLimit,
                                     due: home.startDate.adding(months: policy.trialHomeVisitLimitMonths),
                                     childName: child.childName))
            }
        }
        return items.sorted { ($0.due, $0.kind.rawValue) < ($1.due, $1.kind.rawValue) }
    }

    /// The case plan's item: its first approval or its next review; nil when none falls due.
    public func planDue(today: CalendarDate) -> DueItem? {
        dueItems(today: today).first { $0.kind == .casePlan || $0.kind == .casePlanReview }
    }

    /// The first item due: what the caseload shows.
    public func nextDue(today: CalendarDate) -> DueItem? { dueItems(today: today).first }

    /// The first date `start + k × months` (k ≥ 1) on or after `today`.
    func nextOccurrence(from start: CalendarDate, everyMonths months: Int, onOrAfter today: CalendarDate) -> CalendarDate {
        var k = 1
        var date = start.adding(months: months)
        while date < today {
            k += 1
            date = start.adding(months: months * k)
        }
        return date
    }
}
