import Foundation
import Testing
import Vapor
import VaporTesting
import ReunifyDomain
@testable import ReunifyWeb

/// The access policy as the HTTP routes apply it: every demo role against a case it has a part in and one
/// it has none in, for every record kind the API serves.
@Suite("Access over HTTP")
struct RoleAccessTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let email: String
        /// (members, episodes, placements, case) statuses expected on the role's own case.
        let own: [UInt]
        var testDescription: String { email }
    }

    static let cases: [Case] = [
        Case(email: "caseworker@demo.reunify.test", own: [200, 200, 200, 200]),
        Case(email: "supervisor@demo.reunify.test", own: [200, 200, 200, 200]),
        Case(email: "clinician@demo.reunify.test", own: [200, 200, 200, 200]),
        Case(email: "legal@demo.reunify.test", own: [200, 200, 200, 200]),
        Case(email: "parent@demo.reunify.test", own: [200, 403, 403, 200]),
        Case(email: "provider@demo.reunify.test", own: [404, 404, 404, 404]),
        Case(email: "admin@demo.reunify.test", own: [404, 404, 404, 404]),
    ]

    /// The first demo family: the caseworker's, with the clinician, legal and the parent on it.
    static var ownFamily: DemoAgency.Family {
        let agency = TestApp.agency
        return agency.families.first { $0.persons.contains { $0.id == agency.user("parent@demo.reunify.test")!.personID } }!
    }

    /// A family of the second caseworker's with no clinician, legal or parent of the first family's.
    static var otherFamily: DemoAgency.Family {
        let agency = TestApp.agency
        let worker2 = agency.user("caseworker2@demo.reunify.test")!.id
        let clinician = agency.user("clinician@demo.reunify.test")!.id, legal = agency.user("legal@demo.reunify.test")!.id
        return agency.families.first { f in
            f.details.caseworkerID == worker2 && !f.team.contains { $0.0 == clinician || $0.0 == legal } && !f.episodes.isEmpty
        }!
    }

    static func statuses(_ api: APIClient, _ family: DemoAgency.Family, episodeID: UUID) async throws -> [UInt] {
        [
            try await api.send(.GET, "/api/v1/cases/\(family.caseID)/members").status.code,
            try await api.send(.GET, "/api/v1/cases/\(family.caseID)/episodes").status.code,
            try await api.send(.GET, "/api/v1/cases/\(family.caseID)/episodes/\(episodeID.lower)/placements").status.code,
            try await api.send(.GET, "/api/v1/cases/\(family.caseID)").status.code,
        ]
    }

    @Test("own case and another case", arguments: cases)
    func matrix(_ c: Case) async throws {
        try await TestApp.run { app, _ in
            let api = try await APIClient.signIn(app, c.email)
            let ownEpisode = try #require(try await CaseRecordsRepositoryHelper.firstEpisode(app, Self.ownFamily.caseID.uuid))
            let otherEpisode = try #require(try await CaseRecordsRepositoryHelper.firstEpisode(app, Self.otherFamily.caseID.uuid))
            #expect(try await Self.statuses(api, Self.ownFamily, episodeID: ownEpisode) == c.own, "own case")
            let otherExpected: [UInt] = c.email.hasPrefix("supervisor") ? [200, 200, 200, 200] : [404, 404, 404, 404]
            #expect(try await Self.statuses(api, Self.otherFamily, episodeID: otherEpisode) == otherExpected, "other case")
            var browser = try await Browser.signedIn(app, c.email)
            #expect(try await browser.get("/cases/\(Self.otherFamily.caseID)").status.code == otherExpected[3])
        }
    }

    @Test("writes: the caseworker may, team readers and the parent may not")
    func writes() async throws {
        try await TestApp.run { app, _ in
            let family = Self.ownFamily
            let body = #"{"caseNumber":"\#(family.details.caseNumber)","familyName":"Renamed","stage":"services","unit":"North Unit","openedOn":"\#(family.details.openedOn.iso)","version":1}"#
            for email in ["clinician@demo.reunify.test", "legal@demo.reunify.test", "parent@demo.reunify.test"] {
                let api = try await APIClient.signIn(app, email)
                #expect(try await api.send(.PUT, "/api/v1/cases/\(family.caseID)", json: body).status == .forbidden, "\(email)")
            }
            let other = try await APIClient.signIn(app, "caseworker2@demo.reunify.test")
            #expect(try await other.send(.PUT, "/api/v1/cases/\(family.caseID)", json: body).status == .notFound)
            let owner = try await APIClient.signIn(app, "caseworker@demo.reunify.test")
            #expect(try await owner.send(.PUT, "/api/v1/cases/\(family.caseID)", json: body).status == .ok)
        }
    }

    @Test("the parent reads their family's own pages, without the agency's placement records")
    func parentView() async throws {
        try await TestApp.run { app, _ in
            var parent = try await Browser.signedIn(app, "parent@demo.reunify.test")
            // The staff caseload sends a parent to their family's own home page.
            #expect(try await parent.get("/cases").headers.first(name: .location) == "/family")
            let home = try await parent.get("/family").body.string
            #expect(home.contains("Your family") && home.contains("Where things stand"))
            // The staff case page sends them to their own home page, not to a staff page with fewer rows.
            #expect(try await parent.get("/cases/\(Self.ownFamily.caseID)").headers.first(name: .location) == "/family")
            #expect(!home.contains("Time in care"))
            #expect(!home.contains("Add a person"))
        }
    }
}

enum CaseRecordsRepositoryHelper {
    static func firstEpisode(_ app: Application, _ caseID: UUID) async throws -> UUID? {
        try await ReunifyStore.CaseRecordsRepository(app.db).episodes(of: CaseID(caseID)).first?.id
    }
}

import ReunifyStore
import ReunifyDemo
