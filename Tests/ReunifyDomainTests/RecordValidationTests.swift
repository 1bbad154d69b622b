import Foundation
import Testing
@testable import ReunifyDomain

@Suite("Record validation")
struct RecordValidationTests {
    let today = CalendarDate(iso: "2026-11-23")!
    let child = PersonID(UUID())

    func date(_ s: String) -> CalendarDate { CalendarDate(iso: s)! }

    @Test("a person needs both names and a birth date that is not in the future")
    func person() {
        var p = PersonDetails(givenName: "Mía", familyName: "Núñez", birthDate: date("2019-04-02"))
        #expect(p.validate(today: today).isEmpty)
        p.birthDate = date("2026-11-24")
        #expect(p.validate(today: today).map(\.field) == ["birthDate"])
        p = PersonDetails(givenName: " ", familyName: "")
        #expect(Set(p.validate(today: today).map(\.field)) == ["givenName", "familyName"])
        p = PersonDetails(givenName: "A", familyName: "B", email: "not-an-address")
        #expect(p.validate(today: today).map(\.field) == ["email"])
    }

    @Test("a discharge before the removal is refused, and a discharge needs its reason")
    func episode() {
        var e = RemovalEpisodeDetails(childID: child, removalDate: date("2026-03-01"), manner: .courtOrdered, circumstances: [.neglect])
        #expect(e.validate(today: today, childBirthDate: date("2020-01-01")).isEmpty)
        e.dischargeDate = date("2026-02-01")
        e.dischargeReason = .reunification
        #expect(e.validate(today: today, childBirthDate: nil).map(\.field) == ["dischargeDate"])
        e.dischargeDate = date("2026-06-01")
        e.dischargeReason = nil
        #expect(e.validate(today: today, childBirthDate: nil).map(\.field) == ["dischargeReason"])
        e.dischargeDate = nil
        #expect(e.validate(today: today, childBirthDate: date("2026-04-01")).map(\.field) == ["removalDate"])
        e.circumstances = []
        #expect(e.validate(today: today, childBirthDate: nil).map(\.field) == ["circumstances"])
    }

    @Test("the date entered care is the earlier of the first judicial finding and 60 days after removal")
    func dateEnteredCare() {
        var e = RemovalEpisodeDetails(childID: child, removalDate: date("2026-03-01"), manner: .courtOrdered, circumstances: [.neglect])
        #expect(e.dateEnteredCare == date("2026-04-30"))
        e.judicialFindingDate = date("2026-03-20")
        #expect(e.dateEnteredCare == date("2026-03-20"))
        e.judicialFindingDate = date("2026-06-20")
        #expect(e.dateEnteredCare == date("2026-04-30"))
    }

    @Test("a placement lies within its episode and an ended one says why")
    func placement() {
        let episode = RemovalEpisodeDetails(childID: child, removalDate: date("2026-03-01"), manner: .courtOrdered, circumstances: [.neglect],
                                            dischargeDate: date("2026-09-01"), dischargeReason: .reunification)
        var p = PlacementDetails(setting: .relativeFosterHome, caregiverName: "Rosa García", startDate: date("2026-03-01"))
        #expect(p.validate(today: today, episode: episode).isEmpty)
        p.startDate = date("2026-02-27")
        #expect(p.validate(today: today, episode: episode).map(\.field) == ["startDate"])
        p.startDate = date("2026-10-01")
        #expect(p.validate(today: today, episode: episode).map(\.field) == ["startDate"])
        p.startDate = date("2026-04-01")
        p.endDate = date("2026-03-15")
        #expect(Set(p.validate(today: today, episode: episode).map(\.field)) == ["endDate", "changeReason"])
        p = PlacementDetails(setting: .runaway, caregiverName: "", startDate: date("2026-04-01"))
        #expect(p.validate(today: today, episode: episode).isEmpty)
    }

    @Test("a trial home visit follows a recent reunification review")
    func returnHome() {
        let home = PlacementDetails(setting: .placedAtHome, caregiverName: "Mother's home", startDate: date("2026-11-20"))
        let policy = TimelinePolicy()
        #expect(home.validateReturnHome(lastReview: nil, policy: policy).map(\.field) == ["setting"])
        #expect(home.validateReturnHome(lastReview: date("2026-09-01"), policy: policy).map(\.field) == ["setting"])
        #expect(home.validateReturnHome(lastReview: date("2026-11-01"), policy: policy).isEmpty)
        let foster = PlacementDetails(setting: .fosterFamilyHome, caregiverName: "Reed family", startDate: date("2026-11-20"))
        #expect(foster.validateReturnHome(lastReview: nil, policy: policy).isEmpty)
    }

    @Test("the concurrent goal differs from the primary and carries a date")
    func goals() {
        var g = PermanencyGoalDetails(childID: child, primary: .reunification, primarySince: date("2026-03-01"))
        #expect(g.validate(today: today).isEmpty)
        g.concurrent = .reunification
        g.concurrentSince = date("2026-05-01")
        #expect(g.validate(today: today).map(\.field) == ["concurrent"])
        g.concurrent = .guardianship
        g.concurrentSince = nil
        #expect(g.validate(today: today).map(\.field) == ["concurrentSince"])
    }

