import Fluent
import Vapor
import ReunifyDomain
import ReunifyStore

/// Finds the session behind a request's cookie or bearer token. It never refuses a request itself:
/// `RequireSignIn` does that where a route needs it.
struct SignInMiddleware: AsyncMiddleware {
    static let cookieName = "reunify_session"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let config = request.reunify
        let bearer = request.headers.bearerAuthorization?.token
        let cookie = request.cookies[Self.cookieName]?.string
        if let token = bearer ?? cookie {
            let sessions = SessionRepository(request.db)
            if let active = try await sessions.active(tokenHash: Tokens.hash(token), now: request.now),
               case let (session, user) = (active.session, active.user), session.kind == (bearer != nil ? AuthSessionModel.Kind.api : .browser).rawValue, !user.disabled {
                if session.kind == AuthSessionModel.Kind.browser.rawValue {
                    try await sessions.touch(session, now: request.now, idleLimit: config.sessionIdleLimit,
                                             absoluteLimit: config.sessionAbsoluteLimit)
                }
                let language = user.chosenLanguage ?? request.language(ofPerson: user.userRole == .parent ? active.personLanguages : [])
                request.signedIn = SignedIn(user: user, session: session, language: language,
                                            path: LanguageController.returnPath(request.url))
            }
        }
        return try await next.respond(to: request)
    }
}

/// Refuses requests from nobody: pages send them to sign in, the API answers 401. Pages take only a browser
/// session (whose forms carry CSRF tokens); the API takes only bearer tokens, so a cookie can never drive it.
struct RequireSignIn: AsyncMiddleware {
    enum Mode { case page, api }
    let mode: Mode

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let kind = mode == .api ? AuthSessionModel.Kind.api : .browser
        guard let signedIn = request.signedIn, signedIn.session.kind == kind.rawValue else {
            switch mode {
            case .api:
                throw Abort(.unauthorized, reason: "Sign in first: get a token from POST /api/v1/auth/token and send it as 'Authorization: Bearer <token>'")
            case .page:
                let next = request.url.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"
                return request.redirect(to: SiteURL.signIn.path + "?next=" + next)
            }
        }
        return try await next.respond(to: request)
    }
}
