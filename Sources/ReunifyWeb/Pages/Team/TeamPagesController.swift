import Fluent
import Plot
import Vapor
import ReunifyDomain
import ReunifyStore

/// Who is on a case's team. Supervisors add and remove people; the assigned caseworker and supervisor
/// stay on while they hold the case.
struct TeamPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.newTeamMember(.any).route, use: newForm)
        routes.post(SiteURL.newTeamMember(.any).route, use: add)
        routes.post(SiteURL.removeTeamMember(.any, .any).route, use: remove)
    }

    func page(_ req: Request, _ model: Recorded<CaseSubject, CaseDetails>, _ form: FormData, _ errors: [FieldError], status: HTTPResponseStatus = .ok) async throws -> Response {
        let caseID = model.id
        let current = Set(try await CaseRepository(req.db).teamUserIDs(of: caseID))
        let candidates = try await UserRepository(req.db).all()
            .filter { !current.contains($0.id!) && !$0.disabled && $0.userRole != .parent }
        let view = FormView(form, errors: errors, language: req.language)
        return RecordFormPage(title: req.t(.teamFormTitle), action: SiteURL.newTeamMember(caseID).path, cancel: SiteURL.caseFile(caseID).path,
                              submitLabel: req.t(.teamFormSubmit), view: view, fields: [
                                view.select("userId", req.t(.relationPerson), options: candidates.map { ($0.id!.lower, req.t(.teamFormWho, ["name": $0.name, "role": $0.userRole.staffLabel(req.language)])) }),
                                view.select("role", req.t(.teamFormPart), TeamRole.self),
                              ], breadcrumbs: [(req.t(.navCaseload), SiteURL.caseload.path), (model.details.familyName, SiteURL.caseFile(caseID).path)])
            .render(req, status: status)
    }

    func newForm(req: Request) async throws -> Response {
        let caseID = try req.caseIDParameter()
        try await req.authorize(.create, .team, caseID: caseID)
        guard let model = try await CaseRepository(req.db).find(caseID) else { throw Request.noSuchCase }
        return try await page(req, model.recorded, FormData(), [])
    }

    func add(req: Request) async throws -> Response {
        let caseID = try req.caseIDParameter()
        try await req.authorize(.create, .team, caseID: caseID)
        guard let model = try await CaseRepository(req.db).find(caseID) else { throw Request.noSuchCase }
        let form = FormData(req)
        var reader = FormReader(form)
        let userID: UserID? = reader.id("userId", .teamFormChooseWho)
        let role = reader.code(TeamRole.self, "role", required: .teamFormChoosePart)
        guard let userID, let role else { return try await page(req, model.recorded, form, reader.errors, status: .unprocessableEntity) }
        do {
            try await CaseCommands(req.change()).addToTeam(userID, role: role, in: caseID)
        } catch {
            guard let refusal = FormRefusal(error) else { throw error }
            return try await page(req, model.recorded, form, refusal.errors, status: refusal.status)
        }
        return req.redirect(to: SiteURL.caseFile(caseID).path)
    }

    func remove(req: Request) async throws -> Response {
        let caseID = try req.caseIDParameter()
        try await req.authorize(.delete, .team, caseID: caseID)
        let userID: UserID = try req.idParameter("userID", "team member")
        do {
            try await CaseCommands(req.change()).removeFromTeam(userID, in: caseID)
        } catch let refused as ValidationFailure {
            // The removal is a button on the case page, not a form: the reason is the answer.
            throw Abort(.unprocessableEntity, reason: refused.errors.map { $0.text(req.language) }.joined(separator: "; "))
        }
        return req.redirect(to: SiteURL.caseFile(caseID).path)
    }
}
