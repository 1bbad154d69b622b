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
            if let latest, let noted = noted.last?.date {
                lines.append(req.t(.rvEvObjective, ["objective": objective.statement, "date": objective.targetDate.iso, "noted": noted.iso, "note": latest.note]))
            } else {
                lines.append(req.t(.rvEvObjectiveNone, ["objective": objective.statement, "date": objective.targetDate.iso]))
            }
        }
        if let rate = SessionRules.attendanceRate(sessions) {
            lines.append(req.t(.rvEvAttendance, ["percent": String(Int((rate * 100).rounded())),
                                                  "expected": LocalFormat.number(sessions.flatMap(\.participants).count, req.language)]))
        }
        for r in referrals {
            lines.append(req.t(.rvEvReferral, ["name": o.name(r.details.personID), "category": r.details.category.staffLabel(req.language).lowercased(),
                                                "status": r.details.status.staffLabel(req.language).lowercased()]))
        }
        return lines
    }

    func page(_ req: Request, _ o: CaseOverview, _ form: FormData, _ errors: [FieldError], evidence: [String] = [],
              status: HTTPResponseStatus = .ok) -> Response {
        let view = FormView(form, errors: errors, language: req.language)
        return RecordFormPage(title: req.t(.rvTitle), action: SiteURL.newReview(o.caseID).path,
                              cancel: SiteURL.caseFile(o.caseID).path, submitLabel: req.t(.rvSubmit), view: view,
                              fields: ReviewForm.fields(view, children: reviewable(o), evidence: evidence), breadcrumbs: o.breadcrumbs(req.language)).render(req, status: status)
    }

    func newForm(req: Request) async throws -> Response {
        let o = try await overview(req, .create)
        guard !reviewable(o).isEmpty else {
            throw Refusal(.unprocessableEntity, .rvNoChild)
        }
        var form = FormData()
        form.set("risk.newSubstantiatedReport", "no")
        return page(req, o, form, [], evidence: try await planEvidence(req, o))
    }

    func create(req: Request) async throws -> Response {
        let o = try await overview(req, .create)
        let form = FormData(req)
        guard let childID = UUID(uuidString: form.string("childId")) else {
            return page(req, o, form, [FieldError("childId", .rvfChooseChild)], evidence: try await planEvidence(req, o),
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
            throw Refusal(.notFound, .rvNoSuch)
        }
        return model.recorded
    }

    func show(req: Request) async throws -> Response {
        let o = try await overview(req, .read)
        let model = try await review(req, o)
        try await req.audit(.view, .reunificationReview, recordID: model.id, caseID: o.caseFile.id, .audViewedReview)
        let names = try await UserRepository(req.db).names([model.details.reviewerID] + [model.details.overrideBy].compactMap { $0 })
        return ReviewView(overview: o, review: model, names: names, mayOverride: req.policy.maySupervise(try req.requireSignedIn().actor),
                          form: FormView(language: req.language), crumbs: o.breadcrumbs(req.language)).render(req)
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
        let recommendation = reader.code(Recommendation.self, "recommendation", required: .rvNeedFinal)
        var errors = reader.errors
        if let recommendation, errors.isEmpty {
            do {
                _ = try await ReviewCommands(req.change()).override(model.id, in: o.caseID, to: recommendation,
                                                                    reason: form.string("reason"), expectedVersion: reader.version)
                return req.redirect(to: SiteURL.review(o.caseID, model.id).path)
            } catch let failure as ValidationFailure {
                errors = failure.errors
            } catch StoreError.versionConflict {
                errors = [FieldError("recommendation", .rvConflict)]
            }
        }
        let names = try await UserRepository(req.db).names([model.details.reviewerID] + [model.details.overrideBy].compactMap { $0 })
        return ReviewView(overview: o, review: model, names: names, mayOverride: true, form: FormView(form, errors: errors, language: req.language),
                   crumbs: o.breadcrumbs(req.language))
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
        let language = req.language
        func t(_ id: Msg, _ values: [String: String] = [:]) -> String { Catalogue.text(id, language, values) }
        let reviewer = names[r.reviewerID] ?? t(.rvUnknownPerson)
        return Layout(title: t(.rvTitle), signedIn: req.signedIn, breadcrumbs: crumbs).render(
            .h1(.text(t(.rvHeading, ["child": overview.name(r.childID)])),
                .span(.class("caption"), .text(t(.rvCaption, ["date": r.reviewedOn.iso, "reviewer": reviewer, "policy": r.policyVersion])))),
            .div(.class("recommendation r-\(r.final.rawValue)"),
                .p(.class("caption"), .text(t(r.overridden ? .rvFinalOverridden : .rvRecommendation))),
                .p(.class("decision"), .text(r.final.staffLabel(language))),
                .if(r.overridden, .p(.text(t(.rvOverriddenLine, ["initial": r.initial.staffLabel(language),
                                                                 "name": r.overrideBy.flatMap { names[$0] } ?? t(.rvASupervisor),
                                                                 "reason": r.overrideReason ?? ""]))))),
            .if(r.awaitingApproval, .div(.class("conflict"),
                .p(.strong(.text(t(.rvAwaiting)))),
                .if(mayOverride, .form(.method(.post), .action(SiteURL.approveReview(overview.caseID, review.id).path),
                    csrfField(req.signedIn), .input(.type(.hidden), .name("version"), .value(String(review.version))),
                    .button(.type(.submit), .class("button"), .text(t(.rvApprove))))))),
            .h2(.text(t(.rvWhyHeading))),
            // A review recorded before its reasons were kept as facts has them in English only, and says so.
            .ol(.class("reasons"), .attribute(named: "lang", value: outcome?.reasonsTranslated(language) ?? true ? nil : "en"),
                .forEach(outcome?.reasons(language) ?? []) { .li(.text($0)) }),
            .unwrap(r.rationale) { .div(.h2(.text(t(.rvfRationale))), .p(.text($0))) },
            .unwrap(outcome) { o in
                .dl(.class("summary-list"),
                    .group(.dt(.text(t(.rvRisk))), .dd(.text(o.riskLevel != o.scoredRiskLevel
                        ? t(.rvRiskLineOverridden, ["score": String(o.riskScore), "level": o.riskLevel.staffLabel(language), "scored": o.scoredRiskLevel.staffLabel(language)])
                        : t(.rvRiskLine, ["score": String(o.riskScore), "level": o.riskLevel.staffLabel(language)])))),
                    .group(.dt(.text(t(.rvFamilyTime))), .dd(.id("review-visitation"),
                        .text(r.input.map { i in
                            t(.rvVisitsLine, ["status": o.visitationStatus.staffLabel(language), "attended": String(i.visitation.attended),
                                              "scheduled": String(i.visitation.scheduled), "quality": i.visitation.quality.staffLabel(language),
                                              "source": (i.visitationSource ?? .entered).staffLabel(language)])
                        } ?? o.visitationStatus.staffLabel(language)))),
                    .group(.dt(.text(t(.rvSafety))), .dd(.text(r.input?.safetyAssessmentOn.map {
                        t(.rvSafetyFrom, ["decision": o.safety.staffLabel(language), "date": $0.iso])
                    } ?? o.safety.staffLabel(language)))))
            },
            .if(mayOverride && !r.overridden, .section(
                .h2(.text(t(.rvOverrideHeading))),
                .p(.class("hint"), .text(t(.rvOverrideHint))),
                form.errorSummary(),
                .form(.method(.post), .action(SiteURL.overrideReview(overview.caseID, review.id).path),
                    csrfField(req.signedIn),
                    .input(.type(.hidden), .name("version"), .value(String(review.version))),
                    form.select("recommendation", t(.rvFinal), Recommendation.self),
                    form.textarea("reason", t(.rvReason)),
                    .button(.type(.submit), .class("button"), .text(t(.rvRecordOverride))))))
        )
    }
}
