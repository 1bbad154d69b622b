import Fluent
import Plot
import Vapor
import ReunifyDomain
import ReunifyStore

/// Removal episodes and the placements within them.
struct EpisodePagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let c = routes.grouped("cases", ":caseID")
        c.get("episodes", "new", use: newEpisodeForm)
        c.post("episodes", "new", use: createEpisode)
        c.get("episodes", ":episodeID", "edit", use: editEpisodeForm)
        c.post("episodes", ":episodeID", "edit", use: updateEpisode)
        c.get("episodes", ":episodeID", "placements", "new", use: newPlacementForm)
        c.post("episodes", ":episodeID", "placements", "new", use: createPlacement)
        c.get("placements", ":placementID", "edit", use: editPlacementForm)
        c.post("placements", ":placementID", "edit", use: updatePlacement)
    }

    struct Context {
        let overview: CaseOverview
        var caseID: UUID { overview.caseFile.id! }
        var crumbs: [(String, String)] { [("Caseload", SiteURL.caseload.path), (overview.caseFile.familyName, SiteURL.caseFile(caseID).path)] }
        var children: [(String, String)] { overview.children.map { ($0.person.id!.lower, $0.person.details.fullName) } }
        func birthDate(_ id: UUID) -> CalendarDate? { overview.person(id)?.details.birthDate }
    }

    func context(_ req: Request, _ action: AccessAction, _ kind: RecordKind) async throws -> Context {
        let caseID = try req.caseIDParameter()
        try await req.authorize(action, kind, caseID: caseID)
        guard let overview = try await CaseRepository(req.db).overview(caseID) else { throw Request.noSuchCase }
        return Context(overview: overview)
    }

    func episode(_ req: Request, _ ctx: Context) async throws -> RemovalEpisodeModel {
        let id = try req.uuidParameter("episodeID", "removal episode")
        guard let episode = try await CaseRecordsRepository(req.db).episode(id, in: ctx.caseID) else {
            throw Abort(.notFound, reason: "There is no such removal episode in this case")
        }
        return episode
    }

    // MARK: episodes

    func episodePage(_ req: Request, _ ctx: Context, _ form: FormData, _ errors: [FieldError], editing: RemovalEpisodeModel? = nil,
                     conflict: [(String, String, String)]? = nil, status: HTTPResponseStatus = .ok) -> Response {
        let view = FormView(form, errors: errors)
        return RecordFormPage(title: editing == nil ? "Record a removal" : "Change removal details",
                              action: editing.map { SiteURL.editEpisode(ctx.caseID, $0.id!).path } ?? SiteURL.newEpisode(ctx.caseID).path,
                              cancel: SiteURL.caseFile(ctx.caseID).path, view: view,
                              fields: EpisodeForm.fields(view, children: ctx.children), conflict: conflict,
                              breadcrumbs: ctx.crumbs).render(req, status: status)
    }

    func newEpisodeForm(req: Request) async throws -> Response {
        let ctx = try await context(req, .create, .removalEpisode)
        guard !ctx.children.isEmpty else { throw Abort(.unprocessableEntity, reason: "Add the child to the case before recording a removal") }
        return episodePage(req, ctx, FormData(), [])
    }

    func createEpisode(req: Request) async throws -> Response {
        let ctx = try await context(req, .create, .removalEpisode)
        let form = FormData(req)
        let (details, errors) = EpisodeForm.read(form, today: req.today, birthDate: ctx.birthDate)
        guard let details else { return episodePage(req, ctx, form, errors, status: .unprocessableEntity) }
        guard ctx.children.contains(where: { $0.0 == details.childID.uuid.lower }) else {
            return episodePage(req, ctx, form, [FieldError("childId", "Choose a child who is a member of this case")], status: .unprocessableEntity)
        }
        do {
            let model = try await CaseRecordsRepository(req.db).addEpisode(details, to: ctx.caseID)
            try await req.audit(.create, .removalEpisode, recordID: model.id, caseID: ctx.caseID, "recorded removal of \(ctx.overview.name(details.childID.uuid))")
            return req.redirect(to: SiteURL.caseFile(ctx.caseID).path)
        } catch StoreError.duplicate(let message) {
            return episodePage(req, ctx, form, [FieldError("childId", message)], status: .conflict)
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
        let (details, errors) = EpisodeForm.read(form, today: req.today, birthDate: ctx.birthDate)
        guard let details else { return episodePage(req, ctx, form, errors, editing: model, status: .unprocessableEntity) }
        let saved = model.details
        do {
            try await CaseRecordsRepository(req.db).update(model, to: details, expectedVersion: FormReader(form).version)
            try await req.audit(.update, .removalEpisode, recordID: model.id, caseID: ctx.caseID, "changed removal details")
            return req.redirect(to: SiteURL.caseFile(ctx.caseID).path)
        } catch StoreError.versionConflict(let current) {
            form.set("version", String(current))
            return episodePage(req, ctx, form, [FieldError("version", "Someone else saved this removal since you opened the form")], editing: model,
                               conflict: conflictRows(mine: EpisodeForm.summary(details), saved: EpisodeForm.summary(saved)), status: .conflict)
        }
    }

    // MARK: placements

    func placementPage(_ req: Request, _ ctx: Context, action: String, title: String, _ form: FormData, _ errors: [FieldError],
                       conflict: [(String, String, String)]? = nil, status: HTTPResponseStatus = .ok) -> Response {
        let view = FormView(form, errors: errors)
        return RecordFormPage(title: title, action: action, cancel: SiteURL.caseFile(ctx.caseID).path, view: view,
                              fields: PlacementForm.fields(view), conflict: conflict, breadcrumbs: ctx.crumbs).render(req, status: status)
    }

    func newPlacementForm(req: Request) async throws -> Response {
        let ctx = try await context(req, .create, .placement)
        let ep = try await episode(req, ctx)
        var form = FormData()
        form.set("startDate", date: req.today.parts)
        return placementPage(req, ctx, action: SiteURL.newPlacement(ctx.caseID, ep.id!).path,
                             title: "Add a placement for \(ctx.overview.name(ep.childID))", form, [])
    }

    func createPlacement(req: Request) async throws -> Response {
        let ctx = try await context(req, .create, .placement)
        let ep = try await episode(req, ctx)
        let form = FormData(req)
        let (read, readErrors) = PlacementForm.read(form, today: req.today, episode: ep.details)
        let returnHome = read?.validateReturnHome(lastReview: ctx.overview.lastReviews[ep.childID], policy: req.reunify.timelines) ?? []
        guard let details = read, returnHome.isEmpty else {
            return placementPage(req, ctx, action: SiteURL.newPlacement(ctx.caseID, ep.id!).path,
                                 title: "Add a placement for \(ctx.overview.name(ep.childID))", form, readErrors + returnHome,
                                 status: .unprocessableEntity)
        }
        let model = try await CaseRecordsRepository(req.db).addPlacement(details, to: ep)
        try await req.audit(.create, .placement, recordID: model.id, caseID: ctx.caseID,
                            "placed \(ctx.overview.name(ep.childID)): \(details.setting.label.lowercased()) from \(details.startDate.iso)")
        return req.redirect(to: SiteURL.caseFile(ctx.caseID).path)
    }

    func placement(_ req: Request, _ ctx: Context) async throws -> (PlacementModel, RemovalEpisodeModel) {
        let id = try req.uuidParameter("placementID", "placement")
        let records = CaseRecordsRepository(req.db)
        guard let placement = try await records.placement(id, in: ctx.caseID),
              let episode = try await records.episode(placement.episodeID, in: ctx.caseID) else {
            throw Abort(.notFound, reason: "There is no such placement in this case")
        }
        return (placement, episode)
    }

    func editPlacementForm(req: Request) async throws -> Response {
        let ctx = try await context(req, .update, .placement)
        let (model, _) = try await placement(req, ctx)
        return placementPage(req, ctx, action: SiteURL.editPlacement(ctx.caseID, model.id!).path, title: "Change placement",
                             PlacementForm.values(model.details, version: model.version), [])
    }

    func updatePlacement(req: Request) async throws -> Response {
        let ctx = try await context(req, .update, .placement)
        let (model, ep) = try await placement(req, ctx)
        var form = FormData(req)
        let action = SiteURL.editPlacement(ctx.caseID, model.id!).path
        let (details, errors) = PlacementForm.read(form, today: req.today, episode: ep.details)
        guard let details else { return placementPage(req, ctx, action: action, title: "Change placement", form, errors, status: .unprocessableEntity) }
        let saved = model.details
        do {
            try await CaseRecordsRepository(req.db).update(model, to: details, expectedVersion: FormReader(form).version)
            try await req.audit(.update, .placement, recordID: model.id, caseID: ctx.caseID, "changed a placement")
            return req.redirect(to: SiteURL.caseFile(ctx.caseID).path)
        } catch StoreError.versionConflict(let current) {
            form.set("version", String(current))
            return placementPage(req, ctx, action: action, title: "Change placement", form,
                                 [FieldError("version", "Someone else saved this placement since you opened the form")],
                                 conflict: conflictRows(mine: PlacementForm.summary(details), saved: PlacementForm.summary(saved)), status: .conflict)
        }
    }
}
