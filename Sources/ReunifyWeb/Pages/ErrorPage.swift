import Plot
import Vapor
import ReunifyDomain

struct ErrorPage {
    let status: HTTPResponseStatus
    let reason: String
    /// The reason comes in the reader's language (from the catalogue); otherwise it is the server's English.
    var translated = false

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

    /// The reason in the reader's language where it comes from the catalogue; the server's own English otherwise, marked
    /// so, and not shown to a family reading another language (they are told what to do in theirs).
    func render(_ req: Request) -> Response {
        let family = req.signedIn?.isFamily == true
        let heading = req.t(headingID)
        return Layout(title: heading, signedIn: req.signedIn, language: req.language, path: req.url.string).render(
            .h1(.text(heading)),
            .if(translated || !family || req.language == .english,
                .p(.attribute(named: "lang", value: translated || req.language == .english ? nil : "en"), .text(reason))),
            .unwrap(advice(family: family)) { .p(.text(req.t($0))) },
            .p(.a(.href(family ? SiteURL.familyHome.path : SiteURL.caseload.path), .text(req.t(family ? .errorGoHome : .errorGoCaseload))))
        )
    }
}
