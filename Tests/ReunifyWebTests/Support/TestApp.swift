import Foundation
import NIOConcurrencyHelpers
import Testing
import Vapor
import VaporTesting
import ReunifyDomain
import ReunifyStore
@testable import ReunifyWeb
import ReunifyDemo

/// A clock the tests can move forward.
final class TestClock: TimeSource, @unchecked Sendable {
    private let lock = NIOLock()
    private var instant: Date
    init(_ day: CalendarDate = TestApp.today) { instant = day.startOfDay.addingTimeInterval(9 * 3600) }
    func now() -> Date { lock.withLock { instant } }
    func advance(_ seconds: TimeInterval) { lock.withLock { instant = instant.addingTimeInterval(seconds) } }
}

/// Runs a test against the real app: its routes, middleware and a real database — an in-memory SQLite
/// database of its own, or a private schema on the PostgreSQL server `DATABASE_URL` names.
enum TestApp {
    static let today = CalendarDate(iso: "2026-11-23")!
    static let password = DemoAgency.password

    static func target() -> DatabaseTarget {
        if let url = ProcessInfo.processInfo.environment["DATABASE_URL"], url.hasPrefix("postgres") {
            return .postgres(url: url, schema: "web_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20))
        }
        return .sqliteInMemory(name: UUID().uuidString)
    }

    static func run(demo: Bool = true, clock: TestClock = TestClock(), _ body: (Application, TestClock) async throws -> Void) async throws {
        var config = ReunifyConfiguration(database: target(), time: clock)
        config.bcryptCost = 4
        config.mail = .mailbox(MailBox())
        let app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        var failure: (any Error)?
        do {
            try await configure(app, config)
            try await migrate(app)
            if demo { _ = try await ReunifyRuntime.loadDemo(app) }
            try await body(app, clock)
        } catch {
            failure = error
        }
        try? await config.database.dropPrivateSchema(app.db)
        try await app.asyncShutdown()
        if let failure { throw failure }
    }

    /// The mail the app sent in this test.
    static func mails(_ app: Application) -> [Mail] {
        if case .mailbox(let box) = app.reunify.mail { return box.mails }
        return []
    }

    static var agency: DemoAgency { DemoAgencyGenerator(today: today).generate() }
}
