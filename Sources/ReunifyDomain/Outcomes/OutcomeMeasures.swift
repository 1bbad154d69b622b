import Foundation

/// How children fare, measured as the federal Child and Family Services Reviews measure it (RULES.md, CFSR measures):
/// permanency in 12 months (P1), re-entry in 12 months (P4), placement stability (P5), and the time to reunification
/// as a Kaplan–Meier curve. Every figure is computed from removal episodes and their placements alone, so the same
/// figures come from the episode and placement exports.

/// One placement of an episode as the measures read it.
public struct OutcomePlacement: Sendable, Equatable {
    public let id: UUID
    public let start: CalendarDate
    public let end: CalendarDate?
    public let setting: PlacementSetting
    public init(id: UUID, start: CalendarDate, end: CalendarDate?, setting: PlacementSetting) {
        self.id = id
        self.start = start
        self.end = end
        self.setting = setting
    }
}

/// One removal episode as the measures read it; `placements` are in the order they were recorded.
public struct OutcomeEpisode: Sendable, Equatable {
    public let id: UUID
    public let childID: UUID
    public let birthDate: CalendarDate?
    public let removal: CalendarDate
    public let discharge: CalendarDate?
    public let reason: DischargeReason?
    public let unit: String?
    /// The case the episode is recorded in, for listing the children a figure counts.
    public let caseID: UUID?
    public let placements: [OutcomePlacement]

    public init(id: UUID, childID: UUID, birthDate: CalendarDate?, removal: CalendarDate, discharge: CalendarDate?, reason: DischargeReason?,
                unit: String? = nil, caseID: UUID? = nil, placements: [OutcomePlacement] = []) {
        self.id = id
        self.caseID = caseID
        self.childID = childID
        self.birthDate = birthDate
        self.removal = removal
        self.discharge = discharge
        self.reason = reason
        self.unit = unit
        self.placements = placements
    }

    /// The same episode with these placements.
    public func with(placements: [OutcomePlacement]) -> OutcomeEpisode {
        OutcomeEpisode(id: id, childID: childID, birthDate: birthDate, removal: removal, discharge: discharge, reason: reason,
                       unit: unit, caseID: caseID, placements: placements)
    }

    /// Placements by start date, then in the order they were recorded.
    public var orderedPlacements: [OutcomePlacement] {
        placements.enumerated().sorted { ($0.element.start, $0.offset) < ($1.element.start, $1.offset) }.map(\.element)
    }

    /// The discharge, less the days of a closing trial home visit beyond 30: when the last placement is a trial home
    /// visit lasting until the discharge and longer than 30 days, the child counts as home from its 30th day.
    public var adjustedDischarge: CalendarDate? {
        guard let discharge else { return nil }
        if let last = orderedPlacements.last, last.setting == .placedAtHome, last.end == nil || last.end == discharge {
            let days = last.start.days(until: discharge)
            if days > OutcomeMeasures.trialHomeVisitDaysCounted { return discharge.adding(days: -(days - OutcomeMeasures.trialHomeVisitDaysCounted)) }
        }
        return discharge
    }
}

/// A rate with what it is made of.
public struct OutcomeRate: Sendable, Equatable {
    public let numerator: Int
    public let denominator: Int
    public var rate: Double? { denominator == 0 ? nil : Double(numerator) / Double(denominator) }
}

public struct StabilityRate: Sendable, Equatable {
    public let moves: Int
    public let days: Int
    public var ratePer1000Days: Double? { days == 0 ? nil : Double(moves) * 1000 / Double(days) }
}

/// A step of the Kaplan–Meier curve: after `day`, the share still not reunified.
public struct SurvivalPoint: Sendable, Equatable {
    public let day: Int
    public let stillInCare: Double
    public let atRisk: Int
    public let reunified: Int
}

public struct TimeToReunification: Sendable, Equatable {
    /// The curve's steps, at each day a child went home; it starts at 1 on day 0.
    public let curve: [SurvivalPoint]
    /// The first day the share not yet reunified falls to one half or below; nil when it never does.
    public let medianDays: Int?
    /// The share reunified by day 365.
    public let reunifiedBy12Months: Double
}

public struct OutcomeFigures: Sendable, Equatable {
    public let p1: OutcomeRate
    public let p4: OutcomeRate
    public let p5: StabilityRate
    public let timeToReunification: TimeToReunification
    /// The children each figure counts (P1 and P4 numerators and denominators, the cohort for P5 and the curve).
    public let cohort: [OutcomeEpisode]
    public let p1Children: Set<UUID>
    public let p4Denominator: Set<UUID>
    public let p4Children: Set<UUID>
}

public struct OutcomeMeasures: Sendable {
    /// The days of a closing trial home visit counted in care (CFSR: a child home longer counts as discharged then).
    public static let trialHomeVisitDaysCounted = 30
    /// A removal this short (discharge − removal ≤ 7 days) is left out of the entry cohort.
    public static let shortestStayCounted = 8
    public static let permanentExits: Set<DischargeReason> = [.reunification, .liveWithRelative, .guardianship, .adoption]
    /// The exits P4 follows: those aftercare follows too.
    public static let reEntryExits: Set<DischargeReason> = FollowUpRules.followed
    public static let unstableSettings: Set<PlacementSetting> = [.placedAtHome, .runaway]

    public let start: CalendarDate
    public let end: CalendarDate
    public init(start: CalendarDate, end: CalendarDate) {
        self.start = start
        self.end = end
    }

