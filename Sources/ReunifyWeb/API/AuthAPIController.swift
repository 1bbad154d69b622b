import Fluent
import Vapor
import ReunifyDomain
import ReunifyStore

/// `POST /api/v1/auth/token` exchanges an email and password for a bearer token;
/// `DELETE /api/v1/auth/token` revokes the token it is sent with.
struct AuthAPIController: RouteCollection {
    struct Credentials: Content {
        let email: String
        let password: String
    }

    struct TokenResponse: Content {
        let token: String
        let expiresAt: Date
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.post("auth", "token", use: issue)
        routes.grouped(RequireSignIn(mode: .api)).delete("auth", "token", use: revoke)
    }

    func issue(req: Request) async throws -> Response {
        let credentials = try req.content.decode(Credentials.self)
        switch try await SignInService(req: req).signIn(email: credentials.email, password: credentials.password, kind: .api) {
        case .refused(let message):
            throw Abort(.unauthorized, reason: message)
        case .throttled(let message, let minutes):
            throw Abort(.tooManyRequests, reason: Catalogue.text(message, .english, ["minutes": String(minutes)]))
        case .signedIn(_, let token, let session):
            let response = Response(status: .created)
            try response.content.encode(TokenResponse(token: token, expiresAt: session.expiresAt))
            return response
        }
    }

    func revoke(req: Request) async throws -> HTTPStatus {
        let signedIn = try req.requireSignedIn()
        try await SessionRepository(req.db).revoke(signedIn.session, now: req.now)
        try await req.audit(.revokeToken, "user", recordID: signedIn.user.id, caseID: nil, .audTokenRevoked)
        return .noContent
    }
}
