import Foundation
import Testing
import Vapor
import VaporTesting
import ReunifyDomain
import ReunifyStore
@testable import ReunifyWeb
import ReunifyDemo

@Suite("Permanency pages: a hearing recorded on its form, the court report, the team's decision approved")
struct PermanencyPagesTests {
    @Test("a caseworker records a held permanency hearing on the form, the case page shows it and the next one, the court report prints it; the decision waits for the supervisor")
    func hearingReportDecision() async throws {
        try await TestApp.run { app, _ in
            let (family, child) = AssessmentAPITests.reviewable()
            var worker = try await Browser.signedIn(app, "caseworker@demo.reunify.test")
            let form = try await worker.get(SiteURL.newHearing(family.caseID).path)
            #expect(form.status == .ok)
            let bad = try await worker.post(SiteURL.newHearing(family.caseID).path, [("childIds", child.description), ("kind", "permanency"),
                ("date-day", "20"), ("date-month", "1"), ("date-year", "2027"), ("findings", "Efforts made")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("once it has been held"))
            let saved = try await worker.post(SiteURL.newHearing(family.caseID).path, [("childIds", child.description), ("kind", "permanency"),
                ("date-day", "20"), ("date-month", "11"), ("date-year", "2026"), ("court", "Judge Alvarez"), ("reasonableEfforts", "made"),
                ("findings", "Efforts to finalise the plan made"), ("orders", "Continue reunification")])
            #expect(saved.status == .seeOther)
            let page = try await worker.get(SiteURL.caseFile(family.caseID).path)
            let html = page.body.string
            #expect(html.contains("Court and permanency") && html.contains("Judge Alvarez") == false && html.contains("Efforts to finalise the plan made"))
            #expect(html.contains("2027-11-20"), "the next permanency hearing is due 12 months after the one held")
            let hearing = try #require(try await PermanencyRepository(app.db).records(in: family.caseID).hearings.last { $0.details.court == "Judge Alvarez" })
            let report = try await worker.get(SiteURL.courtReport(family.caseID, hearing.id).path)
            #expect(report.status == .ok)
            let r = report.body.string
            #expect(r.contains("Court report: permanency hearing of 2026-11-20") && r.contains("Judge Alvarez") && r.contains("Due dates"))
            #expect(r.contains("Placements") && r.contains("Latest reunification review") && r.contains("The case plan"))

            let decided = try await worker.post(SiteURL.newDecision(family.caseID).path, [
                ("date-day", "22"), ("date-month", "11"), ("date-year", "2026"),
                ("participants.0.name", "Alex Rivera"), ("participants.0.role", "caseworker"), ("participants.0.position", "Continue"), ("participants.0.reason", "Steady progress"),
                ("participants.1.name", "A parent"), ("participants.1.role", "parent"), ("participants.1.position", "Return home now"), ("participants.1.reason", "Ready"),
                ("decision", "continue_reunification"), ("rationale", "Progress, not yet enough for a return home")])
            #expect(decided.status == .seeOther)
            let decision = try #require(try await PermanencyRepository(app.db).records(in: family.caseID).decisions.last)
            #expect(try await worker.post(SiteURL.approveDecision(family.caseID, decision.id).path, []).status == .forbidden)
            var supervisor = try await Browser.signedIn(app, "supervisor@demo.reunify.test")
            #expect(try await supervisor.post(SiteURL.approveDecision(family.caseID, decision.id).path, []).status == .seeOther)
            let after = try await supervisor.get(SiteURL.caseFile(family.caseID).path).body.string
            #expect(after.contains("Return home now") && after.contains("approved by Grace Okafor"))
        }
    }

    @Test("the demo agency shows every kind of deadline: an overdue permanency hearing, past 15 of 22 with and without an exception, an ICWA notice pending, aftercare done and due, a re-entry, decisions with differing positions")
    func demoDeadlines() async throws {
        try await TestApp.run { app, _ in
            let agency = TestApp.agency
            let today = TestApp.today
            var items: [(String, ClockItem)] = []
            var decisions: [TeamDecisionDetails] = []
            for family in agency.families {
                let overview = try #require(try await CaseRepository(app.db).overview(family.caseID))
                items += overview.clock(.unitedStates, today: today).map { (family.details.familyName, $0) }
                decisions += overview.permanency.decisions.map(\.details)
            }
            func cases(_ kind: ClockKind, _ status: ClockStatus) -> Set<String> { Set(items.filter { $0.1.kind == kind && $0.1.status == status }.map(\.0)) }
            #expect(cases(.permanencyHearing, .overdue).count == 1, "one family's permanency hearing is overdue")
            #expect(cases(.permanencyHearing, .done).count >= 3, "hearings held as a court holds them")
            #expect(cases(.tprFiling, .excepted) == ["Whitcombe"])
            #expect(cases(.tprFiling, .overdue) == ["Okafor-Price"])
            #expect(!cases(.icwaNotice, .dueSoon).union(cases(.icwaNotice, .overdue)).isEmpty, "an ICWA notice whose receipt is pending")
            #expect(!cases(.aftercareFollowUp, .done).isEmpty && !cases(.aftercareFollowUp, .overdue).isEmpty && !cases(.aftercareFollowUp, .upcoming).isEmpty)
            #expect(decisions.contains { $0.status == .awaitingApproval } && decisions.contains { $0.status == .approved })
            #expect(decisions.contains { Set($0.participants.map(\.position)).count >= 3 }, "a meeting where the team disagreed")
            let reEntered = try await CaseRecordsRepository(app.db).reEntries(
                try await agency.families.asyncFlatMap { try await CaseRecordsRepository(app.db).episodes(of: $0.caseID) }, policy: .unitedStates)
            #expect(reEntered.count == 1)

            // The kinship family's page: the relative path complete, the exception; the aftercare family's plan and follow-ups.
            var worker = try await Browser.signedIn(app, "caseworker@demo.reunify.test")
            let kin = try #require(agency.families.first { $0.details.familyName == "Whitcombe" })
            let page = try await worker.get(SiteURL.caseFile(kin.caseID).path).body.string
            #expect(page.contains("Live with other relatives (concurrent goal) — complete") && page.contains("Approved as a relative resource family"))
            #expect(page.contains("The child is placed with a relative"))
            let home = try #require(agency.families.first { $0.details.stage == .aftercare && $0.details.caseworkerID == kin.details.caseworkerID })
            let after = try await worker.get(SiteURL.caseFile(home.caseID).path).body.string
            #expect(after.contains("Services that continue") && after.contains("Family therapy, every two weeks") && after.contains("Follow-ups"))
        }
    }

    @Test("a step recorded on its form, refused out of order with the reason; an aftercare plan made and changed on its form")
    func stepAndAftercareForms() async throws {
        try await TestApp.run { app, _ in
            let agency = TestApp.agency
            var worker = try await Browser.signedIn(app, "caseworker@demo.reunify.test")
            let family = try #require(agency.families.first { $0.details.familyName == "Okafor-Price" })
            let boy = try #require(family.persons.first { $0.role == .child }).id
            #expect(try await worker.get(SiteURL.newPathStep(family.caseID).path + "?childId=\(boy)&step=finalisation").status == .ok)
            let early = try await worker.post(SiteURL.newPathStep(family.caseID).path, [("childId", boy.description), ("step", "finalisation"),
                ("status", "done"), ("date-day", "20"), ("date-month", "11"), ("date-year", "2026")])
            #expect(early.status == .unprocessableEntity && early.body.string.contains("Termination of parental rights comes first"))
            let started = try await worker.post(SiteURL.newPathStep(family.caseID).path, [("childId", boy.description), ("step", "termination_of_rights"),
                ("status", "started"), ("date-day", "20"), ("date-month", "11"), ("date-year", "2026"), ("note", "Petition drafted by county counsel")])
            #expect(started.status == .seeOther)
            #expect(try await worker.get(SiteURL.caseFile(family.caseID).path).body.string.contains("Petition drafted by county counsel"))

            let home = try #require(agency.families.first { $0.details.stage == .aftercare && $0.details.caseworkerID == family.details.caseworkerID })
            let plans = try await PermanencyRepository(app.db).records(in: home.caseID).aftercarePlans
            let plan = try #require(plans.first)
            let twice = try await worker.post(SiteURL.newAftercarePlan(home.caseID).path, [("childId", plan.details.childID.description),
                ("services", "Therapy"), ("checkInBy", "Alex")])
            #expect(twice.status == .unprocessableEntity && twice.body.string.contains("already has an aftercare plan"))
            let blank = try await worker.post(SiteURL.editAftercarePlan(home.caseID, plan.id).path, [("version", String(plan.version)),
                ("services", ""), ("checkInBy", "")])
            #expect(blank.status == .unprocessableEntity && blank.body.string.contains("Say who checks in"))
            let changed = try await worker.post(SiteURL.editAftercarePlan(home.caseID, plan.id).path, [("version", String(plan.version)),
                ("services", "Family therapy\nHousing voucher"), ("checkInBy", "Jordan Lee, family support")])
            #expect(changed.status == .seeOther)
            #expect(try await worker.get(SiteURL.caseFile(home.caseID).path).body.string.contains("Housing voucher"))
        }
    }
}

extension Sequence {
    func asyncFlatMap<T>(_ transform: (Element) async throws -> [T]) async rethrows -> [T] {
        var out: [T] = []
        for e in self { out += try await transform(e) }
        return out
    }
}
