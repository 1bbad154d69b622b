import Fluent
import Vapor
import ReunifyStore

func routes(_ app: Application) throws {
    app.get("health") { req async throws -> HealthStatus in
        try await HealthStatus.check(req)
    }
    app.get(SiteURL.styles.route) { _ in
        let response = Response(status: .ok, body: .init(string: Stylesheet.css))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        response.headers.cacheControl = .init(maxAge: 3600)
        return response
    }

    app.get("favicon.ico") { _ in Favicon.response() }

    try app.register(collection: SignInController())
    // Calendar programs send no sign-in: the feed's secret is its key.
    try app.register(collection: CalendarFeedController())
    try app.register(collection: LanguageController())
    try app.register(collection: InvitationController())

    let pages = app.grouped(RequireSignIn(mode: .page)).grouped(CSRFMiddleware()).grouped(FamilyPagesOnly())
    try pages.register(collection: CaseloadController())
    try pages.register(collection: CaseFileController())
    try pages.register(collection: MemberPagesController())
    try pages.register(collection: EpisodePagesController())
    try pages.register(collection: GoalPagesController())
    try pages.register(collection: SearchController())
    try pages.register(collection: AuditTrailController())
    try pages.register(collection: TeamPagesController())
    try pages.register(collection: AssessmentPagesController())
    try pages.register(collection: ReviewPagesController())
    try pages.register(collection: CalibrationController())
    try pages.register(collection: VignetteController())
    try pages.register(collection: TracingPagesController())
    try pages.register(collection: MatchReviewController())
    try pages.register(collection: DuplicatePagesController())
    try pages.register(collection: PlanPagesController())
    try pages.register(collection: ServicePagesController())
    try pages.register(collection: FamilyTimePagesController())
    try pages.register(collection: VisitRecordPagesController())
    try pages.register(collection: SafetyAssessmentPagesController())
    try pages.register(collection: CalendarPagesController())
    try pages.register(collection: HearingPagesController())
    try pages.register(collection: PermanencyPagesController())
    try pages.register(collection: PathPagesController())
    try pages.register(collection: OverdueController())
    try pages.register(collection: OutcomesController())
    try pages.register(collection: FamilyPortalController())
    try pages.register(collection: CaseMessagesController())
    try pages.register(collection: InvitationController.Staff())

    let api = app.grouped("api", "v1")
    try api.register(collection: AuthAPIController())
    api.get("openapi.json") { _ in OpenAPIDocument.response() }
    let signedInAPI = api.grouped(RequireSignIn(mode: .api))
    try signedInAPI.register(collection: CasesAPIController())
    try signedInAPI.register(collection: CaseRecordsAPIController())
    try signedInAPI.register(collection: AssessmentsAPIController())
    try signedInAPI.register(collection: TracingAPIController())
    try signedInAPI.register(collection: ServicesAPIController())
    try signedInAPI.register(collection: FamilyTimeAPIController())
    try signedInAPI.register(collection: PermanencyAPIController())
    try signedInAPI.register(collection: OutcomesAPIController())
}

struct HealthStatus: Content {
    let status: String
    let database: String

    static func check(_ req: Request) async throws -> HealthStatus {
        do {
            _ = try await UserRepository(req.db).count()
        } catch {
            throw Abort(.serviceUnavailable, reason: "The database does not answer")
        }
        return HealthStatus(status: "ok", database: req.reunify.database.kind)
    }
}
