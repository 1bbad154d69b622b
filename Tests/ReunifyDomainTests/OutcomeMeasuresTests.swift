import Foundation
import Testing
@testable import ReunifyDomain

/// The CFSR measures with worked examples: dates in, the counts the definitions give out.
@Suite("Outcome measures")
struct OutcomeMeasuresTests {
    static func d(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }
    static let period = OutcomeMeasures(start: d("2024-04-01"), end: d("2025-03-31"))

    static func episode(_ child: UUID = UUID(), born: String? = "2015-06-01", removed: String, left: String? = nil, reason: DischargeReason? = nil,
                        unit: String? = "North", placements: [(String, String?, PlacementSetting)] = []) -> OutcomeEpisode {
        OutcomeEpisode(id: UUID(), childID: child, birthDate: born.map(d), removal: d(removed), discharge: left.map(d), reason: reason, unit: unit,
                       placements: placements.map { OutcomePlacement(id: UUID(), start: d($0.0), end: $0.1.map(d), setting: $0.2) })
    }

    @Test("the entry cohort: each child's first removal in the period; under 8 days or 18 and over left out")
    func cohort() {
        let twice = UUID()
        let episodes = [
            Self.episode(twice, removed: "2024-05-01", left: "2024-06-01", reason: .reunification),
            Self.episode(twice, removed: "2024-09-01"),                                          // the same child again: not counted twice
            Self.episode(removed: "2024-03-31"),                                                 // the day before the period
            Self.episode(removed: "2025-03-31"),                                                 // its last day counts
            Self.episode(removed: "2024-07-01", left: "2024-07-08", reason: .reunification),     // 7 days: left out
            Self.episode(removed: "2024-07-01", left: "2024-07-09", reason: .reunification),     // 8 days: counted
            Self.episode(born: "2006-07-01", removed: "2024-07-01"),                             // 18 that day: left out
            Self.episode(born: "2006-07-02", removed: "2024-07-01"),                             // 17: counted
            Self.episode(born: nil, removed: "2024-08-01"),                                      // no birth date: counted
        ]
        let c = Self.period.cohort(episodes)
        #expect(c.count == 5)
        #expect(c.filter { $0.childID == twice }.map(\.removal) == [Self.d("2024-05-01")])
        // A child whose first removal in the period is left out is not counted by a later one.
        let brief = UUID()
        #expect(Self.period.cohort([Self.episode(brief, removed: "2024-05-01", left: "2024-05-03", reason: .reunification),
                                    Self.episode(brief, removed: "2024-06-01")]).isEmpty)
    }

    @Test("the adjusted discharge: a closing trial home visit longer than 30 days counts as home from its 30th day")
    func adjusted() {
        let long = Self.episode(removed: "2024-05-01", left: "2024-12-01", reason: .reunification,
                                placements: [("2024-05-01", "2024-09-01", .fosterFamilyHome), ("2024-09-01", "2024-12-01", .placedAtHome)])
        // 91 days at home: the discharge less 61 days.
        #expect(long.adjustedDischarge == Self.d("2024-10-01"))
        let short = Self.episode(removed: "2024-05-01", left: "2024-12-01", reason: .reunification,
                                 placements: [("2024-05-01", "2024-11-01", .fosterFamilyHome), ("2024-11-01", "2024-12-01", .placedAtHome)])
        #expect(short.adjustedDischarge == Self.d("2024-12-01"))
        // Ordered by start date, then as recorded: a home visit recorded first but starting later is still the last.
        let recordedFirst = Self.episode(removed: "2024-05-01", left: "2024-12-01", reason: .reunification,
                                         placements: [("2024-09-01", "2024-12-01", .placedAtHome), ("2024-05-01", "2024-09-01", .fosterFamilyHome)])
        #expect(recordedFirst.adjustedDischarge == Self.d("2024-10-01"))
        // A home visit that ended before the discharge (the child went back to foster care) changes nothing.
        let back = Self.episode(removed: "2024-05-01", left: "2025-02-01", reason: .reunification,
                                placements: [("2024-05-01", "2024-09-01", .placedAtHome), ("2024-09-01", "2025-02-01", .fosterFamilyHome)])
        #expect(back.adjustedDischarge == Self.d("2025-02-01"))
    }

    @Test("P1: a permanent exit before the 12-month anniversary (by the adjusted discharge) and before 18")
    func p1() {
        let episodes = [
            Self.episode(removed: "2024-05-01", left: "2025-04-30", reason: .reunification),     // the day before the anniversary
            Self.episode(removed: "2024-05-01", left: "2025-05-01", reason: .reunification),     // on it: not within 12 months
            Self.episode(removed: "2024-05-01", left: "2025-06-01", reason: .reunification,      // home 92 days: adjusted to 2025-03-31
                         placements: [("2024-05-01", "2025-03-01", .fosterFamilyHome), ("2025-03-01", "2025-06-01", .placedAtHome)]),
            Self.episode(removed: "2024-05-01", left: "2024-11-01", reason: .adoption),
            Self.episode(removed: "2024-05-01", left: "2024-11-01", reason: .emancipation),
            Self.episode(born: "2006-09-01", removed: "2024-06-01", left: "2024-12-01", reason: .reunification), // 18 on 2024-09-01
            Self.episode(removed: "2024-05-01"),                                                 // still in care
            Self.episode(removed: "2024-02-29", left: "2024-06-01", reason: .reunification),     // removed before the period
        ]
        let f = Self.period.figures(episodes, asOf: Self.d("2026-01-01"))
        #expect(f.p1 == OutcomeRate(numerator: 3, denominator: 7))
        // A leap day's anniversary is 28 February.
        #expect(OutcomeMeasures.anniversary(Self.d("2024-02-29")) == Self.d("2025-02-28"))
    }

    @Test("P4: of those who went home, to relatives or a guardian within 12 months, who came back within 12 months of leaving")
    func p4() {
        let a = UUID(), b = UUID(), c = UUID(), d = UUID()
        let episodes = [
            Self.episode(a, removed: "2024-05-01", left: "2024-10-01", reason: .reunification),
            Self.episode(a, removed: "2025-09-30"),                                              // the day before the anniversary of leaving
            Self.episode(b, removed: "2024-05-01", left: "2024-10-01", reason: .guardianship),
            Self.episode(b, removed: "2025-10-01"),                                              // on it: not a re-entry
            Self.episode(c, removed: "2024-05-01", left: "2024-10-01", reason: .adoption),       // adoption: not in P4
            Self.episode(c, removed: "2025-01-01"),
            Self.episode(d, removed: "2024-05-01", left: "2025-06-01", reason: .liveWithRelative), // after 12 months: not in P4
            Self.episode(d, removed: "2025-07-01"),
        ]
        let f = Self.period.figures(episodes, asOf: Self.d("2026-01-01"))
        #expect(f.p4 == OutcomeRate(numerator: 1, denominator: 2))
        #expect(f.p4Children == [a])
        // Re-entry is a removal after the actual discharge, not the adjusted one.
        let e = UUID()
        let home = [Self.episode(e, removed: "2024-05-01", left: "2024-12-01", reason: .reunification,
                                 placements: [("2024-05-01", "2024-09-01", .fosterFamilyHome), ("2024-09-01", "2024-12-01", .placedAtHome)]),
                    Self.episode(e, removed: "2024-11-15")]
        #expect(Self.period.figures(home, asOf: Self.d("2026-01-01")).p4 == OutcomeRate(numerator: 0, denominator: 1))
    }

    @Test("P5: moves per 1 000 days to the earlier of discharge and the period's end; home visits and runaways are not moves")
    func p5() {
        let episodes = [
            // 2024-05-01 to the discharge 2024-11-01: 184 days; shelter, then foster (a move), then a runaway, then a group home (a move).
            Self.episode(removed: "2024-05-01", left: "2024-11-01", reason: .reunification, placements: [
                ("2024-05-01", "2024-05-10", .childCareInstitutionShelter), ("2024-05-10", "2024-07-01", .fosterFamilyHome),
                ("2024-07-01", "2024-07-05", .runaway), ("2024-07-05", "2024-11-01", .groupHomeStaffOperated)]),
            // Still in care: 2025-01-01 to the period's end 2025-03-31, 89 days; the move on 2025-04-02 is after it.
            Self.episode(removed: "2025-01-01", placements: [("2025-01-01", "2025-04-02", .fosterFamilyHome), ("2025-04-02", nil, .relativeFosterHome)]),
        ]
        let f = Self.period.figures(episodes, asOf: Self.d("2026-01-01"))
        #expect(f.p5 == StabilityRate(moves: 2, days: 184 + 89))
        #expect(abs((f.p5.ratePer1000Days ?? 0) - 2000.0 / 273) < 1e-9)
    }

    @Test("time to reunification: Kaplan–Meier, other exits and those still in care censored; the median and the 12-month point")
    func kaplanMeier() {
        let episodes = [
            Self.episode(removed: "2024-05-01", left: "2024-07-30", reason: .reunification),   // day 90
            Self.episode(removed: "2024-05-01", left: "2024-08-29", reason: .adoption),        // censored at 120
            Self.episode(removed: "2024-05-01", left: "2024-11-27", reason: .reunification),   // day 210
            Self.episode(removed: "2024-05-01", left: "2025-07-25", reason: .reunification),   // day 450
            Self.episode(removed: "2025-03-01"),                                               // in care: censored at asOf, day 92
        ]
        let k = Self.period.figures(episodes, asOf: Self.d("2025-06-01")).timeToReunification
        // Day 90: 5 at risk, 1 home → 0.8. Day 92 and 120 censored. Day 210: 2 at risk, 1 home → 0.4. Day 450: 1 → 0.
        #expect(k.curve.map(\.day) == [0, 90, 210, 450])
        #expect(k.curve.map(\.atRisk) == [5, 5, 2, 1])
        #expect(abs(k.curve[2].stillInCare - 0.4) < 1e-12)
        #expect(k.medianDays == 210)
        #expect(abs(k.reunifiedBy12Months - 0.6) < 1e-12)
    }

    @Test("a period's figures need only the episodes of the children removed in it, from its first day on")
    func episodesRead() {
        let a = UUID(), b = UUID(), c = UUID()
        let earlier = Self.episode(a, removed: "2023-01-10", left: "2023-08-01", reason: .reunification)
        let later = Self.episode(c, removed: "2025-05-01")                                    // removed only after the period
        let episodes = [
            earlier,
            Self.episode(a, removed: "2024-05-01", left: "2024-10-01", reason: .reunification,
                         placements: [("2024-05-01", "2024-07-01", .fosterFamilyHome), ("2024-07-01", nil, .relativeFosterHome)]),
            Self.episode(a, removed: "2025-06-30"),                                          // a re-entry after the period: still read
            Self.episode(b, removed: "2024-12-01", left: "2025-02-01", reason: .adoption),
            Self.episode(c, removed: "2022-03-01", left: "2022-09-01", reason: .reunification),
            later,
        ]
        let read = Self.period.episodesRead(episodes)
        #expect(read.count == 3 && !read.contains(earlier) && !read.contains(later) && read.allSatisfy { $0.childID != c })
        for unit in [nil, "North", "South"] {
            #expect(Self.period.figures(read, unit: unit, asOf: Self.d("2026-01-01")) == Self.period.figures(episodes, unit: unit, asOf: Self.d("2026-01-01")))
        }
        #expect(Self.period.figures(read, asOf: Self.d("2026-01-01")).p4 == OutcomeRate(numerator: 1, denominator: 1))
    }

    @Test("a unit's figures read the episodes of its cases only, as its export does; the agency's read them all")
    func unit() {
        let child = UUID()
        let episodes = [Self.episode(child, removed: "2024-05-01", left: "2024-10-01", reason: .reunification, unit: "North"),
                        Self.episode(child, removed: "2025-01-01", unit: "South"),
                        Self.episode(removed: "2024-06-01", unit: "South")]
        let north = Self.period.figures(episodes, unit: "North", asOf: Self.d("2026-01-01"))
        #expect(north.cohort.count == 1 && north.p4 == OutcomeRate(numerator: 0, denominator: 1))
        // In the South the child's first removal in the period is the later one.
        #expect(Self.period.figures(episodes, unit: "South", asOf: Self.d("2026-01-01")).cohort.count == 2)
        let agency = Self.period.figures(episodes, asOf: Self.d("2026-01-01"))
        #expect(agency.cohort.count == 2 && agency.p4 == OutcomeRate(numerator: 1, denominator: 1))
    }
}
