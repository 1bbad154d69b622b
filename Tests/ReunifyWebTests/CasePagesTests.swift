import Foundation
import Testing
import Vapor
import VaporTesting
import ReunifyDomain
import ReunifyStore
import Plot
@testable import ReunifyWeb
import ReunifyMatching
import ReunifyDemo

@Suite("Case pages")
struct CasePagesTests {
    static func caseworkerFamilies() -> [DemoAgency.Family] {
        let agency = TestApp.agency
        return agency.families.filter { $0.details.caseworkerID == agency.user("caseworker@demo.reunify.test")!.id }
    }

    /// A family of the first caseworker's with a child still in care.
    static func familyInCare() -> DemoAgency.Family {
        caseworkerFamilies().first { f in f.episodes.contains { $0.details.isOpen } && f.details.stage == .services }
            ?? caseworkerFamilies().first { f in f.episodes.contains { $0.details.isOpen } }!
    }

    @Test("the caseload shows the caseworker's own cases and no one else's")
    func caseload() async throws {
        try await TestApp.run { app, _ in
            var browser = try await Browser.signedIn(app, "caseworker@demo.reunify.test")
            let page = try await browser.get("/cases?page=1").body.string
            let agency = TestApp.agency
            let mine = Self.caseworkerFamilies()
            let theirs = agency.families.filter { $0.details.caseworkerID == agency.user("caseworker2@demo.reunify.test")!.id }
            #expect(page.contains("20 cases"))
            for family in mine { #expect(page.contains(family.details.caseNumber), "missing \(family.details.caseNumber)") }
            for family in theirs { #expect(!page.contains(family.details.caseNumber), "leaked \(family.details.caseNumber)") }
            #expect(page.contains("Days in care"))
        }
    }

    @Test("the case page shows members, episodes and placements; another caseworker gets 404")
    func caseFile() async throws {
        try await TestApp.run { app, _ in
            let family = Self.familyInCare()
            var owner = try await Browser.signedIn(app, "caseworker@demo.reunify.test")
            let page = try await owner.get("/cases/\(family.caseID)")
            #expect(page.status == .ok)
            for person in family.persons { #expect(page.body.string.contains(person.details.givenName.htmlEscaped())) }
            #expect(page.body.string.contains(family.episodes[0].placements.last!.setting.label))
            var other = try await Browser.signedIn(app, "caseworker2@demo.reunify.test")
            let refused = try await other.get("/cases/\(family.caseID)")
            #expect(refused.status == .notFound)
            #expect(!refused.body.string.contains(family.details.familyName))
            #expect(try await other.get("/cases/\(UUID())").status == .notFound)
            #expect(try await other.get("/cases/not-a-uuid").status == .notFound)
        }
    }

    @Test("adding a placement through the form puts it on the timeline and in the audit trail")
    func addPlacement() async throws {
        try await TestApp.run { app, _ in
            let family = Self.familyInCare()
            var browser = try await Browser.signedIn(app, "caseworker@demo.reunify.test")
            let overview = try #require(try await CaseRepository(app.db).overview(family.caseID))
            let episode = try #require(overview.episodes.first { $0.episode.details.dischargeDate == nil })
            let path = "/cases/\(family.caseID)/episodes/\(episode.episode.id)/placements/new"
            #expect(try await browser.get(path).status == .ok)
            let response = try await browser.post(path, [
                ("setting", "relative_foster_home"), ("caregiverName", "Abuela Carmen Ortiz"),
                ("startDate-day", "20"), ("startDate-month", "11"), ("startDate-year", "2026"), ("version", "")])
            #expect(response.status == .seeOther)
            let page = try await browser.get("/cases/\(family.caseID)").body.string
            #expect(page.contains("Abuela Carmen Ortiz"))
            #expect(page.contains("2026-11-20 – now"))
            let trail = try await AuditRepository(app.db).trail(caseID: family.caseID, per: 500).entries
            #expect(trail.contains { $0.action == "create" && $0.recordKind == "placement" && $0.userEmail == "caseworker@demo.reunify.test" })
            #expect(trail.contains { $0.action == "view" && $0.recordKind == "case" })
        }
    }

    @Test("a form with mistakes comes back with every message and the entries kept; nothing is saved")
    func formErrors() async throws {
        try await TestApp.run { app, _ in
            let family = Self.familyInCare()
            var browser = try await Browser.signedIn(app, "caseworker@demo.reunify.test")
            let overview = try #require(try await CaseRepository(app.db).overview(family.caseID))
            let episode = try #require(overview.episodes.first { $0.episode.details.dischargeDate == nil })
            let before = try await CaseRecordsRepository(app.db).placements(of: episode.episode.id).count
            let response = try await browser.post("/cases/\(family.caseID)/episodes/\(episode.episode.id)/placements/new", [
                ("setting", "castle"), ("caregiverName", "Someone kept"), ("startDate-day", "31"), ("startDate-month", "2"), ("startDate-year", "2026")])
            #expect(response.status == .unprocessableEntity)
            let html = response.body.string
            #expect(html.contains("There is a problem"))
            #expect(html.contains("is not a known placement setting"))
            #expect(html.contains("31/2/2026 is not a real date"))
            #expect(html.contains("value=\"Someone kept\""))
            #expect(try await CaseRecordsRepository(app.db).placements(of: episode.episode.id).count == before)
        }
    }

    @Test("a form post without the session's CSRF token is refused")
    func csrf() async throws {
        try await TestApp.run { app, _ in
            let family = Self.familyInCare()
            var browser = try await Browser.signedIn(app, "caseworker@demo.reunify.test")
            let response = try await browser.post("/cases/\(family.caseID)/relationships/new", [("_csrf", "stolen")], withCSRF: false)
            #expect(response.status == .forbidden)
        }
    }

    @Test("two people editing the same person: the second sees both versions, nothing is overwritten")
    func conflictingEdits() async throws {
        try await TestApp.run { app, _ in
            let family = Self.familyInCare()
            let mother = family.persons.first { $0.role == .parent }!
            var first = try await Browser.signedIn(app, "caseworker@demo.reunify.test")
            var second = try await Browser.signedIn(app, "supervisor@demo.reunify.test")
            let path = "/cases/\(family.caseID)/persons/\(mother.id)/edit"
            #expect(try await first.get(path).status == .ok)
            #expect(try await second.get(path).status == .ok)
            func fields(phone: String) -> [(String, String)] {
                [("givenName", mother.details.givenName), ("familyName", mother.details.familyName), ("phone", phone),
                 ("sex", "female"), ("icwaStatus", "not_applicable"), ("languages", "English"), ("version", "1")]
            }
            #expect(try await first.post(path, fields(phone: "555-0101")).status == .seeOther)
            let conflict = try await second.post(path, fields(phone: "555-0202"))
            #expect(conflict.status == .conflict)
            #expect(conflict.body.string.contains("Someone else changed this record"))
            #expect(conflict.body.string.contains("555-0101"))
            #expect(conflict.body.string.contains("555-0202"))
            #expect(try await PersonRepository(app.db).find(mother.id)?.phone == "555-0101")
            // Having seen both, the second person may save theirs knowingly.
            var again = fields(phone: "555-0202")
            again[again.count - 1] = ("version", "2")
            #expect(try await second.post(path, again).status == .seeOther)
            #expect(try await PersonRepository(app.db).find(mother.id)?.phone == "555-0202")
        }
    }

    @Test("opening a case, adding a child, a removal and goals through the forms")
    func newCaseJourney() async throws {
        try await TestApp.run { app, _ in
            var browser = try await Browser.signedIn(app, "caseworker@demo.reunify.test")
            let created = try await browser.post("/cases/new", [
                ("caseNumber", "FV-2026-900"), ("familyName", "Quiroga"), ("stage", "intake"), ("unit", "North Unit"),
                ("openedOn-day", "22"), ("openedOn-month", "11"), ("openedOn-year", "2026")])
            #expect(created.status == .seeOther)
            let casePath = try #require(created.headers.first(name: .location))
            let duplicate = try await browser.post("/cases/new", [
                ("caseNumber", "FV-2026-900"), ("familyName", "Other"), ("stage", "intake"), ("unit", "North Unit"),
                ("openedOn-day", "22"), ("openedOn-month", "11"), ("openedOn-year", "2026")])
            #expect(duplicate.status == .conflict)
            let child = try await browser.post(casePath + "/members/new", [
                ("role", "child"), ("givenName", "Tomás"), ("familyName", "Quiroga"), ("sex", "male"), ("icwaStatus", "unknown"),
                ("birthDate-day", "2"), ("birthDate-month", "3"), ("birthDate-year", "2021"), ("languages", "Spanish, English")])
            #expect(child.status == .seeOther)
            let future = try await browser.post(casePath + "/members/new", [
                ("role", "child"), ("givenName", "Nadie"), ("familyName", "Quiroga"),
                ("birthDate-day", "2"), ("birthDate-month", "3"), ("birthDate-year", "2030")])
            #expect(future.status == .unprocessableEntity)
            #expect(future.body.string.contains("Birth date must be today or in the past"))
            let caseID = try #require(UUID(uuidString: String(casePath.split(separator: "/").last!)))
            let childID = try #require(try await PersonRepository(app.db).members(of: CaseID(caseID)).first?.personID)
            let removal = try await browser.post(casePath + "/episodes/new", [
                ("childId", childID.lower), ("removalDate-day", "21"), ("removalDate-month", "11"), ("removalDate-year", "2026"),
                ("manner", "court_ordered"), ("circumstances", "neglect"), ("circumstances", "inadequate_housing")])
            #expect(removal.status == .seeOther)
            let goals = try await browser.post(casePath + "/goals/new", [
                ("childId", childID.lower), ("primary", "reunification"),
                ("primarySince-day", "22"), ("primarySince-month", "11"), ("primarySince-year", "2026")])
            #expect(goals.status == .seeOther)
            let page = try await browser.get(casePath).body.string
            #expect(page.contains("Tomás"))
            #expect(page.contains("Inadequate housing"))
            #expect(page.contains("Case plan — 2027-01-20"))
            #expect(page.contains("Reunify with parent(s) or legal guardian(s)"))
        }
    }

    @Test("search finds people by name whatever the accents, only in cases open to the searcher")
    func search() async throws {
        try await TestApp.run { app, _ in
            let agency = TestApp.agency
            let worker2 = agency.user("caseworker2@demo.reunify.test")!.id
            let target = agency.families.first { $0.details.caseworkerID == worker2 }!.persons.first { $0.role == .parent }!
            let query = SearchText.fold(target.details.familyName).uppercased()
            var owner = try await Browser.signedIn(app, "caseworker2@demo.reunify.test")
            let found = try await owner.get("/search?q=\(Browser.encode(query))").body.string
            #expect(found.contains(target.details.givenName.htmlEscaped()))
            var stranger = try await Browser.signedIn(app, "caseworker@demo.reunify.test")
            let hidden = try await stranger.get("/search?q=\(Browser.encode(target.details.fullName))").body.string
            #expect(!hidden.contains("/cases/\(agency.families.first { $0.persons.contains { $0.id == target.id } }!.caseID)"))
        }
    }

    @Test("what a person typed is written into attributes escaped: a search, a refused form and a stored name")
    func attributeValuesEscaped() async throws {
        try await TestApp.run { app, _ in
            var browser = try await Browser.signedIn(app, "caseworker@demo.reunify.test")
            let hostile = "O\"Neil'><script>alert(1)</script>"
            let search = try await browser.get("/search?q=\(Browser.encode(hostile))").body.string
            #expect(!search.contains("<script>alert(1)"))
            #expect(search.contains("value=\"O&quot;Neil&#39;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""))
            // Refused for its date, the form comes back with what was typed, escaped.
            let refused = try await browser.post("/cases/new", [
                ("caseNumber", "FV-2026-901"), ("familyName", hostile), ("stage", "intake"), ("unit", "North Unit"),
                ("openedOn-day", "31"), ("openedOn-month", "2"), ("openedOn-year", "2026")])
            #expect(refused.status == .unprocessableEntity)
            #expect(!refused.body.string.contains("<script>alert(1)"))
            #expect(refused.body.string.contains("O&quot;Neil&#39;&gt;"))
            // Saved, the name comes back escaped in the edit form's field and as text on the case page.
            let created = try await browser.post("/cases/new", [
                ("caseNumber", "FV-2026-901"), ("familyName", hostile), ("stage", "intake"), ("unit", "North Unit"),
                ("openedOn-day", "22"), ("openedOn-month", "11"), ("openedOn-year", "2026")])
            let casePath = try #require(created.headers.first(name: .location))
            let edit = try await browser.get(casePath + "/edit").body.string
            #expect(!edit.contains("<script>alert(1)"))
            #expect(edit.contains("value=\"O&quot;Neil&#39;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""))
            let casePage = try await browser.get(casePath).body.string
            #expect(!casePage.contains("<script>alert(1)"))
        }
    }

    @Test("supervisors read a case's audit trail; caseworkers may not")
    func auditTrail() async throws {
        try await TestApp.run { app, _ in
            let family = Self.familyInCare()
            var worker = try await Browser.signedIn(app, "caseworker@demo.reunify.test")
            try await worker.get("/cases/\(family.caseID)")
            #expect(try await worker.get("/cases/\(family.caseID)/audit").status == .forbidden)
            var supervisor = try await Browser.signedIn(app, "supervisor@demo.reunify.test")
            let trail = try await supervisor.get("/cases/\(family.caseID)/audit")
            #expect(trail.status == .ok)
            #expect(trail.body.string.contains("caseworker@demo.reunify.test"))
            // A long trail comes a page at a time, newest first, every entry on exactly one page.
            let stamp = Date(timeIntervalSince1970: 1_600_000_000)
            try await (0..<230).map { i in
                AuditEventModel(occurredAt: stamp.addingTimeInterval(Double(i)), userID: nil, userEmail: "old@demo.reunify.test", action: "view",
                                recordKind: "case_file", recordID: nil, caseID: family.caseID.uuid,
                                summary: Worded.stored(english: "old entry \(i)", others: nil), address: nil)
            }.create(on: app.db)
            let total = try await AuditRepository(app.db).trail(caseID: family.caseID).total
            var seen: [String] = []
            var next = "/cases/\(family.caseID)/audit"
            for page in 1...((total + 99) / 100) {
                let html = try await supervisor.get(next).body.string
                next = (html.firstMatch(of: try Regex(#"href="([^"]+)">Older entries<"#))?.output[1].substring).map(String.init)?
                    .replacingOccurrences(of: "&amp;", with: "&") ?? ""
                let rows = html.matches(of: try Regex(#"old entry ([0-9]+)<"#)).map { String(html[$0.range]) }
                seen += rows
                #expect(html.components(separatedBy: "<tr>").count - 2 <= 100, "page \(page)")
                #expect(next.contains("?page=\(page + 1)&") == (page * 100 < total), "page \(page)")
            }
            #expect(seen.count == 230 && Set(seen).count == 230)
            #expect(seen.first == "old entry 229<" && seen.last == "old entry 0<")
            var admin = try await Browser.signedIn(app, "admin@demo.reunify.test")
            #expect(try await admin.get("/cases/\(family.caseID)/audit").status == .ok)
            #expect(try await admin.get("/cases/\(family.caseID)").status == .notFound)
        }
    }
}

extension String {
    func htmlEscaped() -> String {
        replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}

@Suite("Form markup")
struct FormMarkupTests {
    @Test("a select's blank choice submits an empty value, not its label")
    func blankOption() {
        let html = FormView().select("setting", "Where", PlacementSetting.self).render()
        // `<option value>` is an empty value in HTML; without the attribute a browser would submit the label.
        #expect(html.contains(#"<option value selected>Choose…</option>"#))
        let chosen = FormView(FormData(values: ["setting": ["runaway"]])).select("setting", "Where", PlacementSetting.self).render()
        #expect(chosen.contains(#"<option value>Choose…</option>"#))
        #expect(chosen.contains(#"<option value="runaway" selected>Runaway</option>"#))
    }
}
