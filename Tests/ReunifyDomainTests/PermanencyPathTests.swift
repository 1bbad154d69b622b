import Foundation
import Testing
@testable import ReunifyDomain

/// Concurrent planning and aftercare, with worked examples: which steps may be recorded, and the follow-up days.
@Suite("Permanency paths and aftercare")
struct PermanencyPathTests {
    static let child = PersonID(UUID())
    static let members = [CaseMembership(personID: child, role: .child)]
    static func d(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }
    static let today = d("2026-11-23")
    static let inCare = [RemovalEpisodeDetails(childID: child, removalDate: d("2025-06-01"), manner: .courtOrdered, circumstances: [.neglect])]
    static let goals = PermanencyGoalDetails(childID: child, primary: .reunification, primarySince: d("2025-06-10"),
                                             concurrent: .adoption, concurrentSince: d("2026-01-10"))

    static func entry(_ step: PathStep, _ status: StepStatus, _ day: String, note: String? = nil) -> PathStepDetails {
        PathStepDetails(childID: child, step: step, status: status, date: d(day), note: note)
    }

    static func errors(_ e: PathStepDetails, earlier: [PathStepDetails] = [], goals: PermanencyGoalDetails? = goals,
                       episodes: [RemovalEpisodeDetails] = inCare, tpr: [CalendarDate] = []) -> [String] {
        do {
            try PathRules.check(e, members: members, goals: goals, episodes: episodes, earlier: earlier, heldTPRHearings: tpr, today: today)
            return []
        } catch { return error.errors.map(\.message) }
    }

    @Test("each path has its steps in order; reunification's steps are the case plan's")
    func steps() {
        #expect(PathStep.steps(of: .liveWithRelatives) == [.relativeSearch, .homeAssessment, .homeApproval])
        #expect(PathStep.steps(of: .adoption) == [.terminationOfRights, .adoptiveHome, .finalisation])
        #expect(PathStep.steps(of: .guardianship) == [.guardianIdentified, .guardianHomeAssessment, .guardianshipOrder])
        #expect(PathStep.steps(of: .reunification).isEmpty)
        #expect(PathStep.alternativePlans == [.liveWithRelatives, .adoption, .guardianship, .plannedPermanentLivingArrangement])
    }

    @Test("a path is worked when it is the goal or the concurrent goal, for a child in care, on a day from removal to today")
    func onlyGoals() {
        #expect(Self.errors(Self.entry(.terminationOfRights, .started, "2026-11-01")).isEmpty)
        #expect(Self.errors(Self.entry(.relativeSearch, .started, "2026-11-01")).first?.contains("not this child's goal") == true)
        #expect(Self.errors(Self.entry(.relativeSearch, .started, "2026-11-01"), goals: nil).first?.contains("goals first") == true)
        #expect(Self.errors(Self.entry(.terminationOfRights, .started, "2026-11-24")).contains { $0.contains("after today") })
        #expect(Self.errors(Self.entry(.terminationOfRights, .started, "2025-05-01")).contains { $0.contains("before the child's removal") })
        var home = Self.inCare[0]
        home.dischargeDate = Self.d("2026-10-01")
        home.dischargeReason = .reunification
        #expect(Self.errors(Self.entry(.terminationOfRights, .started, "2026-11-01"), episodes: [home]).first?.contains("not in care") == true)
    }

    @Test("a step is done only after the earlier ones are done or not needed; the court terminates parental rights; a reason for not needed or ruled out")
    func order() {
        // Finalisation before the adoptive home and the termination of rights: refused, naming the first step open.
        #expect(Self.errors(Self.entry(.finalisation, .done, "2026-11-20")).first?.contains("Termination of parental rights comes first") == true)
        // Started is allowed out of order: work on an adoptive home begins while the TPR petition is heard.
        #expect(Self.errors(Self.entry(.adoptiveHome, .started, "2026-11-20")).isEmpty)
        // Termination done needs a TPR hearing held on or before that day, in this removal.
        #expect(Self.errors(Self.entry(.terminationOfRights, .done, "2026-11-20")).contains { $0.contains("TPR hearing") })
        #expect(Self.errors(Self.entry(.terminationOfRights, .done, "2026-11-20"), tpr: [Self.d("2026-11-21")]).contains { $0.contains("TPR hearing") })
        #expect(Self.errors(Self.entry(.terminationOfRights, .done, "2026-11-20"), tpr: [Self.d("2026-11-18")]).isEmpty)
        #expect(!Self.errors(Self.entry(.terminationOfRights, .notNeeded, "2026-11-20", note: "x")).isEmpty)
        let tpr = Self.entry(.terminationOfRights, .done, "2026-11-18")
        #expect(Self.errors(Self.entry(.adoptiveHome, .done, "2026-11-20"), earlier: [tpr]).isEmpty)
        #expect(Self.errors(Self.entry(.adoptiveHome, .ruledOut, "2026-11-20"), earlier: [tpr]) == ["Say why the path is ruled out"])

        // Relative care: a relative already known needs no search (with a reason); then the home is assessed.
        let kin = PermanencyGoalDetails(childID: Self.child, primary: .reunification, primarySince: Self.d("2025-06-10"),
                                        concurrent: .liveWithRelatives, concurrentSince: Self.d("2026-01-10"))
        let known = Self.entry(.relativeSearch, .notNeeded, "2026-02-01", note: "The grandmother came forward at removal")
        #expect(Self.errors(Self.entry(.homeAssessment, .done, "2026-03-01"), earlier: [known], goals: kin).isEmpty)
        #expect(Self.errors(Self.entry(.homeApproval, .done, "2026-03-01"), earlier: [known], goals: kin).first?.contains("Assessment of the relative's home comes first") == true)
    }

