import Fluent
import Plot
import Vapor
import ReunifyDomain
import ReunifyStore
import ReunifyMatching

/// Tracing requests: the list, filing one, its page with actions and candidates, changing it, and verification.
struct TracingPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.tracing.route, use: list)
        routes.get(SiteURL.newTracing.route, use: newForm)
        routes.post(SiteURL.newTracing.route, use: create)
        routes.get(SiteURL.tracingRequest(.any).route, use: detail)
        routes.get(SiteURL.editTracing(.any).route, use: editForm)
        routes.post(SiteURL.editTracing(.any).route, use: update)
        routes.post(SiteURL.tracingActions(.any).route, use: addAction)
        routes.get(SiteURL.verification(.any).route, use: verificationForm)
        routes.post(SiteURL.verification(.any).route, use: saveVerification)
    }

    func list(req: Request) async throws -> Response {
        try await req.requireTracer()
        let status = try? TracingStatus.parseOptional(req.query[String.self, at: "status"], field: "status")
        let search = req.query[String.self, at: "q"] ?? ""
        let requests = try await TracingRepository(req.db).list(status: status, search: search)
        try await req.audit(.search, Request.tracingKind, recordID: nil, caseID: nil, search.isEmpty ? .audListedTraces : .audListedTracesFor, ["query": search])
        return TracingViews.list(req, requests.map(\.record), status: status, search: search)
    }

    func childOptions(_ req: Request) async throws -> [(String, String)] {
        try await req.childrenOpenToCaller().map { ($0.id.description, "\($0.details.fullName)\($0.details.birthDate.map { ", " + req.t(.trcBorn, ["date": LocalFormat.date($0, req.language)]) } ?? "")") }
    }

    func page(_ req: Request, _ form: FormData, _ errors: [FieldError], editing: Recorded<TracingRequestSubject, TracingRecord>? = nil,
              conflict: [(String, String, String)]? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let view = FormView(form, errors: errors, language: req.language)
        return RecordFormPage(
            title: req.t(editing == nil ? .trcFile : .trcChangeTitle),
            action: editing.map { SiteURL.editTracing($0.id).path } ?? SiteURL.newTracing.path,
            cancel: editing.map { SiteURL.tracingRequest($0.id).path } ?? SiteURL.tracing.path,
            submitLabel: req.t(editing == nil ? .trcFileButton : .trcSave), view: view,
            fields: TracingForm.fields(view, children: try await childOptions(req), editing: editing != nil),
            conflict: conflict, breadcrumbs: [(req.t(.trcTitle), SiteURL.tracing.path)]
        ).render(req, status: status)
    }

    func newForm(req: Request) async throws -> Response {
        try await req.requireTracer()
        var form = FormData()
        form.set("kind", TracingKind.inquiry.rawValue)
        form.set("sex", Sex.unknown.rawValue)
        return try await page(req, form, [])
    }

    func create(req: Request) async throws -> Response {
        try await req.requireTracer(.create)
        let form = FormData(req)
        let (details, errors) = TracingForm.read(form, today: req.today, status: .open)
        guard let details else { return try await page(req, form, errors, status: .unprocessableEntity) }
        do {
            let model = try await req.tracing().file(details)
            return req.redirect(to: SiteURL.tracingRequest(model.typedID).path)
        } catch {
            guard let refusal = FormRefusal(error) else { throw error }
            return try await page(req, form, refusal.errors, status: refusal.status)
        }
    }

    func detail(req: Request) async throws -> Response {
        try await req.requireTracer()
        let request = try await req.tracingRequestParameter().record
        try await req.audit(.view, Request.tracingKind, recordID: request.id, caseID: nil, .audViewedTrace)
        return try await detailPage(req, request, actionForm: FormData(), actionErrors: [])
    }

    /// The request's page: its details, the confirmed match and verification, candidates, and the actions taken.
    func detailPage(_ req: Request, _ request: Recorded<TracingRequestSubject, TracingRecord>, actionForm: FormData, actionErrors: [FieldError]) async throws -> Response {
        let repo = TracingRepository(req.db)
        let d = request.details.request
        var rows: [TracingViews.CandidateRow] = []
        if d.kind == .inquiry {
            let candidates = try await repo.candidates(of: request.id)
            let persons = try await PersonRepository(req.db).find(candidates.map(\.personID))
            for c in candidates {
                guard let p = persons.first(where: { $0.id == c.personID }) else { continue }
                rows.append(.init(candidate: c.summary, title: p.details.fullName,
                                  subtitle: [p.details.birthDate.map { req.t(.trcBorn, ["date": LocalFormat.date($0, req.language)]) }, p.details.placeOfOrigin].compactMap { $0 }.joined(separator: " · "),
                                  link: SiteURL.candidate(request.id, c.typedID).path))
            }
        } else if let child = d.childID {
            let candidates = try await repo.candidates(forPerson: child.uuid)
            let inquiries = try await repo.find(candidates.map(\.requestID))
            for c in candidates {
                guard let inquiry = inquiries.first(where: { $0.id == c.requestID }) else { continue }
                let i = inquiry.details
                rows.append(.init(candidate: c.summary, title: req.t(.trcAskedFor, ["sought": i.sought.fullName, "name": i.inquirer.name, "relationship": i.inquirer.relationship]),
                                  subtitle: req.t(.trcInquiryFiled, ["date": CalendarDate(iso: inquiry.filedOn).map { LocalFormat.date($0, req.language) } ?? inquiry.filedOn, "status": inquiry.statusValue.staffLabel(req.language)]),
                                  link: SiteURL.candidate(inquiry.typedID, c.typedID).path))
            }
        }
        let linkedID = request.details.linkedPersonID ?? (d.kind == .familySearch ? d.childID : nil)
        var linked: PersonDetails?
        var linkedCase: CaseID?
        if let linkedID {
            linked = try await PersonRepository(req.db).find(linkedID)?.details
            linkedCase = try await req.visibleCases(of: linkedID).first
        }
        let consentMissing = d.kind == .familySearch && !(linked?.tracingConsent ?? false)
        let filer = try await UserRepository(req.db).names([request.details.filedBy])[request.details.filedBy]
        return TracingViews.detail(req, request, actions: try await repo.actions(of: request.id).map(\.details), candidates: rows,
                                   linked: linked, linkedCase: linkedCase, consentMissing: consentMissing, filedBy: filer ?? "—",
                                   actionForm: actionForm, actionErrors: actionErrors)
    }

    func editForm(req: Request) async throws -> Response {
        try await req.requireTracer()
        let request = try await req.tracingRequestParameter().record
        return try await page(req, TracingForm.values(request.details.request, version: request.version), [], editing: request)
    }

    func update(req: Request) async throws -> Response {
        try await req.requireTracer(.update)
        let request = try await req.tracingRequestParameter().record
        var form = FormData(req)
        let saved = request.details.request
        let (details, errors) = TracingForm.read(form, today: req.today, status: saved.status)
        guard let details else { return try await page(req, form, errors, editing: request, status: .unprocessableEntity) }
        do {
            _ = try await req.tracing().change(request.id, to: details, expectedVersion: FormReader(form).version)
        } catch StoreError.versionConflict(let current) {
            form.set("version", String(current))
            return try await page(req, form, [FieldError("version", .trcConflict)], editing: request,
                                  conflict: conflictRows(mine: TracingForm.summary(details, req.language), saved: TracingForm.summary(saved, req.language)), status: .conflict)
        } catch {
            guard let refusal = FormRefusal(error) else { throw error }
            return try await page(req, form, refusal.errors, editing: request, status: refusal.status)
        }
        return req.redirect(to: SiteURL.tracingRequest(request.id).path)
    }

    func addAction(req: Request) async throws -> Response {
        try await req.requireTracer(.update)
        let request = try await req.tracingRequestParameter().record
        let form = FormData(req)
        var r = FormReader(form)
        let type = r.code(TracingActionType.self, "type", required: .trcChooseDone)
        let date = r.requiredDate("date", .trcNeedDate)
        if let type, let date {
            let details = TracingActionDetails(date: date, type: type, place: form.string("place"), outcome: form.string("outcome"), notes: form.string("notes"))
            do {
                _ = try await req.tracing().addAction(details, to: request.id)
                return req.redirect(to: SiteURL.tracingRequest(request.id).path + "#actions")
            } catch {
                guard let refusal = FormRefusal(error) else { throw error }
                r.add(refusal.errors)
            }
        }
        return try await detailPage(req, request, actionForm: form, actionErrors: r.errors).with(status: .unprocessableEntity)
    }

    func verificationPage(_ req: Request, _ request: Recorded<TracingRequestSubject, TracingRecord>, _ form: FormData, _ errors: [FieldError],
                          status: HTTPResponseStatus = .ok) -> Response {
        let view = FormView(form, errors: errors, language: req.language)
        let questions: [Node<HTML.FormContext>] = VerificationDetails.questions.map { view.select($0.key, req.t($0.text), VerificationAnswer.self, blank: nil) }
        return RecordFormPage(title: req.t(.trcVerifyTitle), action: SiteURL.verification(request.id).path,
                              cancel: SiteURL.tracingRequest(request.id).path, view: view,
                              fields: questions + [view.textarea("notes", req.t(.trcFound), hint: req.t(.trcFoundHint))],
                              breadcrumbs: [(req.t(.trcTitle), SiteURL.tracing.path), (request.details.request.sought.fullName, SiteURL.tracingRequest(request.id).path)])
            .render(req, status: status)
    }

    func verificationForm(req: Request) async throws -> Response {
        try await req.requireTracer(.read, .tracingVerification)
        let request = try await req.tracingRequestParameter().record
        guard request.details.linkedPersonID != nil else { throw StateConflict(.ruleTraceConfirmFirst) }
        let v = request.details.verification ?? VerificationDetails()
        var form = FormData()
        for q in VerificationDetails.questions { form.set(q.key, v.answer(q.key).rawValue) }
        form.set("notes", v.notes)
        form.set("version", String(request.version))
        return verificationPage(req, request, form, [])
    }

    func saveVerification(req: Request) async throws -> Response {
        try await req.requireTracer(.update, .tracingVerification)
        let request = try await req.tracingRequestParameter().record
        guard request.details.linkedPersonID != nil else { throw StateConflict(.ruleTraceConfirmFirst) }
        let form = FormData(req)
        var r = FormReader(form)
        let answers = VerificationDetails.questions.map { r.optionalCode(VerificationAnswer.self, $0.key) ?? .notYetKnown }
        let v = VerificationDetails(willingAndAble: answers[0], childKnowsThem: answers[1], childWantsToGo: answers[2],
                                    accountsAgree: answers[3], notes: form.string("notes"))
        guard r.errors.isEmpty else { return verificationPage(req, request, form, r.errors, status: .unprocessableEntity) }
        do {
            _ = try await req.tracing().verify(request.id, v, expectedVersion: r.version)
        } catch StoreError.versionConflict {
            return verificationPage(req, request, form, [FieldError("version", .trcVerifyConflict)],
                                    status: .conflict)
        } catch {
            guard let refusal = FormRefusal(error) else { throw error }
            return verificationPage(req, request, form, refusal.errors, status: refusal.status)
        }
        return req.redirect(to: SiteURL.tracingRequest(request.id).path)
    }
}
