import Foundation
import Plot
import Vapor
import ReunifyDomain
import ReunifyStore

/// The `lang` to mark an instrument's words with: nil when they come in the page's language.
func instrumentLang(_ tag: String, _ language: UILanguage) -> String? { tag == language.tag ? nil : tag }

/// The result of an assessment: domain overall ratings, then problems (serious first) and strengths.
struct AssessmentResultView {
    let model: Recorded<AssessmentSubject, AssessmentDetails>
    let instrument: Instrument
    let caseFile: Recorded<CaseSubject, CaseDetails>
    let assessorName: String
    let mayEdit: Bool

    func render(_ req: Request) -> Response {
        let language = req.language
        let (worded, tag) = instrument.worded(language)
        let marked = instrumentLang(tag, language)
        let result = AssessmentResult(instrument: worded, ratings: model.details.ratings)
        let caseID = caseFile.id
        let point = model.details.point.staffLabel(language)
        return Layout(title: "\(worded.title) — \(point)", signedIn: req.signedIn, breadcrumbs: caseFile.breadcrumbs(language)).render(
            .div(.class("page-heading"),
                .h1(.span(.attribute(named: "lang", value: marked), .text(worded.title)),
                    .span(.class("caption"), .text([point, model.details.assessedOn.iso, assessorName].joined(separator: " · ")))),
                .if(!model.details.completed && mayEdit, .a(.class("button"), .href(SiteURL.editAssessment(caseID, model.id).path), .text(req.t(.asmContinue))))),
            .if(!model.details.completed, .p(.class("tag warn"), .text(req.t(.asmDraftTag)))),
            .h2(.text(req.t(.asmDomains))),
            .table(.class("table"),
                .thead(.tr(.th(.text(req.t(.asmDomain))), .th(.text(req.t(.asmOverall))), .th(.text(req.t(.asmItemsRated))))),
                .tbody(.forEach(result.domains) { d in
                    .tr(.td(.attribute(named: "lang", value: marked), .text(d.title)), .td(ratingTag(d.overall, worded, language)),
                        .td(.text(req.t(.asmRatedOf, ["rated": String(d.rated), "items": String(d.items)]))))
                })),
            .h2(.text(req.t(.asmProblems))),
            result.problems.isEmpty ? .p(.text(req.t(.asmNoProblems))) :
                .ul(.class("findings"), .forEach(result.problems) { f in
                    .li(ratingTag(f.rating, worded, language), .text(" "), .span(.attribute(named: "lang", value: marked), .text(f.text)))
                }),
            .h2(.text(req.t(.asmStrengths))),
            result.strengths.isEmpty ? .p(.text(req.t(.asmNoStrengths))) :
                .ul(.class("findings"), .forEach(result.strengths) { f in
                    .li(ratingTag(f.rating, worded, language), .text(" "), .span(.attribute(named: "lang", value: marked), .text(f.text)))
                }),
            .unwrap(model.details.notes) { .div(.h2(.text(req.t(.asmNotes))), .p(.text($0))) }
        )
    }
}

/// A rating as a tag: its value and its label on the (worded) instrument's scale, or "not rated" in the page's language.
func ratingTag(_ rating: Rating?, _ instrument: Instrument, _ language: UILanguage) -> Node<HTML.BodyContext> {
    guard let rating else { return .span(.class("rating none"), .text(Catalogue.text(.asmNotRated, language))) }
    let tag = instrumentLang(instrument.language, language)
    return .span(.class("rating r\(rating.rawValue < 0 ? "m\(-rating.rawValue)" : String(rating.rawValue))"),
                 .attribute(named: "lang", value: tag), .text("\(rating.signed) \(instrument.label(rating))"))
}

/// Two assessments of the same family side by side, with the change per domain and item.
struct AssessmentCompareView {
    let caseFile: Recorded<CaseSubject, CaseDetails>
    let instrument: Instrument
    let before: Recorded<AssessmentSubject, AssessmentDetails>
    let after: Recorded<AssessmentSubject, AssessmentDetails>

    func render(_ req: Request) -> Response {
        let language = req.language
        let (worded, tag) = instrument.worded(language)
        let marked = instrumentLang(tag, language)
        let change = AssessmentChange(instrument: worded, before: before.details.ratings, after: after.details.ratings)
        func row(_ line: AssessmentChange.Line) -> Node<HTML.TableContext> {
            let delta = line.change.map { $0 > 0 ? "+\($0)" : $0 == 0 ? req.t(.asmNoChange) : "−\(-$0)" } ?? "—"
            return .tr(.class(line.change.map { $0 > 0 ? "better" : $0 < 0 ? "worse" : "" } ?? ""),
                       .td(.attribute(named: "lang", value: marked), .text(line.text)), .td(ratingTag(line.before, worded, language)),
                       .td(ratingTag(line.after, worded, language)), .td(.text(delta)))
        }
        let from = before.details.assessedOn.iso, to = after.details.assessedOn.iso
        return Layout(title: req.t(.asmCompareTitle), signedIn: req.signedIn, breadcrumbs: caseFile.breadcrumbs(language)).render(
            .h1(.text(req.t(.asmWhatChanged, ["from": from, "to": to]))),
            .p(.class("hint"), .text(req.t(.asmPositiveBetter, ["instrument": worded.title]))),
            .h2(.text(req.t(.asmDomains))),
            .table(.class("table compare"), .thead(.tr(.th(.text(req.t(.asmDomain))), .th(.text(from)), .th(.text(to)), .th(.text(req.t(.asmChange))))),
                   .tbody(.group(change.domains.map(row)))),
            .h2(.text(req.t(.asmItems))),
            .table(.class("table compare"), .thead(.tr(.th(.text(req.t(.asmItem))), .th(.text(from)), .th(.text(to)), .th(.text(req.t(.asmChange))))),
                   .tbody(.group(change.items.filter { $0.before != nil || $0.after != nil }.map(row))))
        )
    }
}
