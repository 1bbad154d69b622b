import Plot
import Vapor

struct ErrorPage {
    let status: HTTPResponseStatus
    let reason: String

    var heading: String {
        switch status {
        case .notFound: "Page not found"
        case .forbidden: "You do not have access to this"
        case .unauthorized: "Please sign in"
        case .conflict: "This was changed by someone else"
        case .tooManyRequests: "Please wait before trying again"
        default: status.code >= 500 ? "Sorry, there is a problem with Reunify" : "There is a problem with what was sent"
        }
    }

    var advice: String {
        switch status {
        case .notFound: "If you typed the address, check it. If you followed a link, the record may not exist or may not be open to you."
        case .forbidden: "Ask the case's supervisor if you need to see or change it."
        default: ""
        }
    }

    func render(_ req: Request) -> Response {
        Layout(title: heading, signedIn: req.signedIn).render(
            .h1(.text(heading)),
            .p(.text(reason)),
            .if(!advice.isEmpty, .p(.text(advice))),
            .p(.a(.href(SiteURL.caseload.path), "Go to your caseload"))
        )
    }
}
