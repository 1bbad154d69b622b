/// What an audit entry says was done.
public enum AuditAction: String, CaseIterable, Sendable, Codable {
    case view, create, update, delete, search
    case signIn = "sign_in"
    case signOut = "sign_out"
    case revokeToken = "revoke_token"
    case denied
}
