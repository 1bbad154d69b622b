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
        try await req.audit(.view, .auditTrail, recordID: caseID, caseID: caseID, .audViewedTrail)
        let format = DateFormatter()
        format.dateFormat = "yyyy-MM-dd HH:mm:ss"
        format.timeZone = TimeZone(identifier: "UTC")
        let language = req.language
        return Layout(title: req.t(.auditTitle), signedIn: req.signedIn,
                      breadcrumbs: [(req.t(.caseloadTitle), SiteURL.caseload.path),
                                    (req.t(.caseTitle, ["family": model.familyName]), SiteURL.caseFile(caseID).path)]).render(
            .h1(.text(req.t(.auditHeading, ["family": model.familyName, "number": model.caseNumber]))),
            .p(.class("hint"), .text(req.t(.auditHint))),
            .table(.class("table"),
                .thead(.tr(.th(.text(req.t(.auditWhen))), .th(.text(req.t(.auditWho))), .th(.text(req.t(.auditAction))), .th(.text(req.t(.auditRecord))),
                           .th(.text(req.t(.auditWhat))))),
                .tbody(.forEach(events) { e in
                    // An entry is kept as it was written: the action and record codes, and its summary in the languages
                    // it was written in (English only for entries written before the others were kept, marked so).
                    let summary = e.worded.text(language)
                    return .tr(.td(.text(format.string(from: e.occurredAt))), .td(.text(e.userEmail)), .td(.code(.text(e.action))),
                               .td(.code(.text(e.recordKind))), .td(.attribute(named: "lang", value: summary.language == language ? nil : summary.language.tag), .text(summary.text)))
                })))
    }
}
