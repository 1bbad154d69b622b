import Fluent
import Vapor
import ReunifyDomain
import ReunifyStore

/// Checks a password, throttles guessing, and opens sessions and tokens.
struct SignInService {
    let req: Request

    enum Outcome {
        case signedIn(UserModel, token: String, session: AuthSessionModel)
        case refused(String)
        /// Too many failures: the message's id (the account's or the address's) and how many minutes to wait.
        case throttled(Msg, minutes: Int)
    }

    func signIn(email: String, password: String, kind: AuthSessionModel.Kind) async throws -> Outcome {
        let config = req.reunify
        let sessions = SessionRepository(req.db)
        let address = req.clientAddress ?? "unknown"
        let emailKey = "email:" + email.lowercased().trimmingCharacters(in: .whitespaces)
        let addressKey = "address:" + address
        let since = req.now.addingTimeInterval(-config.signInFailureWindow)
        let minutes = Int(config.signInFailureWindow / 60)
        if try await sessions.failures(key: emailKey, since: since) >= config.signInFailureLimit {
            return .throttled(.signInThrottledAccount, minutes: minutes)
        }
        if try await sessions.failures(key: addressKey, since: since) >= config.addressFailureLimit {
            return .throttled(.signInThrottledAddress, minutes: minutes)
        }
        guard let user = try await UserRepository(req.db).find(email: email), !user.disabled,
              try await req.password.async.verify(password, created: user.passwordHash) else {
            try await sessions.recordFailure(keys: [emailKey, addressKey], now: req.now)
            return .refused("The email address or the password is not right")
        }
        try await sessions.clearFailures(key: emailKey)
        let token = Tokens.random()
        let lifetime = kind == .api ? config.apiTokenLifetime : config.sessionIdleLimit
        let session = AuthSessionModel(tokenHash: Tokens.hash(token), userID: try user.requireID(), kind: kind,
                                       csrfToken: Tokens.random(), now: req.now, expiresAt: req.now.addingTimeInterval(lifetime),
                                       address: address)
        try await sessions.create(session)
        try await req.audit(.signIn, "user", recordID: user.id, caseID: nil, kind == .api ? .audSignInAPI : .audSignInBrowser, as: user)
        return .signedIn(user, token: token, session: session)
    }
}
