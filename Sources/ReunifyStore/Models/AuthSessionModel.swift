import FluentKit
import Foundation

/// A signed-in browser session or an API token. Only a hash of the secret is kept, so a copy of the
/// database does not sign anyone in.
public final class AuthSessionModel: Model, @unchecked Sendable {
    public static let schema = "auth_sessions"

    public enum Kind: String, Sendable { case browser, api }

    @ID(key: .id) public var id: UUID?
    @Field(key: .tokenHash) public var tokenHash: String
    @Field(key: .userID) public var userID: UUID
    @Field(key: .kind) public var kind: String
    @Field(key: .csrfToken) public var csrfToken: String
    @Field(key: .createdAt) public var createdAt: Date
    @Field(key: .expiresAt) public var expiresAt: Date
    @Field(key: .lastSeenAt) public var lastSeenAt: Date
    @OptionalField(key: .revokedAt) public var revokedAt: Date?
    @OptionalField(key: .address) public var address: String?
    /// The fields above, listed for Fluent so reading or writing a row needs no reflection (`ModelFieldsTests`).
    public var properties: [any AnyProperty] {
        [$id, $tokenHash, $userID, $kind, $csrfToken, $createdAt, $expiresAt, $lastSeenAt, $revokedAt, $address]
    }

    public init() {}

    public init(tokenHash: String, userID: UUID, kind: Kind, csrfToken: String, now: Date, expiresAt: Date, address: String?) {
        self.tokenHash = tokenHash
        self.userID = userID
        self.kind = kind.rawValue
        self.csrfToken = csrfToken
        self.createdAt = now
        self.expiresAt = expiresAt
        self.lastSeenAt = now
        self.address = address
    }
}
