import Fluent
import Vapor
import ReunifyDomain
import ReunifyStore

// Alternative permanency paths worked concurrently with reunification, and aftercare plans.

struct PathStepDTO: Content {
    let id: UUID
    let childId: UUID
    let plan: String
    let step: String
    let label: String
    let status: String
    let date: String
    let note: String?
    let tracingRequestId: UUID?
    let recordedBy: String?

    init(_ r: Recorded<PathStepSubject, PathStepDetails>) {
        id = r.id.uuid
        childId = r.details.childID.uuid
        plan = r.details.plan.rawValue
        step = r.details.step.rawValue
        label = r.details.step.label
        status = r.details.status.rawValue
        date = r.details.date.iso
        note = r.details.note
        tracingRequestId = r.details.tracingRequestID?.uuid
        recordedBy = r.details.recordedByName
    }
}

struct PathDTO: Content {
    struct Step: Content {
        let step: String
        let label: String
        /// The latest entry's status; `not_started` when none is recorded.
        let status: String
        let date: String?
        let note: String?
        let tracingRequestId: UUID?
    }
    let plan: String
    /// `primary` or `concurrent` when the plan is one of the child's goals, else `former`.
    let role: String
    let state: String
    let next: String?
    let steps: [Step]

    init(_ p: PermanencyPath, goals: PermanencyGoalDetails?) {
        plan = p.plan.rawValue
        role = goals?.primary == p.plan ? "primary" : goals?.concurrent == p.plan ? "concurrent" : "former"
        state = p.state.rawValue
        next = p.next?.rawValue
        steps = p.steps.map {
            Step(step: $0.step.rawValue, label: $0.step.label, status: $0.latest?.status.rawValue ?? "not_started", date: $0.latest?.date.iso,
                 note: $0.latest?.note, tracingRequestId: $0.history.compactMap(\.tracingRequestID).last?.uuid)
        }
    }
}

struct ChildPathsDTO: Content {
    let childId: UUID
    let primary: String?
    let concurrent: String?
    let paths: [PathDTO]
}

struct PathsDTO: Content {
    let children: [ChildPathsDTO]
}

struct PathStepInput: Content {
    var childId: UUID
    var step: String
    var status: String
    var date: String
    var note: String?
    var startTracing: Bool?

    func value() throws(ValidationFailure) -> PathStepDetails {
        guard let day = try CalendarDate.api(date, field: "date") else { throw ValidationFailure(field: "date", "Give the day of the step") }
        return PathStepDetails(childID: PersonID(childId), step: try PathStep.api(step, field: "step"),
                               status: try StepStatus.api(status, field: "status"), date: day, note: note)
    }
}

struct ScheduledFollowUpDTO: Content {
    let days: Int
    let due: String
    let seen: String?
    let status: String
}

struct AftercarePlanDTO: Content {
    let id: UUID
    let caseId: UUID
    let childId: UUID
    let discharged: String
    let services: [String]
    let checkInBy: String
    let contact: String?
    let note: String?
    let followUps: [ScheduledFollowUpDTO]
    let version: Int

    init(_ r: Recorded<AftercarePlanSubject, AftercarePlanDetails>, caseID: CaseID, schedule: [ScheduledFollowUp]) {
        id = r.id.uuid
        caseId = caseID.uuid
        childId = r.details.childID.uuid
        discharged = r.details.discharged.iso
        services = r.details.services
        checkInBy = r.details.checkInBy
        contact = r.details.contact
        note = r.details.note
        followUps = schedule.map { ScheduledFollowUpDTO(days: $0.days, due: $0.due.iso, seen: $0.seen?.iso, status: $0.status.rawValue) }
        version = r.version
    }
}

struct AftercarePlanInput: Content {
    var childId: UUID
    /// A list, or one service per line.
    var services: TextOrLines
    var checkInBy: String
    var contact: String?
    var note: String?
    var version: Int?

    func value() -> AftercarePlanEntry {
        AftercarePlanEntry(childID: PersonID(childId),
                             services: (services.text ?? "").split(whereSeparator: \.isNewline).map(String.init),
                             checkInBy: checkInBy, contact: contact, note: note)
    }
}

extension PermanencyAPIController {
    func bootPaths(_ c: any RoutesBuilder) {
        c.get("permanency-paths", use: listPaths)
        c.post("permanency-steps", use: recordStep)
        c.get("aftercare-plans", use: listAftercarePlans)
        c.post("aftercare-plans", use: recordAftercarePlan)
        c.put("aftercare-plans", ":planID", use: changeAftercarePlan)
    }

    func listPaths(req: Request) async throws -> PathsDTO {
        let (caseID, r) = try await records(req, .permanencyStep, "permanency paths")
        let children = try await PersonRepository(req.db).members(of: caseID).filter { $0.memberRole == .child }.map { PersonID($0.personID) }
        let goals = try await CaseRecordsRepository(req.db).goals(of: caseID).map(\.details)
        return PathsDTO(children: r.paths(children: children, goals: goals).map { c in
            ChildPathsDTO(childId: c.child.uuid, primary: c.goals?.primary.rawValue, concurrent: c.goals?.concurrent?.rawValue,
                          paths: c.paths.map { PathDTO($0, goals: c.goals) })
        })
    }

    func recordStep(req: Request) async throws -> Response {
        let caseID = try req.caseIDParameter()
        let input = try req.content.decode(PathStepInput.self)
        let saved = try await PermanencyCommands(req.change()).recordStep(try input.value(), startTracing: input.startTracing ?? false, in: caseID)
        return try created(PathStepDTO(saved))
    }

    func listAftercarePlans(req: Request) async throws -> [AftercarePlanDTO] {
        let (caseID, r) = try await records(req, .aftercarePlan, "aftercare plans")
        return r.aftercarePlans.map { AftercarePlanDTO($0, caseID: caseID, schedule: r.schedule(of: $0.details, policy: req.reunify.timelines, today: req.today)) }
    }

    func recordAftercarePlan(req: Request) async throws -> Response {
        let caseID = try req.caseIDParameter()
        let saved = try await PermanencyCommands(req.change()).recordAftercarePlan(try req.content.decode(AftercarePlanInput.self).value(), in: caseID)
        let r = try await PermanencyRepository(req.db).records(in: caseID)
        return try created(AftercarePlanDTO(saved, caseID: caseID, schedule: r.schedule(of: saved.details, policy: req.reunify.timelines, today: req.today)))
    }

    func changeAftercarePlan(req: Request) async throws -> AftercarePlanDTO {
        let caseID = try req.caseIDParameter()
        let input = try req.content.decode(AftercarePlanInput.self)
        let version = try requireVersion(input.version)
        let saved = try await PermanencyCommands(req.change()).changeAftercarePlan(try req.idParameter("planID", "aftercare plan"), in: caseID,
                                                                                   to: input.value(), expectedVersion: version)
        let r = try await PermanencyRepository(req.db).records(in: caseID)
        return AftercarePlanDTO(saved, caseID: caseID, schedule: r.schedule(of: saved.details, policy: req.reunify.timelines, today: req.today))
    }
}
