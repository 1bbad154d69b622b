import Foundation

/// The kinds of deadline a child's case runs against (RULES.md §4.2–4.5).
public enum ClockKind: String, CodedValue {
    case casePlan = "case_plan"
    case periodicReview = "periodic_review"
    case permanencyHearing = "permanency_hearing"
    case tprFiling = "tpr_filing"
    case icwaNotice = "icwa_notice"
    case reunificationReview = "reunification_review"
    case trialHomeVisitLimit = "trial_home_visit_limit"
    case aftercareFollowUp = "aftercare_follow_up"

    public static let listName = "deadline"
    public var label: String {
        switch self {
        case .casePlan: "Case plan"
        case .periodicReview: "Periodic review"
        case .permanencyHearing: "Permanency hearing"
        case .tprFiling: "Petition to terminate parental rights"
        case .icwaNotice: "ICWA notice received"
        case .reunificationReview: "Reunification review"
        case .trialHomeVisitLimit: "Trial home visit limit"
        case .aftercareFollowUp: "Aftercare follow-up"
        }
    }
}

public enum ClockStatus: String, CodedValue {
    case upcoming
    case dueSoon = "due_soon"
    case overdue
    case done
    case excepted

    public static let listName = "deadline status"
    /// Met, or not owed: nothing more to do for it.
    public var isSettled: Bool { self == .done || self == .excepted }
    public var label: String {
        switch self {
        case .upcoming: "Upcoming"
        case .dueSoon: "Due soon"
        case .overdue: "Overdue"
        case .done: "Done"
        case .excepted: "Excepted"
        }
    }
}

/// Kinds of court hearing.
public enum HearingKind: String, CodedValue {
    case adjudication, disposition, review, permanency, tpr, other
    public static let listName = "hearing kind"
    public var label: String {
        switch self {
        case .adjudication: "Adjudication"
        case .disposition: "Disposition"
        case .review: "Review hearing"
        case .permanency: "Permanency hearing"
        case .tpr: "Termination of parental rights"
        case .other: "Other hearing"
        }
    }
}

/// Why a petition to terminate parental rights is not filed though the child has been in care 15 of 22 months.
public enum TPRExceptionReason: String, CodedValue {
    case relativePlacement = "relative_placement"
    case compellingReason = "compelling_reason"
    case servicesNotProvided = "services_not_provided"
    public static let listName = "TPR exception"
    public var label: String {
        switch self {
        case .relativePlacement: "The child is placed with a relative"
        case .compellingReason: "A compelling reason is documented in the case plan"
        case .servicesNotProvided: "The agency has not provided the services the plan needs for reunification"
        }
    }
}

/// One deadline of one child: when, where it stands, and why it is due then.
public struct ClockItem: Equatable, Sendable {
    public let kind: ClockKind
    public let childID: PersonID
    public let due: CalendarDate
    public let status: ClockStatus
    /// The facts the date was counted from.
    public let grounds: ClockGrounds
    public init(kind: ClockKind, childID: PersonID, due: CalendarDate, status: ClockStatus, grounds: ClockGrounds) {
        self.kind = kind
        self.childID = childID
        self.due = due
        self.status = status
        self.grounds = grounds
    }

    /// Why it is due then, in words ("12 months after the date entered care, …").
    public var basis: String { grounds.text(.english) }
    public func basis(_ language: UILanguage) -> String { grounds.text(language) }

    /// The order deadlines are listed in: by due date, then by kind.
    public static func soonestFirst(_ a: ClockItem, _ b: ClockItem) -> Bool { (a.due, a.kind.rawValue) < (b.due, b.kind.rawValue) }
}

/// Why a deadline falls when it does: the facts and the policy's figure it was counted from. Worded per language by
/// `text(_:)`, dates as staff pages write them.
public enum ClockGrounds: Equatable, Sendable {
    /// How the date entered care was set: by the judicial finding, or as 60 days after removal.
    public enum EntryBasis: Equatable, Sendable { case judicialFinding, sixtyDaysAfterRemoval }
    /// The hearing that reviewed the case.
    public enum Review: Equatable, Sendable { case reviewHearing, permanencyHearing }

