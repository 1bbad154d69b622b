import Fluent
import Plot
import Vapor
import ReunifyDomain
import ReunifyStore

/// "My cases": the first page after sign-in.
struct CaseloadController: RouteCollection {
    static let perPage = 25

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.caseload.route, use: show)
    }

    struct Query {
        let stage: CaseStage?
        let page: Int
        init(_ req: Request) {
            stage = req.queryValue("stage").flatMap(CaseStage.init(rawValue:))
            page = max(1, req.queryInt("page") ?? 1)
        }
    }

    func query(_ req: Request, _ q: Query) async throws -> (rows: [CaseloadRow], total: Int) {
        let repo = CaseRepository(req.db)
        let (cases, total) = try await repo.list(try req.caseScope(), stage: q.stage, page: q.page, per: Self.perPage)
        let rows = try await repo.caseloadRows(cases, today: req.today, policy: req.reunify.timelines, kept: req.application.caseloadLines)
        return (rows, total)
    }

    func show(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        // A family's pages are their own (in their language); the staff list is not one of them.
        if signedIn.isFamily { return req.redirect(to: SiteURL.familyHome.path) }
        let q = Query(req)
        let (rows, total) = try await query(req, q)
        try await req.audit(.view, "caseload", recordID: nil, caseID: nil, .audListedCases, ["count": "\(rows.count)", "total": "\(total)"])
        // Supervisors see which cases wait for them in family time: a step up to approve, a step down not yet seen.
        let flags = req.policy.maySupervise(signedIn.actor)
            ? try await FamilyTimeRepository(req.db).casesAwaitingSupervisor(rows.map(\.caseID)) : (stepUps: [], stepDowns: [])
        var view = CaseloadView(rows: rows, total: total, query: q, today: req.today,
                                mayCreate: req.policy.mayCreateCase(signedIn.actor), signedIn: signedIn)
        view.stepUps = flags.stepUps
        view.stepDowns = flags.stepDowns
        if req.policy.maySupervise(signedIn.actor) {
            view.decisionsWaiting = try await PermanencyRepository(req.db).casesWithDecisionsAwaiting(rows.map(\.caseID))
        }
        return view.render()
    }
}

struct CaseloadView {
    let rows: [CaseloadRow]
    let total: Int
    let query: CaseloadController.Query
    let today: CalendarDate
    let mayCreate: Bool
    let signedIn: SignedIn
    var stepUps: Set<CaseID> = []
    var stepDowns: Set<CaseID> = []
    var decisionsWaiting: Set<CaseID> = []

    var language: UILanguage { signedIn.language }
    func t(_ id: Msg, _ values: [String: String] = [:]) -> String { Catalogue.text(id, language, values) }
    /// Staff pages write dates as ISO 8601 in every language: one unambiguous form for a worker's lists and logs.
    func due(_ what: String, _ date: CalendarDate, overdue: Bool = false) -> String {
        t(overdue ? .caseloadOverdue : .caseloadDue, ["what": what, "date": date.iso])
    }

