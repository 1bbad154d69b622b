import Vapor
import ReunifyDomain
import ReunifyStore

extension Request {
    static let languageCookie = "reunify_lang"

    /// The language of this request's page. Signed in: their saved choice, else the one chosen with the switch before
    /// signing in (a cookie), else (family accounts) their person's first language, else the browser's. Not signed
    /// in: the cookie, else `Accept-Language`, else English.
    var language: UILanguage { signedIn?.language ?? browserLanguage }

    /// The language for someone not signed in: the switch's cookie, then `Accept-Language`.
    var browserLanguage: UILanguage {
        cookieLanguage ?? UILanguage.negotiate(acceptLanguage: headers.first(name: .acceptLanguage))
            ?? .english
    }

    /// The language for someone who has not chosen one on an account: the switch's cookie, else the first of the
    /// person's languages that Reunify is written in (a family member), else the browser's.
    func language(ofPerson languages: [String]) -> UILanguage {
        cookieLanguage ?? UILanguage.first(of: languages) ?? browserLanguage
    }

    /// The language chosen with the switch before signing in, if any.
    var cookieLanguage: UILanguage? { cookies[Self.languageCookie].flatMap { UILanguage(tag: $0.string) } }

    /// A message of the catalogue in this request's language.
    func t(_ id: Msg, _ values: [String: String] = [:]) -> String { Catalogue.text(id, language, values) }
}

/// The language switch on every page: a form posting the choice, so following links never changes it. Signed in,
/// the choice is saved on the account (the form carries the session's CSRF token); before signing in it is kept
/// in a cookie.
struct LanguageController: RouteCollection {
    static let path = "/language"

    func boot(routes: any RoutesBuilder) throws {
        routes.on(.POST, "language", body: .collect(maxSize: "16kb"), use: choose)
    }

    func choose(req: Request) async throws -> Response {
        let form = FormData(req)
        guard let language = UILanguage(tag: form.string("language")) else {
            throw Refusal(.badRequest, .errChooseLanguage,
                          ["languages": UILanguage.allCases.map { "\($0.tag) (\($0.nativeName))" }.joined(separator: ", ")])
        }
        let back = Self.localPath(form.string("return"))
        if let signedIn = req.signedIn {
            guard signedIn.session.kind == AuthSessionModel.Kind.browser.rawValue,
                  Tokens.equal(form.string(CSRFMiddleware.field), signedIn.session.csrfToken) else {
                throw Refusal(.forbidden, .errFormExpired)
            }
            try await UserRepository(req.db).setLanguage(signedIn.actor.id, language)
        }
        let response = req.redirect(to: back, redirectType: .normal)
        response.cookies[Request.languageCookie] = HTTPCookies.Value(string: language.tag, maxAge: 365 * 24 * 3600, path: "/",
                                                                     isSecure: req.reunify.secureCookies, isHTTPOnly: true, sameSite: .lax)
        return response
    }

    /// The page to come back to after switching: its address without the one-time `sent` notice.
    static func returnPath(_ url: URI) -> String {
        let kept = (url.query ?? "").split(separator: "&").filter { !$0.hasPrefix("sent=") && $0 != "sent" }
        return url.path + (kept.isEmpty ? "" : "?" + kept.joined(separator: "&"))
    }

    /// Where to go back to: a path on this site only (`SiteURL.isLocal`), else the home page.
    static func localPath(_ candidate: String) -> String { SiteURL.isLocal(candidate) ? candidate : "/" }
}
