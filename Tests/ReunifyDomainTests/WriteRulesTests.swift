import Foundation
import Testing
@testable import ReunifyDomain

@Suite("Rules of a record's write path")
struct WriteRulesTests {
    let today = CalendarDate(iso: "2026-11-23")!
    let child = PersonID(UUID())
    func date(_ s: String) -> CalendarDate { CalendarDate(iso: s)! }

    var episode: RemovalEpisodeDetails {
        RemovalEpisodeDetails(childID: child, removalDate: date("2026-09-01"), manner: .courtOrdered, circumstances: [.neglect])
    }
    var rules: PlacementRules { PlacementRules(today: today, timelines: .unitedStates) }
    func foster(_ start: String, end: String? = nil) -> PlacementDetails {
        PlacementDetails(setting: .fosterFamilyHome, caregiverName: "Reed family", startDate: date(start),
                         endDate: end.map(date), changeReason: end == nil ? nil : "Moved")
    }

    func failure(_ body: () throws -> Void) -> ValidationFailure? {
        do { try body(); return nil } catch let f as ValidationFailure { return f } catch { return nil }
    }

    @Test("a new current placement ends the one it follows on the day it starts")
    func newPlacementEndsTheCurrentOne() throws {
        let current = PlacementRules.Sibling(id: PlacementID(UUID()), details: foster("2026-09-01"))
        let endings = try rules.check(foster("2026-10-15"), editing: nil, episode: episode, siblings: [current], lastReview: nil)
        #expect(endings.map(\.id) == [current.id])
        #expect(endings.first?.endDate == date("2026-10-15"))
    }

