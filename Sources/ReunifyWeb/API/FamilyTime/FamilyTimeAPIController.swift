import Fluent
import Vapor
import ReunifyDomain
import ReunifyStore

/// A case's visit plans and their level changes, safety assessments, visits and visitation, and the calendar links.
struct FamilyTimeAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let c = routes.grouped("cases", ":caseID")
        c.get("visit-plans", use: listPlans)
        c.post("visit-plans", use: createPlan)
        c.get("visit-plans", ":planID", use: readPlan)
        c.put("visit-plans", ":planID", use: changePlan)
        c.get("visit-plans", ":planID", "level-changes", use: listLevelChanges)
        c.post("visit-plans", ":planID", "level-changes", use: requestLevelChange)
        c.post("visit-plans", ":planID", "level-changes", ":changeID", "approve", use: approveLevelChange)
        c.get("safety-assessments", use: listSafety)
        c.post("safety-assessments", use: recordSafety)
        c.get("visits", use: listVisits)
        c.post("visits", use: schedule)
        c.get("visits", ":visitID", use: readVisit)
        c.put("visits", ":visitID", "record", use: recordVisit)
        c.get("visitation", use: visitation)
        c.post("calendar-feed", use: familyFeed)
        routes.post("calendar-feed", use: staffFeed)
        routes.delete("calendar-feed", use: revokeStaffFeed)
    }

    func planID(_ req: Request) throws -> VisitPlanID { try req.idParameter("planID", "visit plan") }

    func listPlans(req: Request) async throws -> [VisitPlanDTO] {
        let caseID = try req.caseIDParameter()
        try await req.authorize(.read, .visitPlan, caseID: caseID)
        try await req.audit(.view, .visitPlan, recordID: nil, caseID: caseID, .audAPIVisitPlans)
        return try await FamilyTimeRepository(req.db).plans(in: caseID).map { VisitPlanDTO($0, caseID: caseID) }
    }

    func createPlan(req: Request) async throws -> Response {
        let caseID = try req.caseIDParameter()
        let details = try req.content.decode(VisitPlanInput.self).value()
        let plan = try await FamilyTimeCommands(req.change()).createPlan(details, in: caseID)
        return try created(VisitPlanDTO(plan, caseID: caseID))
    }

    func readPlan(req: Request) async throws -> VisitPlanDTO {
        let caseID = try req.caseIDParameter()
        try await req.authorize(.read, .visitPlan, caseID: caseID)
        let id = try planID(req)
        guard let plan = try await FamilyTimeRepository(req.db).plan(id, in: caseID) else {
            throw Abort(.notFound, reason: "There is no such visit plan in this case")
        }
        try await req.audit(.view, .visitPlan, recordID: id, caseID: caseID, .audAPIVisitPlan)
        return VisitPlanDTO(plan, caseID: caseID)
    }

    func changePlan(req: Request) async throws -> VisitPlanDTO {
        let caseID = try req.caseIDParameter()
        let input = try req.content.decode(VisitPlanInput.self)
        let version = try requireVersion(input.version)
        let plan = try await FamilyTimeCommands(req.change()).changePlan(try planID(req), in: caseID, to: try input.value(), expectedVersion: version)
        return VisitPlanDTO(plan, caseID: caseID)
    }

    func listLevelChanges(req: Request) async throws -> [LevelChangeDTO] {
        let caseID = try req.caseIDParameter()
        try await req.authorize(.read, .visitLevelChange, caseID: caseID)
        let id = try planID(req)
        guard try await FamilyTimeRepository(req.db).plan(id, in: caseID) != nil else {
            throw Abort(.notFound, reason: "There is no such visit plan in this case")
        }
        try await req.audit(.view, .visitLevelChange, recordID: id, caseID: caseID, .audAPILevelChanges)
        return try await FamilyTimeRepository(req.db).levelChanges(in: caseID).filter { $0.details.planID == id }.map(LevelChangeDTO.init)
    }

    func requestLevelChange(req: Request) async throws -> Response {
        let caseID = try req.caseIDParameter()
        let input = try req.content.decode(LevelChangeInput.self)
        let change = try await FamilyTimeCommands(req.change()).requestLevelChange(
            on: try planID(req), in: caseID, to: try VisitLevel.api(input.to, field: "to"), reason: input.reason, courtOrder: input.courtOrder)
        return try created(LevelChangeDTO(change))
    }

    func approveLevelChange(req: Request) async throws -> LevelChangeDTO {
        let caseID = try req.caseIDParameter()
        let plan = try planID(req)
        let id: LevelChangeID = try req.idParameter("changeID", "level change")
        try await req.authorize(.update, .visitLevelApproval, caseID: caseID)
        guard let found = try await FamilyTimeRepository(req.db).levelChanges(in: caseID).first(where: { $0.id == id }), found.details.planID == plan else {
            throw Abort(.notFound, reason: "There is no such level change of this visit plan")
        }
        return LevelChangeDTO(try await FamilyTimeCommands(req.change()).approveLevelChange(id, in: caseID))
    }

    func listSafety(req: Request) async throws -> [SafetyAssessmentDTO] {
        let caseID = try req.caseIDParameter()
        try await req.authorize(.read, .safetyAssessment, caseID: caseID)
        try await req.audit(.view, .safetyAssessment, recordID: nil, caseID: caseID, .audAPISafety)
        return try await FamilyTimeRepository(req.db).safetyAssessments(in: caseID).map { SafetyAssessmentDTO($0, caseID: caseID) }
    }

    func recordSafety(req: Request) async throws -> Response {
        let caseID = try req.caseIDParameter()
        let details = try req.content.decode(SafetyAssessmentInput.self).value()
        let saved = try await FamilyTimeCommands(req.change()).recordSafetyAssessment(details, in: caseID)
        return try created(SafetyAssessmentDTO(saved, caseID: caseID))
    }

    func listVisits(req: Request) async throws -> [VisitDTO] {
        let caseID = try req.caseIDParameter()
        try await req.authorize(.read, .visit, caseID: caseID)
        try await req.audit(.view, .visit, recordID: nil, caseID: caseID, .audAPIVisits)
        return try await FamilyTimeRepository(req.db).visits(in: caseID).map { VisitDTO($0, caseID: caseID) }
    }

    func schedule(req: Request) async throws -> Response {
        let caseID = try req.caseIDParameter()
        let input = try req.content.decode(VisitInput.self)
        let commands = FamilyTimeCommands(try req.change())
        if input.repeat != nil {
            let visits = try await commands.scheduleSeries(try input.requests(), on: VisitPlanID(input.planId), in: caseID)
            return try created(visits.map { VisitDTO($0, caseID: caseID) })
        }
        let visit = try await commands.schedule(try input.requests()[0], on: VisitPlanID(input.planId), in: caseID)
        return try created(VisitDTO(visit, caseID: caseID))
    }

    func readVisit(req: Request) async throws -> VisitDTO {
        let caseID = try req.caseIDParameter()
        try await req.authorize(.read, .visit, caseID: caseID)
        let id: VisitID = try req.idParameter("visitID", "visit")
        guard let visit = try await FamilyTimeRepository(req.db).visit(id, in: caseID) else {
            throw Abort(.notFound, reason: "There is no such visit in this case")
        }
        try await req.audit(.view, .visit, recordID: id, caseID: caseID, .audAPIVisit)
        return VisitDTO(visit, caseID: caseID)
    }

    func recordVisit(req: Request) async throws -> VisitDTO {
        let caseID = try req.caseIDParameter()
        let id: VisitID = try req.idParameter("visitID", "visit")
        let outcome = try req.content.decode(VisitRecordInput.self).value()
        return VisitDTO(try await FamilyTimeCommands(req.change()).record(outcome, of: id, in: caseID), caseID: caseID)
    }

    func visitation(req: Request) async throws -> VisitationDTO {
        let caseID = try req.caseIDParameter()
        try await req.authorize(.read, .visit, caseID: caseID)
        guard let text = req.query[String.self, at: "childId"] else { throw ValidationFailure(field: "childId", "Name the child: ?childId=") }
        guard let child = PersonID(text) else { throw ValidationFailure(field: "childId", "'\(text)' is not a person id") }
        let to = try CalendarDate.api(req.query[String.self, at: "to"], field: "to") ?? req.today
        let from = try CalendarDate.api(req.query[String.self, at: "from"], field: "from") ?? to.adding(days: -VisitRules.defaultVisitationDays)
        guard from <= to else { throw ValidationFailure(field: "from", "The period starts on or before its end (\(to.iso))") }
        let visits = try await FamilyTimeRepository(req.db).visits(in: caseID).map { (id: $0.id, details: $0.details) }
        let (figures, counted) = VisitationFigures.of(visits, childID: child, from: from, to: to, now: req.now)
        try await req.audit(.view, .visit, recordID: child, caseID: caseID, .audAPIVisitation, ["from": from.iso, "to": to.iso])
        return VisitationDTO(childId: child.uuid, from: from.iso, to: to.iso, scheduled: figures.scheduled, attended: figures.attended,
                             quality: figures.quality?.rawValue,
                             visits: counted.map { VisitDTO(Recorded(id: $0.id, version: 0, details: $0.details), caseID: caseID) })
    }

    func familyFeed(req: Request) async throws -> Response {
        let caseID = try req.caseIDParameter()
        let renew = try Self.renew(req)
        let feed = try await FamilyTimeCommands(req.change()).familyFeed(of: caseID, renew: renew)
        return try created(FeedDTO(url: CalendarFeedController.url(req, feed.token), createdAt: APIDateTime.format(feed.createdAt, offsetMinutes: 0)))
    }

    func staffFeed(req: Request) async throws -> Response {
        let renew = try Self.renew(req)
        let feed = try await StaffFeedCommands(req.db, req.acting()).feed(renew: renew)
        return try created(FeedDTO(url: CalendarFeedController.url(req, feed.token), createdAt: APIDateTime.format(feed.createdAt, offsetMinutes: 0)))
    }

    func revokeStaffFeed(req: Request) async throws -> Response {
        try await StaffFeedCommands(req.db, req.acting()).revoke()
        return Response(status: .noContent)
    }

    /// `?renew=true|false`, once; anything else is refused rather than guessed at.
    static func renew(_ req: Request) throws -> Bool {
        let items = URLComponents(string: "?" + (req.url.query ?? ""))?.queryItems?.filter { $0.name == "renew" } ?? []
        guard !items.isEmpty else { return false }
        guard items.count == 1, let value = items[0].value, ["true", "false"].contains(value) else {
            throw ValidationFailure(field: "renew", "Give renew once, as true or false")
        }
        return value == "true"
    }
}
