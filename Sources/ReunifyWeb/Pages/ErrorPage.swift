import Plot
import Vapor
import ReunifyDomain

struct ErrorPage {
    let status: HTTPResponseStatus
    let reason: String

    var headingID: Msg {
        switch status {
        case .notFound: .errorNotFound
        case .forbidden: .errorForbidden
        case .unauthorized: .errorUnauthorized
        case .conflict: .errorConflict
        case .tooManyRequests: .errorTooMany
        default: status.code >= 500 ? .errorServer : .errorBadInput
        }
    }

    func advice(family: Bool) -> Msg? {
        switch status {
        case .notFound: .errorNotFoundAdvice
        case .forbidden: family ? .errorForbiddenFamilyAdvice : .errorForbiddenAdvice
        default: nil
        }
    }

    /// The reason is the server's own words (in English for now); a family is told what to do in their language.
    func render(_ req: Request) -> Response {
        let family = req.signedIn?.isFamily == true
        let heading = req.t(headingID)
        return Layout(title: heading, signedIn: req.signedIn, language: req.language, path: req.url.string, translated: true).render(
            .h1(.text(heading)),
            .if(!family || req.language == .english, .p(.attribute(named: "lang", value: req.language == .english ? nil : "en"), .text(reason))),
            .unwrap(advice(family: family)) { .p(.text(req.t($0))) },
            .p(.a(.href(family ? SiteURL.familyHome.path : SiteURL.caseload.path), .text(req.t(family ? .errorGoHome : .errorGoCaseload))))
        )
    }
}
