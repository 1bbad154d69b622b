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
        guard Self.mayList(signedIn.actor) else { throw Refusal(.forbidden, .refOverdueStaff) }
        let repo = CaseRepository(req.db)
        var rows: [CaseloadRow] = []
        var page = 1
        while true {
            let (cases, total) = try await repo.list(try req.caseScope(), page: page, per: Self.batch)
            rows += try await repo.caseloadRows(cases, today: req.today, policy: req.reunify.timelines, kept: req.application.caseloadLines)
            if cases.isEmpty || page * Self.batch >= total { break }
            page += 1
        }
        let waiting = rows.filter(\.awaiting.decision)
        let overdue = rows.flatMap { row in row.overdue.map { (row, $0) } }.sorted { $0.1.due < $1.1.due }
        let reEntries = rows.filter(\.reEntry)
        try await req.audit(.view, "overdue", recordID: nil, caseID: nil, .audListedOverdue, ["count": "\(overdue.count)", "cases": "\(rows.count)"])
        let today = req.today
        let language = req.language
        func t(_ id: Msg, _ values: [String: String] = [:]) -> String { req.t(id, values) }
        func number(_ n: Int) -> String { LocalFormat.number(n, language) }
        func caseLine(_ row: CaseloadRow) -> String { t(.searchCaseLine, ["family": row.familyName, "number": row.caseNumber]) }
        let title = t(signedIn.actor.role == .supervisor ? .overdueUnitTitle : .overdueMineTitle)
        let counts = ["count": number(overdue.count), "cases": number(Set(overdue.map(\.0.caseID)).count), "total": number(rows.count)]
        return Layout(title: title, signedIn: signedIn).render(
            .h1(.text(title)),
            .p(.class("hint"), .text(t(overdue.count == 1 ? .overdueSummaryOne : .overdueSummaryMany, counts))),
            overdue.isEmpty ? .p(.text(t(.overdueNothing))) :
            .table(.class("table"), .id("overdue"),
                .thead(.tr(.th(.text(t(.overdueCase))), .th(.text(t(.columnChild))), .th(.text(t(.deadlinesDeadline))), .th(.text(t(.overdueWasDue))),
                           .th(.text(t(.overdueDays))), .th(.text(t(.overdueBasis))))),
                .tbody(.forEach(overdue) { row, item in
                    .tr(.td(.a(.href(SiteURL.caseFile(row.caseID).path + "#permanency"), .text(caseLine(row)))),
                        .td(.text(row.childName(item.childID))), .td(.text(item.kind.staffLabel(language))), .td(.text(item.due.iso)),
                        .td(.text(number(item.due.days(until: today)))), .td(.text(item.basis(language))))
                })),
            .h2(.text(t(.overdueReEntries))),
            reEntries.isEmpty ? .p(.text(t(.overdueNoReEntry))) :
            .ul(.id("re-entries"), .forEach(reEntries) { row in
                .li(.a(.href(SiteURL.caseFile(row.caseID).path), .text(caseLine(row))), .text(t(.overdueReEntryLine)))
            }),
            .if(signedIn.actor.role == .supervisor, .group(
                .h2(.text(t(.overdueDecisions))),
                waiting.isEmpty ? .p(.text(t(.overdueNoneWaiting))) :
                .ul(.id("decisions-waiting"), .forEach(waiting) { row in
                    .li(.a(.href(SiteURL.caseFile(row.caseID).path + "#decisions"), .text(caseLine(row))))
                }))))
    }
}
