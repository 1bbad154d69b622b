import Foundation
import Plot
import Vapor
import ReunifyDomain
import ReunifyStore

/// The tracing pages' HTML.
enum TracingViews {
    struct CandidateRow {
        let candidate: CandidateSummary
        let title: String
        let subtitle: String
        let link: String
    }

    static func percent(_ p: Double) -> String {
        if p >= 0.995 && p < 1 { return "over 99 %" }
        if p < 0.01 { return "under 1 %" }
        return "\(Int((p * 100).rounded())) %"
    }

    static func list(_ req: Request, _ requests: [Recorded<TracingRequestSubject, TracingRecord>], status: TracingStatus?, search: String) -> Response {
        Layout(title: "Tracing", signedIn: req.signedIn).render(
            .div(.class("page-heading"),
                .h1("Tracing requests"),
                .a(.class("button"), .href(SiteURL.newTracing.path), "File a tracing request")),
            .p(.class("hint"), "Relatives looking for a child, and our searches for children's families. Each inquiry is matched against the registered children whose tracing consent is recorded."),
            .form(.class("filters"), .method(.get), .action(SiteURL.tracing.path),
                .label(.for("q"), "Name"),
                .input(.type(.search), .id("q"), .name("q"), .value(search), .class("input")),
                .label(.for("status"), "Status"),
                selectElement(id: "status", options: TracingStatus.allCases.map { ($0.rawValue, $0.label) }, selected: status?.rawValue ?? "", blank: "Any"),
                .button(.type(.submit), .class("button"), "Filter")),
            requests.isEmpty ? .p("No tracing requests match.") :
            .table(.class("table"), .id("tracing-requests"),
                .thead(.tr(.th("Sought child"), .th("Kind"), .th("Asked by"), .th("Filed"), .th("Status"))),
                .tbody(.forEach(requests) { r in
                    let d = r.details.request
                    return .tr(
                        .td(.a(.href(SiteURL.tracingRequest(r.id).path), .text(d.sought.fullName.isEmpty ? "(no name)" : d.sought.fullName))),
                        .td(.text(d.kind == .inquiry ? "Inquiry" : "Family search")),
                        .td(.text("\(d.inquirer.name) (\(d.inquirer.relationship))")),
                        .td(.text(r.details.filedOn.iso)),
                        .td(.span(.class("tag"), .text(d.status.label))))
                }))
        )
    }

    static func row(_ label: String, _ value: String?) -> Node<HTML.DescriptionListContext> {
        .group(.dt(.text(label)), .dd(.text(value.flatMap { $0.isEmpty ? nil : $0 } ?? "—")))
    }

    static func detail(_ req: Request, _ request: Recorded<TracingRequestSubject, TracingRecord>, actions: [TracingActionDetails],
                       candidates: [CandidateRow], linked: PersonDetails?, linkedCase: CaseID?, consentMissing: Bool, filedBy: String,
                       actionForm: FormData, actionErrors: [FieldError]) -> Response {
        let d = request.details.request
        let s = d.sought
        let id = request.id
        let verification = request.details.verification
        var form = actionForm
        if form.string("date-day").isEmpty { form.set("date", date: req.today.parts) }
        let view = FormView(form, errors: actionErrors)
        return Layout(title: "Tracing: \(s.fullName)", signedIn: req.signedIn, breadcrumbs: [("Tracing", SiteURL.tracing.path)]).render(
            .div(.class("page-heading"),
                .h1(.text(d.kind == .inquiry ? "Looking for \(s.fullName)" : "Looking for the family of \(s.fullName)")),
                .a(.class("button"), .href(SiteURL.editTracing(id).path), "Change")),
            .dl(.class("summary-list"),
                .group(.dt("Status"), .dd(.span(.class("tag"), .id("tracing-status"), .text(d.status.label)))),
                row("Filed", "\(request.details.filedOn.iso) by \(filedBy)"),
                row("Asked by", "\(d.inquirer.name) — \(d.inquirer.relationship)"),
                row("Contact", d.inquirer.contact), row("Language", d.inquirer.language)),
            .h2("The child sought"),
            .dl(.class("summary-list"),
                row("Names", ([s.fullName] + s.otherNames).joined(separator: "; ")), row("Sex", s.sex.label),
                row("Birth date", s.birthDate?.text), row("Age estimate", s.ageEstimate.map { "\($0) when filed" }),
                row("Separated at", [s.separationPlace, s.separationDate?.iso].compactMap { $0 }.joined(separator: ", ")),
                row("Place of origin", s.placeOfOrigin), row("Last known address", s.lastKnownAddress), row("Mother", s.motherName), row("Father", s.fatherName),
                row("Distinguishing details", s.distinguishingDetails), row("Notes", d.notes)),
            .unwrap(linked) { child in
                .section(.id("linked"),
                    .h2(d.kind == .inquiry ? "Confirmed match" : "Registered child"),
                    .p(.text("\(child.fullName)\(child.birthDate.map { ", born \($0.iso)" } ?? "")"),
                       .unwrap(linkedCase) { .group(.text(" — "), .a(.href(SiteURL.caseFile($0).path), "open the case")) }))
            },
            .if(request.details.linkedPersonID != nil, .section(.id("verification"),
                .h2("Verification"),
                .unwrap(verification) { v in
                    .dl(.class("summary-list"),
                        .forEach(VerificationDetails.questions) { q in row(q.text, v.answer(q.key).label) },
                        row("What was found", v.notes))
                },
                .p(.a(.class("button"), .href(SiteURL.verification(id).path), .text(verification == nil ? "Record the verification" : "Change the verification"))))),
            .section(.id("candidates"),
                .h2(.text(d.kind == .inquiry ? "Possible matches among registered children" : "Inquiries that may come from this child's family")),
                .if(consentMissing, .p(.class("tag warn"), "The child's record does not say tracing consent was given, so no inquiry is matched with them.")),
                candidates.isEmpty ? .p("No likely match yet. New and changed records are matched as they are saved.") :
                .table(.class("table"),
                    .thead(.tr(.th("Match probability"), .th(d.kind == .inquiry ? "Registered child" : "Inquiry"), .th("Decision"), .th(.span(.class("visually-hidden"), "Review")))),
                    .tbody(.forEach(candidates) { c in
                        .tr(.td(.strong(.text(percent(c.candidate.probability)))),
                            .td(.text(c.title), .div(.class("hint"), .text(c.subtitle))),
                            .td(.text(c.candidate.decision.label)),
                            .td(.a(.href(c.link), "Review the evidence")))
                    }))),
            .section(.id("actions"),
                .h2("What has been done"),
                actions.isEmpty ? .p("No tracing actions recorded yet.") :
                .table(.class("table"),
                    .thead(.tr(.th("Date"), .th("Action"), .th("Place"), .th("Outcome"), .th("Notes"))),
                    .tbody(.forEach(actions) { a in
                        .tr(.td(.text(a.date.iso)), .td(.text(a.type.label)), .td(.text(a.place)), .td(.text(a.outcome)), .td(.text(a.notes)))
                    })),
                .h3("Record an action"),
                view.errorSummary(),
                .form(.method(.post), .action(SiteURL.tracingActions(id).path), .attribute(named: "novalidate"),
                    csrfField(req.signedIn),
                    view.date("date", "Date"),
                    view.select("type", "What was done", TracingActionType.self),
                    view.text("place", "Where"),
                    view.textarea("outcome", "Outcome"),
                    view.textarea("notes", "Notes"),
                    .button(.type(.submit), .class("button"), "Record action")))
        )
    }
}
