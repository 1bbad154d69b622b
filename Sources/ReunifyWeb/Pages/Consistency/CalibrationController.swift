import Fluent
import Plot
import Vapor
import ReunifyDomain
import ReunifyStore

/// The calibration report: each worker's rating tendencies beside the unit's. Supervisors only.
struct CalibrationController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.calibration.route, use: show)
    }

    /// The report for the supervisor's unit, from completed assessments and reviews of its cases.
    static func report(_ req: Request, actor: Actor) async throws -> (CalibrationReport, Instrument) {
        let caseIDs = Array(try await CaseRepository(req.db).visibleCaseIDs(AccessPolicy().scope(for: actor)))
        let instrument = BundledInstruments.familyStrengthsAndNeeds
        let assessments = try await AssessmentRepository(req.db).completed(inCases: caseIDs).filter { $0.instrumentKey == instrument.key }
        let reviews = try await ReviewRepository(req.db).all(inCases: caseIDs)
        let users = Dictionary(try await UserRepository(req.db).all().map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a })
        var domainRatings: [UUID: [String: [Rating]]] = [:]
        for a in assessments {
            for domain in instrument.domains {
                if let r = a.ratingValues[domain.overallID] { domainRatings[a.assessorID, default: [:]][domain.id, default: []].append(r) }
            }
        }
        var recommendations: [UUID: [Recommendation]] = [:]
        for r in reviews { recommendations[r.reviewerID, default: []].append(r.initial) }
        let workers = Set(domainRatings.keys).union(recommendations.keys).compactMap { id -> CalibrationReport.WorkerInput? in
            guard let user = users[id] else { return nil }
            return .init(id: UserID(id), name: user.name, domainRatings: domainRatings[id] ?? [:], recommendations: recommendations[id] ?? [])
        }
        return (CalibrationReport(workers), instrument)
    }

    func show(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        guard req.policy.maySupervise(signedIn.actor) else {
            throw Refusal(.forbidden, .calForSupervisors)
        }
        let (report, instrument) = try await Self.report(req, actor: signedIn.actor)
        try await req.audit(.view, "calibration", recordID: nil, caseID: nil, .audViewedCalibration)
        return CalibrationView(report: report, instrument: instrument).render(req)
    }
}

struct CalibrationView {
    let report: CalibrationReport
    let instrument: Instrument

    static let colours = ["#1d70b8", "#d4351c", "#00703c", "#4c2c92", "#f47738", "#28a197"]

    func render(_ req: Request) -> Response {
        let ratings = Rating.allCases.sorted(by: >)
        let recommendations = Recommendation.allCases
        let language = req.language
        func t(_ id: Msg, _ values: [String: String] = [:]) -> String { Catalogue.text(id, language, values) }
        func mean(_ value: Double?) -> String { value.map { LocalFormat.signedDecimal($0, places: 2, language) } ?? "—" }
        let (worded, tag) = instrument.worded(language)
        return Layout(title: t(.calTitle), signedIn: req.signedIn).render(
            .h1(.text(t(.calHeading))),
            .p(.class("hint"), .text(t(.calHint, ["instrument": worded.title,
                                                   "distance": LocalFormat.decimal(report.settings.flagDistance, places: 1, language)]))),
            .table(.class("table"),
                .thead(.tr(.th(.text(t(.calWorker))), .th(.text(t(.calRatings))), .th(.text(t(.calMean))), .th(.text(t(.calAgainst))),
                           .th(.text(t(.calTendency))))),
                .tbody(
                    .forEach(report.workers) { w in
                        .tr(.td(.text(w.name)), .td(.text(String(w.ratingCount))), .td(.text(mean(w.mean))), .td(.text(mean(w.lean))),
                            .td(.span(.class(w.tendency == .inLine || w.tendency == .tooFewRatings ? "" : "tag warn"), .text(w.tendency.label(language)))))
                    },
                    .tr(.class("unit"), .th(.text(t(.calUnit))), .td(.text(String(report.unitDistribution.values.reduce(0, +)))), .td(.text(mean(report.unitMean))),
                        .td(""), .td("")))),
            .h2(.text(t(.calPerDomain))),
            .raw(plot(worded, lang: tag == language.tag ? nil : tag, language)),
            .h2(.text(t(.calDistribution))),
            .table(.class("table"),
                .thead(.tr(.th(.text(t(.calWorker))), .forEach(ratings) { .th(.text($0.signed)) })),
                .tbody(.forEach(report.workers) { w in
                    .tr(.td(.text(w.name)), .forEach(ratings) { r in .td(.text(percent(w.distribution[r] ?? 0, of: w.ratingCount))) })
                }, .tr(.th(.text(t(.calUnit))), .forEach(ratings) { r in
                    .td(.text(percent(report.unitDistribution[r] ?? 0, of: report.unitDistribution.values.reduce(0, +))))
                }))),
            .h2(.text(t(.calRecommendations))),
            .table(.class("table"),
                .thead(.tr(.th(.text(t(.calWorker))), .forEach(recommendations) { .th(.text($0.staffLabel(language))) })),
                .tbody(.forEach(report.workers) { w in
                    let total = w.recommendations.values.reduce(0, +)
                    return .tr(.td(.text(w.name)), .forEach(recommendations) { r in .td(.text(percent(w.recommendations[r] ?? 0, of: total))) })
                }, .tr(.th(.text(t(.calUnit))), .forEach(recommendations) { r in
                    .td(.text(percent(report.unitRecommendations[r] ?? 0, of: report.unitRecommendations.values.reduce(0, +))))
                })))
        )
    }

