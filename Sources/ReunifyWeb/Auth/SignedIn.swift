import Vapor
import ReunifyDomain
import ReunifyStore

/// Who a request comes from, once their session or token has been checked.
struct SignedIn: Sendable {
    let user: UserModel
    let session: AuthSessionModel
    var actor: Actor { user.actor }
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

    var clientAddress: String? {
        headers.first(name: "X-Forwarded-For")?.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) }
            ?? remoteAddress?.ipAddress
    }
}
