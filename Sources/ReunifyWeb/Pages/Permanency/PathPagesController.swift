import Fluent
import Plot
import Vapor
import ReunifyDomain
import ReunifyStore

/// The steps of the alternative permanency paths, and aftercare plans.
struct PathPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.newPathStep(.any).route, use: newStep)
        routes.post(SiteURL.newPathStep(.any).route, use: recordStep)
        routes.get(SiteURL.newAftercarePlan(.any).route, use: newPlan)
        routes.post(SiteURL.newAftercarePlan(.any).route, use: recordPlan)
        routes.get(SiteURL.editAftercarePlan(.any, .any).route, use: editPlan)
        routes.post(SiteURL.editAftercarePlan(.any, .any).route, use: changePlan)
    }

    func back(_ req: Request, _ o: CaseOverview, _ anchor: String) -> Response { req.redirect(to: SiteURL.caseFile(o.caseID).path + "#" + anchor) }

    func children(_ o: CaseOverview) -> [(String, String)] { o.children.map { ($0.person.id.description, o.name($0.person.id)) } }

    // MARK: steps

    func stepPage(_ req: Request, _ o: CaseOverview, _ form: FormData, _ errors: [FieldError], status: HTTPResponseStatus = .ok) -> Response {
        let view = FormView(form, errors: errors, language: req.language)
        let steps = PathStep.allCases.map { ($0.rawValue, req.t(.stepFormStepLine, ["plan": $0.plan.staffLabel(req.language), "step": $0.staffLabel(req.language)])) }
        return RecordFormPage(title: req.t(.stepFormTitle), action: SiteURL.newPathStep(o.caseID).path,
                              cancel: SiteURL.caseFile(o.caseID).path + "#paths", submitLabel: req.t(.stepFormSave), view: view, fields: [
                                view.select("childId", req.t(.permFormChild), options: children(o)),
                                view.select("step", req.t(.stepFormStep), options: steps, hint: req.t(.stepFormStepHint)),
                                view.select("status", req.t(.stepFormWhere), StepStatus.self),
                                view.date("date", req.t(.permFormDate)),
                                view.textarea("note", req.t(.permFormNote), hint: req.t(.stepFormNoteHint)),
                                view.checkbox("startTracing", req.t(.stepFormTracing)),
                              ], breadcrumbs: o.breadcrumbs(req.language)).render(req, status: status)
    }

    func newStep(req: Request) async throws -> Response {
        let (o, _) = try await req.caseOverview(.create, .permanencyStep)
        var form = FormData()
        form.set("childId", try? req.query.get(String.self, at: "childId"))
        form.set("step", try? req.query.get(String.self, at: "step"))
        form.set("status", "started")
        form.set("date", date: req.today.parts)
        return stepPage(req, o, form, [])
    }

    func recordStep(req: Request) async throws -> Response {
        let (o, _) = try await req.caseOverview(.create, .permanencyStep)
        let form = FormData(req)
        var r = FormReader(form)
        let child: PersonID? = r.id("childId", .permFormChooseChild)
        let step = r.code(PathStep.self, "step", required: .stepFormChooseStep)
        let status = r.code(StepStatus.self, "status", required: .stepFormChooseStatus)
        let date = r.requiredDate("date", .stepFormNeedDate)
        var errors = r.errors
        if let child, let step, let status, let date, errors.isEmpty {
            let details = PathStepDetails(childID: child, step: step, status: status, date: date, note: form.optional("note"))
            if try await attemptForm(&errors, {
                _ = try await PermanencyCommands(req.change()).recordStep(details, startTracing: form.bool("startTracing"), in: o.caseID)
            }) { return back(req, o, "paths") }
        }
        return stepPage(req, o, form, errors, status: .unprocessableEntity)
    }

    // MARK: aftercare plans

    func planPage(_ req: Request, _ o: CaseOverview, _ form: FormData, _ errors: [FieldError], editing: AftercarePlanID? = nil,
                  status: HTTPResponseStatus = .ok) -> Response {
        let view = FormView(form, errors: errors, language: req.language)
        let action = editing.map { SiteURL.editAftercarePlan(o.caseID, $0).path } ?? SiteURL.newAftercarePlan(o.caseID).path
        var fields: [Node<HTML.FormContext>] = [view.hidden("version")]
        if editing == nil {
            fields.append(view.select("childId", req.t(.permFormChild), options: o.children.filter { AftercareRules.discharge(of: $0.person.id, episodes: o.episodes.map(\.episode.details)) != nil }
                .map { ($0.person.id.description, o.name($0.person.id)) }))
        }
        fields += [
            view.textarea("services", req.t(.afterFormServices), hint: req.t(.afterFormServicesHint)),
            view.text("checkInBy", req.t(.afterFormCheckIn), hint: req.t(.afterFormCheckInHint)),
            view.text("contact", req.t(.afterFormContact)),
            view.textarea("note", req.t(.permFormNote)),
        ]
        return RecordFormPage(title: editing == nil ? req.t(.afterFormNewTitle) : req.t(.afterFormEditTitle), action: action,
                              cancel: SiteURL.caseFile(o.caseID).path + "#aftercare", submitLabel: req.t(.afterFormSave), view: view,
                              fields: fields, breadcrumbs: o.breadcrumbs(req.language)).render(req, status: status)
    }

    func details(_ form: FormData, child: PersonID) -> AftercarePlanEntry {
        AftercarePlanEntry(childID: child,
                             services: form.string("services").split(whereSeparator: \.isNewline).map(String.init),
                             checkInBy: form.string("checkInBy"), contact: form.optional("contact"), note: form.optional("note"))
    }

    func newPlan(req: Request) async throws -> Response {
        let (o, _) = try await req.caseOverview(.create, .aftercarePlan)
        var form = FormData()
        form.set("childId", try? req.query.get(String.self, at: "childId"))
        form.set("checkInBy", req.signedIn.map { "\($0.user.name), \(UserRole.caseworker.staffLabel(req.language).lowercased())" })
        return planPage(req, o, form, [])
    }

    func recordPlan(req: Request) async throws -> Response {
        let (o, _) = try await req.caseOverview(.create, .aftercarePlan)
        let form = FormData(req)
        var r = FormReader(form)
        let child: PersonID? = r.id("childId", .permFormChooseChild)
        var errors = r.errors
        if let child, errors.isEmpty {
            if try await attemptForm(&errors, {
                _ = try await PermanencyCommands(req.change()).recordAftercarePlan(details(form, child: child), in: o.caseID)
            }) { return back(req, o, "aftercare") }
        }
        return planPage(req, o, form, errors, status: .unprocessableEntity)
    }

    func plan(_ req: Request, _ o: CaseOverview) throws -> Recorded<AftercarePlanSubject, AftercarePlanDetails> {
        let id: AftercarePlanID = try req.idParameter("planID", "aftercare plan")
        guard let plan = o.permanency.aftercarePlans.first(where: { $0.id == id }) else {
            throw Refusal(.notFound, .afterFormNoSuch)
        }
        return plan
    }

    func editPlan(req: Request) async throws -> Response {
        let (o, _) = try await req.caseOverview(.update, .aftercarePlan)
        let p = try plan(req, o)
        var form = FormData()
        form.set("version", String(p.version))
        form.set("services", p.details.services.joined(separator: "\n"))
        form.set("checkInBy", p.details.checkInBy)
        form.set("contact", p.details.contact)
        form.set("note", p.details.note)
        return planPage(req, o, form, [], editing: p.id)
    }

    func changePlan(req: Request) async throws -> Response {
        let (o, _) = try await req.caseOverview(.update, .aftercarePlan)
        let p = try plan(req, o)
        let form = FormData(req)
        let r = FormReader(form)
        var errors: [FieldError] = []
        if try await attemptForm(&errors, {
            _ = try await PermanencyCommands(req.change()).changeAftercarePlan(p.id, in: o.caseID, to: details(form, child: p.details.childID),
                                                                               expectedVersion: r.version)
        }) { return back(req, o, "aftercare") }
        return planPage(req, o, form, errors, editing: p.id, status: .unprocessableEntity)
    }
}
