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
        let decision = r.code(CandidateDecision.self, "decision", required: .trcChooseChild)
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
            throw Refusal(.notFound, .trcMatchGone)
        }
        let filed = request.details
        let sought = filed.request.sought.matchRecord(id: "sought", filedOn: filed.filedOn, today: req.today)
        let cases = try await req.allCases(of: candidate.personID)
        let visible = try await req.visibleCases(of: candidate.personID)
        try await req.audit(.view, Request.candidateKind, recordID: recorded.id, caseID: cases.first,
                            .audReviewedMatch, ["name": person.details.fullName, "request": "\(request.id)"])
        var decider: String?
        if let id = candidate.decidedBy { decider = try await UserRepository(req.db).names([id])[id] }
        let view = FormView(form, errors: errors, language: req.language)
        func birth(_ r: MatchRecord) -> String {
            if let b = r.birthDate { return b.text }
            return r.age.map { req.t(.trcAbout, ["age": String($0)]) } ?? "—"
        }
        let sides: [(String, String, String)] = [
            (req.t(.trcNames), ([sought.givenName, sought.familyName].joined(separator: " ") + (sought.otherNames.isEmpty ? "" : "; " + sought.otherNames.joined(separator: "; "))),
             ([registered.givenName, registered.familyName].joined(separator: " ") + (registered.otherNames.isEmpty ? "" : "; " + registered.otherNames.joined(separator: "; ")))),
            (req.t(.trcLatin), NameNormalizer.tokens(of: [sought.givenName, sought.familyName] + sought.otherNames).joined(separator: " "),
             NameNormalizer.tokens(of: [registered.givenName, registered.familyName] + registered.otherNames).joined(separator: " ")),
            (req.t(.trcSex), Sex(sought.sex).staffLabel(req.language), Sex(registered.sex).staffLabel(req.language)),
            (req.t(.trcBirthOrAge), birth(sought), birth(registered)),
            (req.t(.trcPlace), sought.place ?? "—", registered.place ?? "—"),
            (req.t(.trcMother), sought.motherName ?? "—", registered.motherName ?? "—"),
            (req.t(.trcFather), sought.fatherName ?? "—", registered.fatherName ?? "—"),
        ]
        return Layout(title: req.t(.trcReviewTitle), signedIn: req.signedIn,
                      breadcrumbs: [(req.t(.trcTitle), SiteURL.tracing.path), (filed.request.sought.fullName, SiteURL.tracingRequest(request.id).path)]).render(
            .h1(.text(req.t(.trcIsThis))),
            .p(.class("recommendation"), .text(req.t(.trcProbabilityLabel) + " "), .strong(.id("match-probability"), .text(TracingViews.percent(candidate.probability, req.language)))),
            .p(.class("hint"), .text(req.t(.trcScored, ["calibration": Self.calibration(candidate.probability, req.language), "when": Self.stamp(candidate.scoredAt), "engine": candidate.engineVersion]))),
            .table(.class("table compare"), .id("side-by-side"),
                .thead(.tr(.th(.text(req.t(.trcField))), .th(.text(req.t(.trcSoughtBy, ["name": filed.request.inquirer.name]))), .th(.text(req.t(.trcRegistered))))),
                .tbody(.forEach(sides) { row in .tr(.th(.text(row.0)), .td(.text(row.1)), .td(.text(row.2))) })),
            .if(!visible.isEmpty, .p(.a(.href(SiteURL.caseFile(visible.first ?? .any).path), .text(req.t(.trcOpenRegistered))))),
            .h2(.text(req.t(.trcEvidenceHeading))),
            .ul(.class("reasons"), .id("evidence"), .forEach(candidate.evidence.filter { $0.weight != nil }) { e in
                let worded = e.worded(req.language)
                return .li(.attribute(named: "lang", value: worded.language == req.language ? nil : worded.language.tag), .text(worded.text),
                           .unwrap(e.weight) { w in .span(.class("hint"), .text(" " + req.t(.trcWeight, ["weight": LocalFormat.signedDecimal(w, places: 1, req.language)]))) })
            }, .unwrap(MatchEvidence.unrecorded(candidate.evidence, req.language)) { .li(.class("hint"), .text($0)) }),
            candidate.isDecided ? .section(.id("match-decision"),
                .h2(.text(req.t(.trcDecisionIs, ["decision": candidate.decision.staffLabel(req.language)]))),
                .p(.text(req.t(.trcDecidedBy, ["name": decider ?? "—", "when": candidate.decidedAt.map(Self.stamp) ?? "—", "reason": candidate.decisionReason ?? ""])))) :
            .section(.id("match-decision"),
                .h2(.text(req.t(.trcYourDecision))),
                view.errorSummary(),
                .form(.method(.post), .action(SiteURL.candidateDecision(request.id, recorded.id).path), .attribute(named: "novalidate"),
                    csrfField(req.signedIn),
                    view.select("decision", req.t(.trcIsSought), options: [(CandidateDecision.confirmed.rawValue, req.t(.trcYesConfirm)),
                                                                                    (CandidateDecision.rejected.rawValue, req.t(.trcNoReject))]),
                    view.textarea("reason", req.t(.trcWhy), hint: req.t(.trcWhyHint)),
                    .button(.type(.submit), .class("button"), .text(req.t(.trcRecordDecision)))))
        ).with(status: status)
    }

    /// What the probability means, in words: the scores are calibrated.
    static func calibration(_ p: Double, _ language: UILanguage) -> String {
        if p >= 0.995 { return Catalogue.text(.trcNearlyAll, language) }
        if p < 0.01 { return Catalogue.text(.trcAlmostNone, language) }
        return Catalogue.text(.trcInHundred, language, ["n": String(Int((p * 100).rounded()))])
    }

    static func stamp(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return f.string(from: date)
    }
}
