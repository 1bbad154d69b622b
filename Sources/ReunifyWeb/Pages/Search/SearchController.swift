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
        let query = req.queryValue("q")?.trimmingCharacters(in: .whitespaces) ?? ""
        var results: [PersonRepository.Found] = []
        if !query.isEmpty {
            results = try await PersonRepository(req.db).search(query, scope: try req.caseScope())
            try await req.audit(.search, .person, recordID: nil, caseID: nil, .audSearched, ["query": query, "count": "\(results.count)"])
        }
        let today = req.today
        let language = req.language
        return Layout(title: req.t(.searchTitle), signedIn: signedIn).render(
            .h1(.text(req.t(.searchTitle))),
            .form(.method(.get), .action(SiteURL.search.path), .class("search"),
                .label(.attribute(named: "for", value: "q"), .text(req.t(.searchName))),
                .div(.class("hint"), .text(req.t(.searchHint))),
                .input(.type(.search), .id("q"), .name("q"), .value(query), .class("input")),
                .button(.type(.submit), .class("button"), .text(req.t(.searchSubmit)))),
            .if(!query.isEmpty, results.isEmpty
                ? .p(.text(req.t(.searchNone, ["query": query])))
                : .table(.class("table"),
                    .thead(.tr(.th(.text(req.t(.searchName))), .th(.text(req.t(.searchBorn))), .th(.text(req.t(.searchCases))))),
                    .tbody(.forEach(results) { found in
                        let d = found.person.details
                        return .tr(
                            .td(.text(d.fullName), .if(!d.otherNames.isEmpty, .div(.class("hint"), .text(d.otherNames.joined(separator: ", "))))),
                            .td(.text(d.birthDate.map { req.t(.searchBornOn, ["date": $0.iso, "age": LocalFormat.number($0.age(on: today), language)]) }
                                      ?? req.t(.searchBornUnknown))),
                            .td(.ul(.class("plain"), .forEach(found.memberships) { m in
                                .li(.a(.href(SiteURL.caseFile(m.caseID).path),
                                       .text(req.t(.searchCaseLine, ["family": m.familyName, "number": m.caseNumber]))),
                                    .text(" — " + m.role.staffLabel(language).lowercased()))
                            })))
                    })))
        )
    }
}
