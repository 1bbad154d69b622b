import Fluent
import Plot
import Vapor
import ReunifyDomain
import ReunifyStore

/// Finding people by name across the cases open to the searcher, whatever the case and accents.
struct SearchController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.search.route, use: search)
    }

    func search(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let query = (try? req.query.get(String.self, at: "q"))?.trimmingCharacters(in: .whitespaces) ?? ""
        var results: [PersonRepository.Found] = []
        var cases: [CaseID: CaseDetails] = [:]
        if !query.isEmpty {
            let caseRepo = CaseRepository(req.db)
            let visible = try await caseRepo.visibleCaseIDs(try req.caseScope())
            results = try await PersonRepository(req.db).search(query, within: visible)
            let ids = Set(results.flatMap { $0.memberships.map(\.caseID) })
            for model in try await caseRepo.find(ids) { cases[model.typedID] = model.details }
            try await req.audit(.search, .person, recordID: nil, caseID: nil, "searched for '\(query)': \(results.count) found")
        }
        let today = req.today
        return Layout(title: "Search people", signedIn: signedIn).render(
            .h1("Search people"),
            .form(.method(.get), .action(SiteURL.search.path), .class("search"),
                .label(.attribute(named: "for", value: "q"), "Name"),
                .div(.class("hint"), "Any part of a given, family or other name. Accents and capitals do not matter."),
                .input(.type(.search), .id("q"), .name("q"), .value(query), .class("input")),
                .button(.type(.submit), .class("button"), "Search")),
            .if(!query.isEmpty, results.isEmpty
                ? .p(.text("No one called '\(query)' in the cases open to you."))
                : .table(.class("table"),
                    .thead(.tr(.th("Name"), .th("Born"), .th("Cases"))),
                    .tbody(.forEach(results) { found in
                        let d = found.person.details
                        return .tr(
                            .td(.text(d.fullName), .if(!d.otherNames.isEmpty, .div(.class("hint"), .text(d.otherNames.joined(separator: ", "))))),
                            .td(.text(d.birthDate.map { "\($0.iso) (age \($0.age(on: today)))" } ?? "Unknown")),
                            .td(.ul(.class("plain"), .forEach(found.memberships) { m in
                                .li(.a(.href(SiteURL.caseFile(m.caseID).path), .text(cases[m.caseID].map { "\($0.familyName) (\($0.caseNumber))" } ?? "Case")),
                                    .text(" — \(m.role.label.lowercased())"))
                            })))
                    })))
        )
    }
}