    func render() -> Response {
        let pages = max(1, (total + CaseloadController.perPage - 1) / CaseloadController.perPage)
        let title = t(.caseloadTitle)
        return Layout(title: title, signedIn: signedIn).render(
            .div(.class("page-heading"),
                .h1(.text(title)),
                .if(mayCreate, .a(.class("button"), .href(SiteURL.newCase.path), .text(t(.caseloadOpenCase))))),
            .form(.class("filters"), .method(.get), .action(SiteURL.caseload.path),
                .label(.attribute(named: "for", value: "stage"), .text(t(.caseloadStage))),
                selectElement(id: "stage", options: CaseStage.allCases.map { ($0.rawValue, $0.staffLabel(language)) },
                              selected: query.stage?.rawValue ?? "", blank: t(.caseloadAllStages)),
                .button(.type(.submit), .class("button secondary"), .text(t(.caseloadShow)))),
            .p(.class("hint"), .text(total == 1 ? t(.caseloadCountOne) : t(.caseloadCountMany, ["count": LocalFormat.number(total, language)]))),
            rows.isEmpty
                ? .p(.text(t(.caseloadEmpty)))
                : .table(.class("table caseload"),
                    .caption(.class("visually-hidden"), .text(title)),
                    .thead(.tr(.th(.text(t(.caseloadFamily))), .th(.text(t(.caseloadChildren))), .th(.text(t(.caseloadStage))),
                               .th(.text(t(.caseloadDaysInCare))), .th(.text(t(.caseloadNextDue))))),
                    .tbody(.forEach(rows) { row in
                        .tr(
                            .td(.a(.href(SiteURL.caseFile(row.caseID).path), .text(row.familyName)),
                                .div(.class("hint"), .text(row.caseNumber)),
                                .if(stepUps.contains(row.caseID), .div(.span(.class("tag warn flag-step-up"), .text(t(.caseloadStepUp))))),
                                .if(stepDowns.contains(row.caseID), .div(.span(.class("tag warn flag-step-down"), .text(t(.caseloadStepDown))))),
                                .if(decisionsWaiting.contains(row.caseID), .div(.span(.class("tag warn flag-decision"), .text(t(.caseloadDecision))))),
                                .if(row.reEntry, .div(.span(.class("tag warn flag-re-entry"), .text(t(.caseloadReEntry)))))),
                            .td(.ul(.class("plain"), .forEach(row.children) { child in
                                .li(.text(child.age.map { t(.caseloadChildAge, ["name": child.name, "age": LocalFormat.number($0, language)]) } ?? child.name),
                                    .if(!child.inCare && row.daysInCare != nil, .span(.class("tag"), .text(t(.caseloadChildHome)))))
                            })),
                            .td(.attribute(named: "data-label", value: t(.caseloadStage)),
                                .span(.class("tag stage-\(row.stage.rawValue)"), .text(row.stage.staffLabel(language)))),
                            .td(.attribute(named: "data-label", value: t(.caseloadDaysInCare)),
                                .text(row.daysInCare.map { LocalFormat.number($0, language) } ?? "—")),
                            .td(.attribute(named: "data-label", value: t(.caseloadNextDue)),
                                .forEach(Array(row.overdue.prefix(2))) { item in
                                    .div(.class("overdue deadline"), .text(due(item.kind.staffLabel(language), item.due, overdue: true)),
                                         .div(.class("hint"), .text(row.childName(item.childID))))
                                },
                                .if(row.overdue.count > 2, .div(.class("overdue"),
                                    .text(t(.caseloadMoreOverdue, ["count": LocalFormat.number(row.overdue.count - 2, language)])))),
                                .unwrap(row.nextDeadline) { item in
                                    .div(.class("deadline"), .text(due(item.kind.staffLabel(language), item.due)),
                                         .div(.class("hint"), .text(row.childName(item.childID))))
                                },
                                .if(row.deadlines.isEmpty, .unwrap(row.nextDue) { next in
                                .div(.class(next.isOverdue(today: today) ? "overdue" : ""),
                                     .text(due(next.kind.label(language), next.due)),
                                     .unwrap(next.childName) { .div(.class("hint"), .text($0)) })
                            }), .unwrap(row.planDue.flatMap { $0 == row.nextDue ? nil : $0 }) { plan in
                                .div(.class(plan.isOverdue(today: today) ? "overdue plan-due" : "hint plan-due"),
                                     .text(due(plan.kind.label(language), plan.due, overdue: plan.isOverdue(today: today))))
                            })
                        )
                    })),
            .if(pages > 1, .nav(.class("pagination"), .attribute(named: "aria-label", value: t(.pagesLabel)),
                .if(query.page > 1, .a(.href(link(page: query.page - 1)), .text(t(.pagesPrevious)))),
                .span(.text(t(.pagesOf, ["page": LocalFormat.number(query.page, language), "pages": LocalFormat.number(pages, language)]))),
                .if(query.page < pages, .a(.href(link(page: query.page + 1)), .text(t(.pagesNext))))))
        )
    }

    func link(page: Int) -> String {
        SiteURL.caseload.path + "?page=\(page)" + (query.stage.map { "&stage=\($0.rawValue)" } ?? "")
    }
}
