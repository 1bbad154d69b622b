import Fluent
import Vapor
import ReunifyDomain
import ReunifyStore

/// `GET /calendar/{token}.ics`: a private iCalendar feed, opened by its secret alone (calendar programs send no
/// sign-in). A staff member's feed has the visits they supervise and those of the cases they hold; a family's has
/// its coming visits. Titles carry the case number and the child's first name, never a full name. Each read is
/// audited against the feed's owner or family.
struct CalendarFeedController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("calendar", ":feed", use: feed)
    }

    static func url(_ req: Request, _ token: String) -> String {
        let host = req.headers.first(name: .host) ?? "localhost"
        return "http://\(host)/calendar/\(token).ics"
    }

    func feed(req: Request) async throws -> Response {
        guard let name = req.parameters.get("feed"), name.hasSuffix(".ics") else { throw Abort(.notFound, reason: "There is no calendar at this address") }
        let token = String(name.dropLast(4))
        guard FeedToken.isWellFormed(token), let feed = try await FamilyTimeRepository(req.db).feed(token: token) else {
            throw Abort(.notFound, reason: "There is no calendar at this address, or its link was renewed")
        }
        let repo = FamilyTimeRepository(req.db)
        let from = req.now.addingTimeInterval(-14 * 86_400), to = req.now.addingTimeInterval(180 * 86_400)
        var rows: [(CaseID, Recorded<VisitSubject, VisitDetails>)] = []
        var title = "Reunify visits"
        var owner: UserModel?
        if let caseID = feed.caseID.map(CaseID.init) {
            rows = try await repo.visits(in: caseID).filter { $0.details.start >= from && $0.details.start < to }.map { (caseID, $0) }
            title = "Family visits"
        } else if let ownerID = feed.ownerUserID.map(UserID.init), let user = try await UserRepository(req.db).find(ownerID), !user.disabled {
            owner = user
            let actor = Actor(id: ownerID, role: UserRole(rawValue: user.role) ?? .caseworker, unit: user.unit)
            let cases = try await CaseRepository(req.db).visibleCaseIDs(req.policy.scope(for: actor))
            rows = try await repo.visits(of: ownerID, cases: cases, from: from, to: to)
            title = "Visits: \(user.name)"
        } else {
            throw Abort(.notFound, reason: "There is no calendar at this address")
        }
        var events: [ICalendar.Event] = []
        var labels: [CaseID: String] = [:]
        var firstNames: [PersonID: String] = [:]
        for (caseID, visit) in rows {
            if labels[caseID] == nil { labels[caseID] = try await CaseRepository(req.db).find(caseID)?.caseNumber ?? "" }
            let child = visit.details.childID
            if firstNames[child] == nil { firstNames[child] = try await PersonRepository(req.db).find(child)?.details.givenName ?? "child" }
            let d = visit.details
            events.append(ICalendar.Event(uid: "visit-\(visit.id)@reunify", start: d.start, end: d.end,
                                          summary: VisitFeedText.summary(caseNumber: labels[caseID]!, childGivenName: firstNames[child]!, level: d.level),
                                          location: d.location, description: d.record == nil ? nil : "Recorded",
                                          cancelled: d.cancelledByAgency, sequence: visit.version - 1))
        }
        let body = ICalendar(name: title, events: events, stamp: req.now).text
        try await req.application.auditBatcher.record(Set(rows.map(\.0)).map { caseID in
            AuditEventModel(
                occurredAt: req.now, userID: owner?.id, userEmail: owner?.email ?? "family calendar link", action: AuditAction.view.rawValue,
                recordKind: RecordKind.visit.rawValue, recordID: feed.id, caseID: caseID.uuid, summary: Worded(.audFeedRead),
                address: req.clientAddress)
        })
        let response = Response(status: .ok, body: .init(string: body))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "calendar", parameters: ["charset": "utf-8"])
        response.headers.cacheControl = .init(noStore: true)
        return response
    }
}
