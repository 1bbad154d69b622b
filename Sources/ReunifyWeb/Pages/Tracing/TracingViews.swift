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

    static func percent(_ p: Double, _ language: UILanguage) -> String {
        if p >= 0.995 && p < 1 { return Catalogue.text(.trcOver99, language) }
        if p < 0.01 { return Catalogue.text(.trcUnder1, language) }
        return "\(Int((p * 100).rounded())) %"
    }

    static func list(_ req: Request, _ requests: [Recorded<TracingRequestSubject, TracingRecord>], status: TracingStatus?, search: String) -> Response {
        Layout(title: req.t(.trcTitle), signedIn: req.signedIn).render(
            .div(.class("page-heading"),
                .h1(.text(req.t(.trcListHeading))),
                .a(.class("button"), .href(SiteURL.newTracing.path), .text(req.t(.trcFile)))),
            .p(.class("hint"), .text(req.t(.trcListHint))),
            .form(.class("filters"), .method(.get), .action(SiteURL.tracing.path),
                .label(.for("q"), .text(req.t(.trcName))),
                .input(.type(.search), .id("q"), .name("q"), .value(search), .class("input")),
                .label(.for("status"), .text(req.t(.trcStatus))),
                selectElement(id: "status", options: TracingStatus.allCases.map { ($0.rawValue, $0.staffLabel(req.language)) }, selected: status?.rawValue ?? "", blank: req.t(.trcAny)),
                .button(.type(.submit), .class("button"), .text(req.t(.trcFilter)))),
            requests.isEmpty ? .p(.text(req.t(.trcNoneMatch))) :
            .table(.class("table"), .id("tracing-requests"),
                .thead(.tr(.th(.text(req.t(.trcSoughtChild))), .th(.text(req.t(.trcKind))), .th(.text(req.t(.trcAskedBy))), .th(.text(req.t(.trcFiled))), .th(.text(req.t(.trcStatus))))),
                .tbody(.forEach(requests) { r in
                    let d = r.details.request
                    return .tr(
                        .td(.a(.href(SiteURL.tracingRequest(r.id).path), .text(d.sought.fullName.isEmpty ? req.t(.trcNoName) : d.sought.fullName))),
                        .td(.text(d.kind == .inquiry ? req.t(.trcInquiry) : req.t(.trcFamilySearch))),
                        .td(.text("\(d.inquirer.name) (\(d.inquirer.relationship))")),
                        .td(.text(LocalFormat.date(r.details.filedOn, req.language))),
                        .td(.span(.class("tag"), .text(d.status.staffLabel(req.language)))))
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
        let view = FormView(form, errors: actionErrors, language: req.language)
        return Layout(title: req.t(.trcPageTitle, ["name": s.fullName]), signedIn: req.signedIn, breadcrumbs: [(req.t(.trcTitle), SiteURL.tracing.path)]).render(
            .div(.class("page-heading"),
                .h1(.text(req.t(d.kind == .inquiry ? .trcLookingFor : .trcLookingForFamily, ["name": s.fullName]))),
                .a(.class("button"), .href(SiteURL.editTracing(id).path), .text(req.t(.trcChange)))),
            .dl(.class("summary-list"),
                .group(.dt(.text(req.t(.trcStatus))), .dd(.span(.class("tag"), .id("tracing-status"), .text(d.status.staffLabel(req.language))))),
                row(req.t(.trcFiled), req.t(.trcFiledBy, ["date": LocalFormat.date(request.details.filedOn, req.language), "name": filedBy])),
                row(req.t(.trcAskedBy), "\(d.inquirer.name) — \(d.inquirer.relationship)"),
                row(req.t(.trcContact), d.inquirer.contact), row(req.t(.trcLanguage), Languages.display(d.inquirer.language, in: req.language))),
            .h2(.text(req.t(.trcChildSought))),
            .dl(.class("summary-list"),
                row(req.t(.trcNames), ([s.fullName] + s.otherNames).joined(separator: "; ")), row(req.t(.trcSex), s.sex.staffLabel(req.language)),
                row(req.t(.trcBirthDate), s.birthDate?.text), row(req.t(.trcAgeEstimate), s.ageEstimate.map { req.t(.trcAgeWhenFiled, ["age": String($0)]) }),
                row(req.t(.trcSeparatedAt), [s.separationPlace, s.separationDate.map { LocalFormat.date($0, req.language) }].compactMap { $0 }.joined(separator: ", ")),
                row(req.t(.trcOrigin), s.placeOfOrigin), row(req.t(.trcLastAddress), s.lastKnownAddress), row(req.t(.trcMother), s.motherName), row(req.t(.trcFather), s.fatherName),
                row(req.t(.trcDetails), s.distinguishingDetails), row(req.t(.trcNotes), d.notes)),
            .unwrap(linked) { child in
                .section(.id("linked"),
                    .h2(.text(req.t(d.kind == .inquiry ? .trcConfirmed : .trcRegistered))),
                    .p(.text("\(child.fullName)\(child.birthDate.map { ", " + req.t(.trcBorn, ["date": LocalFormat.date($0, req.language)]) } ?? "")"),
                       .unwrap(linkedCase) { .group(.text(" — "), .a(.href(SiteURL.caseFile($0).path), .text(req.t(.trcOpenCase)))) }))
            },
            .if(request.details.linkedPersonID != nil, .section(.id("verification"),
                .h2(.text(req.t(.trcVerification))),
                .unwrap(verification) { v in
                    .dl(.class("summary-list"),
                        .forEach(VerificationDetails.questions) { q in row(req.t(q.text), v.answer(q.key).staffLabel(req.language)) },
                        row(req.t(.trcFound), v.notes))
                },
                .p(.a(.class("button"), .href(SiteURL.verification(id).path), .text(req.t(verification == nil ? .trcRecordVerification : .trcChangeVerification)))))),
            .section(.id("candidates"),
                .h2(.text(req.t(d.kind == .inquiry ? .trcCandidatesChildren : .trcCandidatesInquiries))),
                .if(consentMissing, .p(.class("tag warn"), .text(req.t(.trcNoConsent)))),
                candidates.isEmpty ? .p(.text(req.t(.trcNoCandidates))) :
                .table(.class("table"),
                    .thead(.tr(.th(.text(req.t(.trcProbability))), .th(.text(req.t(d.kind == .inquiry ? .trcRegistered : .trcInquiry))), .th(.text(req.t(.trcDecision))), .th(.span(.class("visually-hidden"), .text(req.t(.trcReview)))))),
                    .tbody(.forEach(candidates) { c in
                        .tr(.td(.strong(.text(percent(c.candidate.probability, req.language)))),
                            .td(.text(c.title), .div(.class("hint"), .text(c.subtitle))),
                            .td(.text(c.candidate.decision.staffLabel(req.language))),
                            .td(.a(.href(c.link), .text(req.t(.trcEvidence)))))
                    }))),
            .section(.id("actions"),
                .h2(.text(req.t(.trcDone))),
                actions.isEmpty ? .p(.text(req.t(.trcNoActions))) :
                .table(.class("table"),
                    .thead(.tr(.th(.text(req.t(.trcDate))), .th(.text(req.t(.trcAction))), .th(.text(req.t(.trcPlace))), .th(.text(req.t(.trcOutcome))), .th(.text(req.t(.trcNotes))))),
                    .tbody(.forEach(actions) { a in
                        .tr(.td(.text(LocalFormat.date(a.date, req.language))), .td(.text(a.type.staffLabel(req.language))), .td(.text(a.place)), .td(.text(a.outcome)), .td(.text(a.notes)))
                    })),
                .h3(.text(req.t(.trcRecordAction))),
                view.errorSummary(),
                .form(.method(.post), .action(SiteURL.tracingActions(id).path), .attribute(named: "novalidate"),
                    csrfField(req.signedIn),
                    view.date("date", req.t(.trcDate)),
                    view.select("type", req.t(.trcWhatDone), TracingActionType.self),
                    view.text("place", req.t(.trcWhere)),
                    view.textarea("outcome", req.t(.trcOutcome)),
                    view.textarea("notes", req.t(.trcNotes)),
                    .button(.type(.submit), .class("button"), .text(req.t(.trcRecordActionButton)))))
        )
    }
}