    @Test("a path's state: the latest entry of each step counts; a ruled-out step closes it until it is started again")
    func state() {
        let e = Self.entry
        var entries = [e(.relativeSearch, .started, "2026-02-01", nil)]
        #expect(PermanencyPath(childID: Self.child, plan: .liveWithRelatives, entries: entries).state == .underway)
        entries += [e(.relativeSearch, .done, "2026-03-01", nil), e(.homeAssessment, .ruledOut, "2026-04-01", "The aunt's home has no room")]
        var path = PermanencyPath(childID: Self.child, plan: .liveWithRelatives, entries: entries)
        #expect(path.state == .ruledOut && path.next == .homeAssessment)
        entries += [e(.homeAssessment, .started, "2026-05-01", "A cousin came forward"), e(.homeAssessment, .done, "2026-06-01", nil),
                    e(.homeApproval, .done, "2026-06-15", nil)]
        path = PermanencyPath(childID: Self.child, plan: .liveWithRelatives, entries: entries.reversed())
        #expect(path.state == .complete && path.next == nil)
        #expect(path.steps[1].history.count == 3)
        // Entries of another child or plan are not read.
        #expect(PermanencyPath(childID: PersonID(UUID()), plan: .liveWithRelatives, entries: entries).state == .notStarted)
        #expect(PermanencyPath(childID: Self.child, plan: .guardianship, entries: entries).state == .notStarted)
    }

    @Test("aftercare follows the latest discharge home, to a relative or a guardian; follow-ups at 30, 60, 90, 180 and 365 days")
    func aftercare() {
        var left = Self.inCare[0]
        left.dischargeDate = Self.d("2026-09-01")
        left.dischargeReason = .reunification
        #expect(AftercareRules.discharge(of: Self.child, episodes: [left])?.dischargeDate == Self.d("2026-09-01"))
        var adopted = left
        adopted.dischargeReason = .adoption
        #expect(AftercareRules.discharge(of: Self.child, episodes: [adopted]) == nil)
        // Back in care two months later: no aftercare while in care.
        let back = RemovalEpisodeDetails(childID: Self.child, removalDate: Self.d("2026-11-01"), manner: .courtOrdered, circumstances: [.neglect])
        #expect(AftercareRules.discharge(of: Self.child, episodes: [back, left]) == nil)

        let plan = AftercarePlanDetails(childID: Self.child, discharged: Self.d("2026-09-01"), services: [" "], checkInBy: "")
        #expect(throws: ValidationFailure.self) { try AftercareRules.check(plan, members: Self.members, episodes: [left]) }

        let schedule = PermanencyClock().aftercareSchedule(discharged: Self.d("2026-09-01"),
                                                           followUps: [Self.d("2026-08-30"), Self.d("2026-09-20"), Self.d("2026-10-02")], today: Self.today)
        #expect(schedule.map(\.due) == ["2026-10-01", "2026-10-31", "2026-11-30", "2027-02-28", "2027-09-01"].map(Self.d))
        // Seen 20 September (before the 30-day one was due: it counts for it) and 2 October (after it: for the 60-day one);
        // a visit before the discharge counts for none.
        #expect(schedule.map(\.seen) == [Self.d("2026-09-20"), Self.d("2026-10-02"), nil, nil, nil])
        #expect(schedule.map(\.status) == [.done, .done, .dueSoon, .upcoming, .upcoming])
    }
}