    @Test("a change that would leave two current placements is refused; an ended one may change freely")
    func twoCurrentRefusedOnEdit() throws {
        let ended = PlacementRules.Sibling(id: PlacementID(UUID()), details: foster("2026-09-01", end: "2026-10-15"))
        let current = PlacementRules.Sibling(id: PlacementID(UUID()), details: foster("2026-10-15"))
        let reopen = failure { _ = try rules.check(foster("2026-09-01"), editing: ended.id, episode: episode, siblings: [ended, current], lastReview: nil) }
        #expect(reopen?.errors.map(\.field) == ["endDate"])
        #expect(try rules.check(foster("2026-09-02", end: "2026-10-15"), editing: ended.id, episode: episode,
                                siblings: [ended, current], lastReview: nil).isEmpty)
        let earlier = failure { _ = try rules.check(foster("2026-09-10"), editing: nil, episode: episode, siblings: [current], lastReview: nil) }
        #expect(earlier?.errors.map(\.field) == ["endDate"])
    }

    @Test("a trial home visit needs a review at most 30 days old, when created and when changed into one")
    func trialHomeVisit() throws {
        let home = PlacementDetails(setting: .placedAtHome, caregiverName: "Mother", startDate: date("2026-11-20"))
        let existing = PlacementRules.Sibling(id: PlacementID(UUID()), details: foster("2026-09-01"))
        for editing in [nil, existing.id] {
            let none = failure { _ = try rules.check(home, editing: editing, episode: episode, siblings: [existing], lastReview: nil) }
            #expect(none?.errors.first?.message == "Run a reunification review for this child before a trial home visit")
            let old = failure { _ = try rules.check(home, editing: editing, episode: episode, siblings: [existing], lastReview: date("2026-09-01")) }
            #expect(old?.errors.map(\.field) == ["setting"])
            #expect(failure { _ = try rules.check(home, editing: editing, episode: episode, siblings: [existing], lastReview: date("2026-11-01")) } == nil)
        }
    }

    @Test("a removal names a child of the case; a second open removal of the same child is a duplicate")
    func episodes() throws {
        let mother = PersonID(UUID())
        let members = [CaseMembership(personID: child, role: .child), CaseMembership(personID: mother, role: .parent)]
        let rules = EpisodeRules(today: today)
        var ofMother = episode
        ofMother.childID = mother
        #expect(failure { try rules.check(ofMother, editing: nil, members: members, childBirthDate: nil, siblings: []) }?.errors.map(\.field) == ["childId"])
        let open = (id: EpisodeID(UUID()), details: episode)
        #expect(throws: DuplicateRecord.self) { try rules.check(episode, editing: nil, members: members, childBirthDate: nil, siblings: [open]) }
        try rules.check(episode, editing: open.id, members: members, childBirthDate: nil, siblings: [open])
    }

    @Test("an episode's removal day may not move after one of its placements begins; a discharge day not before one")
    func episodeDaysAroundPlacements() throws {
        let rules = EpisodeRules(today: today)
        let placements = [PlacementRules.Sibling(id: PlacementID(UUID()), details: foster("2026-09-01", end: "2026-09-20")),
                          PlacementRules.Sibling(id: PlacementID(UUID()), details: foster("2026-09-20"))]
        var later = episode
        later.removalDate = date("2026-09-05")
        let moved = failure { _ = try rules.dischargeEndings(later, placements: placements) }
        #expect(moved?.errors.map(\.field) == ["removalDate"])
        #expect(moved?.errors.first?.message == "The child's placement from 2026-09-01 begins before this removal day; correct the placement or the day")
        #expect(try rules.dischargeEndings(episode, placements: placements).isEmpty, "the removal day of the first placement stays allowed")
        var discharged = episode
        discharged.dischargeDate = date("2026-09-10")
        #expect(failure { _ = try rules.dischargeEndings(discharged, placements: placements) }?.errors.map(\.field) == ["dischargeDate"])
    }

    @Test("one set of permanency goals per child")
    func goals() throws {
        let members = [CaseMembership(personID: child, role: .child)]
        let goals = PermanencyGoalDetails(childID: child, primary: .reunification, primarySince: date("2026-10-01"))
        let existing = (id: GoalID(UUID()), childID: child)
        #expect(throws: DuplicateRecord.self) { try GoalRules(today: today).check(goals, editing: nil, members: members, siblings: [existing]) }
        try GoalRules(today: today).check(goals, editing: existing.id, members: members, siblings: [existing])
    }

    @Test("a team is staff; the assigned caseworker and supervisor stay on it")
    func team() {
        #expect(TeamRules.checkJoining(.parent)?.field == "userId")
        for role in UserRole.allCases where role != .parent { #expect(TeamRules.checkJoining(role) == nil) }
        let worker = UserID(UUID()), supervisor = UserID(UUID()), clinician = UserID(UUID())
        #expect(TeamRules.checkLeaving(worker, caseworker: worker, supervisor: supervisor) != nil)
        #expect(TeamRules.checkLeaving(supervisor, caseworker: worker, supervisor: supervisor) != nil)
        #expect(TeamRules.checkLeaving(clinician, caseworker: worker, supervisor: supervisor) == nil)
    }

    @Test("a reunification review is for a child of the case in care with reunification among the goals")
    func reviewEligibility() throws {
        let members = [CaseMembership(personID: child, role: .child)]
        let goals = PermanencyGoalDetails(childID: child, primary: .reunification, primarySince: date("2026-09-05"))
        #expect(try ReviewRules.monthsInCare(child, members: members, openEpisode: episode, goals: goals, today: today) == 2)
        #expect(failure { _ = try ReviewRules.monthsInCare(PersonID(UUID()), members: members, openEpisode: episode, goals: goals, today: today) }?
            .errors.first?.message == "Choose a child who is a member of this case")
        #expect(failure { _ = try ReviewRules.monthsInCare(child, members: members, openEpisode: nil, goals: goals, today: today) } != nil)
        var adoption = goals
        adoption.primary = .adoption
        #expect(failure { _ = try ReviewRules.monthsInCare(child, members: members, openEpisode: episode, goals: adoption, today: today) } != nil)
    }
}
