import Plot
import Vapor
import ReunifyDomain
import ReunifyStore

/// Removal episodes and the placements within them.
struct EpisodePagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.newEpisode(.any).route, use: newEpisodeForm)
        routes.post(SiteURL.newEpisode(.any).route, use: createEpisode)
        routes.get(SiteURL.editEpisode(.any, .any).route, use: editEpisodeForm)
        routes.post(SiteURL.editEpisode(.any, .any).route, use: updateEpisode)
        routes.get(SiteURL.newPlacement(.any, .any).route, use: newPlacementForm)
        routes.post(SiteURL.newPlacement(.any, .any).route, use: createPlacement)
        routes.get(SiteURL.editPlacement(.any, .any).route, use: editPlacementForm)
        routes.post(SiteURL.editPlacement(.any, .any).route, use: updatePlacement)
    }

    struct Context {
        let overview: CaseOverview
        let language: UILanguage
        var caseID: CaseID { overview.caseID }
        var crumbs: [(String, String)] { [(Catalogue.text(.navCaseload, language), SiteURL.caseload.path), (overview.caseFile.details.familyName, SiteURL.caseFile(caseID).path)] }
        var children: [(String, String)] { overview.children.map { ($0.person.id.description, $0.person.details.fullName) } }
    }

    func context(_ req: Request, _ action: AccessAction, _ kind: RecordKind) async throws -> Context {
        let caseID = try req.caseIDParameter()
        try await req.authorize(action, kind, caseID: caseID)
        guard let overview = try await CaseRepository(req.db).overview(caseID) else { throw Request.noSuchCase }
        return Context(overview: overview, language: req.language)
    }

    func episode(_ req: Request, _ ctx: Context) async throws -> Recorded<EpisodeSubject, RemovalEpisodeDetails> {
        let id: EpisodeID = try req.idParameter("episodeID", "removal episode")
        guard let episode = try await CaseRecordsRepository(req.db).episode(id, in: ctx.caseID) else {
            throw Refusal(.notFound, .epFormNoSuch)
        }
        return episode.recorded
    }

    // MARK: episodes

    func episodePage(_ req: Request, _ ctx: Context, _ form: FormData, _ errors: [FieldError], editing: Recorded<EpisodeSubject, RemovalEpisodeDetails>? = nil,
                     conflict: [(String, String, String)]? = nil, status: HTTPResponseStatus = .ok) -> Response {
        let view = FormView(form, errors: errors, language: req.language)
        return RecordFormPage(title: editing == nil ? req.t(.epFormNewTitle) : req.t(.epFormEditTitle),
                              action: editing.map { SiteURL.editEpisode(ctx.caseID, $0.id).path } ?? SiteURL.newEpisode(ctx.caseID).path,
                              cancel: SiteURL.caseFile(ctx.caseID).path, view: view,
                              fields: EpisodeForm.fields(view, children: ctx.children), conflict: conflict,
                              breadcrumbs: ctx.crumbs).render(req, status: status)
    }

    func newEpisodeForm(req: Request) async throws -> Response {
        let ctx = try await context(req, .create, .removalEpisode)
        guard !ctx.children.isEmpty else { throw Refusal(.unprocessableEntity, .epFormAddChildFirst) }
        return episodePage(req, ctx, FormData(), [])
    }

    func createEpisode(req: Request) async throws -> Response {
        let ctx = try await context(req, .create, .removalEpisode)
        let form = FormData(req)
        let (details, errors) = EpisodeForm.read(form)
        guard let details else { return episodePage(req, ctx, form, errors, status: .unprocessableEntity) }
        do {
            _ = try await RemovalCommands(req.change()).addEpisode(details, to: ctx.caseID)
            return req.redirect(to: SiteURL.caseFile(ctx.caseID).path)
        } catch {
            guard let refusal = FormRefusal(error) else { throw error }
            return episodePage(req, ctx, form, refusal.errors, status: refusal.status)
        }
    }

    func editEpisodeForm(req: Request) async throws -> Response {
        let ctx = try await context(req, .update, .removalEpisode)
        let model = try await episode(req, ctx)
        return episodePage(req, ctx, EpisodeForm.values(model.details, version: model.version), [], editing: model)
    }

    func updateEpisode(req: Request) async throws -> Response {
        let ctx = try await context(req, .update, .removalEpisode)
        let model = try await episode(req, ctx)
        var form = FormData(req)
        let (details, errors) = EpisodeForm.read(form)
        guard let details else { return episodePage(req, ctx, form, errors, editing: model, status: .unprocessableEntity) }
        let saved = model.details
        do {
            _ = try await RemovalCommands(req.change()).changeEpisode(model.id, in: ctx.caseID, to: details,
                                                                      expectedVersion: FormReader(form).version)
            return req.redirect(to: SiteURL.caseFile(ctx.caseID).path)
        } catch let error where FormRefusal(error) != nil {
            let refusal = FormRefusal(error)!
            return episodePage(req, ctx, form, refusal.errors, editing: model, status: refusal.status)
        } catch StoreError.versionConflict(let current) {
            form.set("version", String(current))
            return episodePage(req, ctx, form, [FieldError("version", .epFormConflict)], editing: model,
                               conflict: conflictRows(mine: EpisodeForm.summary(details, req.language), saved: EpisodeForm.summary(saved, req.language)), status: .conflict)
        }
    }

    // MARK: placements

    func placementPage(_ req: Request, _ ctx: Context, action: String, title: String, _ form: FormData, _ errors: [FieldError],
                       conflict: [(String, String, String)]? = nil, status: HTTPResponseStatus = .ok) -> Response {
        let view = FormView(form, errors: errors, language: req.language)
        return RecordFormPage(title: title, action: action, cancel: SiteURL.caseFile(ctx.caseID).path, view: view,
                              fields: PlacementForm.fields(view), conflict: conflict, breadcrumbs: ctx.crumbs).render(req, status: status)
    }

    func newPlacementForm(req: Request) async throws -> Response {
        let ctx = try await context(req, .create, .placement)
        let ep = try await episode(req, ctx)
        var form = FormData()
        form.set("startDate", date: req.today.parts)
        return placementPage(req, ctx, action: SiteURL.newPlacement(ctx.caseID, ep.id).path,
                             title: req.t(.plFormAddTitle, ["name": ctx.overview.name(ep.details.childID)]), form, [])
    }

    func createPlacement(req: Request) async throws -> Response {
        let ctx = try await context(req, .create, .placement)
        let ep = try await episode(req, ctx)
        let form = FormData(req)
        let page = { (errors: [FieldError], status: HTTPResponseStatus) in
            placementPage(req, ctx, action: SiteURL.newPlacement(ctx.caseID, ep.id).path,
                          title: req.t(.plFormAddTitle, ["name": ctx.overview.name(ep.details.childID)]), form, errors, status: status)
        }
        let (read, readErrors) = PlacementForm.read(form)
        guard let details = read else { return page(readErrors, .unprocessableEntity) }
        do {
            _ = try await RemovalCommands(req.change()).addPlacement(details, to: ep.id, in: ctx.caseID)
            return req.redirect(to: SiteURL.caseFile(ctx.caseID).path)
        } catch {
            guard let refusal = FormRefusal(error) else { throw error }
            return page(refusal.errors, refusal.status)
        }
    }

    func placement(_ req: Request, _ ctx: Context) async throws -> Recorded<PlacementSubject, PlacementDetails> {
        let id: PlacementID = try req.idParameter("placementID", "placement")
        guard let placement = try await CaseRecordsRepository(req.db).placement(id, in: ctx.caseID) else {
            throw Refusal(.notFound, .plFormNoSuch)
        }
        return placement.recorded
    }

    func editPlacementForm(req: Request) async throws -> Response {
        let ctx = try await context(req, .update, .placement)
        let model = try await placement(req, ctx)
        return placementPage(req, ctx, action: SiteURL.editPlacement(ctx.caseID, model.id).path, title: req.t(.plFormChangeTitle),
                             PlacementForm.values(model.details, version: model.version), [])
    }

    func updatePlacement(req: Request) async throws -> Response {
        let ctx = try await context(req, .update, .placement)
        let model = try await placement(req, ctx)
        var form = FormData(req)
        let action = SiteURL.editPlacement(ctx.caseID, model.id).path
        let (details, errors) = PlacementForm.read(form)
        guard let details else { return placementPage(req, ctx, action: action, title: req.t(.plFormChangeTitle), form, errors, status: .unprocessableEntity) }
        let saved = model.details
        do {
            _ = try await RemovalCommands(req.change()).changePlacement(model.id, in: ctx.caseID, to: details,
                                                                        expectedVersion: FormReader(form).version)
            return req.redirect(to: SiteURL.caseFile(ctx.caseID).path)
        } catch let error where FormRefusal(error) != nil {
            let refusal = FormRefusal(error)!
            return placementPage(req, ctx, action: action, title: req.t(.plFormChangeTitle), form, refusal.errors, status: refusal.status)
        } catch StoreError.versionConflict(let current) {
            form.set("version", String(current))
            return placementPage(req, ctx, action: action, title: req.t(.plFormChangeTitle), form,
                                 [FieldError("version", .plFormConflict)],
                                 conflict: conflictRows(mine: PlacementForm.summary(details, req.language), saved: PlacementForm.summary(saved, req.language)), status: .conflict)
        }
    }
}
