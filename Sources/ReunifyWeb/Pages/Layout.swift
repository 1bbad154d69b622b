import Plot
import Vapor
import ReunifyDomain

/// The frame every page shares: header, navigation, main content, and the sign-out form.
struct Layout {
    let title: String
    let signedIn: SignedIn?
    var breadcrumbs: [(String, String)] = []
    /// For pages before sign-in: the language and address of the request (signed in, they come with the session).
    var language: UILanguage? = nil
    var path: String? = nil

    var lang: UILanguage { language ?? signedIn?.language ?? .english }
    func t(_ id: Msg) -> String { Catalogue.text(id, lang) }

    func render(_ content: Node<HTML.BodyContext>...) -> Response {
        let main = Node<HTML.BodyContext>.group(content).render()
        return render { $0.raw(main) }
    }

    /// The page, its main content written by `content` straight into the page's HTML.
    func render(writing content: (inout HTMLWriter) -> Void) -> Response {
        var w = HTMLWriter(capacity: 24_576)
        w.raw("<!DOCTYPE html>")
        w.open("html", ["lang": lang.tag, "dir": lang.direction])
        w.raw("<head><meta charset=\"UTF-8\"/><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
        w.element("title", text: "\(title) — Reunify")
        w.void("link", ["rel": "stylesheet", "href": SiteURL.styles.path])
        w.raw("<link rel=\"icon\" href=\"/favicon.ico\" sizes=\"32x32\"/></head><body>")
        w.element("a", ["class": "skip-link", "href": "#main"], text: t(.skipLink))
        w.raw("<header class=\"site-header\"><div class=\"wrap\">")
        w.element("a", ["class": "brand", "href": SiteURL.home.path], text: "Reunify")
        if let s = signedIn {
            w.open("nav", ["aria-label": t(.navMain)])
            for (label, path) in s.isFamily ? familyLinks() : staffLinks(s) { w.element("a", ["href": path], text: label) }
            w.element("span", ["class": "who"], text: s.isFamily ? s.user.name : "\(s.user.name) · \(s.user.userRole.staffLabel(lang))")
            w.open("form", ["class": "inline", "method": "post", "action": SiteURL.signOut.path])
            csrfField(s, &w)
            w.element("button", ["type": "submit", "class": "link-button"], text: t(.signOut))
            w.close("form")
            w.close("nav")
        }
        languageSwitch(&w)
        w.raw("</div></header>")
        w.raw("<main id=\"main\" class=\"wrap\">")
        if !breadcrumbs.isEmpty {
            w.open("nav", ["class": "breadcrumbs", "aria-label": t(.navBreadcrumb)])
            w.open("ol")
            for (label, path) in breadcrumbs {
                w.open("li")
                w.element("a", ["href": path], text: label)
                w.close("li")
            }
            w.close("ol")
            w.close("nav")
        }
        // Every page's content comes from the catalogue; what was entered in another language is marked where it is shown.
        content(&w)
        w.close("main")
        w.element("footer", ["class": "wrap site-footer"], text: t(signedIn?.isFamily == true ? .footerFamily : .footerStaff))
        w.raw("</body></html>")
        let response = Response(status: .ok, body: .init(string: w.html))
        response.headers.contentType = .html
        response.headers.replaceOrAdd(name: "Content-Language", value: lang.tag)
        return response
    }

    private func staffLinks(_ s: SignedIn) -> [(String, String)] {
        var links = [(t(.navCaseload), SiteURL.caseload.path)]
        if OverdueController.mayList(s.actor) { links.append((t(.navOverdue), SiteURL.overdue.path)) }
        if OutcomesController.mayRead(s.actor) { links.append((t(.navOutcomes), SiteURL.outcomes.path)) }
        links.append((t(.navSearch), SiteURL.search.path))
        if s.actor.role != .provider { links.append((t(.navCalendar), SiteURL.calendar.path)) }
        if AccessPolicy().mayTrace(s.actor) { links.append((t(.navTracing), SiteURL.tracing.path)) }
        links.append((t(.navServices), SiteURL.services.path))
        if s.actor.role == .provider { links.append((t(.navReferrals), SiteURL.referralInbox.path)) }
        if AccessPolicy().mayRateVignettes(s.actor) { links.append((t(.navPractice), SiteURL.vignettes.path)) }
        if AccessPolicy().maySupervise(s.actor) { links.append((t(.navCalibration), SiteURL.calibration.path)) }
        return links
    }

    private func familyLinks() -> [(String, String)] {
        [(t(.navFamilyHome), SiteURL.familyHome.path), (t(.navFamilyPlan), SiteURL.familyPlan.path),
         (t(.navFamilyVisits), SiteURL.familyVisits.path), (t(.navFamilyServices), SiteURL.familyServices.path),
         (t(.navFamilyMessages), SiteURL.familyMessages.path)]
    }

    /// One button per other language, each named in its own language (and marked so, for screen readers).
    private func languageSwitch(_ w: inout HTMLWriter) {
        w.open("form", ["class": "inline language-switch", "method": "post", "action": LanguageController.path])
        csrfField(signedIn, &w)
        let back = path ?? signedIn?.path ?? "/"
        w.void("input", ["type": "hidden", "name": "return", "value": back.isEmpty ? nil : back])
        w.element("span", ["class": "visually-hidden"], text: t(.languageSwitch) + ":")
        for other in UILanguage.allCases where other != lang {
            w.element("button", ["type": "submit", "class": "link-button", "name": "language", "value": other.tag, "lang": other.tag],
                      text: other.nativeName)
        }
        w.close("form")
    }
}

/// The hidden field that carries the session's CSRF token, written into a form of an `HTMLWriter`.
func csrfField(_ signedIn: SignedIn?, _ w: inout HTMLWriter) {
    let token = signedIn?.session.csrfToken ?? ""
    w.void("input", ["type": "hidden", "name": CSRFMiddleware.field, "value": token.isEmpty ? nil : token])
}

/// The hidden field that carries the session's CSRF token in every form.
func csrfField(_ signedIn: SignedIn?) -> Node<HTML.FormContext> {
    .input(.type(.hidden), .name(CSRFMiddleware.field), .value(signedIn?.session.csrfToken ?? ""))
}

extension Response {
    func with(status: HTTPResponseStatus) -> Response {
        self.status = status
        return self
    }
}
