import Plot
import Vapor
import ReunifyDomain
import ReunifyStore
import ReunifyMatching

/// One proposed match: the sought child and the registered child side by side, the evidence per field in words,
/// and the decision (confirm or reject, with who and why).
struct MatchReviewController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.candidate(.any, .any).route, use: review)
        routes.post(SiteURL.candidateDecision(.any, .any).route, use: decide)
    }

    func review(req: Request) async throws -> Response {
        try await req.requireTracer(.read, .matchCandidate)
        let request = try await req.tracingRequestParameter().record
        let candidate = try await req.candidateParameter(of: request.id)
        return try await page(req, request, candidate, FormData(), [])
    }

    func decide(req: Request) async throws -> Response {
        try await req.requireTracer(.update, .matchCandidate)
        let request = try await req.tracingRequestParameter().record
        let candidate = try await req.candidateParameter(of: request.id)
        let form = FormData(req)
        var r = FormReader(form)
        let decision = r.code(CandidateDecision.self, "decision", required: "Choose whether this is the child")
        guard let decision else { return try await page(req, request, candidate, form, r.errors, status: .unprocessableEntity) }
        do {
            _ = try await req.tracing().decide(candidate.id, of: request.id, decision, reason: form.string("reason"))
        } catch let failure as ValidationFailure {
            return try await page(req, request, candidate, form, failure.errors, status: .unprocessableEntity)
        }
        return req.redirect(to: SiteURL.tracingRequest(request.id).path)
    }

    func page(_ req: Request, _ request: Recorded<TracingRequestSubject, TracingRecord>, _ recorded: Recorded<CandidateSubject, CandidateRecord>,
              _ form: FormData, _ errors: [FieldError], status: HTTPResponseStatus = .ok) async throws -> Response {
        let candidate = recorded.details
        guard let person = try await PersonRepository(req.db).find(candidate.personID),
              let (_, registered) = try await TracingRegistry(req.db).records([person]).first else {
            throw Abort(.notFound, reason: "The registered child of this match is no longer recorded")
        }
        let filed = request.details
        let sought = filed.request.sought.matchRecord(id: "sought", filedOn: filed.filedOn, today: req.today)
        let cases = try await req.allCases(of: candidate.personID)
        let visible = try await req.visibleCases(of: candidate.personID)
        try await req.audit(.view, Request.candidateKind, recordID: recorded.id, caseID: cases.first,
                            "reviewed the match of \(person.details.fullName) with tracing request \(request.id)")
        var decider: String?
        if let id = candidate.decidedBy { decider = try await UserRepository(req.db).names([id])[id] }
        let view = FormView(form, errors: errors)
        func birth(_ r: MatchRecord) -> String {
            if let b = r.birthDate { return b.text }
            return r.age.map { "about \($0) years old" } ?? "—"
        }
        let sides: [(String, String, String)] = [
            ("Names", ([sought.givenName, sought.familyName].joined(separator: " ") + (sought.otherNames.isEmpty ? "" : "; " + sought.otherNames.joined(separator: "; "))),
             ([registered.givenName, registered.familyName].joined(separator: " ") + (registered.otherNames.isEmpty ? "" : "; " + registered.otherNames.joined(separator: "; ")))),
            ("Names in Latin letters", NameNormalizer.tokens(of: [sought.givenName, sought.familyName] + sought.otherNames).joined(separator: " "),
             NameNormalizer.tokens(of: [registered.givenName, registered.familyName] + registered.otherNames).joined(separator: " ")),
            ("Sex", Sex(sought.sex).label, Sex(registered.sex).label),
            ("Birth date or age", birth(sought), birth(registered)),
            ("Place", sought.place ?? "—", registered.place ?? "—"),
            ("Mother", sought.motherName ?? "—", registered.motherName ?? "—"),
            ("Father", sought.fatherName ?? "—", registered.fatherName ?? "—"),
        ]
        return Layout(title: "Review a match", signedIn: req.signedIn,
                      breadcrumbs: [("Tracing", SiteURL.tracing.path), (filed.request.sought.fullName, SiteURL.tracingRequest(request.id).path)]).render(
            .h1("Is this the child?"),
            .p(.class("recommendation"), .text("Match probability: "), .strong(.id("match-probability"), .text(TracingViews.percent(candidate.probability)))),
            .p(.class("hint"), .text("\(Self.calibration(candidate.probability)) Scored \(Self.stamp(candidate.scoredAt)) by \(candidate.engineVersion); scores are renewed whenever either record changes.")),
            .table(.class("table compare"), .id("side-by-side"),
                .thead(.tr(.th("Field"), .th(.text("Sought by \(filed.request.inquirer.name)")), .th("Registered child"))),
                .tbody(.forEach(sides) { row in .tr(.th(.text(row.0)), .td(.text(row.1)), .td(.text(row.2))) })),
            .if(!visible.isEmpty, .p(.a(.href(SiteURL.caseFile(visible.first ?? .any).path), "Open the registered child's case"))),
            .h2("The evidence, field by field"),
            .ul(.class("reasons"), .id("evidence"), .forEach(candidate.evidence.filter { $0.weight != nil }) { e in
                .li(.text(e.sentence), .unwrap(e.weight) { w in .span(.class("hint"), .text(" (weight \(String(format: "%+.1f", w)))")) })
            }, .unwrap(MatchEvidence.unrecorded(candidate.evidence)) { .li(.class("hint"), .text($0)) }),
            candidate.isDecided ? .section(.id("match-decision"),
                .h2(.text("Decision: \(candidate.decision.label)")),
                .p(.text("By \(decider ?? "—") on \(candidate.decidedAt.map(Self.stamp) ?? "—"): \(candidate.decisionReason ?? "")"))) :
            .section(.id("match-decision"),
                .h2("Your decision"),
                view.errorSummary(),
                .form(.method(.post), .action(SiteURL.candidateDecision(request.id, recorded.id).path), .attribute(named: "novalidate"),
                    csrfField(req.signedIn),
                    view.select("decision", "Is this the child sought?", options: [(CandidateDecision.confirmed.rawValue, "Yes — confirm the match"),
                                                                                    (CandidateDecision.rejected.rawValue, "No — reject the match")]),
                    view.textarea("reason", "Why", hint: "What in the records or interviews decides it. Confirming links the request to the child and starts verification."),
                    .button(.type(.submit), .class("button"), "Record the decision")))
        ).with(status: status)
    }

    /// What the probability means, in words: the scores are calibrated.
    static func calibration(_ p: Double) -> String {
        if p >= 0.995 { return "Nearly every match scored like this proves true." }
        if p < 0.01 { return "Almost no match scored like this proves true." }
        return "About \(Int((p * 100).rounded())) in 100 matches scored like this prove true."
    }

    static func stamp(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return f.string(from: date)
    }
}
