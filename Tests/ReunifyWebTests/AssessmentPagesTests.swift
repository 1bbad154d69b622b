import Foundation
import Testing
import Vapor
import VaporTesting
import ReunifyDomain
import ReunifyStore
import Fluent
@testable import ReunifyWeb

@Suite("Assessment, review and consistency pages")
struct AssessmentPagesTests {
    @Test("a caseworker saves a draft assessment, resumes it, completes it, and reads the result")
    func assessmentForm() async throws {
        try await TestApp.run { app, _ in
            let (family, _) = AssessmentAPITests.reviewable()
            var browser = try await Browser.signedIn(app, "caseworker@demo.reunify.test")
            let base = "/cases/\(family.caseID)/assessments"
            #expect(try await browser.get(base + "/new").body.string.contains("Overall, for home and surroundings"))
            let draft = try await browser.post(base + "/new", [("instrument", "family-strengths-needs@1"), ("point", "interim"),
                                                                 ("environment.housing_safety", "-3"), ("action", "draft")])
            #expect(draft.status == .seeOther)
            let resultPath = try #require(draft.headers.first(name: .location))
            #expect(try await browser.get(resultPath).body.string.contains("Draft — not yet completed"))
            var fields: [(String, String)] = [("version", "1"), ("action", "complete"), ("environment.housing_safety", "-3")]
            let incomplete = try await browser.post(resultPath + "/edit", fields)
            #expect(incomplete.status == .unprocessableEntity)
            #expect(incomplete.body.string.contains("Give Safety an overall rating"))
            for domain in BundledInstruments.familyStrengthsAndNeeds.domains {
                fields.append((domain.overallID, "0"))
                for item in domain.items where item.required { fields.append((item.id, "1")) }
            }
            fields.append(("family_interactions.bonding", "2"))
            #expect(try await browser.post(resultPath + "/edit", fields).status == .seeOther)
            let result = try await browser.get(resultPath).body.string
            #expect(!result.contains("Draft"))
            #expect(result.contains("−3 Serious problem"))
            #expect(result.contains("Parents and children show warmth and closeness."))
            let page = try await browser.get("/cases/\(family.caseID)").body.string
            #expect(page.contains("Compare the first and the latest assessment"))
        }
    }

