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
        func t(_ id: Msg, _ values: [String: String] = [:]) -> String { req.t(id, values) }
        return Layout(title: t(.searchTitle), signedIn: signedIn).render { w in
            w.element("h1", text: t(.searchTitle))
            w.open("form", ["method": "get", "action": SiteURL.search.path, "class": "search"])
            w.element("label", ["for": "q"], text: t(.searchName))
            w.element("div", ["class": "hint"], text: t(.searchHint))
            w.void("input", ["type": "search", "id": "q", "name": "q", "value": query.isEmpty ? nil : query, "class": "input"])
            w.element("button", ["type": "submit", "class": "button"], text: t(.searchSubmit))
            w.close("form")
            guard !query.isEmpty else { return }
            guard !results.isEmpty else { return w.element("p", text: t(.searchNone, ["query": query])) }
            w.raw("<table class=\"table\"><thead><tr>")
            for heading in [Msg.searchName, .searchBorn, .searchCases] { w.element("th", text: t(heading)) }
            w.raw("</tr></thead><tbody>")
            for found in results {
                let d = found.person.details
                w.raw("<tr><td>")
                w.text(d.fullName)
                if !d.otherNames.isEmpty { w.element("div", ["class": "hint"], text: d.otherNames.joined(separator: ", ")) }
                w.raw("</td>")
                w.element("td", text: d.birthDate.map { t(.searchBornOn, ["date": $0.iso, "age": LocalFormat.number($0.age(on: today), language)]) }
                                         ?? t(.searchBornUnknown))
                w.raw("<td><ul class=\"plain\">")
                for m in found.memberships {
                    w.raw("<li>")
                    w.element("a", ["href": SiteURL.caseFile(m.caseID).path], text: t(.searchCaseLine, ["family": m.familyName, "number": m.caseNumber]))
                    w.text(" — " + m.role.staffLabel(language).lowercased())
                    w.raw("</li>")
                }
                w.raw("</ul></td></tr>")
            }
            w.raw("</tbody></table>")
        }
    }
}
