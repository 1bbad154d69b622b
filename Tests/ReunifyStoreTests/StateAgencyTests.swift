import FluentKit
import Foundation
import Testing
import ReunifyDomain
@testable import ReunifyStore
@testable import ReunifyDemo

@Suite("A generated state agency")
struct StateAgencyTests {
    @Test("the same seed gives the same agency; every batch passes the domain's rules; discharges of every reason, moves, home visits and re-entries")
    func generated() {
        let agency = StateAgency(families: 600, seed: 9, years: 3, today: StoreHarness.today)
        let staff = agency.staff()
        #expect(staff.count == 5 && staff[0].unit == "Region 001")
        var a = StateAgency.Batch(), b = StateAgency.Batch()
        for i in 0..<600 { agency.family(i, staff: staff, into: &a) }
        for i in 0..<600 { agency.family(i, staff: staff, into: &b) }
        #expect(a.episodes.map(\.id) == b.episodes.map(\.id) && a.placements.map(\.startDate) == b.placements.map(\.startDate))
        #expect(StateAgency.problems(a, today: StoreHarness.today) == [])
        let episodes = a.episodes.map(\.details)
        #expect(Set(episodes.compactMap(\.dischargeReason)).isSuperset(of: [.reunification, .liveWithRelative, .guardianship, .adoption, .emancipation]))
        #expect(episodes.contains { $0.isOpen })
        #expect(a.placements.contains { $0.setting == PlacementSetting.placedAtHome.rawValue })
        #expect(Dictionary(grouping: a.placements, by: \.episodeID).values.contains { $0.count >= 3 }, "placements with moves")
        let byChild = Dictionary(grouping: episodes, by: \.childID)
        #expect(byChild.values.contains { $0.count == 2 }, "children who came back into care")
        let removals = episodes.map(\.removalDate)
        #expect(removals.min()! < StoreHarness.today.adding(days: -2 * 365) && removals.max()! > StoreHarness.today.adding(days: -60))
        #expect(a.hearings.map(\.onDay) == b.hearings.map(\.onDay))
    }

    @Test("each removal has its court reviews: every 6 months from entry into care while the child is in care, every second the permanency hearing, the next one scheduled for a child still in care")
    func reviews() throws {
        let today = StoreHarness.today
        let agency = StateAgency(families: 600, seed: 9, years: 3, today: today)
        let staff = agency.staff()
        var batch = StateAgency.Batch()
        for i in 0..<600 { agency.family(i, staff: staff, into: &batch) }
        #expect(!batch.hearings.isEmpty && batch.hearings.count == batch.hearingDetails.count)
        let byChild = Dictionary(grouping: batch.hearingDetails.map(\.details), by: { $0.childIDs[0] })
        var checked = 0
        for e in batch.episodes.map(\.details) {
            let entered = e.dateEnteredCare
            let until = min(e.dischargeDate ?? today, today)
            let mine = (byChild[e.childID] ?? []).filter { $0.date > e.removalDate }
                .filter { h in e.dischargeDate.map { h.date <= $0 } ?? true }
            let held = mine.filter { $0.isHeld(today: today) }.map(\.date)
            let expected = (1..<100).map { entered.adding(months: 6 * $0) }.filter { $0 <= until }
            #expect(held == expected, "held \(held) expected \(expected)")
            #expect(mine.filter { $0.isHeld(today: today) }.map(\.kind) == expected.indices.map { $0 % 2 == 1 ? .permanency : .review })
            let scheduled = mine.filter { !$0.isHeld(today: today) }
            #expect(scheduled.count == (e.isOpen ? 1 : 0))
            #expect(scheduled.allSatisfy { !$0.hasOutcome })
            checked += 1
        }
        #expect(checked == batch.episodes.count)
        let statuses = Set(batch.hearings.map(\.status))
        #expect(statuses == ["held", "scheduled"])
    }

    @Test("a child who comes back into care is under 18 when removed again: the batch of a state of 460 000 families that once held an adult's re-entry passes the rules")
    func noAdultReEntry() {
        // Seed 1 on 7 December 2026: a family among 110 000 to 119 999 held a re-entry after the child's 18th birthday, and with
        // it a discharge before its own removal.
        let today = CalendarDate(iso: "2026-12-07")!
        let agency = StateAgency(families: 460_000, seed: 1, years: 3, today: today)
        let staff = agency.staff()
        var batch = StateAgency.Batch()
        for i in 110_000..<120_000 { agency.family(i, staff: staff, into: &batch) }
        #expect(StateAgency.problems(batch, today: today) == [])
        #expect(batch.episodes.count > 15_000)
    }

    @Test("it loads in bulk beside the demo agency, with its staff")
    func loads() async throws {
        try await StoreHarness.withDatabase(demo: true) { db in
            let before = try await CaseModel.query(on: db).count()
            let rows = try await StateAgency(families: 250, seed: 3, years: 2, today: StoreHarness.today).load(on: db, passwordHash: "x", batchSize: 100)
            #expect(rows > 250 * 5)
            #expect(try await CaseModel.query(on: db).count() == before + 250)
            let hearings = try await PermanencyRecordModel.query(on: db).filter(\.$kind == PermanencyRecordKind.hearing.rawValue).count()
            #expect(hearings > 250, "the court's reviews are loaded with the families")
            #expect(try await UserRepository(db).find(email: "caseworker.3.8@state.reunify.test")?.unit == "Region 003")
        }
    }
}
