import Fluent
import Plot
import Vapor
import ReunifyDomain
import ReunifyStore

/// Taking an assessment (saved as a draft, resumable), reading its result, comparing two.
struct AssessmentPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.newAssessment(.any).route, use: newForm)
        routes.post(SiteURL.newAssessment(.any).route, use: create)
        routes.get(SiteURL.compareAssessments(.any).route, use: compare)
        routes.get(SiteURL.assessment(.any, .any).route, use: show)
        routes.get(SiteURL.editAssessment(.any, .any).route, use: editForm)
        routes.post(SiteURL.editAssessment(.any, .any).route, use: update)
    }

    func caseFile(_ req: Request, _ action: AccessAction) async throws -> Recorded<CaseSubject, CaseDetails> {
        let caseID = try req.caseIDParameter()
        try await req.authorize(action, .assessment, caseID: caseID)
        guard let model = try await CaseRepository(req.db).find(caseID) else { throw Request.noSuchCase }
        return model.recorded
    }

    func page(_ req: Request, _ c: Recorded<CaseSubject, CaseDetails>, instrument: Instrument, action: String, title: String, form: FormData, errors: [FieldError],
              withPoint: Bool, status: HTTPResponseStatus = .ok) -> Response {
        let view = FormView(form, errors: errors, language: req.language)
        var fields: [Node<HTML.FormContext>] = []
        if withPoint {
            fields.append(view.select("point", req.t(.asmWhen), options: instrument.points.map { ($0.rawValue, $0.staffLabel(req.language)) }))
        }
        fields += RatingForm.fields(view, instrument: instrument)
        fields.append(view.textarea("notes", req.t(.asmNotes), hint: req.t(.asmNotesHint)))
        fields.append(.p(.class("hint"), .text(req.t(.asmDraftHint))))
        fields.append(.div(.class("actions"),
            .button(.type(.submit), .name("action"), .value("draft"), .class("button secondary"), .text(req.t(.asmSaveDraft))),
            .button(.type(.submit), .name("action"), .value("complete"), .class("button"), .text(req.t(.asmComplete)))))
        return Layout(title: title, signedIn: req.signedIn, breadcrumbs: c.breadcrumbs(req.language)).render(
            .h1(.text(title)),
            .p(.class("hint"), .text(req.t(.asmScaleHint))),
            view.errorSummary(),
            .form(.method(.post), .action(action), .attribute(named: "novalidate"), .class("rating-form"),
                csrfField(req.signedIn), view.hidden("version"), view.hidden("instrument"), .group(fields))
        ).with(status: status)
    }

    func newForm(req: Request) async throws -> Response {
        let c = try await caseFile(req, .create)
        let instrument = try await AssessmentService(req: req).instrument((try? req.query.get(String.self, at: "instrument")) ?? BundledInstruments.familyStrengthsAndNeeds.id)
        let existing = try await AssessmentRepository(req.db).list(caseID: c.id)
        var form = FormData()
        form.set("instrument", instrument.key)
        form.set("point", existing.isEmpty ? AssessmentPoint.intake.rawValue : AssessmentPoint.interim.rawValue)
        return page(req, c, instrument: instrument, action: SiteURL.newAssessment(c.id).path, title: req.t(.asmNewTitle, ["family": c.details.familyName]),
                    form: form, errors: [], withPoint: true)
    }

    func create(req: Request) async throws -> Response {
        let c = try await caseFile(req, .create)
        let form = FormData(req)
        let service = AssessmentService(req: req)
        let instrument = try await service.instrument(form.string("instrument"))
        var reader = FormReader(form)
        let point = reader.code(AssessmentPoint.self, "point", required: .asmNeedPoint)
        let (ratings, ratingErrors) = RatingForm.read(form, instrument: instrument)
        let complete = form.string("action") == "complete"
        var errors = reader.errors + ratingErrors
        if let point, errors.isEmpty {
            do {
                let (model, _) = try await service.create(caseID: c.id, instrumentKey: instrument.key, point: point, ratings: ratings,
                                                          notes: form.optional("notes"), complete: complete)
                return req.redirect(to: SiteURL.assessment(c.id, model.typedID).path)
            } catch let failure as ValidationFailure {
                errors = failure.errors
            }
        }
        return page(req, c, instrument: instrument, action: SiteURL.newAssessment(c.id).path, title: req.t(.asmNewTitle, ["family": c.details.familyName]),
                    form: form, errors: errors, withPoint: true, status: .unprocessableEntity)
    }

    func assessment(_ req: Request, _ c: Recorded<CaseSubject, CaseDetails>) async throws -> Recorded<AssessmentSubject, AssessmentDetails> {
        let id: AssessmentID = try req.idParameter("assessmentID", "assessment")
        guard let model = try await AssessmentRepository(req.db).find(id, in: c.id) else {
            throw Refusal(.notFound, .asmNoSuch)
        }
        return model.recorded
    }

    func show(req: Request) async throws -> Response {
        let c = try await caseFile(req, .read)
        let model = try await assessment(req, c)
        let instrument = try await AssessmentService(req: req).instrument(of: model.details)
        try await req.audit(.view, .assessment, recordID: model.id, caseID: c.id, .audViewedAssessment)
        let assessor = try await UserRepository(req.db).names([model.details.assessorID])[model.details.assessorID] ?? req.t(.rvUnknownPerson)
        let facts = try await req.authorize(.read, .assessment, caseID: c.id)
        let mayEdit = req.policy.decide(try req.requireSignedIn().actor, .update, .assessment, in: facts).isAllowed
        return AssessmentResultView(model: model, instrument: instrument, caseFile: c, assessorName: assessor, mayEdit: mayEdit).render(req)
    }

    func editForm(req: Request) async throws -> Response {
        let c = try await caseFile(req, .update)
        let model = try await assessment(req, c)
        guard !model.details.completed else { return req.redirect(to: SiteURL.assessment(c.id, model.id).path) }
        let instrument = try await AssessmentService(req: req).instrument(of: model.details)
        var form = RatingForm.values(model.details.ratings)
        form.set("version", String(model.version))
        form.set("instrument", instrument.key)
        form.set("notes", model.details.notes)
        return page(req, c, instrument: instrument, action: SiteURL.editAssessment(c.id, model.id).path,
                    title: req.t(.asmDraftTitle, ["point": model.details.point.staffLabel(req.language)]), form: form, errors: [], withPoint: false)
    }

    func update(req: Request) async throws -> Response {
        let c = try await caseFile(req, .update)
        let model = try await assessment(req, c)
        let service = AssessmentService(req: req)
        let instrument = try await service.instrument(of: model.details)
        var form = FormData(req)
        let (ratings, ratingErrors) = RatingForm.read(form, instrument: instrument)
        var errors = ratingErrors
        if errors.isEmpty {
            do {
                _ = try await service.update(model.id, in: c.id, instrumentKey: model.details.instrumentKey, ratings: ratings, notes: form.optional("notes"), complete: form.string("action") == "complete",
                                             expectedVersion: FormReader(form).version)
                return req.redirect(to: SiteURL.assessment(c.id, model.id).path)
            } catch let failure as ValidationFailure {
                errors = failure.errors
            } catch StoreError.versionConflict(let current) {
                form.set("version", String(current))
                errors = [FieldError("version", .asmConflict)]
            }
        }
        return page(req, c, instrument: instrument, action: SiteURL.editAssessment(c.id, model.id).path,
                    title: req.t(.asmDraftTitle, ["point": model.details.point.staffLabel(req.language)]), form: form, errors: errors, withPoint: false,
                    status: .unprocessableEntity)
    }

    func compare(req: Request) async throws -> Response {
        let c = try await caseFile(req, .read)
        let completed = try await AssessmentRepository(req.db).list(caseID: c.id).filter(\.isCompleted).map(\.recorded)
        let from = (try? req.query.get(UUID.self, at: "from")).flatMap { id in completed.first { $0.id.uuid == id } } ?? completed.first
        let to = (try? req.query.get(UUID.self, at: "to")).flatMap { id in completed.first { $0.id.uuid == id } } ?? completed.last
        guard let from, let to, from.id != to.id else {
            throw Refusal(.unprocessableEntity, .asmCompareNeedTwo)
        }
        guard from.details.instrumentKey == to.details.instrumentKey else {
            throw Refusal(.unprocessableEntity, .asmCompareSameVersion)
        }
        try await req.audit(.view, .assessment, recordID: to.id, caseID: c.id, .audComparedAssessments)
        return AssessmentCompareView(caseFile: c, instrument: try await AssessmentService(req: req).instrument(of: to.details), before: from, after: to).render(req)
    }
}
