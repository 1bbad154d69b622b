import Fluent
import Vapor
import ReunifyDomain
import ReunifyStore

/// `GET /api/v1/cases/{caseID}/timeline`: every deadline of every child with a removal in the case, from the
/// recorded facts, by the permanency clock.
struct PermanencyAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.grouped("cases", ":caseID").get("timeline", use: timeline)
    }

    struct ItemDTO: Content {
        let kind: String
        let childId: UUID
        let due: String
        let status: String
        let basis: String
    }

    struct TimelineDTO: Content {
        let items: [ItemDTO]
    }

    func timeline(req: Request) async throws -> TimelineDTO {
        let caseID = try req.caseIDParameter()
        try await req.authorize(.read, .removalEpisode, caseID: caseID)
        guard let overview = try await CaseRepository(req.db).overview(caseID) else { throw Request.noSuchCase }
        try await req.audit(.view, .removalEpisode, recordID: nil, caseID: caseID, "API read the case's deadlines")
        let clock = PermanencyClock(policy: req.reunify.timelines)
        let items = overview.clockFacts().flatMap { clock.items($0, today: req.today) }.sorted { ($0.due, $0.kind.rawValue) < ($1.due, $1.kind.rawValue) }
        return TimelineDTO(items: items.map {
            ItemDTO(kind: $0.kind.rawValue, childId: $0.childID.uuid, due: $0.due.iso, status: $0.status.rawValue, basis: $0.basis)
        })
    }
}
