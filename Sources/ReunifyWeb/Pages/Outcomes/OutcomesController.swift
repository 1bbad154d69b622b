import Fluent
import Foundation
import Plot
import Vapor
import ReunifyDomain
import ReunifyStore

/// How the children of a unit (a supervisor's) or the agency (an administrator's) fare: P1, P4 and P5 with their
/// numerators and denominators, and the time to reunification drawn as a Kaplan–Meier curve; each count lists the
/// children it counts for those who may see their cases.
struct OutcomesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.outcomes.route, use: show)
        routes.get(SiteURL.outcomeChildren.route, use: children)
    }

    static func mayRead(_ actor: Actor) -> Bool { AccessPolicy().outcomesScope(actor, requested: nil) != nil }

    /// The children a figure counts, by name.
    enum Counted: String, CaseIterable {
        case cohort, p1, p4Denominator = "p4-denominator", p4
        var label: String {
            switch self {
            case .cohort: "The entry cohort"
            case .p1: "Permanent within 12 months (P1)"
            case .p4Denominator: "Went home, to relatives or a guardian within 12 months (P4's denominator)"
            case .p4: "Came back into care within 12 months of leaving (P4)"
            }
        }
        func children(_ f: OutcomeFigures) -> Set<UUID> {
            switch self {
            case .cohort: Set(f.cohort.map(\.childID))
            case .p1: f.p1Children
            case .p4Denominator: f.p4Denominator
            case .p4: f.p4Children
            }
        }
    }

    func query(_ m: OutcomeMeasures, _ scope: OutcomesScope, admin: Bool) -> String {
        "start=\(m.start.iso)&end=\(m.end.iso)" + (admin ? scope.unit.map { "&unit=\($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" } ?? "" : "")
    }

    func show(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let scope = try req.outcomesScope()
        let measures = try req.outcomePeriod(required: false)
        let f = try await req.outcomeFigures(measures, scope: scope)
        let admin = signedIn.actor.role == .administrator
        let q = query(measures, scope, admin: admin)
        func percent(_ r: OutcomeRate) -> String { r.rate.map { String(format: "%.1f%%", $0 * 100) } ?? "—" }
        func link(_ n: Int, _ c: Counted) -> Node<HTML.BodyContext> {
            .a(.href(SiteURL.outcomeChildren.path + "?measure=\(c.rawValue)&" + q), .text(String(n)),
               .span(.class("visually-hidden"), .text(": list \(c.label.lowercased())")))
        }
        let k = f.timeToReunification
        let form = FormView(FormData(values: ["start": [measures.start.iso], "end": [measures.end.iso], "unit": [scope.unit ?? ""]]))
        return Layout(title: "Outcomes", signedIn: req.signedIn).render(
            .h1(.text("How the children fare: \(scope.unit ?? "the agency")")),
            .form(.method(.get), .action(SiteURL.outcomes.path), .class("filters"),
                form.text("start", "Period from (YYYY-MM-DD)", width: "w10"),
                form.text("end", "to (YYYY-MM-DD)", width: "w10"),
                .if(admin, form.text("unit", "Unit (empty for the agency)")),
                .button(.type(.submit), .class("button secondary"), "Show")),
            .p(.class("hint"), .text("Children who entered care from \(measures.start.iso) to \(measures.end.iso) (their first removal in the period; "
                + "stays under 8 days and youth of 18 or older left out), followed to \(req.today.iso). Definitions as the federal "
                + "Child and Family Services Reviews measure them.")),
            .table(.class("table"), .id("outcomes"),
                .thead(.tr(.th("Measure"), .th("Counted"), .th("Of"), .th("Rate"), .th("Definition"))),
                .tbody(
                    .tr(.id("p1"), .th("Permanency in 12 months (P1)"), .td(link(f.p1.numerator, .p1)), .td(link(f.p1.denominator, .cohort)),
                        .td(.text(percent(f.p1))),
                        .td("Discharged to reunification, relatives, guardianship or adoption before the 12-month anniversary of removal and before 18 (a closing trial home visit counts 30 days)")),
                    .tr(.id("p4"), .th("Re-entry in 12 months (P4)"), .td(link(f.p4.numerator, .p4)), .td(link(f.p4.denominator, .p4Denominator)),
                        .td(.text(percent(f.p4))),
                        .td("Of those discharged within 12 months to reunification, relatives or guardianship: removed again before the anniversary of leaving")),
                    .tr(.id("p5"), .th("Placement stability (P5)"), .td(.text("\(f.p5.moves) moves")), .td(.text("\(f.p5.days) days")),
                        .td(.text(f.p5.ratePer1000Days.map { String(format: "%.2f per 1 000 days", $0) } ?? "—")),
                        .td("Moves after the first placement (trial home visits and runaways not counted), to discharge or the period's end")))),
            .h2("Time to reunification"),
            .p(.text("Median: \(k.medianDays.map { "\($0) days" } ?? "not reached"). Reunified by 12 months: \(String(format: "%.1f%%", k.reunifiedBy12Months * 100)). "
                + "Other exits are censored at discharge, children still in care at \(req.today.iso).")),
            .raw(Self.curve(k)),
            .p(.a(.href("/api/v1/exports/episodes.csv" + (admin ? scope.unit.map { "?unit=\($0)" } ?? "" : "")), "Episodes (CSV)"), .text(" · "),
               .a(.href("/api/v1/exports/placements.csv" + (admin ? scope.unit.map { "?unit=\($0)" } ?? "" : "")), "Placements (CSV)")))
    }

    /// The Kaplan–Meier curve as an SVG step chart: days from removal across, the share not yet reunified up.
    static func curve(_ k: TimeToReunification) -> String {
        let width = 640.0, height = 260.0, left = 48.0, bottom = 32.0, top = 12.0, right = 16.0
        let maxDay = max(Double(k.curve.last?.day ?? 0), 730)
        func x(_ d: Double) -> Double { left + d / maxDay * (width - left - right) }
        func y(_ s: Double) -> Double { top + (1 - s) * (height - top - bottom) }
        var path = "M\(x(0)),\(y(1))"
        for p in k.curve.dropFirst() {
            path += " H\(String(format: "%.1f", x(Double(p.day)))) V\(String(format: "%.1f", y(p.stillInCare)))"
        }
        path += " H\(x(maxDay))"
        var ticks = ""
        for d in stride(from: 0, through: Int(maxDay), by: 180) {
            ticks += "<line x1=\"\(x(Double(d)))\" y1=\"\(y(0))\" x2=\"\(x(Double(d)))\" y2=\"\(y(0) + 4)\" stroke=\"#505a5f\"/>"
            ticks += "<text x=\"\(x(Double(d)))\" y=\"\(y(0) + 18)\" text-anchor=\"middle\" font-size=\"12\">\(d)</text>"
        }
        for s in [0.0, 0.5, 1.0] {
            ticks += "<text x=\"\(left - 6)\" y=\"\(y(s) + 4)\" text-anchor=\"end\" font-size=\"12\">\(Int(s * 100))%</text>"
        }
        let median = k.medianDays.map { "<line x1=\"\(x(Double($0)))\" y1=\"\(y(1))\" x2=\"\(x(Double($0)))\" y2=\"\(y(0))\" stroke=\"#d4351c\" stroke-dasharray=\"4 3\"/>" } ?? ""
        let year = "<line x1=\"\(x(365))\" y1=\"\(y(1))\" x2=\"\(x(365))\" y2=\"\(y(0))\" stroke=\"#505a5f\" stroke-dasharray=\"2 3\"/>"
        let summary = "Share of children not yet reunified by days since removal; median \(k.medianDays.map { "\($0) days" } ?? "not reached"), "
            + "\(String(format: "%.0f", k.reunifiedBy12Months * 100)) percent reunified by 12 months"
        return """
        <svg role="img" aria-labelledby="km-title" viewBox="0 0 \(Int(width)) \(Int(height))" width="100%" style="max-width:\(Int(width))px" id="km-curve">\
        <title id="km-title">\(summary)</title>\
        <line x1="\(left)" y1="\(y(0))" x2="\(width - right)" y2="\(y(0))" stroke="#505a5f"/>\
        <line x1="\(left)" y1="\(y(0))" x2="\(left)" y2="\(y(1))" stroke="#505a5f"/>\(ticks)\(year)\(median)\
        <path d="\(path)" fill="none" stroke="#1d70b8" stroke-width="2.5"/>\
        <text x="\(width / 2)" y="\(height - 2)" text-anchor="middle" font-size="12">Days since removal</text></svg>
        """
    }

    func children(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let scope = try req.outcomesScope()
        let measures = try req.outcomePeriod(required: false)
        guard let counted = Counted(rawValue: (try? req.query.get(String.self, at: "measure")) ?? "") else {
            throw Abort(.badRequest, reason: "Say which count to list: " + Counted.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let f = try await req.outcomeFigures(measures, scope: scope)
        let ids = counted.children(f)
        let episodes = f.cohort.filter { ids.contains($0.childID) }
        // Only the children whose cases the reader may open are named.
        let visible = try await CaseRepository(req.db).visibleCaseIDs(req.policy.scope(for: signedIn.actor))
        let shown = episodes.filter { $0.caseID.map { visible.contains(CaseID($0)) } ?? false }
        let people = Dictionary(try await PersonRepository(req.db).find(shown.map(\.childID)).map { ($0.id!, $0.details.fullName) }, uniquingKeysWith: { a, _ in a })
        try await req.audit(.view, "outcomes", recordID: nil, caseID: nil, "listed the children counted: \(counted.label) (\(shown.count) named)")
        return Layout(title: counted.label, signedIn: req.signedIn, breadcrumbs: [("Outcomes", SiteURL.outcomes.path + "?" + query(measures, scope, admin: signedIn.actor.role == .administrator))]).render(
            .h1(.text(counted.label)),
            .p(.class("hint"), .text("\(ids.count) children; removed from \(measures.start.iso) to \(measures.end.iso).")),
            .if(shown.count < episodes.count, .p(.text("\(episodes.count - shown.count) of them are in cases you cannot open, and are not named."))),
            shown.isEmpty ? .p("No child to name.") :
            .table(.class("table"),
                .thead(.tr(.th("Child"), .th("Removed"), .th("Left care"), .th("Reason"))),
                .tbody(.forEach(shown) { e in
                    .tr(.td(.a(.href(SiteURL.caseFile(CaseID(e.caseID!)).path), .text(people[e.childID] ?? "Unknown"))),
                        .td(.text(e.removal.iso)), .td(.text(e.discharge?.iso ?? "In care")), .td(.text(e.reason?.label ?? "")))
                })))
    }
}
