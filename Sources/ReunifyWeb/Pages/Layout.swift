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
        let html = HTML(
            .attribute(named: "lang", value: lang.tag),
            .attribute(named: "dir", value: lang.direction),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                // Plot's `.title` also writes the title, unescaped, into social-sharing meta tags a case page has no use for.
                .element(named: "title", text: "\(title) — Reunify"),
                .link(.rel(.stylesheet), .href(SiteURL.styles.path)),
                .link(.rel(.icon), .href("/favicon.ico"), .attribute(named: "sizes", value: "32x32"))
            ),
            .body(
                .a(.class("skip-link"), .href("#main"), .text(t(.skipLink))),
                .header(.class("site-header"),
                    .div(.class("wrap"),
                        .a(.class("brand"), .href(SiteURL.home.path), "Reunify"),
                        .unwrap(signedIn) { s in
                            .nav(.attribute(named: "aria-label", value: t(.navMain)),
                                s.isFamily ? familyLinks() : staffLinks(s),
                                .span(.class("who"), .text(s.isFamily ? s.user.name : "\(s.user.name) · \(s.user.userRole.staffLabel(lang))")),
                                .form(.class("inline"), .method(.post), .action(SiteURL.signOut.path),
                                    csrfField(s),
                                    .button(.type(.submit), .class("link-button"), .text(t(.signOut))))
                            )
                        },
                        languageSwitch()
                    )
                ),
                // Every page's content comes from the catalogue; what was entered in another language is marked where it is shown.
                .main(.id("main"), .class("wrap"),
                    .if(!breadcrumbs.isEmpty, .nav(.class("breadcrumbs"), .attribute(named: "aria-label", value: t(.navBreadcrumb)),
                        .ol(.forEach(breadcrumbs) { .li(.a(.href($0.1), .text($0.0))) }))),
                    .group(content)
                ),
                .footer(.class("wrap site-footer"), .text(t(signedIn?.isFamily == true ? .footerFamily : .footerStaff)))
            )
        )
        let response = Response(status: .ok, body: .init(string: html.render()))
        response.headers.contentType = .html
        response.headers.replaceOrAdd(name: "Content-Language", value: lang.tag)
        return response
    }

    private func staffLinks(_ s: SignedIn) -> Node<HTML.BodyContext> {
        .group(
            .a(.href(SiteURL.caseload.path), .text(t(.navCaseload))),
            .if(OverdueController.mayList(s.actor), .a(.href(SiteURL.overdue.path), .text(t(.navOverdue)))),
            .if(OutcomesController.mayRead(s.actor), .a(.href(SiteURL.outcomes.path), .text(t(.navOutcomes)))),
            .a(.href(SiteURL.search.path), .text(t(.navSearch))),
            .if(s.actor.role != .provider, .a(.href(SiteURL.calendar.path), .text(t(.navCalendar)))),
            .if(AccessPolicy().mayTrace(s.actor), .a(.href(SiteURL.tracing.path), .text(t(.navTracing)))),
            .a(.href(SiteURL.services.path), .text(t(.navServices))),
            .if(s.actor.role == .provider, .a(.href(SiteURL.referralInbox.path), .text(t(.navReferrals)))),
            .if(AccessPolicy().mayRateVignettes(s.actor), .a(.href(SiteURL.vignettes.path), .text(t(.navPractice)))),
            .if(AccessPolicy().maySupervise(s.actor), .a(.href(SiteURL.calibration.path), .text(t(.navCalibration))))
        )
    }

    private func familyLinks() -> Node<HTML.BodyContext> {
        .group(
            .a(.href(SiteURL.familyHome.path), .text(t(.navFamilyHome))),
            .a(.href(SiteURL.familyPlan.path), .text(t(.navFamilyPlan))),
            .a(.href(SiteURL.familyVisits.path), .text(t(.navFamilyVisits))),
            .a(.href(SiteURL.familyServices.path), .text(t(.navFamilyServices))),
            .a(.href(SiteURL.familyMessages.path), .text(t(.navFamilyMessages)))
        )
    }

    /// One button per other language, each named in its own language (and marked so, for screen readers).
    private func languageSwitch() -> Node<HTML.BodyContext> {
        .form(.class("inline language-switch"), .method(.post), .action(LanguageController.path),
            .input(.type(.hidden), .name(CSRFMiddleware.field), .value(signedIn?.session.csrfToken ?? "")),
            .input(.type(.hidden), .name("return"), .value(path ?? signedIn?.path ?? "/")),
            .span(.class("visually-hidden"), .text(t(.languageSwitch) + ":")),
            .forEach(UILanguage.allCases.filter { $0 != lang }) { other in
                .button(.type(.submit), .class("link-button"), .name("language"), .value(other.tag),
                        .attribute(named: "lang", value: other.tag), .text(other.nativeName))
            })
    }
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
