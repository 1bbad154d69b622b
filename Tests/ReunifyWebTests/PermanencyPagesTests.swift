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
            let hearing = try #require(try await PermanencyRepository(app.db).records(in: family.caseID).hearings.last)
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
}
