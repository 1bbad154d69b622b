import Fluent
import Foundation
import Vapor
import ReunifyDomain
import ReunifyStore
import ReunifyDemo

/// What the command-line tool does, as plain functions over a configured application. The executable
/// only parses arguments and calls these.
public enum ReunifyRuntime {
    /// Makes and configures an application from the environment.
    public static func makeApplication(_ config: ReunifyConfiguration? = nil) async throws -> Application {
        let app = try await Application.make(Environment(name: "production", arguments: ["reunify"]))
        app.logger.logLevel = Logger.Level(rawValue: ProcessInfo.processInfo.environment["LOG_LEVEL"] ?? "") ?? .notice
        do {
            try await configure(app, config ?? ReunifyConfiguration.fromEnvironment())
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        return app
    }

    public static func migrate(_ app: Application) async throws {
        try await ReunifyWeb.migrate(app)
    }

    /// Loads the demo agency unless it is there already. Returns whether it was loaded now.
    public static func loadDemo(_ app: Application) async throws -> Bool {
        let loader = DemoLoader(app.db)
        if try await loader.isLoaded() { return false }
        let today = app.reunify.time.today()
        let agency = DemoAgencyGenerator(today: today).generate()
        let practice = DemoPracticeGenerator(agency: agency, today: today).generate()
        let hash = try await app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.next()).hash(DemoAgency.password)
        let loaded = try await loader.load(agency, practice: practice, passwordHash: hash, today: today, now: app.reunify.time.now())
        if loaded { try await TracingScorer(app.db, today: today, now: app.reunify.time.now()).rescoreAll() }
        return loaded
    }

    /// Loads a generated state agency beside the demo one, unless one is there. Returns the rows written, or nil.
    public static func loadStateAgency(_ app: Application, families: Int, seed: UInt64, years: Int,
                                       progress: (@Sendable (Int) -> Void)? = nil) async throws -> Int? {
        if try await UserRepository(app.db).find(email: "supervisor.1@state.reunify.test") != nil { return nil }
        let hash = try await app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.next()).hash(DemoAgency.password)
        return try await StateAgency(families: families, seed: seed, years: years, today: app.reunify.time.today())
            .load(on: app.db, passwordHash: hash, progress: progress)
    }

    public static func createUser(_ app: Application, email: String, name: String, role: String, unit: String?, password: String) async throws -> String {
        let userRole = try UserRole.parse(role, field: "role")
        try PasswordRules.check(password)
        let hash = try await app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.next()).hash(password)
        let user = try await UserRepository(app.db).create(email: email, name: name, role: userRole, unit: unit, passwordHash: hash)
        return "Created \(user.email) (\(userRole.label))"
    }

    public static func instruments(_ app: Application) async throws -> [String] {
        try await InstrumentCatalog(app.db).all().map { "\($0.key)  \($0.title) (\($0.jurisdiction)), \($0.domains.count) domains" }
    }

    public static func addInstrument(_ app: Application, json: String) async throws -> String {
        try await InstrumentCatalog(app.db).add(json: json, addedBy: nil).key
    }

    /// Every route as `METHOD /path`, sorted.
    public static func routeList(_ app: Application) -> [String] {
        app.routes.all.map { "\($0.method.rawValue) /" + $0.path.map(\.description).joined(separator: "/") }.sorted()
    }

    /// Starts serving and returns once SIGINT or SIGTERM arrives and the server has stopped.
    public static func serve(_ app: Application, hostname: String, port: Int, announce: (String) -> Void) async throws {
        app.http.server.configuration.hostname = hostname
        app.http.server.configuration.port = port
        try await app.server.start(address: .hostname(hostname, port: port))
        let boundPort = app.http.server.shared.localAddress?.port ?? port
        announce("Reunify is listening on http://\(hostname):\(boundPort) (database: \(app.reunify.database.kind))")
        let (stop, continuation) = AsyncStream<Void>.makeStream()
        let queue = DispatchQueue(label: "reunify.signals")
        let sources = [SIGINT, SIGTERM].map { code in
            signal(code, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: code, queue: queue)
            source.setEventHandler { continuation.yield(()) }
            source.resume()
            return source
        }
        for await _ in stop { break }
        sources.forEach { $0.cancel() }
        announce("Stopping…")
        await app.server.shutdown()
    }

    public static let demoAccounts = [
        "admin@demo.reunify.test (administrator)", "supervisor@demo.reunify.test (supervisor)",
        "caseworker@demo.reunify.test (caseworker)", "caseworker2@demo.reunify.test (caseworker)",
        "clinician@demo.reunify.test (clinician)", "provider@demo.reunify.test (provider)",
        "legal@demo.reunify.test (legal)", "parent@demo.reunify.test (parent)",
        "madre@demo.reunify.test (parent, pages in Spanish)",
    ]
}

public typealias ValidationFailure = ReunifyDomain.ValidationFailure
public typealias StoreError = ReunifyStore.StoreError
public typealias Application = Vapor.Application
