import Fluent
import Plot
import Vapor
import ReunifyDomain
import ReunifyStore

/// Running a reunification review and reading its explained recommendation.
struct ReviewPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.newReview(.any).route, use: newForm)
        routes.post(SiteURL.newReview(.any).route, use: create)
        routes.get(SiteURL.review(.any, .any).route, use: show)
        routes.post(SiteURL.overrideReview(.any, .any).route, use: override)
        routes.post(SiteURL.approveReview(.any, .any).route, use: approve)
    }

    func overview(_ req: Request, _ action: AccessAction) async throws -> CaseOverview {
        let caseID = try req.caseIDParameter()
        try await req.authorize(action, .reunificationReview, caseID: caseID)
        guard let overview = try await CaseRepository(req.db).overview(caseID) else { throw Request.noSuchCase }
        return overview
    }

    /// Children in care with reunification among their goals.
    func reviewable(_ o: CaseOverview) -> [(String, String)] {
        o.episodes.filter { $0.episode.details.dischargeDate == nil }.compactMap { e in
            let goal = o.goals.first { $0.details.childID == e.episode.details.childID }?.details
            guard goal?.includesReunification == true else { return nil }
            return (e.episode.details.childID.description, e.childName)
        }
    }

    func crumbs(_ o: CaseOverview) -> [(String, String)] {
        [("Caseload", SiteURL.caseload.path), (o.caseFile.details.familyName, SiteURL.caseFile(o.caseID).path)]
    }

    /// The evidence beside the caregiver-progress question: each objective of the plan in force, its attendance and the
    /// latest progress noted, and the referrals' status. Attendance is shown, but the question asks about changed behaviour.
    func planEvidence(_ req: Request, _ o: CaseOverview) async throws -> [String] {
        let actor = try req.requireSignedIn().actor
        guard let facts = try await CaseRepository(req.db).facts(o.caseID),
              let plan = o.plans.last(where: { $0.details.status(on: req.today) == .active }) else { return [] }
        let records = ServiceRecordsRepository(req.db)
        let sessions = req.policy.decide(actor, .read, .serviceSession, in: facts).isAllowed ? try await records.sessions(in: o.caseID).map(\.session.details) : []
        let access = try await ReferralAccess(req)
        let referrals = req.policy.decide(actor, .read, .referral, in: facts).isAllowed
            ? try await records.referrals(in: o.caseID).asyncFilter { try await access.mayRead($0, caseID: o.caseID, facts: facts) } : []
        var lines: [String] = []
        for objective in plan.details.objectives {
            let noted = sessions.filter { $0.progress.contains { $0.objectiveID == objective.id } }.sorted { $0.date < $1.date }
            let latest = noted.last?.progress.first { $0.objectiveID == objective.id }
            lines.append("\(objective.statement) (target \(objective.targetDate.iso)): \(latest.map { "latest progress \(noted.last!.date.iso): \($0.note)" } ?? "no progress noted yet")")
        }
        if let rate = SessionRules.attendanceRate(sessions) {
            lines.append("Attendance at recorded sessions: \(Int((rate * 100).rounded()))% of \(sessions.flatMap(\.participants).count) expected")
        }
        for r in referrals {
            lines.append("Referral of \(o.name(r.details.personID)) to \(r.details.category.label.lowercased()): \(r.details.status.label.lowercased())")
        }
        return lines
    }

    func page(_ req: Request, _ o: CaseOverview, _ form: FormData, _ errors: [FieldError], evidence: [String] = [],
              status: HTTPResponseStatus = .ok) -> Response {
        let view = FormView(form, errors: errors)
        return RecordFormPage(title: "Reunification review", action: SiteURL.newReview(o.caseID).path,
                              cancel: SiteURL.caseFile(o.caseID).path, submitLabel: "See the recommendation", view: view,
                              fields: ReviewForm.fields(view, children: reviewable(o), evidence: evidence), breadcrumbs: crumbs(o)).render(req, status: status)
    }

    func newForm(req: Request) async throws -> Response {
        let o = try await overview(req, .create)
        guard !reviewable(o).isEmpty else {
            throw Abort(.unprocessableEntity, reason: "No child in this case is in care with reunification among their goals")
        }
        var form = FormData()
        form.set("risk.newSubstantiatedReport", "no")
        return page(req, o, form, [], evidence: try await planEvidence(req, o))
    }

    func create(req: Request) async throws -> Response {
        let o = try await overview(req, .create)
        let form = FormData(req)
        guard let childID = UUID(uuidString: form.string("childId")) else {
            return page(req, o, form, [FieldError("childId", "Choose the child this review is for")], evidence: try await planEvidence(req, o),
                        status: .unprocessableEntity)
        }
        do {
            let model = try await ReviewCommands(req.change()).run(for: PersonID(childID), in: o.caseID) { months in
                try ReviewForm.read(form, monthsInCare: months)
            }
            return req.redirect(to: SiteURL.review(o.caseID, model.typedID).path)
        } catch let failure as ValidationFailure {
            return page(req, o, form, failure.errors, evidence: try await planEvidence(req, o), status: .unprocessableEntity)
        }
    }

    func review(_ req: Request, _ o: CaseOverview) async throws -> Recorded<ReviewSubject, ReviewRecord> {
        let id: ReviewID = try req.idParameter("reviewID", "review")
        guard let model = try await ReviewRepository(req.db).find(id, in: o.caseID) else {
            throw Abort(.notFound, reason: "There is no such review in this case")
        }
        return model.recorded
    }

    func show(req: Request) async throws -> Response {
        let o = try await overview(req, .read)
        let model = try await review(req, o)
        try await req.audit(.view, .reunificationReview, recordID: model.id, caseID: o.caseFile.id, "viewed a reunification review")
        let names = try await UserRepository(req.db).names([model.details.reviewerID] + [model.details.overrideBy].compactMap { $0 })
        return ReviewView(overview: o, review: model, names: names, mayOverride: req.policy.maySupervise(try req.requireSignedIn().actor),
                          form: FormView(), crumbs: crumbs(o)).render(req)
    }

    func approve(req: Request) async throws -> Response {
        let o = try await overview(req, .update)
        let model = try await review(req, o)
        _ = try await ReviewCommands(req.change()).approve(model.id, in: o.caseID, expectedVersion: FormReader(FormData(req)).version)
        return req.redirect(to: SiteURL.review(o.caseID, model.id).path)
    }

    func override(req: Request) async throws -> Response {
        let o = try await overview(req, .update)
        let model = try await review(req, o)
        let form = FormData(req)
        var reader = FormReader(form)
        let recommendation = reader.code(Recommendation.self, "recommendation", required: "Choose the final recommendation")
        var errors = reader.errors
        if let recommendation, errors.isEmpty {
            do {
                _ = try await ReviewCommands(req.change()).override(model.id, in: o.caseID, to: recommendation,
                                                                    reason: form.string("reason"), expectedVersion: reader.version)
                return req.redirect(to: SiteURL.review(o.caseID, model.id).path)
            } catch let failure as ValidationFailure {
                errors = failure.errors
            } catch StoreError.versionConflict {
                errors = [FieldError("recommendation", "Someone else changed this review meanwhile; reload the page")]
            }
        }
        let names = try await UserRepository(req.db).names([model.details.reviewerID] + [model.details.overrideBy].compactMap { $0 })
        return ReviewView(overview: o, review: model, names: names, mayOverride: true, form: FormView(form, errors: errors), crumbs: crumbs(o))
            .render(req).with(status: .unprocessableEntity)
    }
}

