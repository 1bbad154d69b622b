import Foundation
import Testing
import Vapor
import VaporTesting
import ReunifyDomain
import ReunifyStore
@testable import ReunifyWeb
import ReunifyDemo

@Suite("Case plan, providers, referrals and consent over the API")
struct ServicesAPITests {
    /// A family of the first caseworker's with a mother living in California and a non-resident father in Nevada.
    static func splitFamily() -> (DemoAgency.Family, mother: DemoAgency.Person, father: DemoAgency.Person) {
        let agency = TestApp.agency
        let worker = agency.user("caseworker@demo.reunify.test")!.id
        for family in agency.families where family.details.caseworkerID == worker {
            guard let mother = family.persons.first(where: { $0.role == .parent && $0.details.address?.region == "CA" }),
                  let father = family.persons.first(where: { $0.role == .nonResidentFather && $0.details.address?.region == "NV" }) else { continue }
            return (family, mother, father)
        }
        fatalError("the demo has no family of caseworker@ split across California and Nevada")
    }

    static func service(named prefix: String) -> (ProviderID, Int) {
        for org in DemoServices.directory {
            if let i = org.services.firstIndex(where: { $0.name.hasPrefix(prefix) }) { return (org.id, i) }
        }
        fatalError("no demo service \(prefix)")
    }

    /// The id of the demo service whose name begins with `prefix`, as the directory answers it.
    static func serviceID(_ api: APIClient, _ prefix: String) async throws -> String {
        let (_, providers) = try await api.list("/api/v1/providers")
        for p in providers {
            for s in p["services"] as? [[String: Any]] ?? [] where (s["name"] as? String ?? "").hasPrefix(prefix) { return s["id"] as! String }
        }
        Issue.record("no service \(prefix)")
        return ""
    }

    @Test("the directory filters by category, language and a person's eligibility")
    func directory() async throws {
        try await TestApp.run { app, _ in
            let (_, mother, father) = Self.splitFamily()
            let api = try await APIClient.signIn(app, "caseworker@demo.reunify.test")
            let (status, all) = try await api.list("/api/v1/providers")
            #expect(status == .ok && all.count == DemoServices.directory.count)
            let (_, housing) = try await api.list("/api/v1/providers?category=housing")
            #expect(housing.count == 1 && (housing[0]["services"] as? [[String: Any]])?.first?["category"] as? String == "housing")
            let eligibility = (housing[0]["services"] as? [[String: Any]])?.first?["eligibility"] as? [String: Any]
            #expect(eligibility?["residentOf"] as? [String] == ["CA"])
            let (_, forFather) = try await api.list("/api/v1/providers?category=housing&eligibleFor=\(father.id)")
            #expect(forFather.isEmpty)
            let (_, forMother) = try await api.list("/api/v1/providers?category=housing&eligibleFor=\(mother.id)")
            #expect(forMother.count == 1)
            let (_, spanish) = try await api.list("/api/v1/providers?language=es")
            #expect(spanish.allSatisfy { ($0["services"] as? [[String: Any]] ?? []).allSatisfy { ($0["languages"] as? [String] ?? []).contains("es") } })
            #expect(try await api.send(.GET, "/api/v1/providers?category=astrology").status == .unprocessableEntity)
            let (_, nevada) = try await api.list("/api/v1/providers?place=NV")
            #expect(nevada.count == 1 && nevada.allSatisfy { ($0["services"] as? [[String: Any]] ?? []).count >= 1 })
            let (_, reno) = try await api.list("/api/v1/providers?place=Reno")
            #expect(!reno.isEmpty && reno.count < all.count)
            let parent = try await APIClient.signIn(app, "parent@demo.reunify.test")
            #expect(try await parent.send(.GET, "/api/v1/providers").status == .forbidden)
        }
    }

