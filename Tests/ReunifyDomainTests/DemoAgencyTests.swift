import Foundation
import Testing
@testable import ReunifyDomain
import ReunifyDemo

@Suite("Demo agency")
struct DemoAgencyTests {
    let today = CalendarDate(iso: "2026-11-23")!

    @Test("the same seed and day give the same agency; another seed another")
    func deterministic() {
        let a = DemoAgencyGenerator(today: today).generate()
        let b = DemoAgencyGenerator(today: today).generate()
        #expect(a == b)
        #expect(DemoAgencyGenerator(seed: 7, today: today).generate() != a)
    }

    @Test("it holds the families the foundation calls for")
    func coverage() {
        let agency = DemoAgencyGenerator(today: today).generate()
        #expect(agency.families.count >= 30)
        let worker = agency.user("caseworker@demo.reunify.test")!.id, worker2 = agency.user("caseworker2@demo.reunify.test")!.id
        let byWorker = Dictionary(grouping: agency.families, by: { $0.details.caseworkerID })
        // Sixteen families each, and two children who arrived alone, whose families are traced, with the first.
        #expect(byWorker[worker]?.count == 20)
        #expect(byWorker[worker2]?.count == 16)
        for worker in [worker, worker2] {
            #expect(Set(byWorker[worker]!.map(\.details.stage)) == Set(CaseStage.allCases))
            #expect(byWorker[worker]!.contains { $0.persons.contains { $0.details.languages.first == "Spanish" } })
        }
        let persons = agency.families.flatMap(\.persons)
        #expect(persons.contains { $0.role == .nonResidentFather })
        #expect(persons.contains { $0.role == .relative })
        #expect(persons.contains { $0.details.languages.first == "Spanish" && $0.details.interpreterNeeded })
        #expect(persons.contains { $0.details.icwaStatus == .reasonToKnow })
        #expect(agency.families.contains { $0.persons.filter { $0.role == .child }.count >= 2 })
        #expect(agency.families.contains { f in f.persons.filter { $0.role == .parent }.allSatisfy { $0.details.address == nil } })
        let ages = Set(persons.filter { $0.role == .child }.compactMap { $0.details.birthDate?.age(on: today) })
        #expect(ages.contains { $0 < 2 } && ages.contains { $0 >= 12 })
        let settings = Set(agency.families.flatMap(\.episodes).flatMap(\.placements).map(\.setting))
        #expect(settings.isSuperset(of: [.relativeFosterHome, .fosterFamilyHome, .placedAtHome]))
    }

    @Test("every generated record passes the rules a worker's entry must pass; a broken record is named")
    func valid() {
        let agency = DemoAgencyGenerator(today: today).generate()
        #expect(agency.problems(today: today) == [])
        // A day before the first case opened, the opening dates lie in the future: the rules say so, case by case.
        let early = agency.problems(today: CalendarDate(iso: "2000-01-01")!)
        #expect(!early.isEmpty)
        #expect(early.contains { $0.hasPrefix(agency.families[0].details.caseNumber) })
    }

    @Test("the demo parent is a parent in one of the first caseworker's cases")
    func parentAccount() {
        let agency = DemoAgencyGenerator(today: today).generate()
        let parent = agency.user("parent@demo.reunify.test")!
        let family = agency.families.first { $0.persons.contains { $0.id == parent.personID } }
        #expect(family?.details.caseworkerID == agency.user("caseworker@demo.reunify.test")!.id)
        #expect(family?.episodes.contains { $0.details.isOpen } == true)
    }
}

@Suite("The demo agency's family time")
struct DemoFamilyTimeTests {
    static let today = CalendarDate(iso: "2026-11-23")!

    @Test("visit plans at several levels, recorded visits behind every review's figures, a step up waiting, a harmful visit then a step down; all within the rules")
    func familyTime() {
        let agency = DemoAgencyGenerator(today: Self.today).generate()
        let practice = DemoPracticeGenerator(agency: agency, today: Self.today).generate()
        let f = DemoFamilyTime.make(agency, practice: practice, today: Self.today)
        let now = Self.today.startOfDay.addingTimeInterval(17 * 3600)
        #expect(f.problems(agency, now: now, today: Self.today) == [])
        #expect(Set(f.plans.map(\.details.level)).count >= 3)
        for review in practice.reviews {
            let visits = f.visits.filter { $0.caseID == review.caseID && $0.details.childID == review.childID }.map { (id: $0.id, details: $0.details) }
            let figures = VisitationFigures.of(visits, childID: review.childID, from: Self.today.adding(days: -400), to: review.day, now: now).figures
            #expect(figures.scheduled == review.input.visitation.scheduled && figures.attended == review.input.visitation.attended)
            if review.input.visitation.attended > 0 { #expect(figures.quality == review.input.visitation.quality) }
        }
        #expect(f.changes.contains { $0.record.change.status == .awaitingApproval && $0.record.change.isStepUp && $0.record.safetyAssessmentID != nil })
        let down = f.changes.first { !$0.record.change.isStepUp }
        #expect(down != nil && down?.record.acknowledgedBy == nil)
        #expect(f.visits.contains { $0.caseID == down?.caseID && $0.details.record?.quality == .harmful })
        #expect(f.visits.contains { $0.details.start > now }, "coming visits for the calendar")
        #expect(f.visits.contains { $0.details.start < now && $0.details.record == nil }, "a visit still to record")
    }
}
