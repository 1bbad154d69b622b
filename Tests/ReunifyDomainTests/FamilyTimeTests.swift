import Foundation
import Testing
@testable import ReunifyDomain

@Suite("Family time: levels, safety before a step up, clashes")
struct FamilyTimeTests {
    let today = CalendarDate(iso: "2026-11-23")!
    let child = PersonID(UUID())

    func safety(_ daysAgo: Int, _ decision: SafetyAssessmentDecision) -> SafetyAssessmentDetails {
        SafetyAssessmentDetails(childID: child, date: today.adding(days: -daysAgo), dangerIndicators: [], decision: decision,
                                safetyPlan: decision == .safeWithPlan ? "Grandmother present at drop-off" : nil)
    }

    @Test("levels run from therapeutic supervised to the trial home visit")
    func order() {
        #expect(VisitLevel.allCases.sorted() == VisitLevel.allCases)
        #expect(VisitLevel.supervised < .unsupervisedDay && VisitLevel.trialHomeVisit > .extended)
        #expect(VisitLevel.monitored.needsSupervisor && !VisitLevel.unsupervisedDay.needsSupervisor)
        #expect(SafetyAssessmentDecision.safeWithPlan.reviewDecision == .safeWithInterventions)
    }

    @Test("a step up needs a fresh safety assessment that found the child safe; it waits for approval")
    func stepUp() throws {
        #expect(throws: ValidationFailure.self) {
            try LevelChangeRules.request(from: .supervised, to: .unsupervisedDay, reason: "Going well", courtOrder: nil, courtGoverned: false,
                                         latestSafety: nil, today: today)
        }
        #expect(throws: ValidationFailure.self) {
            try LevelChangeRules.request(from: .supervised, to: .unsupervisedDay, reason: "Going well", courtOrder: nil, courtGoverned: false,
                                         latestSafety: safety(31, .safe), today: today)
        }
        #expect(throws: ValidationFailure.self) {
            try LevelChangeRules.request(from: .supervised, to: .unsupervisedDay, reason: "Going well", courtOrder: nil, courtGoverned: false,
                                         latestSafety: safety(3, .unsafe), today: today)
        }
        #expect(throws: ValidationFailure.self) {
            try LevelChangeRules.request(from: .supervised, to: .unsupervisedDay, reason: "Going well", courtOrder: nil, courtGoverned: true,
                                         latestSafety: safety(3, .safe), today: today)
        }
        let change = try LevelChangeRules.request(from: .supervised, to: .unsupervisedDay, reason: "Six good visits", courtOrder: nil,
                                                  courtGoverned: false, latestSafety: safety(30, .safeWithPlan), today: today)
        #expect(change.status == .awaitingApproval && change.isStepUp)
    }

    @Test("a step down is taken at once with a reason")
    func stepDown() throws {
        let change = try LevelChangeRules.request(from: .overnight, to: .supervised, reason: "Arrived under the influence", courtOrder: nil,
                                                  courtGoverned: true, latestSafety: nil, today: today)
        #expect(change.status == .approved && !change.isStepUp)
        #expect(throws: ValidationFailure.self) {
            try LevelChangeRules.request(from: .overnight, to: .supervised, reason: " ", courtOrder: nil, courtGoverned: false,
                                         latestSafety: nil, today: today)
        }
    }

    @Test("a visit clashes with another of a shared person or room at an overlapping time, never with itself")
    func clashes() throws {
        let t0 = Date(timeIntervalSince1970: 1_790_000_000)
        let maria = UUID(), worker = UUID(), other = UUID()
        let existing = [
            VisitSlot(visitID: UUID(), start: t0, end: t0 + 3600, people: [maria, worker], place: "Room 2"),
            VisitSlot(visitID: UUID(), start: t0 + 7200, end: t0 + 10800, people: [other], place: "Room 1"),
        ]
        #expect(VisitScheduling.clashes(of: VisitSlot(start: t0 + 1800, end: t0 + 5400, people: [maria], place: "Room 9"), with: existing).count == 1)
        #expect(VisitScheduling.clashes(of: VisitSlot(start: t0 + 1800, end: t0 + 5400, people: [other], place: "room 2"), with: existing).count == 1)
        #expect(VisitScheduling.clashes(of: VisitSlot(start: t0 + 3600, end: t0 + 7200, people: [maria, other], place: "Room 1"), with: existing).isEmpty)
        #expect(VisitScheduling.clashes(of: existing[0], with: existing).isEmpty)
        #expect(throws: ValidationFailure.self) { try VisitScheduling.check(start: t0, end: t0, level: .supervised) }
        #expect(throws: ValidationFailure.self) { try VisitScheduling.check(start: t0, end: t0 + 30 * 3600, level: .unsupervisedDay) }
        try VisitScheduling.check(start: t0, end: t0 + 30 * 3600, level: .overnight)
    }

    @Test("a safety assessment is dated today or earlier and names its plan when safe with a plan")
    func safetyAssessment() {
        #expect(safety(0, .safeWithPlan).validate(today: today).isEmpty)
        var s = safety(0, .safeWithPlan)
        s.safetyPlan = " "
        #expect(s.validate(today: today).map(\.field) == ["safetyPlan"])
        #expect(safety(-1, .safe).validate(today: today).map(\.field) == ["date"])
    }
}
