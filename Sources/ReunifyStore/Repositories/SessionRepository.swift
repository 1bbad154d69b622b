import FluentKit
import Foundation
import SQLKit

/// Browser sessions and API tokens, stored in the database so that any app server can answer any request.
public struct SessionRepository: Sendable {
    let db: any Database
    public init(_ db: any Database) { self.db = db }

    public func create(_ session: AuthSessionModel) async throws { try await session.create(on: db) }

    /// What a signed-in request starts from: the session, its account, and the languages of the account's person (a
    /// family account without a language of its own reads its person's first one).
    public struct Active: Sendable {
        public let session: AuthSessionModel
        public let user: UserModel
        public let personLanguages: [String]
    }

    /// The active session with this token hash and its account, read in one statement (every signed-in request asks).
    /// Written in SQL and read column by column: Fluent's model reading reflects over the model for every query and
    /// every row, and this runs before every page and API call (see the profile in `Benchmarks/README.md`).
    public func active(tokenHash: String, now: Date) async throws -> Active? {
        guard let row = try await RowColumns.all("""
                SELECT s.id AS s_id, s.user_id, s.kind, s.csrf_token, s.created_at AS s_created_at, s.expires_at, s.last_seen_at,
                       s.revoked_at, s.address, u.email, u.name, u.role, u.unit, u.person_id, u.provider_id, u.password_hash,
                       u.disabled, u.language, u.created_at AS u_created_at, p.languages AS person_languages
                FROM auth_sessions s JOIN users u ON u.id = s.user_id LEFT JOIN persons p ON p.id = u.person_id
                WHERE s.token_hash = \(bind: tokenHash)
                """, on: db).first else { return nil }
        let revokedAt = try row.optionalDate("revoked_at")
        let expiresAt = try row.date("expires_at")
        guard revokedAt == nil, expiresAt > now else { return nil }
        let userID = try row.uuid("user_id")
        let session = AuthSessionModel(tokenHash: tokenHash, userID: userID, kind: .browser, csrfToken: try row.string("csrf_token"),
                                       now: try row.date("s_created_at"), expiresAt: expiresAt, address: try row.optionalString("address"))
        session.id = try row.uuid("s_id")
        session.kind = try row.string("kind")
        session.lastSeenAt = try row.date("last_seen_at")
        session._$idExists = true
        let user = UserModel(id: userID, email: try row.string("email"), name: try row.string("name"),
                             role: .provider, unit: try row.optionalString("unit"), personID: try row.optionalUUID("person_id"),
                             passwordHash: try row.string("password_hash"))
        user.role = try row.string("role")
        user.providerID = try row.optionalUUID("provider_id")
        user.disabled = try row.bool("disabled")
        user.language = try row.optionalString("language")
        user.createdAt = try row.optionalDate("u_created_at")
        user._$idExists = true
        let languages = try row.optionalString("person_languages")
        return Active(session: session, user: user, personLanguages: PersonModel.languages(from: languages ?? ""))
    }

    /// Slides an idle-timeout window forward, at most once a minute to spare writes.
    public func touch(_ session: AuthSessionModel, now: Date, idleLimit: TimeInterval, absoluteLimit: TimeInterval) async throws {
        guard now.timeIntervalSince(session.lastSeenAt) > 60 else { return }
        session.lastSeenAt = now
        session.expiresAt = min(now.addingTimeInterval(idleLimit), session.createdAt.addingTimeInterval(absoluteLimit))
        try await session.update(on: db)
    }

    public func revoke(_ session: AuthSessionModel, now: Date) async throws {
        session.revokedAt = now
        try await session.update(on: db)
    }


    // Sign-in throttling.

    public func recordFailure(keys: [String], now: Date) async throws {
        for key in keys { try await SignInFailureModel(throttleKey: key, occurredAt: now).create(on: db) }
    }

    public func failures(key: String, since: Date) async throws -> Int {
        try await SignInFailureModel.query(on: db).filter(\.$throttleKey == key).filter(\.$occurredAt > since).count()
    }

    public func clearFailures(key: String) async throws {
        try await SignInFailureModel.query(on: db).filter(\.$throttleKey == key).delete()
    }
}
