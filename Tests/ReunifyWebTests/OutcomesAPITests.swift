import FluentKit
import Foundation
import Testing
import Vapor
import VaporTesting
import ReunifyDomain
import ReunifyStore
@testable import ReunifyWeb

/// The test clock's today is 2026-11-23.
@Suite("Outcomes over the API and on the page: figures by scope, exports as CSV, every read audited")
struct OutcomesAPITests {
    @Test("a supervisor gets their unit's figures, an administrator the agency's; others are refused; a bad period is explained")
    func scope() async throws {
        try await TestApp.run { app, _ in
            let supervisor = try await APIClient.signIn(app, "supervisor@demo.reunify.test")
            let (ok, f) = try await supervisor.json(.GET, "/api/v1/outcomes?start=2024-12-01&end=2025-11-30")
            #expect(ok == .ok && f["unit"] as? String == "North Unit", "\(f)")
            let p1 = try #require(f["p1"] as? [String: Any])
            #expect((p1["denominator"] as? Int ?? 0) > 0 && (p1["numerator"] as? Int ?? -1) >= 0)
            #expect(f["timeToReunification"] as? [String: Any] != nil && f["asOf"] as? String == "2026-11-23")
            #expect(try await supervisor.send(.GET, "/api/v1/outcomes?start=2024-12-01&end=2025-11-30&unit=South").status == .forbidden)
            let (bad, why) = try await supervisor.json(.GET, "/api/v1/outcomes?start=2025-12-01&end=2025-11-30")
            #expect(bad == .unprocessableEntity && (why["reason"] as? String)?.contains("ends on or after") == true, "\(why)")
            #expect(try await supervisor.send(.GET, "/api/v1/outcomes?start=yesterday").status == .unprocessableEntity)

            let admin = try await APIClient.signIn(app, "admin@demo.reunify.test")
            let (agency, a) = try await admin.json(.GET, "/api/v1/outcomes?start=2024-12-01&end=2025-11-30")
            #expect(agency == .ok && a["unit"] == nil)
            #expect((a["p1"] as? [String: Any])?["denominator"] as? Int == p1["denominator"] as? Int, "one unit: the agency's figures are the unit's")
            let (_, none) = try await admin.json(.GET, "/api/v1/outcomes?start=2024-12-01&end=2025-11-30&unit=South")
            #expect((none["p1"] as? [String: Any])?["denominator"] as? Int == 0 && (none["p1"] as? [String: Any])?["rate"] is NSNull)
            // A figure with nothing to count is null, not left out: the document marks these fields required.
            #expect((none["p5"] as? [String: Any])?["ratePer1000Days"] is NSNull && (none["p4"] as? [String: Any])?["rate"] is NSNull)
            #expect((none["timeToReunification"] as? [String: Any])?["medianDays"] is NSNull, "\(none)")

            // The figures read only the period's children's episodes from its start on; they are the figures of all.
            let m = OutcomeMeasures(start: CalendarDate(iso: "2024-12-01")!, end: CalendarDate(iso: "2025-11-30")!)
            let all = try await OutcomesRepository(app.db).outcomeEpisodes(.agency)
            let read = try await OutcomesRepository(app.db).outcomeEpisodes(.agency, removedFrom: m.start, to: m.end)
            #expect(Set(read.map(\.id)) == Set(m.episodesRead(all).map(\.id)) && !read.isEmpty && read.count < all.count)
            #expect(m.figures(read, asOf: TestApp.today) == m.figures(all, asOf: TestApp.today))
            #expect(a["p1"] as? [String: Any] != nil && (a["p1"] as? [String: Any])?["denominator"] as? Int == m.figures(all, asOf: TestApp.today).p1.denominator)

            for email in ["caseworker@demo.reunify.test", "parent@demo.reunify.test", "clinician@demo.reunify.test"] {
                let other = try await APIClient.signIn(app, email)
                #expect(try await other.send(.GET, "/api/v1/outcomes?start=2024-12-01&end=2025-11-30").status == .forbidden)
                #expect(try await other.send(.GET, "/api/v1/exports/placements.csv").status == .forbidden)
            }
        }
    }

    @Test("the exports: RFC 4180 CSV with a header row, a row per episode and placement of the scope, each export audited")
    func exports() async throws {
        try await TestApp.run { app, _ in
            let supervisor = try await APIClient.signIn(app, "supervisor@demo.reunify.test")
            let episodes = try await supervisor.send(.GET, "/api/v1/exports/episodes.csv")
            #expect(episodes.status == .ok && episodes.headers.contentType?.subType == "csv")
            let lines = episodes.body.string.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.first == "child_id,birth_date,episode_id,removal_date,discharge_date,discharge_reason")
            #expect(lines.count - 1 == (try await RemovalEpisodeModel.query(on: app.db).count()))
            let placements = try await supervisor.send(.GET, "/api/v1/exports/placements.csv").body.string
            #expect(placements.hasPrefix("child_id,episode_id,placement_id,start_date,end_date,setting\r\n"))
            #expect(placements.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count - 1 == (try await PlacementModel.query(on: app.db).count()))
            let audited = try await AuditEventModel.query(on: app.db).filter(\.$recordKind == "export").all().map(\.summary)
            #expect(audited.contains("exported episodes.csv (North Unit)") && audited.contains("exported placements.csv (North Unit)"))
            #expect(CSVStream.line(["a,b", "say \"hi\"", "x"]) == "\"a,b\",\"say \"\"hi\"\"\",x\r\n")
        }
    }

    @Test("the outcomes page shows the three measures and the curve; a count lists the children a supervisor may open")
    func page() async throws {
        try await TestApp.run { app, _ in
            var supervisor = try await Browser.signedIn(app, "supervisor@demo.reunify.test")
            let page = try await supervisor.get(SiteURL.outcomes.path + "?start=2024-12-01&end=2025-11-30")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("Permanency in 12 months (P1)") && html.contains("Re-entry in 12 months (P4)") && html.contains("<svg role=\"img\""))
            let list = try await supervisor.get(SiteURL.outcomeChildren.path + "?measure=cohort&start=2024-12-01&end=2025-11-30")
            #expect(list.status == .ok && list.body.string.contains("/cases/"))
            var admin = try await Browser.signedIn(app, "admin@demo.reunify.test")
            let hidden = try await admin.get(SiteURL.outcomeChildren.path + "?measure=cohort&start=2024-12-01&end=2025-11-30")
            #expect(hidden.status == .ok && hidden.body.string.contains("are not named") && !hidden.body.string.contains("href=\"/cases/"))
            // In Spanish: the same figures, the measures' names and definitions, the curve's text.
            #expect(try await supervisor.post("/language", [("language", "es"), ("return", SiteURL.outcomes.path)]).status == .seeOther)
            let spanish = try await supervisor.get(SiteURL.outcomes.path + "?start=2024-12-01&end=2025-11-30").body.string
            #expect(spanish.contains("<html lang=\"es\"") && spanish.contains("Permanencia en 12 meses (P1)") && spanish.contains("Días desde la remoción"))
            #expect(!spanish.contains("Time to reunification") && !spanish.contains("<main id=\"main\" class=\"wrap\" lang="))
            let spanishList = try await supervisor.get(SiteURL.outcomeChildren.path + "?measure=cohort&start=2024-12-01&end=2025-11-30").body.string
            #expect(spanishList.contains("La cohorte de entrada") && spanishList.contains("Salida del cuidado"))
            var worker = try await Browser.signedIn(app, "caseworker@demo.reunify.test")
            #expect(try await worker.get(SiteURL.outcomes.path).status == .forbidden)
        }
    }
}
