import Foundation
import Plot
import Vapor
import ReunifyDomain
import ReunifyStore

/// The result of an assessment: domain overall ratings, then problems (serious first) and strengths.
struct AssessmentResultView {
    let model: Recorded<AssessmentSubject, AssessmentDetails>
    let instrument: Instrument
    let caseFile: Recorded<CaseSubject, CaseDetails>
    let assessorName: String
    let mayEdit: Bool

    func render(_ req: Request) -> Response {
        let result = AssessmentResult(instrument: instrument, ratings: model.details.ratings)
        let caseID = caseFile.id
        return Layout(title: "\(instrument.title) — \(model.details.point.label)", signedIn: req.signedIn,
                      breadcrumbs: [("Caseload", SiteURL.caseload.path), (caseFile.details.familyName, SiteURL.caseFile(caseID).path)]).render(
            .div(.class("page-heading"),
                .h1(.text(instrument.title), .span(.class("caption"), .text("\(model.details.point.label) · \(model.details.assessedOn.iso) · \(assessorName)"))),
                .if(!model.details.completed && mayEdit, .a(.class("button"), .href(SiteURL.editAssessment(caseID, model.id).path), "Continue this draft"))),
            .if(!model.details.completed, .p(.class("tag warn"), "Draft — not yet completed")),
            .h2("Domains"),
            .table(.class("table"),
                .thead(.tr(.th("Domain"), .th("Overall rating"), .th("Items rated"))),
                .tbody(.forEach(result.domains) { d in
                    .tr(.td(.text(d.title)), .td(ratingTag(d.overall)), .td(.text("\(d.rated) of \(d.items)")))
                })),
            .h2("Problems"),
            result.problems.isEmpty ? .p("No item was rated as a problem.") :
                .ul(.class("findings"), .forEach(result.problems) { f in .li(ratingTag(f.rating), .text(" \(f.text)")) }),
            .h2("Strengths"),
            result.strengths.isEmpty ? .p("No item was rated as a strength.") :
                .ul(.class("findings"), .forEach(result.strengths) { f in .li(ratingTag(f.rating), .text(" \(f.text)")) }),
            .unwrap(model.details.notes) { .div(.h2("Notes"), .p(.text($0))) }
        )
    }
}

func ratingTag(_ rating: Rating?) -> Node<HTML.BodyContext> {
    guard let rating else { return .span(.class("rating none"), "Not rated") }
    return .span(.class("rating r\(rating.rawValue < 0 ? "m\(-rating.rawValue)" : String(rating.rawValue))"), .text("\(rating.signed) \(rating.label)"))
}

/// Two assessments of the same family side by side, with the change per domain and item.
struct AssessmentCompareView {
    let caseFile: Recorded<CaseSubject, CaseDetails>
    let instrument: Instrument
    let before: Recorded<AssessmentSubject, AssessmentDetails>
    let after: Recorded<AssessmentSubject, AssessmentDetails>

    func render(_ req: Request) -> Response {
        let change = AssessmentChange(instrument: instrument, before: before.details.ratings, after: after.details.ratings)
        let caseID = caseFile.id
        func row(_ line: AssessmentChange.Line) -> Node<HTML.TableContext> {
            let delta = line.change.map { $0 > 0 ? "+\($0)" : $0 == 0 ? "no change" : "−\(-$0)" } ?? "—"
            return .tr(.class(line.change.map { $0 > 0 ? "better" : $0 < 0 ? "worse" : "" } ?? ""),
                       .td(.text(line.text)), .td(ratingTag(line.before)), .td(ratingTag(line.after)), .td(.text(delta)))
        }
        return Layout(title: "Compare assessments", signedIn: req.signedIn,
                      breadcrumbs: [("Caseload", SiteURL.caseload.path), (caseFile.details.familyName, SiteURL.caseFile(caseID).path)]).render(
            .h1(.text("What changed: \(before.details.assessedOn.iso) → \(after.details.assessedOn.iso)")),
            .p(.class("hint"), .text("\(instrument.title). Positive change is better.")),
            .h2("Domains"),
            .table(.class("table compare"), .thead(.tr(.th("Domain"), .th(.text(before.details.assessedOn.iso)), .th(.text(after.details.assessedOn.iso)), .th("Change"))),
                   .tbody(.group(change.domains.map(row)))),
            .h2("Items"),
            .table(.class("table compare"), .thead(.tr(.th("Item"), .th(.text(before.details.assessedOn.iso)), .th(.text(after.details.assessedOn.iso)), .th("Change"))),
                   .tbody(.group(change.items.filter { $0.before != nil || $0.after != nil }.map(row))))
        )
    }
}
