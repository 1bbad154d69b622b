import Fluent
import Plot
import Vapor
import ReunifyDomain
import ReunifyStore

/// Who viewed and changed a case, newest first. Supervisors and administrators only.
struct AuditTrailController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.auditTrail(.any).route, use: show)
    }

    func show(req: Request) async throws -> Response {
        let caseID = try req.caseIDParameter()
        try await req.authorize(.read, .auditTrail, caseID: caseID)
        guard let model = try await CaseRepository(req.db).find(caseID) else { throw Request.noSuchCase }
        let events = try await AuditRepository(req.db).trail(caseID: caseID)
        try await req.audit(.view, .auditTrail, recordID: caseID, caseID: caseID, "viewed the audit trail")
        let format = DateFormatter()
        format.dateFormat = "yyyy-MM-dd HH:mm:ss"
        format.timeZone = TimeZone(identifier: "UTC")
        return Layout(title: "Audit trail", signedIn: req.signedIn,
                      breadcrumbs: [("Caseload", SiteURL.caseload.path), (model.familyName, SiteURL.caseFile(caseID).path)]).render(
            .h1(.text("Audit trail: \(model.familyName) (\(model.caseNumber))")),
            .p(.class("hint"), "Every view and change of this case, newest first. Entries cannot be changed or removed. Times are UTC."),
            .table(.class("table"),
                .thead(.tr(.th("When"), .th("Who"), .th("Action"), .th("Record"), .th("What"))),
                .tbody(.forEach(events) { e in
                    .tr(.td(.text(format.string(from: e.occurredAt))), .td(.text(e.userEmail)), .td(.text(e.action)),
                        .td(.text(e.recordKind)), .td(.text(e.summary)))
                })))
    }
}
