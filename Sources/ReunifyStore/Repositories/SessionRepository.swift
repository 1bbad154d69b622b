import FluentKit
import Foundation

/// Browser sessions and API tokens, stored in the database so that any app server can answer any request.
public struct SessionRepository: Sendable {
    let db: any Database
    public init(_ db: any Database) { self.db = db }

    public func create(_ session: AuthSessionModel) async throws { try await session.create(on: db) }

    /// The session with this token hash, if it is neither revoked nor expired.
    public func active(tokenHash: String, now: Date) async throws -> AuthSessionModel? {
        guard let session = try await AuthSessionModel.query(on: db).filter(\.$tokenHash == tokenHash).first(),
              session.revokedAt == nil, session.expiresAt > now else { return nil }
        return session
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