    @Test("an unknown code is refused with the list of known ones")
    func codes() throws {
        #expect(throws: ValidationFailure.self) { try PlacementSetting.parse("orphanage", field: "setting") }
        do {
            _ = try PlacementSetting.parse("orphanage", field: "setting")
        } catch {
            #expect(error.errors[0].message.contains("foster_family_home"))
            #expect(error.errors[0].field == "setting")
        }
        #expect(try PlacementSetting.parse("placed_at_home", field: "setting") == .placedAtHome)
        #expect(try DischargeReason.parseOptional("", field: "x") == nil)
    }

    @Test("every code list has unique, snake_case codes and a label")
    func codeLists() {
        func check<T: CodedValue>(_ type: T.Type) {
            let codes = T.allCases.map(\.rawValue)
            #expect(Set(codes).count == codes.count, "\(T.self)")
            for code in codes { #expect(code.allSatisfy { $0.isLowercase || $0 == "_" }, "\(code)") }
            for value in T.allCases { #expect(!value.label.isEmpty) }
        }
        check(CaseStage.self); check(MemberRole.self); check(RelationshipKind.self); check(Sex.self); check(ICWAStatus.self)
        check(RemovalManner.self); check(RemovalCircumstance.self); check(PlacementSetting.self); check(PermanencyPlan.self)
        check(DischargeReason.self); check(UserRole.self); check(TeamRole.self)
        #expect(RemovalCircumstance.allCases.count == 33)
    }
}

@Suite("Case timeline")
struct CaseTimelineTests {
    let child = PersonID(UUID())
    func date(_ s: String) -> CalendarDate { CalendarDate(iso: s)! }

    @Test("a new case owes its case plan 60 days after removal")
    func casePlan() {
        let e = RemovalEpisodeDetails(childID: child, removalDate: date("2026-11-01"), manner: .courtOrdered, circumstances: [.neglect])
        let t = CaseTimeline(stage: .intake, episodes: [.init(childName: "Ava", episode: e, placements: [])])
        #expect(t.nextDue(today: date("2026-11-23")) == DueItem(kind: .casePlan, due: date("2026-12-31"), childName: "Ava"))
        #expect(t.daysInCare(today: date("2026-11-23")) == 22)
    }

    @Test("reviews every 6 months and hearings every 12 from the date entered care")
    func reviews() {
        let e = RemovalEpisodeDetails(childID: child, removalDate: date("2025-01-10"), manner: .courtOrdered, circumstances: [.neglect],
                                      judicialFindingDate: date("2025-02-01"))
        let t = CaseTimeline(stage: .services, episodes: [.init(childName: "Liam", episode: e, placements: [])])
        let items = t.dueItems(today: date("2026-03-01"))
        #expect(items.first { $0.kind == .periodicReview }?.due == date("2026-08-01"))
        #expect(items.first { $0.kind == .permanencyHearing }?.due == date("2027-02-01"))
        #expect(t.nextDue(today: date("2026-03-01"))?.kind == .periodicReview)
    }

    @Test("a trial home visit reaches its limit 6 months after it began")
    func trialHomeVisit() {
        let e = RemovalEpisodeDetails(childID: child, removalDate: date("2025-06-01"), manner: .courtOrdered, circumstances: [.neglect])
        let home = PlacementDetails(setting: .placedAtHome, caregiverName: "Parent's home", startDate: date("2026-09-01"))
        let t = CaseTimeline(stage: .trialHomeVisit, episodes: [.init(childName: "Zoe", episode: e, placements: [home])])
        #expect(t.dueItems(today: date("2026-11-23")).contains(DueItem(kind: .trialHomeVisitLimit, due: date("2027-03-01"), childName: "Zoe")))
    }

    @Test("a discharged child and a closed case owe nothing")
    func nothingDue() {
        let e = RemovalEpisodeDetails(childID: child, removalDate: date("2025-06-01"), manner: .courtOrdered, circumstances: [.neglect],
                                      dischargeDate: date("2026-06-01"), dischargeReason: .reunification)
        #expect(CaseTimeline(stage: .aftercare, episodes: [.init(childName: "Zoe", episode: e, placements: [])]).nextDue(today: date("2026-11-23")) == nil)
        #expect(CaseTimeline(stage: .aftercare, episodes: [.init(childName: "Zoe", episode: e, placements: [])]).daysInCare(today: date("2026-11-23")) == nil)
    }

    @Test("another jurisdiction's limits replace the policy, not the code")
    func otherPolicy() {
        var utah = TimelinePolicy()
        utah.trialHomeVisitLimitMonths = 3
        let e = RemovalEpisodeDetails(childID: child, removalDate: date("2025-06-01"), manner: .courtOrdered, circumstances: [.neglect])
        let home = PlacementDetails(setting: .placedAtHome, caregiverName: "Home", startDate: date("2026-09-01"))
        let t = CaseTimeline(policy: utah, stage: .trialHomeVisit, episodes: [.init(childName: "Zoe", episode: e, placements: [home])])
        #expect(t.dueItems(today: date("2026-11-23")).first { $0.kind == .trialHomeVisitLimit }?.due == date("2026-12-01"))
    }
}
