import Plot
import Vapor
import ReunifyDomain
import ReunifyStore

/// Duplicate review: records that may be the same person, side by side, and merging them.
struct DuplicatePagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.duplicates(.any).route, use: list)
        routes.post(SiteURL.merge(.any, .any).route, use: merge)
    }

    func list(req: Request) async throws -> Response {
        try await req.requireTracer()
        let service = DuplicateService(req: req)
        let person = try await service.changeablePerson(try req.idParameter("personID", "person") as PersonID)
        return try await page(req, person, FormData(), [])
    }

    func page(_ req: Request, _ person: Recorded<PersonSubject, PersonDetails>, _ form: FormData, _ errors: [FieldError],
              status: HTTPResponseStatus = .ok) async throws -> Response {
        let candidates = try await DuplicateService(req: req).duplicates(of: person.id)
        let cases = try await req.visibleCases(of: person.id)
        try await req.audit(.search, .person, recordID: person.id, caseID: cases.first, .audLookedForDuplicates, ["name": person.details.fullName])
        let view = FormView(form, errors: errors, language: req.language)
        let p = person.details
        func describe(_ d: PersonDetails) -> String {
            [d.fullName, d.otherNames.isEmpty ? nil : req.t(.dupAlso, ["names": d.otherNames.joined(separator: ", ")]),
             d.birthDate.map { req.t(.trcBorn, ["date": LocalFormat.date($0, req.language)]) }, d.sex.staffLabel(req.language), d.placeOfOrigin].compactMap { $0 }.joined(separator: " · ")
        }
        return Layout(title: req.t(.dupTitle), signedIn: req.signedIn,
                      breadcrumbs: cases.first.map { [(req.t(.dupCaseload), SiteURL.caseload.path), (req.t(.dupCase), SiteURL.caseFile($0).path)] } ?? []).render(
            .h1(.text(req.t(.dupOf, ["name": p.fullName]))),
            .p(.text(describe(p))),
            .p(.class("hint"), .text(req.t(.dupHint))),
            view.errorSummary(),
            candidates.isEmpty ? .p(.id("no-duplicates"), .text(req.t(.dupNone))) :
            .table(.class("table"), .id("duplicates"),
                .thead(.tr(.th(.text(req.t(.dupProbability))), .th(.text(req.t(.dupRecord))), .th(.text(req.t(.dupEvidence))), .th(.text(req.t(.dupMergeInto))))),
                .tbody(.forEach(candidates) { c in
                    .tr(.td(.strong(.text(TracingViews.percent(c.score.probability, req.language)))),
                        .td(.text(describe(c.person.details))),
                        .td(.ul(.class("plain"), .forEach(c.score.evidence.filter { $0.weight != nil }) { e in
                            let worded = e.worded(req.language)
                            return .li(.attribute(named: "lang", value: worded.language == req.language ? nil : worded.language.tag), .text(worded.text))
                        })),
                        .td(.form(.method(.post), .action(SiteURL.merge(person.id, c.person.id).path),
                            csrfField(req.signedIn),
                            .label(.for("reason-\(c.person.id)"), .text(req.t(.dupWhy))),
                            .textarea(.id("reason-\(c.person.id)"), .name("reason"), .class("input")),
                            .button(.type(.submit), .class("button"), .text(req.t(.dupMergeButton, ["name": p.fullName]))))))
                }))
        ).with(status: status)
    }

    func merge(req: Request) async throws -> Response {
        let keptID: PersonID = try req.idParameter("personID", "person")
        let duplicateID: PersonID = try req.idParameter("otherID", "person")
        let form = FormData(req)
        do {
            _ = try await DuplicateService(req: req).merge(duplicateID, into: keptID, reason: form.string("reason"))
        } catch let failure as ValidationFailure {
            let person = try await DuplicateService(req: req).changeablePerson(keptID)
            return try await page(req, person, form, failure.errors, status: .unprocessableEntity)
        }
        let cases = try await req.visibleCases(of: keptID)
        return req.redirect(to: cases.first.map { SiteURL.caseFile($0).path } ?? SiteURL.duplicates(keptID).path)
    }
}