    case daysAfterRemoval(days: Int, removal: CalendarDate)
    case reviewHeld(Review, on: CalendarDate)
    case monthsAfterReview(months: Int, Review, on: CalendarDate)
    case monthsAfterEntry(months: Int, entered: CalendarDate, EntryBasis)
    case hearingHeld(on: CalendarDate)
    case tprWindow(days: Int, window: Int, heard: CalendarDate?)
    case tprException(TPRExceptionReason, note: String, recordedBy: String, on: CalendarDate)
    case icwaNotice(days: Int, hearing: HearingKind, on: CalendarDate, received: CalendarDate?)
    case daysAfterReunificationReview(days: Int, lastReview: CalendarDate?)
    case beforePermanencyHearing(on: CalendarDate)
    case courtOrderedEnd
    case monthsAfterTrialHomeVisit(months: Int, began: CalendarDate)
    case daysAfterDischarge(days: Int, discharged: CalendarDate, seen: CalendarDate?)

    public func text(_ language: UILanguage) -> String {
        switch language {
        case .english: english
        case .spanish: spanish
        }
    }

    func entered(_ date: CalendarDate, _ basis: EntryBasis, _ language: UILanguage) -> String {
        switch (basis, language) {
        case (.judicialFinding, .english): "the date entered care, \(date.iso) (the judicial finding)"
        case (.sixtyDaysAfterRemoval, .english): "the date entered care, \(date.iso) (60 days after removal)"
        case (.judicialFinding, .spanish): "la fecha de entrada en cuidado, \(date.iso) (la determinación judicial)"
        case (.sixtyDaysAfterRemoval, .spanish): "la fecha de entrada en cuidado, \(date.iso) (60 días después de la remoción)"
        }
    }

    var english: String {
        switch self {
        case let .daysAfterRemoval(days, removal): "\(days) days after removal on \(removal.iso)"
        case let .reviewHeld(review, on): "\(review == .reviewHearing ? "review hearing" : "permanency hearing") held \(on.iso)"
        case let .monthsAfterReview(months, review, on):
            "\(months) months after the \(review == .reviewHearing ? "review hearing" : "permanency hearing") of \(on.iso)"
        case let .monthsAfterEntry(months, entered, basis): "\(months) months after \(self.entered(entered, basis, .english))"
        case let .hearingHeld(on): "held \(on.iso)"
        case let .tprWindow(days, window, heard):
            (heard.map { "petition heard \($0.iso); " } ?? "")
                + "\(days) days in care within \(window) days (15 of the most recent 22 months), trial home visit and runaway days not counted"
        case let .tprException(reason, note, by, on): "\(reason.label): \(note) (recorded by \(by) on \(on.iso))"
        case let .icwaNotice(days, hearing, on, received):
            "\(days) days before the \(hearing.label.lowercased()) of \(on.iso)\(received.map { "; received \($0.iso)" } ?? "")"
        case let .daysAfterReunificationReview(days, last): "\(days) days after \(last.map { "the review of \($0.iso)" } ?? "removal")"
        case let .beforePermanencyHearing(on): "before the permanency hearing of \(on.iso)"
        case .courtOrderedEnd: "the end the court ordered"
        case let .monthsAfterTrialHomeVisit(months, began): "\(months) months after the trial home visit began on \(began.iso)"
        case let .daysAfterDischarge(days, discharged, seen): "\(days) days after discharge on \(discharged.iso)\(seen.map { "; seen \($0.iso)" } ?? "")"
        }
    }

