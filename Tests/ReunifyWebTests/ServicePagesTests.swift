import Foundation
import Testing
import Vapor
import VaporTesting
import ReunifyDomain
import ReunifyStore
@testable import ReunifyWeb
import ReunifyDemo

@Suite("Plan and services pages")
struct ServicePagesTests {
    @Test("a plan drafted on its page, answered by the parents, approved by the supervisor; the case page shows it")
    func planPages() async throws {
        try await TestApp.run { app, _ in
            let (family, mother, _) = ServicesAPITests.splitFamily()
            var worker = try await Browser.signedIn(app, "caseworker@demo.reunify.test")
            #expect(try await worker.get(SiteURL.newPlan(family.caseID).path).status == .ok)
            let missing = try await worker.post(SiteURL.newPlan(family.caseID).path, [("g0.statement", "Safe at home"),
                                                                                       ("g0.o0.statement", "Calm discipline")])
            #expect(missing.status == .unprocessableEntity && missing.body.string.contains("Give a target date"))
            let saved = try await worker.post(SiteURL.newPlan(family.caseID).path, [
                ("g0.statement", "Safe at home"), ("g0.o0.statement", "Calm discipline"),
                ("g0.o0.measure", "Seen at 4 of 5 visits"), ("g0.o0.targetDate-day", "31"),
                ("g0.o0.targetDate-month", "1"), ("g0.o0.targetDate-year", "2099"),
                ("g0.o0.category", "parenting_education"), ("g0.o0.frequency", "weekly"),
            ])
            #expect(saved.status == .seeOther)
            let planPath = try #require(saved.headers.first(name: .location))
            let page = try await worker.get(planPath)
            #expect(page.status == .ok && page.body.string.contains("Calm discipline") && page.body.string.contains("Record the answer"))
            let refused = try await worker.post(planPath + "/agreement", [("personId", mother.id.description), ("agreed", "no"), ("language", "es")])
            #expect(refused.status == .unprocessableEntity)
            for p in family.persons where PlanRules.agreeingRoles.contains(p.role) {
                #expect(try await worker.post(planPath + "/agreement", [("personId", p.id.description), ("agreed", "yes"), ("language", "es")]).status == .seeOther)
            }
            #expect(try await worker.post(planPath + "/approve", []).status == .forbidden)
            var supervisor = try await Browser.signedIn(app, "supervisor@demo.reunify.test")
            #expect(try await supervisor.post(planPath + "/approve", []).status == .seeOther)
            let summary = try await worker.get(planPath + "/family-summary")
            #expect(summary.status == .ok && summary.body.string.contains("Our plan together") && summary.body.string.contains("How we will know"))
            // The same summary in Spanish, for a family that reads Spanish, whatever the worker's own language.
            let spanish = try await worker.get(planPath + "/family-summary?language=es").body.string
            #expect(spanish.contains("Nuestro plan juntos") && spanish.contains("Cómo lo sabremos:") && spanish.contains("<div class=\"family-summary\" lang=\"es\">"))
            let casePage = try await worker.get(SiteURL.caseFile(family.caseID).path).body.string
            #expect(casePage.contains(planPath) && casePage.contains("Active") && casePage.contains("Case plan review"))
            let caseload = try await worker.get(SiteURL.caseload.path + "?per=100").body.string
            #expect(caseload.contains("Case plan review"))
        }
    }

