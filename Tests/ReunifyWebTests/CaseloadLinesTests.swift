import Foundation
import Testing
import Vapor
import VaporTesting
import ReunifyDomain
import ReunifyStore
@testable import ReunifyWeb

/// The caseload's lines are kept between reads and used again only while nothing they come from has changed.
@Suite("Caseload lines kept between reads")
struct CaseloadLinesTests {
    /// The lines of `ids` as the kept lines give them, and as the records give them now.
    static func lines(_ app: Application, _ ids: [CaseID]) async throws -> (kept: String, fresh: String) {
        let repo = CaseRepository(app.db)
        let cases = try await repo.find(Set(ids)).sorted { $0.caseNumber < $1.caseNumber }
        let today = app.reunify.time.today(), policy = app.reunify.timelines
        let kept = try await repo.caseloadRows(cases, today: today, policy: policy, kept: app.caseloadLines)
        let fresh = try await repo.caseloadRows(cases, today: today, policy: policy)
        return (kept.map { "\($0)" }.joined(separator: "\n"), fresh.map { "\($0)" }.joined(separator: "\n"))
    }

    /// The overviews of `ids` as the kept ones give them, and as the records give them now.
    static func overviews(_ app: Application, _ ids: [CaseID]) async throws -> (kept: String, fresh: String) {
        let repo = CaseRepository(app.db)
        var kept: [String] = [], fresh: [String] = []
        for id in ids {
            kept.append("\(try #require(try await repo.overview(id, kept: app.keptOverviews)))")
            fresh.append("\(try #require(try await repo.overview(id)))")
        }
        return (kept.joined(separator: "\n"), fresh.joined(separator: "\n"))
    }

    /// One child in two cases; after each change below, made through either case, what `read` gives from the kept
    /// values must equal what it gives from the records, and must differ from what it gave before. Before the
    /// changes, a second read with nothing changed must use both kept values again.
    static func keptUntilChanged(_ app: Application, counts: () -> (reused: Int, computed: Int),
                                 read: ([CaseID]) async throws -> (kept: String, fresh: String)) async throws -> String {
        let api = try await APIClient.signIn(app, "caseworker@demo.reunify.test")
        let f = try await WritePathTests.fixture(api)
        // The same child is in a second case, so a change made through one case shows in the other's.
        let (status, other) = try await api.json(.POST, "/api/v1/cases", #"{"caseNumber":"WP-2","familyName":"Mbeki-Dlamini"}"#)
        #expect(status == .ok || status == .created)
        let otherID = try #require(other["id"] as? String)
        let unit = try #require(other["unit"] as? String)
        let (added, _) = try await api.json(.POST, "/api/v1/cases/\(otherID)/members", #"{"role":"child","personId":"\#(f.childID)"}"#)
        #expect(added == .ok || added == .created)
        let ids = [CaseID(f.caseID)!, CaseID(otherID)!]

        var before = try await read(ids)
        #expect(before.kept == before.fresh)
        let first = counts()
        let again = try await read(ids)
        #expect(again.kept == before.kept)
        #expect(counts().reused == first.reused + 2, "nothing changed, so both are used again")
        #expect(counts().computed == first.computed)

        let changes: [(String, HTTPMethod, String, String)] = [
            ("the child's birth date, through the first case", .PUT, "/api/v1/persons/\(f.childID)",
             #"{"givenName":"Thandi","familyName":"Mbeki","birthDate":"2012-02-03","version":1}"#),
            ("the child going home", .PUT, "/api/v1/cases/\(f.caseID)/episodes/\(f.episodeID)",
             #"{"childId":"\#(f.childID)","removalDate":"2026-10-01","manner":"court_ordered","circumstances":["neglect"],"dischargeDate":"2026-11-20","dischargeReason":"live_with_relative","version":1}"#),
            // A removal in the second case two days after the discharge from the first: a re-entry, which the
            // second case's line shows from the first case's records.
            ("the child's removal in the second case", .POST, "/api/v1/cases/\(otherID)/episodes",
             #"{"childId":"\#(f.childID)","removalDate":"2026-11-22","manner":"court_ordered","circumstances":["neglect"]}"#),
            ("the second case's own details", .PUT, "/api/v1/cases/\(otherID)",
             #"{"caseNumber":"WP-2","familyName":"Dlamini","stage":"services","unit":"\#(unit)","version":1}"#),
        ]
        for (what, method, path, body) in changes {
            let (answer, why) = try await api.json(method, path, body)
            #expect(answer == .ok || answer == .created, "\(what): \(why)")
            let now = try await read(ids)
            #expect(now.kept == now.fresh, "after \(what), the kept values are what the records give")
            #expect(now.kept != before.kept, "\(what) changes what the pages show")
            before = now
        }
        return before.kept
    }

    @Test("a kept line is used again only until a record of its case, or a detail of one of its people, changes")
    func keptUntilChanged() async throws {
        try await TestApp.run { app, _ in
            let last = try await Self.keptUntilChanged(app, counts: { app.caseloadLines.counts }, read: { try await Self.lines(app, $0) })
            #expect(last.contains("reEntry: true"), "the second case's line shows the re-entry")
        }
    }

    @Test("a kept case overview is used again only until a record of its case, or a detail of one of its people, changes")
    func overviewKeptUntilChanged() async throws {
        try await TestApp.run { app, _ in
            _ = try await Self.keptUntilChanged(app, counts: { (app.keptOverviews.counts.reused, app.keptOverviews.counts.read) },
                                                read: { try await Self.overviews(app, $0) })
        }
    }
}
