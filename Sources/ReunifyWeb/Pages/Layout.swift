import Plot
import Vapor
import ReunifyDomain

/// The frame every page shares: header, navigation, main content, and the sign-out form.
struct Layout {
    let title: String
    let signedIn: SignedIn?
    var breadcrumbs: [(String, String)] = []

    func render(_ content: Node<HTML.BodyContext>...) -> Response {
        let html = HTML(
            .lang(.english),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .title("\(title) — Reunify"),
                .link(.rel(.stylesheet), .href(SiteURL.styles.path)),
                .link(.rel(.icon), .href("/favicon.ico"), .attribute(named: "sizes", value: "32x32"))
            ),
            .body(
                .a(.class("skip-link"), .href("#main"), "Skip to main content"),
                .header(.class("site-header"),
                    .div(.class("wrap"),
                        .a(.class("brand"), .href(SiteURL.home.path), "Reunify"),
                        .unwrap(signedIn) { s in
                            .nav(.attribute(named: "aria-label", value: "Main"),
                                .a(.href(SiteURL.caseload.path), "Caseload"),
                                .if(OverdueController.mayList(s.actor), .a(.href(SiteURL.overdue.path), "Overdue")),
                                .if(OutcomesController.mayRead(s.actor), .a(.href(SiteURL.outcomes.path), "Outcomes")),
                                .a(.href(SiteURL.search.path), "Search people"),
                                .if(s.actor.role != .provider, .a(.href(SiteURL.calendar.path), s.actor.role == .parent ? "Visits" : "Calendar")),
                                .if(AccessPolicy().mayTrace(s.actor), .a(.href(SiteURL.tracing.path), "Tracing")),
                                .if(s.actor.role != .parent, .a(.href(SiteURL.services.path), "Services")),
                                .if(s.actor.role == .provider, .a(.href(SiteURL.referralInbox.path), "Referrals")),
                                .if(AccessPolicy().mayRateVignettes(s.actor), .a(.href(SiteURL.vignettes.path), "Practice")),
                                .if(AccessPolicy().maySupervise(s.actor), .a(.href(SiteURL.calibration.path), "Calibration")),
                                .span(.class("who"), .text("\(s.user.name) · \(s.user.userRole.label)")),
                                .form(.class("inline"), .method(.post), .action(SiteURL.signOut.path),
                                    csrfField(s),
                                    .button(.type(.submit), .class("link-button"), "Sign out"))
                            )
                        }
                    )
                ),
                .main(.id("main"), .class("wrap"),
                    .if(!breadcrumbs.isEmpty, .nav(.class("breadcrumbs"), .attribute(named: "aria-label", value: "Breadcrumb"),
                        .ol(.forEach(breadcrumbs) { .li(.a(.href($0.1), .text($0.0))) }))),
                    .group(content)
                ),
                .footer(.class("wrap site-footer"), .text("Reunify — family reunification case management. Every view of a case is recorded."))
            )
        )
        let response = Response(status: .ok, body: .init(string: html.render()))
        response.headers.contentType = .html
        return response
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
