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
        var message: Msg {
            switch self {
            case .cohort: .countedCohort
            case .p1: .countedP1
            case .p4Denominator: .countedP4Denominator
            case .p4: .countedP4
            }
        }
        func label(_ language: UILanguage) -> String { Catalogue.text(message, language) }
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
        let language = req.language
        func t(_ id: Msg, _ values: [String: String] = [:]) -> String { req.t(id, values) }
        func percent(_ value: Double, digits: Int = 1) -> String { t(.outcomesPercent, ["value": String(format: "%.\(digits)f", value * 100)]) }
        func rate(_ r: OutcomeRate) -> String { r.rate.map { percent($0) } ?? "—" }
        func link(_ n: Int, _ c: Counted) -> Node<HTML.BodyContext> {
            .a(.href(SiteURL.outcomeChildren.path + "?measure=\(c.rawValue)&" + q), .text(String(n)),
               .span(.class("visually-hidden"), .text(t(.outcomesList, ["what": c.label(language).lowercased()]))))
        }
        let k = f.timeToReunification
        let median = k.medianDays.map { t(.caseDays, ["count": LocalFormat.number($0, language)]) } ?? t(.outcomesNotReached)
        let form = FormView(FormData(values: ["start": [measures.start.iso], "end": [measures.end.iso], "unit": [scope.unit ?? ""]]), language: language)
        return Layout(title: t(.outcomesTitle), signedIn: req.signedIn).render(
            .h1(.text(t(.outcomesHeading, ["scope": scope.unit ?? t(.reportTheAgency)]))),
            .form(.method(.get), .action(SiteURL.outcomes.path), .class("filters"),
                form.text("start", t(.outcomesFrom), width: "w10"),
                form.text("end", t(.outcomesTo), width: "w10"),
                .if(admin, form.text("unit", t(.outcomesUnit))),
                .button(.type(.submit), .class("button secondary"), .text(t(.caseloadShow)))),
            .p(.class("hint"), .text(t(.outcomesHint, ["start": measures.start.iso, "end": measures.end.iso, "today": req.today.iso]))),
            .table(.class("table"), .id("outcomes"),
                .thead(.tr(.th(.text(t(.outcomesMeasure))), .th(.text(t(.outcomesCounted))), .th(.text(t(.outcomesOf))), .th(.text(t(.outcomesRate))),
                           .th(.text(t(.outcomesDefinition))))),
                .tbody(
                    .tr(.id("p1"), .th(.text(t(.outcomesP1))), .td(link(f.p1.numerator, .p1)), .td(link(f.p1.denominator, .cohort)),
                        .td(.text(rate(f.p1))), .td(.text(t(.outcomesP1Definition)))),
                    .tr(.id("p4"), .th(.text(t(.outcomesP4))), .td(link(f.p4.numerator, .p4)), .td(link(f.p4.denominator, .p4Denominator)),
                        .td(.text(rate(f.p4))), .td(.text(t(.outcomesP4Definition)))),
                    .tr(.id("p5"), .th(.text(t(.outcomesP5))), .td(.text(t(.outcomesMoves, ["count": LocalFormat.number(f.p5.moves, language)]))),
                        .td(.text(t(.caseDays, ["count": LocalFormat.number(f.p5.days, language)]))),
                        .td(.text(f.p5.ratePer1000Days.map { t(.outcomesPer1000, ["rate": String(format: "%.2f", $0)]) } ?? "—")),
                        .td(.text(t(.outcomesP5Definition)))))),
            .h2(.text(t(.outcomesTimeHeading))),
            .p(.text(t(.outcomesTimeLine, ["median": median, "percent": percent(k.reunifiedBy12Months), "today": req.today.iso]))),
            .raw(Self.curve(k, language)),
            .p(.a(.href("/api/v1/exports/episodes.csv" + (admin ? scope.unit.map { "?unit=\($0)" } ?? "" : "")), .text(t(.outcomesEpisodesCSV))), .text(" · "),
               .a(.href("/api/v1/exports/placements.csv" + (admin ? scope.unit.map { "?unit=\($0)" } ?? "" : "")), .text(t(.outcomesPlacementsCSV)))))
    }

    /// The Kaplan–Meier curve as an SVG step chart: days from removal across, the share not yet reunified up.
    static func curve(_ k: TimeToReunification, _ language: UILanguage = .english) -> String {
        func t(_ id: Msg, _ values: [String: String] = [:]) -> String { Catalogue.text(id, language, values) }
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
        let summary = t(.outcomesCurveSummary, ["median": k.medianDays.map { t(.caseDays, ["count": LocalFormat.number($0, language)]) } ?? t(.outcomesNotReached),
                                                "percent": String(format: "%.0f", k.reunifiedBy12Months * 100)])
        return """
        <svg role="img" aria-labelledby="km-title" viewBox="0 0 \(Int(width)) \(Int(height))" width="100%" style="max-width:\(Int(width))px" id="km-curve">\
        <title id="km-title">\(summary)</title>\
        <line x1="\(left)" y1="\(y(0))" x2="\(width - right)" y2="\(y(0))" stroke="#505a5f"/>\
        <line x1="\(left)" y1="\(y(0))" x2="\(left)" y2="\(y(1))" stroke="#505a5f"/>\(ticks)\(year)\(median)\
        <path d="\(path)" fill="none" stroke="#1d70b8" stroke-width="2.5"/>\
        <text x="\(width / 2)" y="\(height - 2)" text-anchor="middle" font-size="12">\(t(.outcomesCurveAxis))</text></svg>
        """
    }

    func children(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let scope = try req.outcomesScope()
        let measures = try req.outcomePeriod(required: false)
        guard let counted = Counted(rawValue: (try? req.query.get(String.self, at: "measure")) ?? "") else {
            throw Refusal(.badRequest, .refWhichCount, ["counts": Counted.allCases.map(\.rawValue).joined(separator: ", ")])
        }
        let f = try await req.outcomeFigures(measures, scope: scope)
        let ids = counted.children(f)
        let episodes = f.cohort.filter { ids.contains($0.childID) }
        // Only the children whose cases the reader may open are named.
        let visible = try await CaseRepository(req.db).visibleCaseIDs(req.policy.scope(for: signedIn.actor))
        let shown = episodes.filter { $0.caseID.map { visible.contains(CaseID($0)) } ?? false }
        let people = Dictionary(try await PersonRepository(req.db).find(shown.map(\.childID)).map { ($0.id!, $0.details.fullName) }, uniquingKeysWith: { a, _ in a })
        try await req.audit(.view, "outcomes", recordID: nil, caseID: nil, .audListedCounted, ["count": "\(shown.count)"], each: { ["measure": counted.label($0)] })
        let language = req.language
        func t(_ id: Msg, _ values: [String: String] = [:]) -> String { req.t(id, values) }
        let title = counted.label(language)
        return Layout(title: title, signedIn: req.signedIn, breadcrumbs: [(t(.outcomesTitle), SiteURL.outcomes.path + "?" + query(measures, scope, admin: signedIn.actor.role == .administrator))]).render(
            .h1(.text(title)),
            .p(.class("hint"), .text(t(.outcomesChildrenCount, ["count": LocalFormat.number(ids.count, language), "start": measures.start.iso, "end": measures.end.iso]))),
            .if(shown.count < episodes.count, .p(.text(t(.outcomesChildrenHidden, ["count": LocalFormat.number(episodes.count - shown.count, language)])))),
            shown.isEmpty ? .p(.text(t(.outcomesChildrenNone))) :
            .table(.class("table"),
                .thead(.tr(.th(.text(t(.columnChild))), .th(.text(t(.outcomesRemoved))), .th(.text(t(.outcomesLeftCare))), .th(.text(t(.decisionReason))))),
                .tbody(.forEach(shown) { e in
                    .tr(.td(.a(.href(SiteURL.caseFile(CaseID(e.caseID!)).path), .text(people[e.childID] ?? t(.membersUnknown)))),
                        .td(.text(e.removal.iso)), .td(.text(e.discharge?.iso ?? t(.episodeInCare))), .td(.text(e.reason?.staffLabel(language) ?? "")))
                })))
    }
}
