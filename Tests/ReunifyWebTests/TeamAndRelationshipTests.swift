import Foundation
import Testing
import Vapor
import VaporTesting
import ReunifyDomain
import ReunifyStore
@testable import ReunifyWeb
import ReunifyDemo

@Suite("Team and relationships")
struct TeamAndRelationshipTests {
    /// A family of caseworker2's with no clinician on its team.
    static var family: DemoAgency.Family {
        let agency = TestApp.agency
        let clinician = agency.user("clinician@demo.reunify.test")!.id
        return agency.families.first { f in
            f.details.caseworkerID == agency.user("caseworker2@demo.reunify.test")!.id && !f.team.contains { $0.0 == clinician }
        }!
    }

    @Test("a supervisor adds a clinician to a team; the clinician then reads the case, until removed")
    func team() async throws {
        try await TestApp.run { app, _ in
            let family = Self.family
            let clinician = TestApp.agency.user("clinician@demo.reunify.test")!
            var doctor = try await Browser.signedIn(app, "clinician@demo.reunify.test")
            #expect(try await doctor.get("/cases/\(family.caseID)").status == .notFound)

            var worker = try await Browser.signedIn(app, "caseworker2@demo.reunify.test")
            #expect(try await worker.get("/cases/\(family.caseID)/team/new").status == .forbidden)

            var supervisor = try await Browser.signedIn(app, "supervisor@demo.reunify.test")
            #expect(try await supervisor.get("/cases/\(family.caseID)/team/new").status == .ok)
            let missing = try await supervisor.post("/cases/\(family.caseID)/team/new", [("userId", clinician.id.description)])
            #expect(missing.status == .unprocessableEntity)
            let added = try await supervisor.post("/cases/\(family.caseID)/team/new", [("userId", clinician.id.description), ("role", "clinician")])
            #expect(added.status == .seeOther)
            #expect(try await doctor.get("/cases/\(family.caseID)").status == .ok)

            let keepCaseworker = try await supervisor.post("/cases/\(family.caseID)/team/\(family.details.caseworkerID!)/remove", [])
            #expect(keepCaseworker.status == .unprocessableEntity)
            #expect(try await supervisor.post("/cases/\(family.caseID)/team/\(clinician.id)/remove", []).status == .seeOther)
            #expect(try await doctor.get("/cases/\(family.caseID)").status == .notFound)
            let trail = try await AuditRepository(app.db).trail(caseID: family.caseID, per: 500).entries
            #expect(trail.contains { $0.recordKind == "team" && $0.action == "create" })
            #expect(trail.contains { $0.recordKind == "team" && $0.action == "delete" })
        }
    }

    @Test("a caseworker records a relationship and removes one made by mistake; both are audited")
    func relationships() async throws {
        try await TestApp.run { app, _ in
            let family = Self.family
            let child = family.persons.first { $0.role == .child }!, mother = family.persons.first { $0.role == .parent }!
            var worker = try await Browser.signedIn(app, "caseworker2@demo.reunify.test")
            let same = try await worker.post("/cases/\(family.caseID)/relationships/new",
                                             [("personId", child.id.description), ("kind", "cousin"), ("relatedPersonId", child.id.description)])
            #expect(same.status == .unprocessableEntity)
            #expect(same.body.string.contains("A relationship joins two different people"))
            let stranger = UUID().uuidString.lowercased()
            let outside = try await worker.post("/cases/\(family.caseID)/relationships/new",
                                                [("personId", stranger), ("kind", "cousin"), ("relatedPersonId", child.id.description)])
            #expect(outside.status == .unprocessableEntity)
            let before = try await CaseRepository(app.db).overview(family.caseID)!.relationships.count
            let made = try await worker.post("/cases/\(family.caseID)/relationships/new",
                                             [("personId", mother.id.description), ("kind", "legal_guardian"), ("relatedPersonId", child.id.description)])
            #expect(made.status == .seeOther)
            let after = try await CaseRepository(app.db).overview(family.caseID)!.relationships
            #expect(after.count == before + 1)
            let mistake = try #require(after.first { $0.details.kind == .legalGuardian })
            var other = try await Browser.signedIn(app, "caseworker@demo.reunify.test")
            #expect(try await other.post("/cases/\(family.caseID)/relationships/\(mistake.id)/remove", []).status == .notFound)
            #expect(try await worker.post("/cases/\(family.caseID)/relationships/\(mistake.id)/remove", []).status == .seeOther)
            #expect(try await CaseRepository(app.db).overview(family.caseID)!.relationships.count == before)
            let trail = try await AuditRepository(app.db).trail(caseID: family.caseID, per: 500).entries
            #expect(trail.contains { $0.action == "delete" && $0.summary.contains("legal guardian") })
        }
    }
}

@Suite("People already known")
struct ExistingMemberTests {
    @Test("a sibling recorded in one case is added to another as the same person, only from cases open to the worker")
    func addExisting() async throws {
        try await TestApp.run { app, _ in
            let agency = TestApp.agency
            let worker = agency.user("caseworker@demo.reunify.test")!.id
            let mine = agency.families.filter { $0.details.caseworkerID == worker }
            let (from, to) = (mine[0], mine[1])
            let child = from.persons.first { $0.role == .child }!
            var browser = try await Browser.signedIn(app, "caseworker@demo.reunify.test")
            let search = try await browser.get("/cases/\(to.caseID)/members/existing?q=\(Browser.encode(child.details.fullName))")
            #expect(search.body.string.contains(child.details.givenName.htmlEscaped()))
            let missingRole = try await browser.post("/cases/\(to.caseID)/members/existing", [("personId", child.id.description)])
            #expect(missingRole.status == .unprocessableEntity)
            #expect(try await browser.post("/cases/\(to.caseID)/members/existing",
                                           [("personId", child.id.description), ("role", "sibling")]).status == .seeOther)
            #expect(Set(try await PersonRepository(app.db).caseIDs(of: child.id)) == [from.caseID, to.caseID])
            let stranger = agency.families.first { $0.details.caseworkerID != worker }!.persons[0]
            #expect(try await browser.post("/cases/\(to.caseID)/members/existing",
                                           [("personId", stranger.id.description), ("role", "relative")]).status == .notFound)
        }
    }
}
