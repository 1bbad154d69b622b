import Vapor

/// Every form post must carry the session's CSRF token, so another site cannot post in a user's name.
struct CSRFMiddleware: AsyncMiddleware {
    static let field = "_csrf"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.method == .POST {
            // Middleware runs before the route collects a streamed body: a form longer than the first packet (the
            // plan form, the assessment form) would otherwise look empty here. Collect it first, within the limit.
            _ = try await request.body.collect(max: request.application.routes.defaultMaxBodySize.value).get()
            let sent = FormData(request).string(Self.field)
            guard let session = request.signedIn?.session, Tokens.equal(sent, session.csrfToken) else {
                throw Refusal(.forbidden, .errFormExpired)
            }
        }
        return try await next.respond(to: request)
    }
}

struct SecurityHeadersMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: "default-src 'self'; style-src 'self'; form-action 'self'; frame-ancestors 'none'")
        if request.signedIn != nil { response.headers.replaceOrAdd(name: .cacheControl, value: "no-store") }
        return response
    }
}
