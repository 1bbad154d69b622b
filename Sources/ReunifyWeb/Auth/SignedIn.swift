import Vapor
import ReunifyDomain
import ReunifyStore

/// Who a request comes from, once their session or token has been checked.
struct SignedIn: Sendable {
    let user: UserModel
    let session: AuthSessionModel
    /// The language their pages are in: their choice, else (family accounts) their person's first language, else
    /// their browser's.
    var language: UILanguage = .english
    /// The address of the page they asked for, where the language switch brings them back.
    var path: String = "/"
    var actor: Actor { user.actor }
    var isFamily: Bool { user.userRole == .parent }
}

extension Request {
    private struct SignedInKey: StorageKey { typealias Value = SignedIn }

    var signedIn: SignedIn? {
        get { storage[SignedInKey.self] }
        set { storage[SignedInKey.self] = newValue }
    }

    /// The signed-in user, or 401 (the page routes redirect before getting here).
    func requireSignedIn() throws -> SignedIn {
        guard let signedIn else { throw Abort(.unauthorized, reason: "Sign in first: send 'Authorization: Bearer <token>'") }
        return signedIn
    }

    /// The client's address: the socket's peer, or behind a trusted proxy the first `X-Forwarded-For` entry.
    var clientAddress: String? {
        if application.reunify.trustForwardedFor,
           let forwarded = headers.first(name: "X-Forwarded-For")?.split(separator: ",").first {
            return forwarded.trimmingCharacters(in: .whitespaces)
        }
        return remoteAddress?.ipAddress
    }
}
