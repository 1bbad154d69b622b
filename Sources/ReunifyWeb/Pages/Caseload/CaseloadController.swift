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
            stage = (try? req.query.get(String.self, at: "stage")).flatMap(CaseStage.init(rawValue:))
            page = max(1, (try? req.query.get(Int.self, at: "page")) ?? 1)
        }
    }

    func query(_ req: Request, _ q: Query) async throws -> (rows: [CaseloadRow], total: Int) {
        let repo = CaseRepository(req.db)
        let (cases, total) = try await repo.list(try req.caseScope(), stage: q.stage, page: q.page, per: Self.perPage)
        return (try await repo.caseloadRows(cases, today: req.today, policy: req.reunify.timelines), total)
    }

    func show(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        // A family's pages are their own (in their language); the staff list is not one of them.
        if signedIn.isFamily { return req.redirect(to: SiteURL.familyHome.path) }
        let q = Query(req)
        let (rows, total) = try await query(req, q)
        try await req.audit(.view, "caseload", recordID: nil, caseID: nil, "listed \(rows.count) of \(total) cases")
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

    var title: String { isFamily ? "Your family" : "Caseload" }
    /// A parent's list leaves out the agency's deadlines (the TPR date among them): their caseworker explains them.
    var isFamily: Bool { signedIn.user.userRole == .parent }

    func render() -> Response {
        let pages = max(1, (total + CaseloadController.perPage - 1) / CaseloadController.perPage)
        return Layout(title: title, signedIn: signedIn).render(
            .div(.class("page-heading"),
                .h1(.text(title)),
                .if(mayCreate, .a(.class("button"), .href(SiteURL.newCase.path), "Open a new case"))),
            .form(.class("filters"), .method(.get), .action(SiteURL.caseload.path),
                .label(.attribute(named: "for", value: "stage"), "Stage"),
                selectElement(id: "stage", options: CaseStage.allCases.map { ($0.rawValue, $0.label) },
                              selected: query.stage?.rawValue ?? "", blank: "All stages"),
                .button(.type(.submit), .class("button secondary"), "Show")),
            .p(.class("hint"), .text("\(total) case\(total == 1 ? "" : "s")")),
            rows.isEmpty
                ? .p("No cases to show. Cases appear here when you are assigned to them or join their team.")
                : .table(.class("table caseload"),
                    .caption(.class("visually-hidden"), .text(title)),
                    .thead(.tr(.th("Family"), .th("Children"), .th("Stage"), .th("Days in care"), .th("Next due"))),
                    .tbody(.forEach(rows) { row in
                        .tr(
                            .td(.a(.href(SiteURL.caseFile(row.caseID).path), .text(row.familyName)),
                                .div(.class("hint"), .text(row.caseNumber)),
                                .if(stepUps.contains(row.caseID), .div(.span(.class("tag warn flag-step-up"), "Family time: step up to approve"))),
                                .if(stepDowns.contains(row.caseID), .div(.span(.class("tag warn flag-step-down"), "Family time stepped down"))),
                                .if(decisionsWaiting.contains(row.caseID), .div(.span(.class("tag warn flag-decision"), "Team decision to approve"))),
                                .if(row.reEntry, .div(.span(.class("tag warn flag-re-entry"), "Re-entry: back in care within a year")))),
                            .td(.ul(.class("plain"), .forEach(row.children) { child in
                                .li(.text(child.name), .text(child.age.map { ", \($0)" } ?? ""),
                                    .if(!child.inCare && row.daysInCare != nil, .span(.class("tag"), "home")))
                            })),
                            .td(.attribute(named: "data-label", value: "Stage"), .span(.class("tag stage-\(row.stage.rawValue)"), .text(row.stage.label))),
                            .td(.attribute(named: "data-label", value: "Days in care"), .text(row.daysInCare.map(String.init) ?? "—")),
                            .td(.attribute(named: "data-label", value: "Next due"),
                                .forEach(isFamily ? [] : Array(row.overdue.prefix(2))) { item in
                                    .div(.class("overdue deadline"), .text("\(item.kind.label): \(item.due.iso) (overdue)"),
                                         .div(.class("hint"), .text(row.childName(item.childID))))
                                },
                                .if(!isFamily && row.overdue.count > 2, .div(.class("overdue"), .text("and \(row.overdue.count - 2) more overdue"))),
                                .unwrap(isFamily ? nil : row.nextDeadline) { item in
                                    .div(.class("deadline"), .text("\(item.kind.label): \(item.due.iso)"), .div(.class("hint"), .text(row.childName(item.childID))))
                                },
                                .if(row.deadlines.isEmpty, .unwrap(row.nextDue) { due in
                                .div(.class(due.isOverdue(today: today) ? "overdue" : ""),
                                     .text("\(due.kind.label): \(due.due.iso)"),
                                     .unwrap(due.childName) { .div(.class("hint"), .text($0)) })
                            }), .unwrap(row.planDue.flatMap { $0 == row.nextDue ? nil : $0 }) { plan in
                                .div(.class(plan.isOverdue(today: today) ? "overdue plan-due" : "hint plan-due"),
                                     .text("\(plan.kind.label): \(plan.due.iso)\(plan.isOverdue(today: today) ? " (overdue)" : "")"))
                            })
                        )
                    })),
            .if(pages > 1, .nav(.class("pagination"), .attribute(named: "aria-label", value: "Pages"),
                .if(query.page > 1, .a(.href(link(page: query.page - 1)), "Previous")),
                .span(.text("Page \(query.page) of \(pages)")),
                .if(query.page < pages, .a(.href(link(page: query.page + 1)), "Next"))))
        )
    }

    func link(page: Int) -> String {
        SiteURL.caseload.path + "?page=\(page)" + (query.stage.map { "&stage=\($0.rawValue)" } ?? "")
    }
}
