import Fluent
import Plot
import Vapor
import ReunifyDomain
import ReunifyStore

/// Everything overdue on the cases the signed-in person may list: for a supervisor, their unit. Also the children
/// back in care within a year of leaving it, and the team decisions waiting for approval.
struct OverdueController: RouteCollection {
    /// Cases read at a time while gathering the list.
    static let batch = 500

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.overdue.route, use: show)
    }

    static func mayList(_ actor: Actor) -> Bool { [.caseworker, .supervisor].contains(actor.role) }

    func show(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        guard Self.mayList(signedIn.actor) else { throw Abort(.forbidden, reason: "The overdue list is for caseworkers and supervisors") }
        let repo = CaseRepository(req.db)
        var rows: [CaseloadRow] = []
        var page = 1
        while true {
            let (cases, total) = try await repo.list(try req.caseScope(), page: page, per: Self.batch)
            rows += try await repo.caseloadRows(cases, today: req.today, policy: req.reunify.timelines)
            if cases.isEmpty || page * Self.batch >= total { break }
            page += 1
        }
        let waiting = try await PermanencyRepository(req.db).casesWithDecisionsAwaiting(rows.map(\.caseID))
        let overdue = rows.flatMap { row in row.overdue.map { (row, $0) } }.sorted { $0.1.due < $1.1.due }
        let reEntries = rows.filter(\.reEntry)
        try await req.audit(.view, "overdue", recordID: nil, caseID: nil, "listed \(overdue.count) overdue deadlines over \(rows.count) cases")
        let today = req.today
        let title = signedIn.actor.role == .supervisor ? "Overdue in the unit" : "Overdue on my cases"
        return Layout(title: title, signedIn: signedIn).render(
            .h1(.text(title)),
            .p(.class("hint"), .text("\(overdue.count) overdue deadline\(overdue.count == 1 ? "" : "s") on \(Set(overdue.map(\.0.caseID)).count) of \(rows.count) cases, oldest first.")),
            overdue.isEmpty ? .p("Nothing is overdue.") :
            .table(.class("table"), .id("overdue"),
                .thead(.tr(.th("Case"), .th("Child"), .th("Deadline"), .th("Was due"), .th("Days overdue"), .th("Basis"))),
                .tbody(.forEach(overdue) { row, item in
                    .tr(.td(.a(.href(SiteURL.caseFile(row.caseID).path + "#permanency"), .text("\(row.familyName) (\(row.caseNumber))"))),
                        .td(.text(row.childName(item.childID))), .td(.text(item.kind.label)), .td(.text(item.due.iso)),
                        .td(.text(String(item.due.days(until: today)))), .td(.text(item.basis)))
                })),
            .h2("Re-entries"),
            reEntries.isEmpty ? .p("No child is back in care within a year of leaving it.") :
            .ul(.id("re-entries"), .forEach(reEntries) { row in
                .li(.a(.href(SiteURL.caseFile(row.caseID).path), .text("\(row.familyName) (\(row.caseNumber))")),
                    .text(" — Re-entry: a child came back into care within 12 months of leaving it"))
            }),
            .if(signedIn.actor.role == .supervisor, .group(
                .h2("Team decisions to approve"),
                waiting.isEmpty ? .p("None waiting.") :
                .ul(.id("decisions-waiting"), .forEach(rows.filter { waiting.contains($0.caseID) }) { row in
                    .li(.a(.href(SiteURL.caseFile(row.caseID).path + "#decisions"), .text("\(row.familyName) (\(row.caseNumber))")))
                }))))
    }
}
