import Foundation
import Testing
@testable import ReunifyDomain

/// The deadlines of RULES.md §4.2–4.5, each with worked examples: dates in, the dates the rules give out.
@Suite("Permanency clock")
struct PermanencyClockTests {
    static let child = PersonID(UUID())
    static let clock = PermanencyClock()
    static func d(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    static func episode(removed: String, finding: String? = nil, discharged: String? = nil, reason: DischargeReason? = nil,
                        placements: [PlacementDetails] = []) -> ChildClockFacts.Episode {
        let details = RemovalEpisodeDetails(childID: child, removalDate: d(removed), manner: .courtOrdered, circumstances: [.neglect],
                                            judicialFindingDate: finding.map(d), dischargeDate: discharged.map(d), dischargeReason: reason)
        return .init(details, placements: placements)
    }

    static func item(_ items: [ClockItem], _ kind: ClockKind, pending: Bool = true) -> ClockItem? {
        items.first { $0.kind == kind && (!pending || $0.status != .done) }
    }

    @Test("15 of the most recent 22 months: 457 days in care from the date entered care, 60 days after removal when no finding is earlier")
    func tprContinuous() {
        // Removed 2025-01-01, no judicial finding: entered care 2025-03-02; day 457 of care is 2026-06-01.
        let e = Self.episode(removed: "2025-01-01")
        #expect(e.details.dateEnteredCare == Self.d("2025-03-02"))
        #expect(Self.clock.tprDate([e], today: Self.d("2025-06-01")) == Self.d("2026-06-01"))
        // A judicial finding before the 60 days starts the count then.
        let found = Self.episode(removed: "2025-01-01", finding: "2025-01-20")
        #expect(Self.clock.tprDate([found], today: Self.d("2025-06-01")) == Self.d("2025-01-20").adding(days: 456))
    }

    @Test("days of a trial home visit or a runaway are not counted")
    func tprExclusions() {
        let home = PlacementDetails(setting: .placedAtHome, caregiverName: "Parent", startDate: Self.d("2025-06-01"), endDate: Self.d("2025-07-01"))
        let away = PlacementDetails(setting: .runaway, caregiverName: "—", startDate: Self.d("2025-09-01"), endDate: Self.d("2025-09-11"))
        let e = Self.episode(removed: "2025-01-01", placements: [home, away])
        // 30 days at home and 10 away: 40 days later than 2026-06-01.
        #expect(Self.clock.tprDate([e], today: Self.d("2025-06-01")) == Self.d("2026-06-01").adding(days: 40))
        // Now home on a trial visit with no end: the count stops, so no date falls due.
        let now = PlacementDetails(setting: .placedAtHome, caregiverName: "Parent", startDate: Self.d("2025-06-01"))
        #expect(Self.clock.tprDate([Self.episode(removed: "2025-01-01", placements: [now])], today: Self.d("2025-07-01")) == nil)
    }

    @Test("episodes add up within the 22-month window, and drop out of it")
    func tprAcrossEpisodes() {
        // Episode 1: days 0–199 in care (entered on removal by a same-day finding); out 100 days; back on day 300.
        let first = Self.d("2024-01-01")
        let one = Self.episode(removed: first.iso, finding: first.iso, discharged: first.adding(days: 200).iso, reason: .reunification)
        let close = Self.episode(removed: first.adding(days: 300).iso, finding: first.adding(days: 300).iso)
        // 200 + 257 = 457 on day 300 + 256 = 556, all inside 670 days.
        #expect(Self.clock.tprDate([one, close], today: first.adding(days: 310)) == first.adding(days: 556))
        // Back only on day 600: the first stay slides out of the window before the count is reached, so it takes the
        // second stay's own 457 days, from day 600 (day 1056).
        let late = Self.episode(removed: first.adding(days: 600).iso, finding: first.adding(days: 600).iso)
        #expect(Self.clock.tprDate([one, late], today: first.adding(days: 610)) == first.adding(days: 1056))
    }

    @Test("a recorded exception stands instead of the due date, with who recorded it and why; a filed petition closes it")
    func tprItems() {
        var facts = ChildClockFacts(childID: Self.child, episodes: [Self.episode(removed: "2025-01-01")])
        let today = Self.d("2026-07-01")
        #expect(Self.item(Self.clock.items(facts, today: today), .tprFiling)?.status == .overdue)
        facts.tprExceptions = [.init(reason: .relativePlacement, note: "Lives with her aunt", recordedBy: "Alex Rivera", recordedOn: Self.d("2026-05-20"))]
        let excepted = Self.item(Self.clock.items(facts, today: today), .tprFiling)
        #expect(excepted?.status == .excepted && excepted?.due == Self.d("2026-06-01"))
        #expect(excepted?.basis.contains("Alex Rivera") == true && excepted?.basis.contains("relative") == true)
        facts.tprExceptions = []
        facts.hearings = [.init(kind: .tpr, date: Self.d("2026-06-20"))]
        #expect(Self.item(Self.clock.items(facts, today: today), .tprFiling, pending: false)?.status == .done)
    }

    @Test("a permanency hearing is due 12 months after entry; once one is held, the next is due 12 months after it")
    func permanencyHearing() {
        var facts = ChildClockFacts(childID: Self.child, episodes: [Self.episode(removed: "2025-01-01")])
        #expect(Self.item(Self.clock.items(facts, today: Self.d("2025-06-01")), .permanencyHearing)?.due == Self.d("2026-03-02"))
        #expect(Self.item(Self.clock.items(facts, today: Self.d("2026-03-10")), .permanencyHearing)?.status == .overdue)
        facts.hearings = [.init(kind: .permanency, date: Self.d("2026-02-15"))]
        let items = Self.clock.items(facts, today: Self.d("2026-03-10"))
        #expect(items.contains { $0.kind == .permanencyHearing && $0.status == .done && $0.due == Self.d("2026-03-02") })
        #expect(Self.item(items, .permanencyHearing)?.due == Self.d("2027-02-15"))
        #expect(Self.item(items, .permanencyHearing)?.status == .upcoming)
    }

    @Test("a hearing of this removal counts though held before the date entered care; one of an earlier removal does not")
    func hearingBeforeEntry() {
        // Removed 2026-10-20, no finding: entered care 2026-12-19. A permanency hearing on 2026-11-20 is of this removal.
        var facts = ChildClockFacts(childID: Self.child, episodes: [Self.episode(removed: "2026-10-20")])
        facts.hearings = [.init(kind: .permanency, date: Self.d("2026-11-20")), .init(kind: .review, date: Self.d("2026-11-21"))]
        let items = Self.clock.items(facts, today: Self.d("2026-11-23"))
        #expect(Self.item(items, .permanencyHearing)?.due == Self.d("2027-11-20"))
        #expect(Self.item(items, .periodicReview)?.due == Self.d("2027-05-21"))
        facts.hearings = [.init(kind: .permanency, date: Self.d("2026-10-19"))]
        #expect(Self.item(Self.clock.items(facts, today: Self.d("2026-11-23")), .permanencyHearing)?.due == Self.d("2027-12-19"))
    }

    @Test("periodic reviews every 6 months from entry, then from the last review hearing; the plan 60 days after removal")
    func reviewsAndPlan() {
        var facts = ChildClockFacts(childID: Self.child, episodes: [Self.episode(removed: "2025-01-01")])
        let items = Self.clock.items(facts, today: Self.d("2025-02-15"))
        #expect(Self.item(items, .periodicReview)?.due == Self.d("2025-09-02"))
        #expect(Self.item(items, .casePlan)?.due == Self.d("2025-03-02") && Self.item(items, .casePlan)?.status == .dueSoon)
        facts.hearings = [.init(kind: .review, date: Self.d("2025-08-20"))]
        facts.planApprovedOn = Self.d("2025-02-28")
        let later = Self.clock.items(facts, today: Self.d("2025-09-01"))
        #expect(Self.item(later, .periodicReview)?.due == Self.d("2026-02-20"))
        #expect(Self.item(later, .casePlan, pending: false)?.status == .done)
        // A permanency hearing reviews the case in court: the next review falls 6 months after it.
        facts.hearings.append(.init(kind: .permanency, date: Self.d("2026-02-10")))
        let afterPermanency = Self.clock.items(facts, today: Self.d("2026-02-15"))
        #expect(Self.item(afterPermanency, .periodicReview)?.due == Self.d("2026-08-10"))
        #expect(Self.item(afterPermanency, .periodicReview)?.basis.contains("permanency hearing of 2026-02-10") == true)
        // The grounds are facts, worded per language: the same dates in both.
        #expect(Self.item(afterPermanency, .periodicReview)?.basis(.spanish) == "6 meses después de la audiencia de permanencia del 2026-02-10")
        #expect(Self.item(items, .casePlan)?.basis(.spanish) == "60 días después de la remoción del 2025-01-01")
        #expect(Self.item(items, .casePlan)?.grounds == .daysAfterRemoval(days: 60, removal: Self.d("2025-01-01")))
        for item in afterPermanency {
            #expect(item.basis(.spanish) != item.basis(.english) && item.basis == item.basis(.english), "\(item.kind)")
        }
    }

    @Test("ICWA: notice received at least 10 days before each scheduled hearing")
    func icwa() {
        var facts = ChildClockFacts(childID: Self.child, episodes: [Self.episode(removed: "2025-01-01")])
        let hearing = ChildClockFacts.Hearing(kind: .review, date: Self.d("2025-05-20"))
        facts.hearings = [hearing]
        #expect(Self.item(Self.clock.items(facts, today: Self.d("2025-05-01")), .icwaNotice) == nil)  // not an Indian child
        facts.icwa = .reasonToKnow
        let pending = Self.item(Self.clock.items(facts, today: Self.d("2025-05-01")), .icwaNotice)
        #expect(pending?.due == Self.d("2025-05-10") && pending?.status == .dueSoon)
        facts.notices = [.init(hearingID: hearing.id, received: Self.d("2025-05-12"))]
        #expect(Self.item(Self.clock.items(facts, today: Self.d("2025-05-13")), .icwaNotice)?.status == .overdue)  // too late
        facts.notices = [.init(hearingID: hearing.id, received: Self.d("2025-05-08"))]
        #expect(Self.item(Self.clock.items(facts, today: Self.d("2025-05-13")), .icwaNotice, pending: false)?.status == .done)
    }

    @Test("a trial home visit warns at month 5 and is due at 6, or at the end the court ordered")
    func trialHomeVisit() {
        let home = PlacementDetails(setting: .placedAtHome, caregiverName: "Parent", startDate: Self.d("2026-01-10"))
        var facts = ChildClockFacts(childID: Self.child, episodes: [Self.episode(removed: "2025-01-01", placements: [home])])
        #expect(Self.item(Self.clock.items(facts, today: Self.d("2026-05-01")), .trialHomeVisitLimit)?.status == .upcoming)
        let warned = Self.item(Self.clock.items(facts, today: Self.d("2026-06-15")), .trialHomeVisitLimit)
        #expect(warned?.status == .dueSoon && warned?.due == Self.d("2026-07-10"))
        #expect(Self.item(Self.clock.items(facts, today: Self.d("2026-07-11")), .trialHomeVisitLimit)?.status == .overdue)
        facts.trialHomeVisitCourtEnd = Self.d("2026-09-30")
        #expect(Self.item(Self.clock.items(facts, today: Self.d("2026-07-11")), .trialHomeVisitLimit)?.due == Self.d("2026-09-30"))
    }

    @Test("after a discharge home: follow-ups at 30, 60, 90, 180 and 365 days; a removal within 12 months is a re-entry")
    func aftercareAndReEntry() {
        let home = Self.episode(removed: "2025-01-01", discharged: "2026-01-15", reason: .reunification)
        var facts = ChildClockFacts(childID: Self.child, episodes: [home])
        facts.followUps = [Self.d("2026-02-13"), Self.d("2026-03-20")]
        let items = Self.clock.items(facts, today: Self.d("2026-04-20")).filter { $0.kind == .aftercareFollowUp }
        #expect(items.map(\.due) == ["2026-02-14", "2026-03-16", "2026-04-15", "2026-07-14", "2027-01-15"].map(Self.d))
        #expect(items.map(\.status) == [.done, .done, .overdue, .upcoming, .upcoming])
        let adoption = ChildClockFacts(childID: Self.child, episodes: [Self.episode(removed: "2025-01-01", discharged: "2026-01-15", reason: .adoption)])
        #expect(Self.clock.items(adoption, today: Self.d("2026-04-20")).isEmpty)

        let again = Self.episode(removed: "2026-03-15").details
        #expect(Self.clock.isReEntry(again, among: [home.details, again]))
        let much = Self.episode(removed: "2027-02-16").details
        #expect(!Self.clock.isReEntry(much, among: [home.details, much]))
    }
}
