import Fluent
import Plot
import Vapor
import ReunifyDomain
import ReunifyStore

/// Who is on a case's team. Supervisors add and remove people; the assigned caseworker and supervisor
/// stay on while they hold the case.
struct TeamPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let c = routes.grouped("cases", ":caseID", "team")
        c.get("new", use: newForm)
        c.post("new", use: add)
        c.post(":userID", "remove", use: remove)
    }

    func page(_ req: Request, _ model: CaseModel, _ form: FormData, _ errors: [FieldError], status: HTTPResponseStatus = .ok) async throws -> Response {
        let caseID = model.id!
        let current = Set(try await CaseRepository(req.db).teamUserIDs(of: caseID))
        let candidates = try await UserRepository(req.db).all()
            .filter { !current.contains($0.id!) && !$0.disabled && $0.userRole != .parent }
        let view = FormView(form, errors: errors)
        return RecordFormPage(title: "Add someone to the team", action: SiteURL.newTeamMember(caseID).path, cancel: SiteURL.caseFile(caseID).path,
                              submitLabel: "Add to team", view: view, fields: [
                                view.select("userId", "Person", options: candidates.map { ($0.id!.lower, "\($0.name) (\($0.userRole.label))") }),
                                view.select("role", "Their part on this case", TeamRole.self),
                              ], breadcrumbs: [("Caseload", SiteURL.caseload.path), (model.familyName, SiteURL.caseFile(caseID).path)])
            .render(req, status: status)
    }

    func newForm(req: Request) async throws -> Response {
        let caseID = try req.caseIDParameter()
        try await req.authorize(.create, .team, caseID: caseID)
        guard let model = try await CaseRepository(req.db).find(caseID) else { throw Request.noSuchCase }
        return try await page(req, model, FormData(), [])
    }

    func add(req: Request) async throws -> Response {
        let caseID = try req.caseIDParameter()
        try await req.authorize(.create, .team, caseID: caseID)
        guard let model = try await CaseRepository(req.db).find(caseID) else { throw Request.noSuchCase }
        let form = FormData(req)
        var reader = FormReader(form)
        let userID = reader.uuid("userId", "Choose who joins the team")
        let role = reader.code(TeamRole.self, "role", required: "Choose their part on this case")
        guard let userID, let role else { return try await page(req, model, form, reader.errors, status: .unprocessableEntity) }
        guard let user = try await UserRepository(req.db).find(userID), user.userRole != .parent else {
            return try await page(req, model, form, [FieldError("userId", "Choose a member of staff")], status: .unprocessableEntity)
        }
        do {
            try await CaseRepository(req.db).addToTeam(caseID: caseID, userID: userID, role: role)
        } catch StoreError.duplicate(let message) {
            return try await page(req, model, form, [FieldError("userId", message)], status: .conflict)
        }
        try await req.audit(.create, .team, recordID: userID, caseID: caseID, "added \(user.name) to the team as \(role.label.lowercased())")
        return req.redirect(to: SiteURL.caseFile(caseID).path)
    }

    func remove(req: Request) async throws -> Response {
        let caseID = try req.caseIDParameter()
        try await req.authorize(.delete, .team, caseID: caseID)
        let userID = try req.uuidParameter("userID", "team member")
        guard let model = try await CaseRepository(req.db).find(caseID) else { throw Request.noSuchCase }
        guard model.caseworkerID != userID && model.supervisorID != userID else {
            throw Abort(.unprocessableEntity, reason: "The assigned caseworker and supervisor stay on the team; assign the case to someone else first")
        }
        try await CaseRepository(req.db).removeFromTeam(caseID: caseID, userID: userID)
        try await req.audit(.delete, .team, recordID: userID, caseID: caseID, "removed a member from the team")
        return req.redirect(to: SiteURL.caseFile(caseID).path)
    }
}
