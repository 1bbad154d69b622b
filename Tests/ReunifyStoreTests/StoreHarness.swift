import FluentKit
import Foundation
import Logging
import NIOCore
import NIOPosix
import ReunifyDomain
@testable import ReunifyStore
import ReunifyDemo

/// A real database for one test: an in-memory SQLite database of its own, or — when `DATABASE_URL` names a
/// PostgreSQL server — a private schema there, dropped afterwards. Migrated, optionally with the demo agency.
enum StoreHarness {
    static let today = CalendarDate(iso: "2026-11-23")!

    /// A supervisor of `unit`, acting through the store's commands.
    static func acting(unit: String = "U") -> Acting {
        Acting(actor: Actor(id: UserID(UUID()), role: .supervisor, unit: unit), userEmail: "supervisor@example.test",
               address: nil, now: Date(), today: today, timelines: .unitedStates)
    }

    static func cases(_ db: any Database, unit: String = "U") -> CaseCommands { CaseCommands(CaseChange(db, acting(unit: unit))) }

    static func target() throws -> DatabaseTarget {
        let url = ProcessInfo.processInfo.environment["DATABASE_URL"]
        if let url, url.hasPrefix("postgres") {
            return .postgres(url: url, schema: "store_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20))
        }
        return .sqliteInMemory(name: UUID().uuidString)
    }

    static func withDatabase(demo: Bool = false, _ body: (any Database) async throws -> Void) async throws {
        let target = try target()
        let threadPool = NIOThreadPool(numberOfThreads: 1)
        threadPool.start()
        let databases = Databases(threadPool: threadPool, on: MultiThreadedEventLoopGroup.singleton)
        try target.register(on: databases)
        var logger = Logger(label: "store-tests")
        logger.logLevel = .warning
        let db = databases.database(logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())!
        let migrations = Migrations()
        migrations.add(ReunifyMigrations.all)
        let migrator = Migrator(databases: databases, migrations: migrations, logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())
        var failure: (any Error)?
        do {
            try await target.prepare(db)
            try await migrator.setupIfNeeded().get()
            try await migrator.prepareBatch().get()
            if demo {
                try await DemoLoader(db).load(DemoAgencyGenerator(today: today).generate(), passwordHash: "not-a-real-hash", today: today)
            }
            try await body(db)
        } catch {
            failure = error
        }
        try? await target.dropPrivateSchema(db)
        await databases.shutdownAsync()
        try await threadPool.shutdownGracefully()
        if let failure { throw failure }
    }

    static func agency() -> DemoAgency { DemoAgencyGenerator(today: today).generate() }
}
