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
        var view = CaseloadView(rows: rows, total: total, query: q, today: req.today,
                                mayCreate: req.policy.mayCreateCase(signedIn.actor), signedIn: signedIn)
        // Supervisors see which cases wait for them: a step up in family time to approve, a step down not yet seen, a
        // team decision to approve.
        view.showsAwaiting = req.policy.maySupervise(signedIn.actor)
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
    var showsAwaiting = false

    var language: UILanguage { signedIn.language }
    func t(_ id: Msg, _ values: [String: String] = [:]) -> String { Catalogue.text(id, language, values) }
    /// Staff pages write dates as ISO 8601 in every language: one unambiguous form for a worker's lists and logs.
    func due(_ what: String, _ date: CalendarDate, overdue: Bool = false) -> String {
        t(overdue ? .caseloadOverdue : .caseloadDue, ["what": what, "date": date.iso])
    }

    func render() -> Response {
        let pages = max(1, (total + CaseloadController.perPage - 1) / CaseloadController.perPage)
        let title = t(.caseloadTitle)
        return Layout(title: title, signedIn: signedIn).render { w in
            w.raw("<div class=\"page-heading\">")
            w.element("h1", text: title)
            if mayCreate { w.element("a", ["class": "button", "href": SiteURL.newCase.path], text: t(.caseloadOpenCase)) }
            w.raw("</div>")
            w.open("form", ["class": "filters", "method": "get", "action": SiteURL.caseload.path])
            w.element("label", ["for": "stage"], text: t(.caseloadStage))
            selectElement(id: "stage", options: CaseStage.allCases.map { ($0.rawValue, $0.staffLabel(language)) },
                          selected: query.stage?.rawValue ?? "", blank: t(.caseloadAllStages), &w)
            w.element("button", ["type": "submit", "class": "button secondary"], text: t(.caseloadShow))
            w.close("form")
            w.element("p", ["class": "hint"],
                      text: total == 1 ? t(.caseloadCountOne) : t(.caseloadCountMany, ["count": LocalFormat.number(total, language)]))
            if rows.isEmpty {
                w.element("p", text: t(.caseloadEmpty))
            } else {
                table(title, &w)
            }
            if pages > 1 {
                w.open("nav", ["class": "pagination", "aria-label": t(.pagesLabel)])
                if query.page > 1 { w.element("a", ["href": link(page: query.page - 1)], text: t(.pagesPrevious)) }
                w.element("span", text: t(.pagesOf, ["page": LocalFormat.number(query.page, language), "pages": LocalFormat.number(pages, language)]))
                if query.page < pages { w.element("a", ["href": link(page: query.page + 1)], text: t(.pagesNext)) }
                w.close("nav")
            }
        }
    }

    /// The table of cases, a row each: the family with its flags, the children, the stage, days in care, what is due.
    func table(_ title: String, _ w: inout HTMLWriter) {
        w.raw("<table class=\"table caseload\">")
        w.element("caption", ["class": "visually-hidden"], text: title)
        w.raw("<thead><tr>")
        for heading in [Msg.caseloadFamily, .caseloadChildren, .caseloadStage, .caseloadDaysInCare, .caseloadNextDue] {
            w.element("th", text: t(heading))
        }
        w.raw("</tr></thead><tbody>")
        let stageLabel = t(.caseloadStage), daysLabel = t(.caseloadDaysInCare), nextLabel = t(.caseloadNextDue)
        for row in rows {
            w.raw("<tr><td>")
            w.element("a", ["href": SiteURL.caseFile(row.caseID).path], text: row.familyName)
            w.element("div", ["class": "hint"], text: row.caseNumber)
            let awaiting = showsAwaiting ? row.awaiting : CaseloadRow.Awaiting()
            for (shown, flag, label) in [(awaiting.stepUp, "tag warn flag-step-up", Msg.caseloadStepUp),
                                         (awaiting.stepDown, "tag warn flag-step-down", .caseloadStepDown),
                                         (awaiting.decision, "tag warn flag-decision", .caseloadDecision),
                                         (row.reEntry, "tag warn flag-re-entry", .caseloadReEntry)] where shown {
                w.raw("<div>")
                w.element("span", ["class": flag], text: t(label))
                w.raw("</div>")
            }
            w.raw("</td><td><ul class=\"plain\">")
            for child in row.children {
                w.raw("<li>")
                w.text(child.age.map { t(.caseloadChildAge, ["name": child.name, "age": LocalFormat.number($0, language)]) } ?? child.name)
                if !child.inCare && row.daysInCare != nil { w.element("span", ["class": "tag"], text: t(.caseloadChildHome)) }
                w.raw("</li>")
            }
            w.raw("</ul></td>")
            w.open("td", ["data-label": stageLabel])
            w.element("span", ["class": "tag stage-\(row.stage.rawValue)"], text: row.stage.staffLabel(language))
            w.close("td")
            w.element("td", ["data-label": daysLabel], text: row.daysInCare.map { LocalFormat.number($0, language) } ?? "—")
            w.open("td", ["data-label": nextLabel])
            let overdue = row.overdue
            for item in overdue.prefix(2) {
                w.open("div", ["class": "overdue deadline"])
                w.text(due(item.kind.staffLabel(language), item.due, overdue: true))
                w.element("div", ["class": "hint"], text: row.childName(item.childID))
                w.close("div")
            }
            if overdue.count > 2 {
                w.element("div", ["class": "overdue"], text: t(.caseloadMoreOverdue, ["count": LocalFormat.number(overdue.count - 2, language)]))
            }
            if let item = row.nextDeadline {
                w.open("div", ["class": "deadline"])
                w.text(due(item.kind.staffLabel(language), item.due))
                w.element("div", ["class": "hint"], text: row.childName(item.childID))
                w.close("div")
            }
            if row.deadlines.isEmpty, let next = row.nextDue {
                w.open("div", ["class": next.isOverdue(today: today) ? "overdue" : nil])
                w.text(due(next.kind.label(language), next.due))
                if let child = next.childName { w.element("div", ["class": "hint"], text: child) }
                w.close("div")
            }
            if let plan = row.planDue, plan != row.nextDue {
                w.element("div", ["class": plan.isOverdue(today: today) ? "overdue plan-due" : "hint plan-due"],
                          text: due(plan.kind.label(language), plan.due, overdue: plan.isOverdue(today: today)))
            }
            w.raw("</td></tr>")
        }
        w.raw("</tbody></table>")
    }

    func link(page: Int) -> String {
        SiteURL.caseload.path + "?page=\(page)" + (query.stage.map { "&stage=\($0.rawValue)" } ?? "")
    }
}