/// A review's explained recommendation: the decision, the reasons, the inputs, and any override.
struct ReviewView {
    let overview: CaseOverview
    let review: Recorded<ReviewSubject, ReviewRecord>
    let names: [UserID: String]
    let mayOverride: Bool
    let form: FormView
    let crumbs: [(String, String)]

    func render(_ req: Request) -> Response {
        let r = review.details
        let outcome = r.outcome
        return Layout(title: "Reunification review", signedIn: req.signedIn, breadcrumbs: crumbs).render(
            .h1(.text("Reunification review: \(overview.name(r.childID))"),
                .span(.class("caption"), .text("\(r.reviewedOn.iso) · \(names[r.reviewerID] ?? "Unknown") · policy \(r.policyVersion)"))),
            .div(.class("recommendation r-\(r.final.rawValue)"),
                .p(.class("caption"), r.overridden ? "Final recommendation (overridden)" : "Recommendation"),
                .p(.class("decision"), .text(r.final.label)),
                .if(r.overridden, .p(.text("The review recommended: \(r.initial.label). Overridden by \(r.overrideBy.flatMap { names[$0] } ?? "a supervisor"): \(r.overrideReason ?? "")")))),
            .if(r.awaitingApproval, .div(.class("conflict"),
                .p(.strong("The risk level was overridden at the worker's discretion and waits for a supervisor's approval.")),
                .if(mayOverride, .form(.method(.post), .action(SiteURL.approveReview(overview.caseID, review.id).path),
                    csrfField(req.signedIn), .input(.type(.hidden), .name("version"), .value(String(review.version))),
                    .button(.type(.submit), .class("button"), "Approve the override"))))),
            .h2("Why"),
            .ol(.class("reasons"), .forEach(outcome?.reasons ?? []) { .li(.text($0)) }),
            .unwrap(r.rationale) { .div(.h2("Rationale"), .p(.text($0))) },
            .unwrap(outcome) { o in
                .dl(.class("summary-list"),
                    .group(.dt("Risk"), .dd(.text("score \(o.riskScore), \(o.riskLevel.label)\(o.riskLevel != o.scoredRiskLevel ? " (scored \(o.scoredRiskLevel.label))" : "")"))),
                    .group(.dt("Family time"), .dd(.id("review-visitation"), .text(o.visitationStatus.label),
                        .unwrap(r.input) { i in
                            .text(": \(i.visitation.attended) of \(i.visitation.scheduled) visits, \(i.visitation.quality.label) — \((i.visitationSource ?? .entered).label)")
                        })),
                    .group(.dt("Safety"), .dd(.text(o.safety.label),
                        .unwrap(r.input?.safetyAssessmentOn) { .text(" — from the safety assessment of \($0.iso)") })))
            },
            .if(mayOverride && !r.overridden, .section(
                .h2("Override the recommendation"),
                .p(.class("hint"), "A supervisor may override with a written reason; the review's own recommendation is kept beside it."),
                form.errorSummary(),
                .form(.method(.post), .action(SiteURL.overrideReview(overview.caseID, review.id).path),
                    csrfField(req.signedIn),
                    .input(.type(.hidden), .name("version"), .value(String(review.version))),
                    form.select("recommendation", "Final recommendation", Recommendation.self),
                    form.textarea("reason", "Reason"),
                    .button(.type(.submit), .class("button"), "Record the override"))))
        )
    }
}
