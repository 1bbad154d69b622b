import Foundation
import Testing
import Vapor
import SQLKit
import ReunifyDomain
import ReunifyStore
@testable import ReunifyWeb

/// What the `reunify` commands do, through the functions they call.
@Suite("Command-line runtime")
struct RuntimeTests {
    @Test("the demo agency loads on the first start only")
    func demoOnce() async throws {
        try await TestApp.run(demo: false) { app, _ async throws in
            #expect(try await ReunifyRuntime.loadDemo(app) == true)
            #expect(try await ReunifyRuntime.loadDemo(app) == false)
            #expect(try await UserRepository(app.db).all().count == 9)
        }
    }

    @Test("every connection to a SQLite file reads it through a memory map")
    func sqliteConnectionsMapTheFile() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reunify-mmap-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var config = ReunifyConfiguration(database: .sqlite(path: folder.appendingPathComponent("state.sqlite").path), time: TestClock())
        config.bcryptCost = 4
        let app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        do {
            try await configure(app, config)
            try await migrate(app)
            var loops = 0
            for loop in app.eventLoopGroup.makeIterator() {
                let database = try #require(app.databases.database(logger: app.logger, on: loop) as? any SQLDatabase)
                let size = try await database.raw("PRAGMA mmap_size").first()?.decode(column: "mmap_size", as: Int.self)
                #expect((size ?? 0) > 0)
                loops += 1
            }
            #expect(loops >= 1)
        } catch {
            try await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    @Test("without the demo nothing is invented; accounts are made one by one and can sign in")
    func createUser() async throws {
        try await TestApp.run(demo: false) { app, _ async throws in
            #expect(try await UserRepository(app.db).all().isEmpty)
            #expect(try await CaseRepository(app.db).list(.unit(nil, UserID(UUID())), page: 1, per: 10).total == 0)
            await #expect(throws: ValidationFailure.self) {
                _ = try await ReunifyRuntime.createUser(app, email: "new@agency.org", name: "New", role: "wizard", unit: nil, password: "long enough pass")
            }
            await #expect(throws: ValidationFailure.self) {
                _ = try await ReunifyRuntime.createUser(app, email: "new@agency.org", name: "New", role: "caseworker", unit: nil, password: "short")
            }
            let message = try await ReunifyRuntime.createUser(app, email: "New@Agency.org", name: "New Worker", role: "caseworker",
                                                              unit: "East", password: "long enough pass")
            #expect(message.contains("new@agency.org"))
            await #expect(throws: StoreError.self) {
                _ = try await ReunifyRuntime.createUser(app, email: "new@agency.org", name: "Again", role: "caseworker", unit: nil, password: "long enough pass")
            }
            var browser = Browser(app)
            #expect(try await browser.signIn("new@agency.org", password: "long enough pass").status == .seeOther)
        }
    }

    @Test("routes lists the pages and the API")
    func routes() async throws {
        try await TestApp.run(demo: false) { app, _ async throws in
            let list = ReunifyRuntime.routeList(app)
            #expect(list.contains("GET /health"))
            #expect(list.contains("POST /api/v1/auth/token"))
            #expect(list.contains("GET /cases/:caseID"))
        }
    }

    @Test("instruments are listed and added from a definition file's JSON")
    func instruments() async throws {
        try await TestApp.run(demo: false) { app, _ async throws in
            #expect(try await ReunifyRuntime.instruments(app).first?.hasPrefix("family-strengths-needs@1") == true)
            let json = #"{"id":"fsn-local","version":2,"jurisdiction":"county","title":"Local","points":["interim"],"domains":[{"id":"d","title":"D","description":"","overallRequired":true,"items":[{"id":"d.i","text":"t","required":false}]}]}"#
            #expect(try await ReunifyRuntime.addInstrument(app, json: json) == "fsn-local@2")
            await #expect(throws: StoreError.self) { _ = try await ReunifyRuntime.addInstrument(app, json: json) }
            #expect(try await ReunifyRuntime.instruments(app).count == 2)
        }
    }
}
