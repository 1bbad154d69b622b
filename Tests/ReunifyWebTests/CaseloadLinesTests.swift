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

    @Test("a kept line is used again only until a record of its case, or a detail of one of its people, changes")
    func keptUntilChanged() async throws {
        try await TestApp.run { app, _ in
            let api = try await APIClient.signIn(app, "caseworker@demo.reunify.test")
            let f = try await WritePathTests.fixture(api)
            // The same child is in a second case, so a change made through one case shows in the other's line.
            let (status, other) = try await api.json(.POST, "/api/v1/cases", #"{"caseNumber":"WP-2","familyName":"Mbeki-Dlamini"}"#)
            #expect(status == .ok || status == .created)
            let otherID = try #require(other["id"] as? String)
            let (added, _) = try await api.json(.POST, "/api/v1/cases/\(otherID)/members", #"{"role":"child","personId":"\#(f.childID)"}"#)
            #expect(added == .ok || added == .created)
            let ids = [CaseID(f.caseID)!, CaseID(otherID)!]

            var before = try await Self.lines(app, ids)
            #expect(before.kept == before.fresh)
            let first = app.caseloadLines.counts
            let again = try await Self.lines(app, ids)
            #expect(again.kept == before.kept)
            #expect(app.caseloadLines.counts.reused == first.reused + 2, "nothing changed, so both lines are used again")
            #expect(app.caseloadLines.counts.computed == first.computed)

            let changes: [(String, HTTPMethod, String, String)] = [
                ("the child's birth date, through the first case", .PUT, "/api/v1/persons/\(f.childID)",
                 #"{"givenName":"Thandi","familyName":"Mbeki","birthDate":"2012-02-03","version":1}"#),
                ("the child going home", .PUT, "/api/v1/cases/\(f.caseID)/episodes/\(f.episodeID)",
                 #"{"childId":"\#(f.childID)","removalDate":"2026-10-01","manner":"court_ordered","circumstances":["neglect"],"dischargeDate":"2026-11-20","dischargeReason":"live_with_relative","version":1}"#),
                // A removal in the second case two days after the discharge from the first: a re-entry, which the
                // second case's line shows from the first case's records.
                ("the child's removal in the second case", .POST, "/api/v1/cases/\(otherID)/episodes",
                 #"{"childId":"\#(f.childID)","removalDate":"2026-11-22","manner":"court_ordered","circumstances":["neglect"]}"#),
            ]
            for (what, method, path, body) in changes {
                let (answer, why) = try await api.json(method, path, body)
                #expect(answer == .ok || answer == .created, "\(what): \(why)")
                let now = try await Self.lines(app, ids)
                #expect(now.kept == now.fresh, "after \(what), the lines are what the records give")
                #expect(now.kept != before.kept, "\(what) changes what the caseload shows")
                before = now
            }
            #expect(before.kept.contains("reEntry: true"), "the second case's line shows the re-entry")
        }
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

    @Test("a kept case overview is used again only until a record of its case, or a detail of one of its people, changes")
    func overviewKeptUntilChanged() async throws {
        try await TestApp.run { app, _ in
            let api = try await APIClient.signIn(app, "caseworker@demo.reunify.test")
            let f = try await WritePathTests.fixture(api)
            let (status, other) = try await api.json(.POST, "/api/v1/cases", #"{"caseNumber":"WP-2","familyName":"Mbeki-Dlamini"}"#)
            #expect(status == .ok || status == .created)
            let otherID = try #require(other["id"] as? String)
            let (added, _) = try await api.json(.POST, "/api/v1/cases/\(otherID)/members", #"{"role":"child","personId":"\#(f.childID)"}"#)
            #expect(added == .ok || added == .created)
            let ids = [CaseID(f.caseID)!, CaseID(otherID)!]
            let unit = try #require(other["unit"] as? String)

            var before = try await Self.overviews(app, ids)
            #expect(before.kept == before.fresh)
            let first = app.keptOverviews.counts
            let again = try await Self.overviews(app, ids)
            #expect(again.kept == before.kept)
            #expect(app.keptOverviews.counts.reused == first.reused + 2, "nothing changed, so both overviews are used again")
            #expect(app.keptOverviews.counts.read == first.read)

            let changes: [(String, HTTPMethod, String, String)] = [
                ("the child's birth date, through the first case", .PUT, "/api/v1/persons/\(f.childID)",
                 #"{"givenName":"Thandi","familyName":"Mbeki","birthDate":"2012-02-03","version":1}"#),
                ("the child going home", .PUT, "/api/v1/cases/\(f.caseID)/episodes/\(f.episodeID)",
                 #"{"childId":"\#(f.childID)","removalDate":"2026-10-01","manner":"court_ordered","circumstances":["neglect"],"dischargeDate":"2026-11-20","dischargeReason":"live_with_relative","version":1}"#),
                ("the child's removal in the second case", .POST, "/api/v1/cases/\(otherID)/episodes",
                 #"{"childId":"\#(f.childID)","removalDate":"2026-11-22","manner":"court_ordered","circumstances":["neglect"]}"#),
                ("the second case's own details", .PUT, "/api/v1/cases/\(otherID)",
                 #"{"caseNumber":"WP-2","familyName":"Dlamini","stage":"services","unit":"\#(unit)","version":1}"#),
            ]
            for (what, method, path, body) in changes {
                let (answer, why) = try await api.json(method, path, body)
                #expect(answer == .ok || answer == .created, "\(what): \(why)")
                let now = try await Self.overviews(app, ids)
                #expect(now.kept == now.fresh, "after \(what), the overviews are what the records give")
                #expect(now.kept != before.kept, "\(what) changes what the case pages show")
                before = now
            }
        }
    }
}