    /// The period shown when none is asked for: the 12 months that ended a year ago, so every child counted has had
    /// a year to reach permanency.
    public static func defaultPeriod(today: CalendarDate) -> OutcomeMeasures {
        let last = today.adding(months: -12)
        return OutcomeMeasures(start: last.adding(months: -12).adding(days: 1), end: last)
    }

    /// The 12-month anniversary: the same day a year later, or the month's last day where it has fewer.
    public static func anniversary(_ d: CalendarDate, years: Int = 1) -> CalendarDate { d.adding(months: 12 * years) }

    /// Each child's first removal dated in the period, unless it lasted under 8 days or the child was 18 or older
    /// that day. A child whose birth date is not recorded is counted.
    public func cohort(_ episodes: [OutcomeEpisode]) -> [OutcomeEpisode] {
        var first: [UUID: OutcomeEpisode] = [:]
        for e in episodes where e.removal >= start && e.removal <= end {
            if let seen = first[e.childID], seen.removal <= e.removal { continue }
            first[e.childID] = e
        }
        // Sorted by removal, then the child's id as written (each id written once, not at every comparison).
        return first.values.filter { e in
            if let d = e.discharge, e.removal.days(until: d) < Self.shortestStayCounted { return false }
            if let born = e.birthDate, Self.anniversary(born, years: 18) <= e.removal { return false }
            return true
        }.map { (e: $0, id: $0.childID.uuidString) }.sorted { ($0.e.removal, $0.id) < ($1.e.removal, $1.id) }.map(\.e)
    }

    /// The episodes the period's figures read: those of the children removed in the period, from its first day on.
    /// The entry cohort is made of them and a re-entry is a later removal of the same child, so the figures of these
    /// are the figures of all (the store reads only these, so a state's history of episodes is not read for a year).
    public func episodesRead(_ all: [OutcomeEpisode]) -> [OutcomeEpisode] {
        let removed = Set(all.filter { $0.removal >= start && $0.removal <= end }.map(\.childID))
        return all.filter { removed.contains($0.childID) && $0.removal >= start }
    }

    /// A permanent exit before the 12-month anniversary of removal and before the 18th birthday (by the adjusted
    /// discharge).
    func permanentWithinYear(_ e: OutcomeEpisode, exits: Set<DischargeReason>) -> Bool {
        guard let reason = e.reason, exits.contains(reason), let left = e.adjustedDischarge else { return false }
        if left >= Self.anniversary(e.removal) { return false }
        if let born = e.birthDate, left >= Self.anniversary(born, years: 18) { return false }
        return true
    }

    /// Every figure, from the episodes recorded (all of a child's: a re-entry is a later removal). With a unit, only
    /// the episodes of that unit's cases are read, so the unit's export of episodes and placements gives its figures
    /// again; the agency's figures read every episode. `asOf` censors the curve for children still in care.
    public func figures(_ all: [OutcomeEpisode], unit: String? = nil, asOf: CalendarDate) -> OutcomeFigures {
        let episodes = unit.map { u in all.filter { $0.unit == u } } ?? all
        let cohort = self.cohort(episodes)
        let removals = Dictionary(grouping: episodes, by: \.childID).mapValues { $0.map(\.removal) }

        let p1 = cohort.filter { permanentWithinYear($0, exits: Self.permanentExits) }
        let p4Base = cohort.filter { permanentWithinYear($0, exits: Self.reEntryExits) }
        let p4 = p4Base.filter { e in
            guard let left = e.discharge else { return false }
            let back = Self.anniversary(left)
            return (removals[e.childID] ?? []).contains { $0 > left && $0 < back }
        }

        var moves = 0, days = 0
        for e in cohort {
            let last = min(e.discharge ?? end, end)
            days += max(0, e.removal.days(until: last))
            moves += e.orderedPlacements.dropFirst().filter { $0.start <= last && !Self.unstableSettings.contains($0.setting) }.count
        }

        return OutcomeFigures(p1: OutcomeRate(numerator: p1.count, denominator: cohort.count),
                              p4: OutcomeRate(numerator: p4.count, denominator: p4Base.count),
                              p5: StabilityRate(moves: moves, days: days),
                              timeToReunification: Self.kaplanMeier(cohort, asOf: asOf),
                              cohort: cohort, p1Children: Set(p1.map(\.childID)), p4Denominator: Set(p4Base.map(\.childID)),
                              p4Children: Set(p4.map(\.childID)))
    }

    /// The Kaplan–Meier estimate of days from removal to discharge to reunification; other exits are censored on
    /// their discharge day, children still in care on `asOf`.
    public static func kaplanMeier(_ cohort: [OutcomeEpisode], asOf: CalendarDate) -> TimeToReunification {
        let times = cohort.map { e -> (day: Int, event: Bool) in
            if let left = e.discharge { return (e.removal.days(until: left), e.reason == .reunification) }
            return (e.removal.days(until: asOf), false)
        }
        var atRisk = times.count
        var survival = 1.0
        var curve = [SurvivalPoint(day: 0, stillInCare: 1, atRisk: atRisk, reunified: 0)]
        for (day, group) in Dictionary(grouping: times, by: \.day).sorted(by: { $0.key < $1.key }) {
            let events = group.filter(\.event).count
            if events > 0 {
                survival *= 1 - Double(events) / Double(atRisk)
                curve.append(SurvivalPoint(day: day, stillInCare: survival, atRisk: atRisk, reunified: events))
            }
            atRisk -= group.count
        }
        let median = curve.first { $0.stillInCare <= 0.5 }?.day
        let atYear = curve.last { $0.day <= 365 }?.stillInCare ?? 1
        return TimeToReunification(curve: curve, medianDays: median, reunifiedBy12Months: 1 - atYear)
    }
}
