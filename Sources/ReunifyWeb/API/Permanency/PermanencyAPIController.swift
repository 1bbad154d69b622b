import Fluent
import Vapor
import ReunifyDomain
import ReunifyStore

/// A case's deadlines (`timeline`), hearings, team decisions and their approval, TPR exceptions, ICWA notices and
/// aftercare follow-ups; alternative permanency paths and aftercare plans (PermanencyPathsAPI.swift).
struct PermanencyAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let c = routes.grouped("cases", ":caseID")
        c.get("timeline", use: timeline)
        c.get("hearings", use: listHearings)
        c.post("hearings", use: recordHearing)
        c.get("hearings", ":hearingID", use: readHearing)
        c.put("hearings", ":hearingID", use: changeHearing)
        c.get("decisions", use: listDecisions)
        c.post("decisions", use: recordDecision)
        c.post("decisions", ":decisionID", "approve", use: approveDecision)
        c.get("tpr-exceptions", use: listExceptions)
        c.post("tpr-exceptions", use: recordException)
        c.get("icwa-notices", use: listNotices)
        c.post("icwa-notices", use: recordNotice)
        c.put("icwa-notices", ":noticeID", use: changeNotice)
        c.get("follow-ups", use: listFollowUps)
        c.post("follow-ups", use: recordFollowUp)
        bootPaths(c)
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
        try await req.audit(.view, .removalEpisode, recordID: nil, caseID: caseID, .audAPIDeadlines)
        return TimelineDTO(items: overview.clock(req.reunify.timelines, today: req.today).map {
            ItemDTO(kind: $0.kind.rawValue, childId: $0.childID.uuid, due: $0.due.iso, status: $0.status.rawValue, basis: $0.basis)
        })
    }

    /// Reads a case's records after checking the caller may read `kind` there, and audits the read.
    func records(_ req: Request, _ kind: RecordKind, _ what: String) async throws -> (CaseID, PermanencyRecords) {
        let caseID = try req.caseIDParameter()
        try await req.authorize(.read, kind, caseID: caseID)
        try await req.audit(.view, kind, recordID: nil, caseID: caseID, .audAPIListed, ["what": what])
        return (caseID, try await PermanencyRepository(req.db).records(in: caseID))
    }

    // MARK: hearings

    func listHearings(req: Request) async throws -> [HearingDTO] {
        let (caseID, r) = try await records(req, .hearing, "hearings")
        return r.hearings.map { HearingDTO($0, caseID: caseID, today: req.today) }
    }

    func recordHearing(req: Request) async throws -> Response {
        let caseID = try req.caseIDParameter()
        let details = try req.content.decode(HearingInput.self).value()
        let saved = try await PermanencyCommands(req.change()).recordHearing(details, in: caseID)
        return try created(HearingDTO(saved, caseID: caseID, today: req.today))
    }

    func readHearing(req: Request) async throws -> HearingDTO {
        let caseID = try req.caseIDParameter()
        try await req.authorize(.read, .hearing, caseID: caseID)
        let id: HearingID = try req.idParameter("hearingID", "hearing")
        guard let hearing = try await PermanencyRepository(req.db).records(in: caseID).hearing(id) else {
            throw Abort(.notFound, reason: "There is no such hearing in this case")
        }
        try await req.audit(.view, .hearing, recordID: id.uuid, caseID: caseID, .audAPIHearing)
        return HearingDTO(hearing, caseID: caseID, today: req.today)
    }

    func changeHearing(req: Request) async throws -> HearingDTO {
        let caseID = try req.caseIDParameter()
        let input = try req.content.decode(HearingInput.self)
        let version = try requireVersion(input.version)
        let saved = try await PermanencyCommands(req.change()).changeHearing(try req.idParameter("hearingID", "hearing"), in: caseID,
                                                                             to: try input.value(), expectedVersion: version)
        return HearingDTO(saved, caseID: caseID, today: req.today)
    }

    // MARK: decisions

    func listDecisions(req: Request) async throws -> [TeamDecisionDTO] {
        let (caseID, r) = try await records(req, .teamDecision, "team decisions")
        return r.decisions.map { TeamDecisionDTO($0, caseID: caseID) }
    }

    func recordDecision(req: Request) async throws -> Response {
        let caseID = try req.caseIDParameter()
        let change = try req.change()
        let (details, everyone) = try req.content.decode(TeamDecisionInput.self).value(recordedBy: change.acting.actor.id)
        let saved = try await PermanencyCommands(change).recordDecision(details, everyChildInCare: everyone, in: caseID)
        return try created(TeamDecisionDTO(saved, caseID: caseID))
    }

    func approveDecision(req: Request) async throws -> TeamDecisionDTO {
        let caseID = try req.caseIDParameter()
        let id: DecisionID = try req.idParameter("decisionID", "decision")
        try await req.authorize(.update, .decisionApproval, caseID: caseID)
        return TeamDecisionDTO(try await PermanencyCommands(req.change()).approveDecision(id, in: caseID), caseID: caseID)
    }

    // MARK: exceptions, notices, follow-ups

    func listExceptions(req: Request) async throws -> [TPRExceptionDTO] {
        let (caseID, r) = try await records(req, .tprException, "TPR exceptions")
        return r.exceptions.map { TPRExceptionDTO($0, caseID: caseID) }
    }

    func recordException(req: Request) async throws -> Response {
        let caseID = try req.caseIDParameter()
        let input = try req.content.decode(TPRExceptionInput.self)
        let saved = try await PermanencyCommands(req.change()).recordTPRException(
            childID: PersonID(input.childId), reason: try TPRExceptionReason.api(input.reason, field: "reason"), note: input.note, in: caseID)
        return try created(TPRExceptionDTO(saved, caseID: caseID))
    }

    func listNotices(req: Request) async throws -> [NoticeDTO] {
        let (caseID, r) = try await records(req, .icwaNotice, "ICWA notices")
        return r.notices.map { NoticeDTO($0, caseID: caseID) }
    }

    func recordNotice(req: Request) async throws -> Response {
        let caseID = try req.caseIDParameter()
        let details = try req.content.decode(NoticeInput.self).value()
        let saved = try await PermanencyCommands(req.change()).recordNotice(details, in: caseID)
        return try created(NoticeDTO(saved, caseID: caseID))
    }

    func changeNotice(req: Request) async throws -> NoticeDTO {
        let caseID = try req.caseIDParameter()
        let input = try req.content.decode(NoticeInput.self)
        let version = try requireVersion(input.version)
        let saved = try await PermanencyCommands(req.change()).changeNotice(try req.idParameter("noticeID", "ICWA notice"), in: caseID,
                                                                            to: try input.value(), expectedVersion: version)
        return NoticeDTO(saved, caseID: caseID)
    }

    func listFollowUps(req: Request) async throws -> [FollowUpDTO] {
        let (caseID, r) = try await records(req, .followUp, "aftercare follow-ups")
        return r.followUps.map { FollowUpDTO($0, caseID: caseID) }
    }

    func recordFollowUp(req: Request) async throws -> Response {
        let caseID = try req.caseIDParameter()
        let details = try req.content.decode(FollowUpInput.self).value()
        let saved = try await PermanencyCommands(req.change()).recordFollowUp(details, in: caseID)
        return try created(FollowUpDTO(saved, caseID: caseID))
    }
}
