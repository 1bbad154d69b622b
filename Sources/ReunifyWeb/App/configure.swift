import Fluent
import Vapor
import ReunifyDomain
import ReunifyStore

/// Sets up an application: database, migrations, middleware and routes. `serve`, the other commands and
/// the tests all come through here.
public func configure(_ app: Application, _ config: ReunifyConfiguration) async throws {
    app.reunify = config
    let databases = app.databases, group = app.eventLoopGroup, logger = app.logger
    app.auditBatcher = AuditBatcher(database: { databases.database(logger: logger, on: group.any()) })
    app.caseloadLines = CaseloadLines()
    app.keptOverviews = KeptOverviews()
    try config.database.register(on: app.databases)
    app.migrations.add(ReunifyMigrations.all)
    app.passwords.use(.bcrypt(cost: config.bcryptCost))
    app.routes.defaultMaxBodySize = "1mb"
    ContentConfiguration.global.use(decoder: APIJSONDecoder(), for: .json)

    app.middleware = Middlewares()
    app.middleware.use(ReunifyErrorMiddleware())
    app.middleware.use(MethodNotAllowedMiddleware())
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(SignInMiddleware())
    try routes(app)
}

/// Brings the database schema up to date and applies the database's own settings; match candidates scored by an
/// earlier matching engine are scored again.
public func migrate(_ app: Application) async throws {
    try await app.reunify.database.prepare(app.db)
    try await app.reunify.database.prepareConnections(app.eventLoopGroup.makeIterator().map {
        app.databases.database(logger: app.logger, on: $0)!
    })
    try await app.autoMigrate()
    try await TracingScorer(app.db, today: app.reunify.time.today(), now: app.reunify.time.now()).rescoreStale()
}