    @Test("a plan is drafted, agreed by both parents, approved by the supervisor; a caseworker cannot approve; approved plans are kept")
    func planWalk() async throws {
        try await TestApp.run { app, _ in
            let (family, mother, father) = Self.splitFamily()
            let worker = try await APIClient.signIn(app, "caseworker@demo.reunify.test")
            let path = "/api/v1/cases/\(family.caseID)/plans"
            let body = #"{"goals":[{"statement":"The children are safe at home","objectives":[{"statement":"Calm discipline","measure":"Seen at 4 of 5 visits","targetDate":"2099-01-31","interventions":[{"category":"parenting_education","frequency":"weekly"}]}]}]}"#
            let (_, before) = try await worker.list(path)
            let (created, plan) = try await worker.json(.POST, path, body)
            #expect(created == .created && plan["status"] as? String == "draft" && plan["number"] as? Int == before.count + 1)
            let planPath = "\(path)/\(plan["id"] as! String)"
            #expect(try await worker.send(.POST, path, json: #"{"goals":[]}"#).status == .unprocessableEntity)
            let (_, agreedOnce) = try await worker.json(.POST, planPath + "/agreements", #"{"personId":"\#(mother.id)","agreed":true,"language":"es"}"#)
            #expect(agreedOnce["status"] as? String == "draft")
            #expect(try await worker.send(.POST, planPath + "/agreements",
                                          json: #"{"personId":"\#(father.id)","agreed":false,"language":"en"}"#).status == .unprocessableEntity)
            let others = family.persons.filter { PlanRules.agreeingRoles.contains($0.role) && $0.id != mother.id }
            var last: [String: Any] = [:]
            for p in others {
                (_, last) = try await worker.json(.POST, planPath + "/agreements", #"{"personId":"\#(p.id)","agreed":false,"language":"en","note":"Wants more time with the children first"}"#)
            }
            #expect(last["status"] as? String == "agreed")
            #expect((last["agreements"] as? [[String: Any]])?.count == others.count + 1)
            #expect(try await worker.send(.POST, planPath + "/approve", json: "{}").status == .forbidden)
            let supervisor = try await APIClient.signIn(app, "supervisor@demo.reunify.test")
            let (approved, active) = try await supervisor.json(.POST, planPath + "/approve", "{}")
            #expect(approved == .ok && active["status"] as? String == "active")
            let (changed, _) = try await worker.json(.PUT, planPath, #"{"goals":[{"statement":"x","objectives":[{"statement":"y","measure":"z","targetDate":"2099-01-31"}]}],"version":\#(active["version"] as! Int)}"#)
            #expect(changed == .conflict)
            let (_, second) = try await worker.json(.POST, path, body)
            #expect(second["number"] as? Int == before.count + 2)
            let (_, listed) = try await worker.list(path)
            #expect(listed.suffix(2).map { $0["status"] as? String } == ["active", "draft"])
            #expect(!listed.dropLast(2).contains { ["active", "approved"].contains($0["status"] as? String) })
        }
    }

    @Test("referrals: eligibility before consent, the rule in words, the provider's inbox and moves, 409 naming the allowed moves")
    func referralWalk() async throws {
        try await TestApp.run { app, _ in
            let (family, mother, father) = Self.splitFamily()
            let worker = try await APIClient.signIn(app, "caseworker@demo.reunify.test")
            let path = "/api/v1/cases/\(family.caseID)/referrals"
            let housing = try await Self.serviceID(worker, "Rapid rehousing")
            let parenting = try await Self.serviceID(worker, "Nurturing Parents")
            let (refused, why) = try await worker.json(.POST, path, #"{"personId":"\#(father.id)","serviceId":"\#(housing)","reason":"Needs housing","consent":{"scope":"referral"}}"#)
            #expect(refused == .unprocessableEntity)
            #expect((why["reason"] as? String ?? "").contains("This service is for residents of California; \(father.details.fullName) lives in Nevada"))
            // Without consent on file for this provider, the referral needs one in its body.
            let (_, consents) = try await worker.list("/api/v1/cases/\(family.caseID)/consents")
            for c in consents where c["personId"] as? String == mother.id.uuid.uuidString && c["standing"] as? Bool == true {
                #expect(try await worker.send(.POST, "/api/v1/consents/\(c["id"] as! String)/revoke", json: "{}").status == .ok)
            }
            let (noConsent, missing) = try await worker.json(.POST, path, #"{"personId":"\#(mother.id)","serviceId":"\#(parenting)","reason":"Parenting class"}"#)
            #expect(noConsent == .unprocessableEntity && (missing["reason"] as? String ?? "").contains("consent"))
            let (created, referral) = try await worker.json(.POST, path, #"{"personId":"\#(mother.id)","serviceId":"\#(parenting)","reason":"Parenting class","consent":{"scope":"Name, contact, language and the reason for referral","expiresOn":"2099-12-31"}}"#)
            #expect(created == .created && referral["status"] as? String == "referred" && referral["category"] as? String == "parenting_education")
            #expect((referral["providerId"] as? String)?.lowercased() == DemoServices.providerAccountOrganisation.description)
            let id = referral["id"] as! String
            let provider = try await APIClient.signIn(app, "provider@demo.reunify.test")
            let (_, inbox) = try await provider.list("/api/v1/referrals")
            #expect(inbox.contains { $0["id"] as? String == id })
            #expect(inbox.allSatisfy { ($0["providerId"] as? String)?.lowercased() == DemoServices.providerAccountOrganisation.description })
            let (bad, conflict) = try await provider.json(.POST, "/api/v1/referrals/\(id)/transitions", #"{"to":"completed","outcome":"done"}"#)
            #expect(bad == .conflict && (conflict["reason"] as? String ?? "").contains("accepted, waitlisted, declined, withdrawn"))
            let (ok, accepted) = try await provider.json(.POST, "/api/v1/referrals/\(id)/transitions", #"{"to":"accepted"}"#)
            #expect(ok == .ok && accepted["status"] as? String == "accepted")
            #expect(try await provider.send(.GET, "/api/v1/cases/\(family.caseID)").status == .notFound)
            #expect(try await provider.send(.POST, "/api/v1/referrals/\(id)/transitions", json: #"{"to":"withdrawn","reason":"x"}"#).status == .conflict)
            let (_, read) = try await worker.json(.GET, "/api/v1/referrals/\(id)")
            #expect(read["status"] as? String == "accepted")
            // The provider logs attendance for its own service; the clinical note goes to the supervisor, not the caseworker.
            let sessions = "/api/v1/cases/\(family.caseID)/sessions"
            let session = #"{"kind":"parenting_training","date":"\#(TestApp.today.iso)","durationMinutes":90,"serviceId":"\#(parenting)","participants":[{"personId":"\#(mother.id)","attendance":"attended"}],"clinicalNote":"Engaged well; practised calm limits."}"#
            let (logged, loggedBody) = try await provider.json(.POST, sessions, session)
            #expect(logged == .created && loggedBody["clinicalNote"] as? String == "Engaged well; practised calm limits.")
            let tomorrow = session.replacingOccurrences(of: TestApp.today.iso, with: TestApp.today.adding(days: 1).iso)
            #expect(try await provider.send(.POST, sessions, json: tomorrow).status == .unprocessableEntity)
            let loggedID = loggedBody["id"] as? String
            let (_, seenByWorker) = try await worker.list(sessions)
            let mine = try #require(seenByWorker.first { $0["id"] as? String == loggedID })
            #expect(mine["clinicalNote"] == nil && mine["hasClinicalNote"] as? Bool == true)
            let supervisor = try await APIClient.signIn(app, "supervisor@demo.reunify.test")
            let (_, seenBySupervisor) = try await supervisor.list(sessions)
            #expect(seenBySupervisor.first { $0["id"] as? String == loggedID }?["clinicalNote"] as? String == "Engaged well; practised calm limits.")
            #expect(try await worker.send(.POST, sessions, json: session).status == .forbidden)
            let housingSession = session.replacingOccurrences(of: parenting, with: housing)
            #expect(try await provider.send(.POST, sessions, json: housingSession).status == .notFound)
        }
    }

    @Test("a substance use referral is seen by the caseworker, the supervisor and, while consent stands, the provider; never by legal")
    func restrictedReferral() async throws {
        try await TestApp.run { app, _ in
            let agency = TestApp.agency
            let legalID = agency.user("legal@demo.reunify.test")!.id
            let family = try #require(agency.families.first { f in f.team.contains { $0.0 == legalID } })
            let mother = try #require(family.persons.first { $0.role == .parent && ($0.details.birthDate?.age(on: TestApp.today) ?? 0) >= 18 })
            let supervisor = try await APIClient.signIn(app, "supervisor@demo.reunify.test")
            let recovery = try await Self.serviceID(supervisor, "Family recovery")
            let (created, referral) = try await supervisor.json(.POST, "/api/v1/cases/\(family.caseID)/referrals",
                #"{"personId":"\#(mother.id)","serviceId":"\#(recovery)","reason":"Outpatient treatment","consent":{"scope":"42 CFR Part 2: referral and attendance"}}"#)
            #expect(created == .created && referral["restricted"] as? Bool == true)
            let id = referral["id"] as! String
            let legal = try await APIClient.signIn(app, "legal@demo.reunify.test")
            #expect(try await legal.send(.GET, "/api/v1/referrals/\(id)").status == .notFound)
            let (listed, legalList) = try await legal.list("/api/v1/cases/\(family.caseID)/referrals")
            #expect(listed == .ok && !legalList.contains { $0["id"] as? String == id })
            let provider = try await APIClient.signIn(app, "provider@demo.reunify.test")
            #expect(try await provider.send(.GET, "/api/v1/referrals/\(id)").status == .ok)
            let consentID = referral["consentId"] as! String
            let (revoked, consent) = try await supervisor.json(.POST, "/api/v1/consents/\(consentID)/revoke", #"{"reason":"Withdrew consent"}"#)
            #expect(revoked == .ok && consent["standing"] as? Bool == false)
            #expect(try await provider.send(.GET, "/api/v1/referrals/\(id)").status == .notFound)
            let (_, inbox) = try await provider.list("/api/v1/referrals")
            #expect(!inbox.contains { $0["id"] as? String == id })
            #expect(try await supervisor.send(.GET, "/api/v1/referrals/\(id)").status == .ok)
            let sessions = "/api/v1/cases/\(family.caseID)/sessions"
            let (logged, _) = try await supervisor.json(.POST, sessions, #"{"kind":"individual_therapy","date":"\#(TestApp.today.iso)","durationMinutes":50,"participants":[{"personId":"\#(mother.id)","attendance":"late"}],"clinicalNote":"Discussed relapse triggers."}"#)
            #expect(logged == .created)
            let (_, seenByLegal) = try await legal.list(sessions)
            #expect(!seenByLegal.isEmpty && seenByLegal.allSatisfy { $0["clinicalNote"] == nil })
        }
    }
}
