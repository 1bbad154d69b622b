import Fluent
import Plot
import Vapor
import ReunifyDomain
import ReunifyStore

/// Sign-in and sign-out pages. Before sign-in there is no session, so the form's CSRF token is checked
/// against a cookie set with the form (double submit).
struct SignInController: RouteCollection {
    static let preSessionCookie = "reunify_signin_csrf"

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.home.route) { req -> Response in
            req.redirect(to: req.signedIn == nil ? SiteURL.signIn.path : Self.firstPage(req.signedIn))
        }
        routes.get(SiteURL.signIn.route, use: show)
        routes.post(SiteURL.signIn.route, use: submit)
        routes.grouped(RequireSignIn(mode: .page)).grouped(CSRFMiddleware()).post(SiteURL.signOut.route, use: signOut)
    }

    func show(req: Request) async throws -> Response {
        if req.signedIn != nil { return req.redirect(to: Self.firstPage(req.signedIn)) }
        return page(req, form: FormData(), errors: [], status: .ok)
    }

    /// Where a signed-in person starts: a family their family's home, staff their caseload.
    static func firstPage(_ signedIn: SignedIn?) -> String {
        signedIn?.isFamily == true ? SiteURL.familyHome.path : SiteURL.caseload.path
    }

    func page(_ req: Request, form: FormData, errors: [FieldError], status: HTTPResponseStatus) -> Response {
        let token = Tokens.random()
        let view = FormView(form, errors: errors, language: req.language)
        let next = req.query[String.self, at: "next"] ?? form.string("next")
        let response = Layout(title: req.t(.signInTitle), signedIn: nil, language: req.language, path: req.url.string).render(
            .div(.class("narrow"),
                .h1(.text(req.t(.signInHeading))),
                .if(req.query[String.self, at: "ready"] != nil, .div(.class("notice"), .attribute(named: "role", value: "status"), .p(.text(req.t(.inviteReady))))),
                view.errorSummary(),
                .form(.method(.post), .action(SiteURL.signIn.path), .attribute(named: "novalidate"),
                    .input(.type(.hidden), .name(CSRFMiddleware.field), .value(token)),
                    .input(.type(.hidden), .name("next"), .value(next)),
                    view.text("email", req.t(.signInEmail), type: "email", autocomplete: "email"),
                    view.text("password", req.t(.signInPassword), type: "password", autocomplete: "current-password"),
                    .button(.type(.submit), .class("button"), .text(req.t(.signInSubmit)))),
                .p(.class("hint"), .text(req.t(.signInHint)))
            )).with(status: status)
        response.cookies[Self.preSessionCookie] = HTTPCookies.Value(string: token, maxAge: 3600, path: "/",
                                                                    isSecure: req.reunify.secureCookies, isHTTPOnly: true, sameSite: .strict)
        return response
    }

    func submit(req: Request) async throws -> Response {
        let form = FormData(req)
        guard let cookie = req.cookies[Self.preSessionCookie]?.string, Tokens.equal(cookie, form.string(CSRFMiddleware.field)) else {
            throw Refusal(.forbidden, .errSignInExpired)
        }
        var reader = FormReader(form)
        let email = reader.required("email", req.t(.signInNeedEmail))
        let password = form.values["password"]?.first ?? ""
        if password.isEmpty { reader.errors.append(.init("password", req.t(.signInNeedPassword))) }
        var shown = form
        shown.set("password", nil)
        guard reader.errors.isEmpty else { return page(req, form: shown, errors: reader.errors, status: .unprocessableEntity) }
        switch try await SignInService(req: req).signIn(email: email, password: password, kind: .browser) {
        case .refused:
            return page(req, form: shown, errors: [.init("email", req.t(.signInRefused))], status: .unauthorized)
        case .throttled(let message, let minutes):
            return page(req, form: shown, errors: [.init("email", req.t(message, ["minutes": LocalFormat.number(minutes, req.language)]))],
                        status: .tooManyRequests)
        case .signedIn(_, let token, _):
            let next = form.string("next").removingPercentEncoding ?? ""
            let target = SiteURL.isLocal(next) ? next : SiteURL.caseload.path
            let response = req.redirect(to: target, redirectType: .normal)
            response.cookies[SignInMiddleware.cookieName] = HTTPCookies.Value(
                string: token, path: "/", isSecure: req.reunify.secureCookies, isHTTPOnly: true, sameSite: .lax)
            response.cookies[Self.preSessionCookie] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), path: "/")
            return response
        }
    }

    func signOut(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        try await SessionRepository(req.db).revoke(signedIn.session, now: req.now)
        try await req.audit(.signOut, "user", recordID: signedIn.user.id, caseID: nil, .audSignOut)
        let response = req.redirect(to: SiteURL.signIn.path)
        response.cookies[SignInMiddleware.cookieName] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), path: "/")
        return response
    }
}