    var spanish: String {
        switch self {
        case let .daysAfterRemoval(days, removal): "\(days) días después de la remoción del \(removal.iso)"
        case let .reviewHeld(review, on): "\(review == .reviewHearing ? "audiencia de revisión" : "audiencia de permanencia") celebrada el \(on.iso)"
        case let .monthsAfterReview(months, review, on):
            "\(months) meses después de la \(review == .reviewHearing ? "audiencia de revisión" : "audiencia de permanencia") del \(on.iso)"
        case let .monthsAfterEntry(months, entered, basis): "\(months) meses después de \(self.entered(entered, basis, .spanish))"
        case let .hearingHeld(on): "celebrada el \(on.iso)"
        case let .tprWindow(days, window, heard):
            (heard.map { "petición vista el \($0.iso); " } ?? "")
                + "\(days) días en cuidado dentro de \(window) días (15 de los últimos 22 meses), sin contar los días de visita de prueba en casa ni de fuga"
        case let .tprException(reason, note, by, on): "\(reason.staffLabel(.spanish)): \(note) (registrada por \(by) el \(on.iso))"
        case let .icwaNotice(days, hearing, on, received):
            "\(days) días antes de la \(hearing.staffLabel(.spanish).lowercased()) del \(on.iso)\(received.map { "; recibido el \($0.iso)" } ?? "")"
        case let .daysAfterReunificationReview(days, last): "\(days) días después de \(last.map { "la revisión del \($0.iso)" } ?? "la remoción")"
        case let .beforePermanencyHearing(on): "antes de la audiencia de permanencia del \(on.iso)"
        case .courtOrderedEnd: "la fecha de fin que ordenó la corte"
        case let .monthsAfterTrialHomeVisit(months, began): "\(months) meses después del inicio de la visita de prueba en casa, el \(began.iso)"
        case let .daysAfterDischarge(days, discharged, seen): "\(days) días después del egreso del \(discharged.iso)\(seen.map { "; visto/a el \($0.iso)" } ?? "")"
        }
    }
}

/// What the clock reads of one child: their episodes with placements, hearings (held when dated today or earlier,
/// scheduled after), the case plan's approval, reviews, exceptions, ICWA notices and aftercare follow-ups.
public struct ChildClockFacts: Sendable {
    public struct Episode: Sendable {
        public let details: RemovalEpisodeDetails
        public let placements: [PlacementDetails]
        public init(_ details: RemovalEpisodeDetails, placements: [PlacementDetails]) {
            self.details = details
            self.placements = placements
        }
    }
    public struct Hearing: Sendable {
        public let id: UUID
        public let kind: HearingKind
        public let date: CalendarDate
        public init(id: UUID = UUID(), kind: HearingKind, date: CalendarDate) {
            self.id = id
            self.kind = kind
            self.date = date
        }
    }
    public struct Notice: Sendable {
        public let hearingID: UUID
        public let received: CalendarDate?
        public init(hearingID: UUID, received: CalendarDate?) {
            self.hearingID = hearingID
            self.received = received
        }
    }
    public struct Exception: Sendable {
        public let reason: TPRExceptionReason
        public let note: String
        public let recordedBy: String
        public let recordedOn: CalendarDate
        public init(reason: TPRExceptionReason, note: String, recordedBy: String, recordedOn: CalendarDate) {
            self.reason = reason
            self.note = note
            self.recordedBy = recordedBy
            self.recordedOn = recordedOn
        }
    }

    public var childID: PersonID
    public var episodes: [Episode]
    public var icwa: ICWAStatus = .unknown
    public var hearings: [Hearing] = []
    public var notices: [Notice] = []
    public var planApprovedOn: CalendarDate?
    public var reunificationGoal = false
    public var lastReunificationReview: CalendarDate?
    public var tprExceptions: [Exception] = []
    public var followUps: [CalendarDate] = []
    /// A court-ordered end of the current trial home visit, where the court set one.
    public var trialHomeVisitCourtEnd: CalendarDate?

    public init(childID: PersonID, episodes: [Episode]) {
        self.childID = childID
        self.episodes = episodes.sorted { $0.details.removalDate < $1.details.removalDate }
    }
}

/// Computes every deadline of a child from the recorded facts, by the jurisdiction's `TimelinePolicy`.
public struct PermanencyClock: Sendable {
    public let policy: TimelinePolicy
    public init(policy: TimelinePolicy = .unitedStates) { self.policy = policy }

    func status(_ due: CalendarDate, today: CalendarDate) -> ClockStatus {
        if due < today { return .overdue }
        return today.days(until: due) <= policy.dueSoonDays ? .dueSoon : .upcoming
    }

