import Foundation
import Testing
import Vapor
import VaporTesting
import ReunifyDomain
import ReunifyStore
@testable import ReunifyWeb

/// Each rule of a record's write path, driven through both surfaces: what the API refuses, the page refuses with the
/// same words, and nothing is written or audited.
@Suite("One write path")
struct WritePathTests {
    /// A new case with a child in care in a foster home since 2026-10-01, and no reunification review.
    struct Fixture {
        let caseID: String
        let childID: String
        let episodeID: String
        let placementID: String
    }

    static func fixture(_ api: APIClient) async throws -> Fixture {
        let (_, c) = try await api.json(.POST, "/api/v1/cases", #"{"caseNumber":"WP-1","familyName":"Mbeki"}"#)
        let caseID = try #require(c["id"] as? String)
        let (_, member) = try await api.json(.POST, "/api/v1/cases/\(caseID)/members",
            #"{"role":"child","person":{"givenName":"Thandi","familyName":"Mbeki","birthDate":"2018-02-03"}}"#)
        let childID = try #require((member["person"] as? [String: Any])?["id"] as? String)
        let (_, episode) = try await api.json(.POST, "/api/v1/cases/\(caseID)/episodes",
            #"{"childId":"\#(childID)","removalDate":"2026-10-01","manner":"court_ordered","circumstances":["neglect"]}"#)
        let episodeID = try #require(episode["id"] as? String)
        let (_, placement) = try await api.json(.POST, "/api/v1/cases/\(caseID)/episodes/\(episodeID)/placements",
            #"{"setting":"foster_family_home","caregiverName":"Reed family","startDate":"2026-10-01"}"#)
        return Fixture(caseID: caseID, childID: childID, episodeID: episodeID, placementID: try #require(placement["id"] as? String))
    }

    static func placementCount(_ app: Application, _ f: Fixture) async throws -> Int {
        try await CaseRecordsRepository(app.db).placements(of: EpisodeID(f.episodeID)!).count
    }

    static func auditCount(_ app: Application, _ f: Fixture, _ action: String, _ kind: String) async throws -> Int {
        try await AuditRepository(app.db).trail(caseID: CaseID(f.caseID)!, per: 500).entries.filter { $0.action == action && $0.recordKind == kind }.count
    }

    static let homeVisitForm: [(String, String)] = [
        ("setting", "placed_at_home"), ("caregiverName", "Mother's home"),
        ("startDate-day", "1"), ("startDate-month", "10"), ("startDate-year", "2026"), ("version", "1")]

    @Test("a trial home visit without a recent review is refused on creation and on edit, by page and API, with the same reason")
    func trialHomeVisitNeedsReview() async throws {
        try await TestApp.run { app, _ in
            let api = try await APIClient.signIn(app, "caseworker@demo.reunify.test")
            let f = try await Self.fixture(api)
            let home = #"{"setting":"placed_at_home","caregiverName":"Mother's home","startDate":"2026-10-01","version":1}"#
            let (created, createdWhy) = try await api.json(.POST, "/api/v1/cases/\(f.caseID)/episodes/\(f.episodeID)/placements", home)
            let (edited, editedWhy) = try await api.json(.PUT, "/api/v1/cases/\(f.caseID)/placements/\(f.placementID)", home)
            #expect(created == .unprocessableEntity && edited == .unprocessableEntity)
            let reason = try #require(createdWhy["reason"] as? String)
            #expect(reason.contains("Run a reunification review for this child before a trial home visit"))
            #expect(editedWhy["reason"] as? String == reason)

            var browser = try await Browser.signedIn(app, "caseworker@demo.reunify.test")
            let pageCreate = try await browser.post("/cases/\(f.caseID)/episodes/\(f.episodeID)/placements/new", Self.homeVisitForm)
            let pageEdit = try await browser.post("/cases/\(f.caseID)/placements/\(f.placementID)/edit", Self.homeVisitForm)
            for page in [pageCreate, pageEdit] {
                #expect(page.status == .unprocessableEntity)
                #expect(page.body.string.contains("Run a reunification review for this child before a trial home visit"))
            }

            let (_, list) = try await api.list("/api/v1/cases/\(f.caseID)/episodes/\(f.episodeID)/placements")
            #expect(list.count == 1)
            #expect(list.first?["setting"] as? String == "foster_family_home")
            #expect(list.first?["version"] as? Int == 1)
            #expect(try await Self.auditCount(app, f, "update", "placement") == 0)
        }
    }

    @Test("a child never has two current placements: reopening an ended one is refused by page and API")
    func oneCurrentPlacement() async throws {
        try await TestApp.run { app, _ in
            let api = try await APIClient.signIn(app, "caseworker@demo.reunify.test")
            let f = try await Self.fixture(api)
            let (moved, _) = try await api.json(.POST, "/api/v1/cases/\(f.caseID)/episodes/\(f.episodeID)/placements",
                #"{"setting":"relative_foster_home","caregiverName":"Aunt Zodwa","startDate":"2026-11-01"}"#)
            #expect(moved == .created)
            let (_, list) = try await api.list("/api/v1/cases/\(f.caseID)/episodes/\(f.episodeID)/placements")
            let first = try #require(list.first { $0["id"] as? String == f.placementID })
            #expect(first["endDate"] as? String == "2026-11-01")
            let version = try #require(first["version"] as? Int)

            let reopen = #"{"setting":"foster_family_home","caregiverName":"Reed family","startDate":"2026-10-01","version":\#(version)}"#
            let (status, why) = try await api.json(.PUT, "/api/v1/cases/\(f.caseID)/placements/\(f.placementID)", reopen)
            #expect(status == .unprocessableEntity)
            let reason = try #require(why["reason"] as? String)
            #expect(reason.contains("This child already lives elsewhere now"))

            var browser = try await Browser.signedIn(app, "caseworker@demo.reunify.test")
            let page = try await browser.post("/cases/\(f.caseID)/placements/\(f.placementID)/edit", [
                ("setting", "foster_family_home"), ("caregiverName", "Reed family"),
                ("startDate-day", "1"), ("startDate-month", "10"), ("startDate-year", "2026"), ("version", String(version))])
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.string.contains("This child already lives elsewhere now"))

            let (_, after) = try await api.list("/api/v1/cases/\(f.caseID)/episodes/\(f.episodeID)/placements")
            #expect(after.filter { $0["endDate"] == nil || $0["endDate"] is NSNull }.count == 1)
            #expect(try await Self.auditCount(app, f, "update", "placement") == 0)
        }
    }

    @Test("a removal names a child of the case, and a child has one open removal, by page and API alike")
    func episodeRules() async throws {
        try await TestApp.run { app, _ in
            let api = try await APIClient.signIn(app, "caseworker@demo.reunify.test")
            let f = try await Self.fixture(api)
            let (_, mother) = try await api.json(.POST, "/api/v1/cases/\(f.caseID)/members",
                #"{"role":"parent","person":{"givenName":"Nomsa","familyName":"Mbeki"}}"#)
            let motherID = try #require((mother["person"] as? [String: Any])?["id"] as? String)
            var browser = try await Browser.signedIn(app, "caseworker@demo.reunify.test")
            func pageEpisode(_ person: String) async throws -> TestingHTTPResponse {
                try await browser.post("/cases/\(f.caseID)/episodes/new", [
                    ("childId", person), ("removalDate-day", "5"), ("removalDate-month", "11"), ("removalDate-year", "2026"),
                    ("manner", "court_ordered"), ("circumstances", "neglect")])
            }
            func apiEpisode(_ person: String) async throws -> (HTTPResponseStatus, [String: Any]) {
                try await api.json(.POST, "/api/v1/cases/\(f.caseID)/episodes",
                    #"{"childId":"\#(person)","removalDate":"2026-11-05","manner":"court_ordered","circumstances":["neglect"]}"#)
            }
            let (notChild, ncWhy) = try await apiEpisode(motherID)
            #expect(notChild == .unprocessableEntity)
            #expect((ncWhy["reason"] as? String)?.contains("Choose a child who is a member of this case") == true)
            let notChildPage = try await pageEpisode(motherID)
            #expect(notChildPage.status == .unprocessableEntity)
            #expect(notChildPage.body.string.contains("Choose a child who is a member of this case"))

            let (second, secondWhy) = try await apiEpisode(f.childID)
            #expect(second == .conflict)
            #expect((secondWhy["reason"] as? String)?.contains("already has an open removal episode") == true)
            let secondPage = try await pageEpisode(f.childID)
            #expect(secondPage.status == .conflict)
            #expect(secondPage.body.string.contains("already has an open removal episode"))
            #expect(try await CaseRecordsRepository(app.db).episodes(of: CaseID(f.caseID)!).count == 1)
            #expect(try await Self.auditCount(app, f, "create", "removal_episode") == 1)
        }
    }

    @Test("a case naming a supervisor or caseworker who does not exist is refused with 422, not a database error")
    func unknownStaff() async throws {
        try await TestApp.run { app, _ in
            let api = try await APIClient.signIn(app, "caseworker@demo.reunify.test")
            let body = #"{"familyName":"Davis","caseNumber":"ZZ-1","supervisorId":"087a442c-bd9b-545e-bb51-a50925bc1604"}"#
            let (status, why) = try await api.json(.POST, "/api/v1/cases", body)
            #expect(status == .unprocessableEntity)
            #expect((why["fields"] as? [[String: Any]])?.first?["field"] as? String == "supervisorId")
            #expect(try await CaseRepository(app.db).find(caseNumber: "ZZ-1") == nil)
        }
    }

    @Test("a write and its audit entry land together: a refused change leaves no entry, an accepted one leaves one")
    func auditWithTheChange() async throws {
        try await TestApp.run { app, _ in
            let api = try await APIClient.signIn(app, "caseworker@demo.reunify.test")
            let f = try await Self.fixture(api)
            #expect(try await Self.auditCount(app, f, "create", "placement") == 1)
            let (stale, _) = try await api.json(.PUT, "/api/v1/cases/\(f.caseID)/placements/\(f.placementID)",
                #"{"setting":"foster_family_home","caregiverName":"Reed family","startDate":"2026-10-02","version":7}"#)
            #expect(stale == .conflict)
            #expect(try await Self.auditCount(app, f, "update", "placement") == 0)
            let (ok, _) = try await api.json(.PUT, "/api/v1/cases/\(f.caseID)/placements/\(f.placementID)",
                #"{"setting":"foster_family_home","caregiverName":"Reed family","startDate":"2026-10-02","version":1}"#)
            #expect(ok == .ok)
            #expect(try await Self.auditCount(app, f, "update", "placement") == 1)
            #expect(try await Self.placementCount(app, f) == 1)
        }
    }
}