    @Test("a referral made on its page; the Nevada parent is refused the California-only service; the provider answers from its inbox")
    func referralPages() async throws {
        try await TestApp.run { app, _ in
            let (family, mother, father) = ServicesAPITests.splitFamily()
            let api = try await APIClient.signIn(app, "caseworker@demo.reunify.test")
            let housing = try await ServicesAPITests.serviceID(api, "Rapid rehousing")
            let parenting = try await ServicesAPITests.serviceID(api, "Nurturing Parents")
            var worker = try await Browser.signedIn(app, "caseworker@demo.reunify.test")
            #expect(try await worker.get(SiteURL.services.path + "?category=housing").body.string.contains("residents of California"))
            let forFather = try await worker.get(SiteURL.services.path + "?category=housing&eligibleFor=\(father.id)").body.string
            #expect(forFather.contains("may be referred to") && forFather.contains("No service matches"))
            let forMother = try await worker.get(SiteURL.services.path + "?category=housing&eligibleFor=\(mother.id)").body.string
            #expect(forMother.contains("Rapid rehousing"))
            let path = SiteURL.newReferral(family.caseID).path
            let refused = try await worker.post(path, [("personId", father.id.description), ("serviceId", housing), ("reason", "Housing"), ("consentGiven", "on")])
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("lives in Nevada"))
            let made = try await worker.post(path, [("personId", mother.id.description), ("serviceId", parenting), ("reason", "Parenting class"), ("consentGiven", "on")])
            #expect(made.status == .seeOther)
            var provider = try await Browser.signedIn(app, "provider@demo.reunify.test")
            let inbox = try await provider.get(SiteURL.referralInbox.path)
            #expect(inbox.status == .ok && inbox.body.string.contains(mother.details.familyName))
            let referralPath = try #require(made.headers.first(name: .location))
            #expect(try await provider.post(referralPath + "/move", [("to", "accepted")]).status == .seeOther)
            #expect(try await provider.get(referralPath).body.string.contains("Accepted"))
            #expect(try await provider.post(referralPath + "/move", [("to", "referred")]).status == .conflict)
            #expect(try await worker.get(SiteURL.caseFile(family.caseID).path).body.string.contains("Nurturing Parents"))
        }
    }

    @Test("the review's caregiver-progress question shows the plan's evidence: progress noted, attendance, referrals")
    func reviewEvidence() async throws {
        try await TestApp.run { app, _ in
            let agency = TestApp.agency
            let parent = try #require(agency.user("parent@demo.reunify.test")?.personID)
            let family = try #require(agency.families.first { f in f.persons.contains { $0.id == parent } })
            try #require(family.goals.contains { $0.includesReunification })
            var worker = try await Browser.signedIn(app, "caseworker@demo.reunify.test")
            let form = try await worker.get(SiteURL.newReview(family.caseID).path)
            #expect(form.status == .ok)
            let html = form.body.string
            #expect(html.contains("plan-evidence") && html.contains("latest progress") && html.contains("Attendance at recorded sessions"))
            #expect(html.contains("Referral of"))
        }
    }

    @Test("a plan version shows what changed since the one before, and the sessions and referrals since it was drafted")
    func versionsAndTimeline() async throws {
        try await TestApp.run { app, _ in
            let agency = TestApp.agency
            let parent = try #require(agency.user("parent@demo.reunify.test")?.personID)
            let family = try #require(agency.families.first { f in f.persons.contains { $0.id == parent } })
            let api = try await APIClient.signIn(app, "supervisor@demo.reunify.test")
            let (_, plans) = try await api.list("/api/v1/cases/\(family.caseID)/plans")
            #expect(plans.map { $0["status"] as? String } == ["superseded", "active"])
            let latest = try #require(plans.last?["id"] as? String)
            var browser = try await Browser.signedIn(app, "supervisor@demo.reunify.test")
            let page = try await browser.get("/cases/\(family.caseID)/plans/\(latest)").body.string
            #expect(page.contains("What changed since plan 1") && page.contains("target moved from"))
            #expect(page.contains("plan-timeline") && page.contains("Parenting skills training"))
        }
    }

    @Test("a consent is revoked from the case page")
    func revokeConsent() async throws {
        try await TestApp.run { app, _ in
            let agency = TestApp.agency
            let parent = try #require(agency.user("parent@demo.reunify.test")?.personID)
            let family = try #require(agency.families.first { f in f.persons.contains { $0.id == parent } })
            let api = try await APIClient.signIn(app, "supervisor@demo.reunify.test")
            let (_, consents) = try await api.list("/api/v1/cases/\(family.caseID)/consents")
            let standing = try #require(consents.first { $0["standing"] as? Bool == true })
            var browser = try await Browser.signedIn(app, "supervisor@demo.reunify.test")
            let casePage = try await browser.get(SiteURL.caseFile(family.caseID).path).body.string
            #expect(casePage.contains("Revoke the consent of"))
            // Each consent names its provider (the case page reads the names of its consents' providers alone).
            let providers = try await api.list("/api/v1/providers").1
            let named = try #require(providers.first { $0["id"] as? String == standing["providerId"] as? String }?["name"] as? String)
            #expect(casePage.contains("→ \(named)".htmlEscaped()))
            let id = try #require(standing["id"] as? String)
            #expect(try await browser.post("/consents/\(id.lowercased())/revoke", []).status == .seeOther)
            let (_, after) = try await api.list("/api/v1/cases/\(family.caseID)/consents")
            #expect(after.first { $0["id"] as? String == id }?["standing"] as? Bool == false)
            #expect(try await browser.post("/consents/\(id.lowercased())/revoke", []).status == .conflict)
        }
    }

    @Test("the provider logs a session from the referral's page; the plan's progress view shows it")
    func providerLogsSession() async throws {
        try await TestApp.run { app, _ in
            let agency = TestApp.agency
            let parent = try #require(agency.user("parent@demo.reunify.test")?.personID)
            let family = try #require(agency.families.first { f in f.persons.contains { $0.id == parent } })
            let api = try await APIClient.signIn(app, "provider@demo.reunify.test")
            let (_, inbox) = try await api.list("/api/v1/referrals")
            let referral = try #require(inbox.first { $0["caseId"] as? String == family.caseID.uuid.uuidString && $0["status"] as? String == "active" })
            let path = "/referrals/\((referral["id"] as! String).lowercased())"
            var provider = try await Browser.signedIn(app, "provider@demo.reunify.test")
            #expect(try await provider.get(path).body.string.contains("Log a session"))
            let day = TestApp.today.parts
            let fields = [("kind", "parenting_training"), ("date-day", day.day), ("date-month", day.month), ("date-year", day.year),
                          ("durationMinutes", "120"), ("attendance", "attended"), ("progressNote", "Praised the children's effort three times unprompted")]
            #expect(try await provider.post(path + "/sessions", fields.filter { $0.0 != "attendance" }).status == .unprocessableEntity)
            #expect(try await provider.post(path + "/sessions", fields).status == .seeOther)
            let supervisor = try await APIClient.signIn(app, "supervisor@demo.reunify.test")
            let (_, plans) = try await supervisor.list("/api/v1/cases/\(family.caseID)/plans")
            let active = try #require(plans.last?["id"] as? String)
            var browser = try await Browser.signedIn(app, "supervisor@demo.reunify.test")
            let page = try await browser.get("/cases/\(family.caseID)/plans/\(active)").body.string
            #expect(page.contains("Praised the children&#39;s effort") || page.contains("Praised the children's effort"))
        }
    }
}