    public func items(_ f: ChildClockFacts, today: CalendarDate) -> [ClockItem] {
        var items: [ClockItem] = []
        let child = f.childID
        func add(_ kind: ClockKind, _ due: CalendarDate, _ status: ClockStatus? = nil, _ grounds: ClockGrounds) {
            items.append(ClockItem(kind: kind, childID: child, due: due, status: status ?? self.status(due, today: today), grounds: grounds))
        }
        // Hearings held so far. Those of the current removal count (from its removal day: a court may hear the case
        // before the date entered care, which can be 60 days after removal); those of an earlier removal do not.
        let held = f.hearings.filter { $0.date <= today }.sorted { $0.date < $1.date }
        if let open = f.episodes.last(where: { $0.details.isOpen }) {
            let e = open.details
            let entered = e.dateEnteredCare
            let enteredBasis: ClockGrounds.EntryBasis = e.judicialFindingDate.map { $0 < e.removalDate.adding(days: 60) } == true
                ? .judicialFinding : .sixtyDaysAfterRemoval

            // Case plan: 60 days after removal, done once a plan is approved.
            let planDue = e.removalDate.adding(days: policy.casePlanDueDays)
            add(.casePlan, planDue, f.planApprovedOn.map { _ in .done }, .daysAfterRemoval(days: policy.casePlanDueDays, removal: e.removalDate))

            // Periodic review: every 6 months from entry, or from the last review. A permanency hearing reviews the
            // case in court too, so it counts as one (RULES.md §4.2: a review by a court or an administrative body).
            let reviews = held.filter { ($0.kind == .review || $0.kind == .permanency) && $0.date >= e.removalDate }
            if let last = reviews.last {
                let what: ClockGrounds.Review = last.kind == .review ? .reviewHearing : .permanencyHearing
                add(.periodicReview, last.date, .done, .reviewHeld(what, on: last.date))
                add(.periodicReview, last.date.adding(months: policy.periodicReviewMonths), nil,
                    .monthsAfterReview(months: policy.periodicReviewMonths, what, on: last.date))
            } else {
                add(.periodicReview, entered.adding(months: policy.periodicReviewMonths), nil,
                    .monthsAfterEntry(months: policy.periodicReviewMonths, entered: entered, enteredBasis))
            }

            // Permanency hearing: 12 months from entry, then 12 months after the last one held.
            let permanency = held.filter { $0.kind == .permanency && $0.date >= e.removalDate }
            if let last = permanency.last {
                let satisfied = permanency.count == 1 ? entered.adding(months: policy.permanencyHearingMonths)
                    : permanency[permanency.count - 2].date.adding(months: policy.permanencyHearingMonths)
                add(.permanencyHearing, satisfied, .done, .hearingHeld(on: last.date))
                add(.permanencyHearing, last.date.adding(months: policy.permanencyHearingMonths), nil,
                    .monthsAfterReview(months: policy.permanencyHearingMonths, .permanencyHearing, on: last.date))
            } else {
                add(.permanencyHearing, entered.adding(months: policy.permanencyHearingMonths), nil,
                    .monthsAfterEntry(months: policy.permanencyHearingMonths, entered: entered, enteredBasis))
            }

            // Petition to terminate parental rights at 15 of the most recent 22 months in care.
            if let day = tprDate(f.episodes, today: today) {
                if let exception = f.tprExceptions.last {
                    add(.tprFiling, day, .excepted, .tprException(exception.reason, note: exception.note, recordedBy: exception.recordedBy,
                                                                  on: exception.recordedOn))
                } else if let filed = held.first(where: { $0.kind == .tpr && $0.date >= e.removalDate }) {
                    add(.tprFiling, day, .done, .tprWindow(days: policy.tprDaysInCare, window: policy.tprWindowDays, heard: filed.date))
                } else {
                    add(.tprFiling, day, nil, .tprWindow(days: policy.tprDaysInCare, window: policy.tprWindowDays, heard: nil))
                }
            }

            // ICWA: notice received at least 10 days before each scheduled hearing.
            if f.icwa.mayApply {
                for hearing in f.hearings.filter({ $0.date > today }).sorted(by: { $0.date < $1.date }) {
                    let due = hearing.date.adding(days: -policy.icwaNoticeDaysBeforeHearing)
                    let received = f.notices.filter { $0.hearingID == hearing.id }.compactMap(\.received).min()
                    let done = received.map { $0 <= due } ?? false
                    add(.icwaNotice, due, done ? .done : nil,
                        .icwaNotice(days: policy.icwaNoticeDaysBeforeHearing, hearing: hearing.kind, on: hearing.date, received: received))
                }
            }

            // Reunification review, while reunification is a goal: every interval, and before the permanency hearing.
            if f.reunificationGoal {
                let interval = (f.lastReunificationReview ?? e.removalDate).adding(days: policy.reunificationReviewDays)
                let hearing = items.last { $0.kind == .permanencyHearing && $0.status != .done }?.due ?? interval
                add(.reunificationReview, min(interval, hearing), nil,
                    interval <= hearing ? .daysAfterReunificationReview(days: policy.reunificationReviewDays, lastReview: f.lastReunificationReview)
                        : .beforePermanencyHearing(on: hearing))
            }

            // Trial home visit: warned at month 5, due at 6 or the court-ordered end.
            if let home = open.placements.first(where: { $0.isCurrent && $0.setting == .placedAtHome }) {
                let limit = f.trialHomeVisitCourtEnd ?? home.startDate.adding(months: policy.trialHomeVisitLimitMonths)
                let warn = home.startDate.adding(months: policy.trialHomeVisitWarnMonths)
                let state: ClockStatus = limit < today ? .overdue : (today >= warn ? .dueSoon : .upcoming)
                add(.trialHomeVisitLimit, limit, state, f.trialHomeVisitCourtEnd != nil ? .courtOrderedEnd
                    : .monthsAfterTrialHomeVisit(months: policy.trialHomeVisitLimitMonths, began: home.startDate))
            }
        } else if let last = f.episodes.last, let discharged = last.details.dischargeDate, let reason = last.details.dischargeReason,
                  FollowUpRules.followed.contains(reason) {
            // Aftercare: follow-ups at 30, 60, 90, 180 and 365 days after discharge; each met by a follow-up recorded
            // after the one before it was due.
            for s in aftercareSchedule(discharged: discharged, followUps: f.followUps, today: today) {
                add(.aftercareFollowUp, s.due, s.status, .daysAfterDischarge(days: s.days, discharged: discharged, seen: s.seen))
            }
        }
        return items.sorted(by: ClockItem.soonestFirst)
    }

