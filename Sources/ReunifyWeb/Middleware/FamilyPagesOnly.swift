import Vapor

/// A family account reads Reunify through its own pages (`/family/…`), which are written in its language and show
/// only what is theirs. The staff pages that hand a family on to their own counterpart do so themselves, once the
/// policy has let them read the case (so another family's case stays not found); this is the net under them: any
/// other staff page a family account would be shown is answered with their home page instead. Refusals, errors,
/// redirects and the family's own pages pass unchanged.
struct FamilyPagesOnly: AsyncMiddleware {
    /// The routes written for families, besides `/family/…`: the plan's printable family summary.
    static let familyRoutes: Set<String> = Set([SiteURL.planSummary(.any, .any)].map { routeKey($0.route) })

    static func routeKey(_ path: [PathComponent]) -> String { path.map(\.description).joined(separator: "/") }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        guard request.signedIn?.isFamily == true, request.method == .GET, response.status == .ok,
              let route = request.route?.path, route.first?.description != "family",
              !Self.familyRoutes.contains(Self.routeKey(route)) else { return response }
        return request.redirect(to: SiteURL.familyHome.path)
    }
}