    func percent(_ n: Int, of total: Int) -> String {
        total == 0 ? "—" : "\(Int((Double(n) / Double(total) * 100).rounded()))%"
    }

    /// A dot plot: one row per domain on the −3…+2 scale, the unit's mean as a bar, each worker's mean as a dot.
    /// `lang` marks the domains' titles when the instrument has no wording in the page's language.
    func plot(_ instrument: Instrument, lang: String?, _ language: UILanguage) -> String {
        func t(_ id: Msg, _ values: [String: String] = [:]) -> String { Catalogue.text(id, language, values) }
        let left = 270.0, width = 440.0, row = 30.0, top = 40.0
        let height = top + row * Double(instrument.domains.count) + 50
        func x(_ v: Double) -> Double { left + (v + 3) / 5 * width }
        func esc(_ s: String) -> String { s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;") }
        var svg = #"<svg class="plot" role="img" viewBox="0 0 \#(Int(left + width + 40)) \#(Int(height))" xmlns="http://www.w3.org/2000/svg" font-family="system-ui,sans-serif" font-size="12">"#
        svg += "<title>\(esc(t(.calPlotTitle)))</title>"
        for v in -3...2 {
            svg += #"<line x1="\#(x(Double(v)))" y1="\#(top - 10)" x2="\#(x(Double(v)))" y2="\#(top + row * Double(instrument.domains.count))" stroke="\#(v == 0 ? "#505a5f" : "#dddddd")"/>"#
            svg += #"<text x="\#(x(Double(v)))" y="\#(top - 16)" text-anchor="middle">\#(Rating(rawValue: v)!.signed)</text>"#
        }
        for (i, domain) in instrument.domains.enumerated() {
            let y = top + row * Double(i) + row / 2
            svg += #"<text x="\#(left - 10)" y="\#(y + 4)" text-anchor="end"\#(lang.map { " lang=\"\($0)\"" } ?? "")>\#(esc(domain.title))</text>"#
            if let unit = report.unitDomainMeans[domain.id] {
                svg += #"<rect x="\#(x(unit) - 2)" y="\#(y - 10)" width="4" height="20" fill="rgb(11,12,12)"><title>\#(esc(t(.calUnitMean, ["mean": LocalFormat.signedDecimal(unit, places: 2, language)])))</title></rect>"#
            }
            for (j, w) in report.workers.enumerated() {
                guard let m = w.domainMeans[domain.id] else { continue }
                svg += #"<circle cx="\#(x(m))" cy="\#(y)" r="6" fill="\#(Self.colours[j % Self.colours.count])" fill-opacity="0.85"><title>\#(esc(w.name)) \#(LocalFormat.signedDecimal(m, places: 2, language))</title></circle>"#
            }
        }
        var lx = left
        let ly = height - 18
        svg += #"<rect x="\#(lx)" y="\#(ly - 9)" width="4" height="14" fill="rgb(11,12,12)"/><text x="\#(lx + 10)" y="\#(ly + 2)">\#(esc(t(.calUnit)))</text>"#
        lx += 60
        for (j, w) in report.workers.enumerated() {
            svg += #"<circle cx="\#(lx)" cy="\#(ly - 2)" r="6" fill="\#(Self.colours[j % Self.colours.count])"/><text x="\#(lx + 10)" y="\#(ly + 2)">\#(esc(w.name))</text>"#
            lx += 30 + Double(w.name.count) * 7
        }
        return svg + "</svg>"
    }
}
