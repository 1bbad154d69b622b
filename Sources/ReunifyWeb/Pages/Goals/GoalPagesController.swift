import Fluent
import Plot
import Vapor
import ReunifyDomain
import ReunifyStore

/// A child's primary and concurrent permanency goals.
struct GoalPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.newGoal(.any).route, use: newForm)
        routes.post(SiteURL.newGoal(.any).route, use: create)
        routes.get(SiteURL.editGoal(.any, .any).route, use: editForm)
        routes.post(SiteURL.editGoal(.any, .any).route, use: update)
    }

    static func values(_ d: PermanencyGoalDetails, version: Int) -> FormData {
        var f = FormData()
        f.set("childId", d.childID.uuid.lower)
        f.set("primary", d.primary.rawValue)
        f.set("primarySince", date: d.primarySince.parts)
        f.set("concurrent", d.concurrent?.rawValue)
        f.set("concurrentSince", date: d.concurrentSince?.parts)
        f.set("version", String(version))
        return f
    }

    /// The goals as filled in; `GoalRules` decides whether they may be written.
    static func read(_ form: FormData) -> (PermanencyGoalDetails?, [FieldError]) {
        var r = FormReader(form)
        let child: PersonID? = r.id("childId", .goalFormChooseChild)
        let primary = r.code(PermanencyPlan.self, "primary", required: .goalFormChoosePrimary)
        let since = r.requiredDate("primarySince", .goalFormEnterSince)
        let concurrent = r.optionalCode(PermanencyPlan.self, "concurrent")
        let concurrentSince = r.date("concurrentSince")
        guard let child, let primary, let since else { return (nil, r.errors) }
        let d = PermanencyGoalDetails(childID: child, primary: primary, primarySince: since, concurrent: concurrent,
                                      concurrentSince: concurrentSince)
        return r.errors.isEmpty ? (d, []) : (nil, r.errors)
    }

    static func summary(_ d: PermanencyGoalDetails, _ language: UILanguage) -> [(String, String)] {
        let t = { (id: Msg) in Catalogue.text(id, language) }
        let date = { (d: CalendarDate) in LocalFormat.date(d, language) }
        return [(t(.goalFormPrimary), d.primary.staffLabel(language)), (t(.goalFormSince), date(d.primarySince)),
                (t(.goalFormConcurrent), d.concurrent?.staffLabel(language) ?? "—"), (t(.goalFormSince), d.concurrentSince.map(date) ?? "—")]
    }

    func page(_ req: Request, _ overview: CaseOverview, _ form: FormData, _ errors: [FieldError], editing: Recorded<GoalSubject, PermanencyGoalDetails>? = nil,
              conflict: [(String, String, String)]? = nil, status: HTTPResponseStatus = .ok) -> Response {
        let caseID = overview.caseID
        let view = FormView(form, errors: errors, language: req.language)
        let children = overview.children.map { ($0.person.id.description, $0.person.details.fullName) }
        return RecordFormPage(
            title: editing == nil ? req.t(.goalFormNewTitle) : req.t(.goalFormEditTitle),
            action: editing.map { SiteURL.editGoal(caseID, $0.id).path } ?? SiteURL.newGoal(caseID).path,
            cancel: SiteURL.caseFile(caseID).path, view: view,
            fields: [view.select("childId", req.t(.epFormChild), options: children),
                     view.select("primary", req.t(.goalFormPrimary), PermanencyPlan.self),
                     view.date("primarySince", req.t(.goalFormPrimarySince)),
                     view.select("concurrent", req.t(.goalFormConcurrent), PermanencyPlan.self, blank: req.t(.goalFormNone),
                                 hint: req.t(.goalFormConcurrentHint)),
                     view.date("concurrentSince", req.t(.goalFormConcurrentSince))],
            conflict: conflict,
            breadcrumbs: [(req.t(.navCaseload), SiteURL.caseload.path), (overview.caseFile.details.familyName, SiteURL.caseFile(caseID).path)]
        ).render(req, status: status)
    }

    func overview(_ req: Request, _ action: AccessAction) async throws -> CaseOverview {
        let caseID = try req.caseIDParameter()
        try await req.authorize(action, .permanencyGoal, caseID: caseID)
        guard let overview = try await CaseRepository(req.db).overview(caseID) else { throw Request.noSuchCase }
        return overview
    }

    func goal(_ req: Request, _ overview: CaseOverview) async throws -> Recorded<GoalSubject, PermanencyGoalDetails> {
        let id: GoalID = try req.idParameter("goalID", "goal")
        guard let goal = try await CaseRecordsRepository(req.db).goal(id, in: overview.caseID) else {
            throw Refusal(.notFound, .goalFormNoSuch)
        }
        return goal.recorded
    }

    func newForm(req: Request) async throws -> Response {
        let overview = try await overview(req, .create)
        var form = FormData()
        form.set("primary", PermanencyPlan.reunification.rawValue)
        form.set("primarySince", date: req.today.parts)
        return page(req, overview, form, [])
    }

    func create(req: Request) async throws -> Response {
        let overview = try await overview(req, .create)
        let caseID = overview.caseID
        let form = FormData(req)
        let (details, errors) = Self.read(form)
        guard let details else { return page(req, overview, form, errors, status: .unprocessableEntity) }
        do {
            _ = try await RemovalCommands(req.change()).setGoals(details, in: caseID)
            return req.redirect(to: SiteURL.caseFile(caseID).path)
        } catch {
            guard let refusal = FormRefusal(error) else { throw error }
            return page(req, overview, form, refusal.errors, status: refusal.status)
        }
    }

    func editForm(req: Request) async throws -> Response {
        let overview = try await overview(req, .update)
        let goal = try await goal(req, overview)
        return page(req, overview, Self.values(goal.details, version: goal.version), [], editing: goal)
    }

    func update(req: Request) async throws -> Response {
        let overview = try await overview(req, .update)
        let goal = try await goal(req, overview)
        var form = FormData(req)
        let (details, errors) = Self.read(form)
        guard let details else { return page(req, overview, form, errors, editing: goal, status: .unprocessableEntity) }
        let saved = goal.details
        do {
            _ = try await RemovalCommands(req.change()).changeGoals(goal.id, in: overview.caseID, to: details,
                                                                    expectedVersion: FormReader(form).version)
            return req.redirect(to: SiteURL.caseFile(overview.caseID).path)
        } catch let error where FormRefusal(error) != nil {
            let refusal = FormRefusal(error)!
            return page(req, overview, form, refusal.errors, editing: goal, status: refusal.status)
        } catch StoreError.versionConflict(let current) {
            form.set("version", String(current))
            return page(req, overview, form, [FieldError("version", .goalFormConflict)], editing: goal,
                        conflict: conflictRows(mine: Self.summary(details, req.language), saved: Self.summary(saved, req.language)), status: .conflict)
        }
    }
}