    /// The day a child reaches `tprDaysInCare` days in care within a window of `tprWindowDays` days, counting from
    /// each episode's date entered care to its discharge (not including the day they left), without the days of a
    /// trial home visit or a runaway. An open episode is projected as it stands: a child now home on a trial visit or
    /// away adds no days. Nil when the count is never reached.
    public func tprDate(_ episodes: [ChildClockFacts.Episode], today: CalendarDate) -> CalendarDate? {
        guard let first = episodes.map(\.details.dateEnteredCare).min() else { return nil }
        let horizon = today.adding(days: policy.tprWindowDays + policy.tprDaysInCare)
        let span = first.days(until: horizon) + 1
        guard span > 0 else { return nil }
        var counted = [Bool](repeating: false, count: span)
        for episode in episodes {
            let start = episode.details.dateEnteredCare
            let end = episode.details.dischargeDate ?? horizon.adding(days: 1)
            guard start < end else { continue }
            for offset in max(0, first.days(until: start))..<min(span, first.days(until: end)) { counted[offset] = true }
            for p in episode.placements where p.setting == .placedAtHome || p.setting == .runaway {
                let from = max(0, first.days(until: p.startDate))
                let to = min(span, first.days(until: p.endDate ?? horizon.adding(days: 1)))
                if from < to { for offset in from..<to { counted[offset] = false } }
            }
        }
        var inWindow = 0
        for day in 0..<span {
            if counted[day] { inWindow += 1 }
            if day >= policy.tprWindowDays, counted[day - policy.tprWindowDays] { inWindow -= 1 }
            if inWindow >= policy.tprDaysInCare { return first.adding(days: day) }
        }
        return nil
    }

    /// A removal within `reEntryMonths` of an earlier discharge of the same child is a re-entry.
    public func isReEntry(_ episode: RemovalEpisodeDetails, among episodes: [RemovalEpisodeDetails]) -> Bool {
        episodes.contains { other in
            guard other.childID == episode.childID, let left = other.dischargeDate, other.removalDate < episode.removalDate else { return false }
            return left <= episode.removalDate && episode.removalDate <= left.adding(months: policy.reEntryMonths)
        }
    }
}