    @Test("a review through the form explains itself; a supervisor overrides with a reason")
    func reviewForm() async throws {
        try await TestApp.run { app, _ in
            let (family, child) = AssessmentAPITests.reviewable()
            var worker = try await Browser.signedIn(app, "caseworker@demo.reunify.test")
            let path = "/cases/\(family.caseID)/reviews/new"
            #expect(try await worker.get(path).status == .ok)
            var fields: [(String, String)] = [
                ("childId", child.description), ("risk.initialRiskLevel", "high"), ("risk.newSubstantiatedReport", "no"),
                ("risk.caregiverProgress", "minimal"), ("visitation.scheduled", "8"), ("visitation.attended", "3"),
                ("visitation.quality", "limited"), ("safety.decision", "safe")]
            let noRationale = try await worker.post(path, fields)
            #expect(noRationale.status == .unprocessableEntity)
            #expect(noRationale.body.string.contains("Write the rationale"))
            fields.append(("rationale", "Mother starts residential treatment next week"))
            let saved = try await worker.post(path, fields)
            #expect(saved.status == .seeOther)
            let reviewPath = try #require(saved.headers.first(name: .location))
            let page = try await worker.get(reviewPath).body.string
            #expect(page.contains("Risk scored 6 (very high)"))
            #expect(page.contains("3 of 8 visits attended (38%, 75% needed)"))
            #expect(!page.contains("Override the recommendation"))
            var supervisor = try await Browser.signedIn(app, "supervisor@demo.reunify.test")
            #expect(try await supervisor.get(reviewPath).body.string.contains("Override the recommendation"))
            let noReason = try await supervisor.post(reviewPath + "/override", [("recommendation", "change_permanency_goal"), ("version", "1")])
            #expect(noReason.status == .unprocessableEntity)
            #expect(try await supervisor.post(reviewPath + "/override",
                [("recommendation", "change_permanency_goal"), ("reason", "Third relapse this year"), ("version", "1")]).status == .seeOther)
            let after = try await worker.get(reviewPath).body.string
            #expect(after.contains("Final recommendation (overridden)"))
            #expect(after.contains("Third relapse this year"))
            #expect(after.contains("The review recommended: Continue reunification services"))
        }
    }

    @Test("the calibration report shows the two demo caseworkers differing; only supervisors see it")
    func calibration() async throws {
        try await TestApp.run { app, _ in
            var supervisor = try await Browser.signedIn(app, "supervisor@demo.reunify.test")
            let page = try await supervisor.get("/calibration").body.string
            #expect(page.contains("<svg"))
            let alex = try #require(page.range(of: "Alex Rivera</td>"))
            let jordan = try #require(page.range(of: "Jordan Lee</td>"))
            #expect(page[alex.upperBound...].prefix(300).contains("Tends to be strength-focused"))
            #expect(page[jordan.upperBound...].prefix(300).contains("Tends to be deficit-focused"))
            var worker = try await Browser.signedIn(app, "caseworker@demo.reunify.test")
            #expect(try await worker.get("/calibration").status == .forbidden)
        }
    }

    @Test("vignettes: a supervisor publishes, workers rate, the spread shows who saw what")
    func vignettes() async throws {
        try await TestApp.run { app, _ in
            var supervisor = try await Browser.signedIn(app, "supervisor@demo.reunify.test")
            #expect(try await supervisor.post("/vignettes/new", [("title", ""), ("story", "")]).status == .unprocessableEntity)
            var caseworker = try await Browser.signedIn(app, "caseworker@demo.reunify.test")
            #expect(try await caseworker.post("/vignettes/new", [("title", "The Birch family (practice)"),
                                                                  ("story", "A mother of two.")]).status == .forbidden)
            #expect(try await supervisor.post("/vignettes/new", [("title", "The Ames family (practice)"),
                                                                  ("story", "A father of three, recently out of work.")]).status == .seeOther)
            let vignette = try #require(try await VignetteRepository(app.db).list(unit: "North Unit").first { $0.title.hasPrefix("The Ames") })
            #expect(try await VignetteRepository(app.db).list(unit: nil).contains { $0.title.hasPrefix("The Birch") } == false)
            let published = try await AuditEventModel.query(on: app.db).filter(\.$recordID == vignette.id.uuid).all()
            #expect(published.contains { $0.action == "create" && $0.recordKind == "vignette" && $0.userEmail == "supervisor@demo.reunify.test" })
            var worker = try await Browser.signedIn(app, "caseworker2@demo.reunify.test")
            #expect(try await worker.get("/vignettes/\(vignette.id)").status == .forbidden)
            #expect(try await worker.post("/vignettes/\(vignette.id)/rate", [("environment.overall", "-2")]).status == .seeOther)
            var other = try await Browser.signedIn(app, "caseworker@demo.reunify.test")
            #expect(try await other.post("/vignettes/\(vignette.id)/rate", [("environment.overall", "1")]).status == .seeOther)
            let spread = try await worker.get("/vignettes/\(vignette.id)").body.string
            #expect(spread.contains("Jordan Lee") && spread.contains("Alex Rivera"))
            #expect(spread.contains("3 points"))
            var parent = try await Browser.signedIn(app, "parent@demo.reunify.test")
            #expect(try await parent.get("/vignettes").status == .forbidden)
            #expect(try await AssessmentModel.query(on: app.db).filter(\.$caseID == vignette.id.uuid).count() == 0)
        }
    }

    @Test("reviews due show on the caseload")
    func reviewsDue() async throws {
        try await TestApp.run { app, _ in
            var worker = try await Browser.signedIn(app, "caseworker@demo.reunify.test")
            let page = try await worker.get("/cases").body.string
            #expect(page.contains("Reunification review"))
        }
    }
}
