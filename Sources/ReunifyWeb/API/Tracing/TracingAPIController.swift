import Fluent
import Vapor
import ReunifyDomain
import ReunifyStore

/// `/api/v1/tracing-requests`: tracing requests, their actions, match candidates and decisions, verification;
/// and `/api/v1/persons/{id}/duplicates` with merging.
struct TracingAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let t = routes.grouped("tracing-requests")
        t.get(use: list)
        t.post(use: create)
        t.get(":requestID", use: read)
        t.put(":requestID", use: update)
        t.delete(":requestID", use: delete)
        t.get(":requestID", "actions", use: listActions)
        t.post(":requestID", "actions", use: addAction)
        t.get(":requestID", "candidates", use: listCandidates)
        t.post(":requestID", "candidates", ":candidateID", "decision", use: decide)
        t.put(":requestID", "verification", use: verify)
        routes.get("persons", ":personID", "duplicates", use: duplicates)
        routes.post("persons", ":personID", "merge", use: merge)
    }

    func list(req: Request) async throws -> [TracingRequestDTO] {
        try await req.requireTracer()
        let status = try TracingStatus.api(req.query[String.self, at: "status"], field: "status")
        let search = req.query[String.self, at: "q"] ?? ""
        let list = try await TracingRepository(req.db).list(status: status, search: search)
        try await req.audit(.search, Request.tracingKind, recordID: nil, caseID: nil, .audAPITraces)
        return list.map(TracingRequestDTO.init)
    }

    func create(req: Request) async throws -> Response {
        try await req.requireTracer(.create)
        let input = try req.content.decode(TracingRequestInput.self)
        let model = try await req.tracing().file(try input.details(today: req.today, status: .open))
        let response = Response(status: .created)
        try response.content.encode(TracingRequestDTO(model))
        return response
    }

    func read(req: Request) async throws -> TracingRequestDTO {
        try await req.requireTracer()
        let model = try await req.tracingRequestParameter()
        try await req.audit(.view, Request.tracingKind, recordID: model.id, caseID: nil, .audAPITrace)
        return TracingRequestDTO(model)
    }

    func update(req: Request) async throws -> TracingRequestDTO {
        try await req.requireTracer(.update)
        let model = try await req.tracingRequestParameter()
        let input = try req.content.decode(TracingRequestInput.self)
        let version = try requireVersion(input.version)
        let details = try input.details(today: req.today, status: model.details.status)
        return TracingRequestDTO(try await req.tracing().change(model.typedID, to: details, expectedVersion: version))
    }

    func delete(req: Request) async throws -> HTTPStatus {
        try await req.requireTracer()
        let model = try await req.tracingRequestParameter()
        try await req.tracing().delete(model.typedID)
        return .noContent
    }

    func listActions(req: Request) async throws -> [TracingActionBody] {
        try await req.requireTracer()
        let model = try await req.tracingRequestParameter()
        return try await TracingRepository(req.db).actions(of: model.typedID).map(TracingActionBody.init)
    }

    func addAction(req: Request) async throws -> Response {
        try await req.requireTracer(.update)
        let model = try await req.tracingRequestParameter()
        let details = try req.content.decode(TracingActionBody.self).details(today: req.today)
        let action = try await req.tracing().addAction(details, to: model.typedID)
        let response = Response(status: .created)
        try response.content.encode(TracingActionBody(action))
        return response
    }

    func listCandidates(req: Request) async throws -> [CandidateDTO] {
        try await req.requireTracer(.read, .matchCandidate)
        let model = try await req.tracingRequestParameter()
        let candidates = try await TracingRepository(req.db).candidates(of: model.typedID)
        let persons = try await PersonRepository(req.db).find(candidates.map(\.personID))
        try await req.audit(.view, Request.candidateKind, recordID: model.id, caseID: nil, .audAPICandidates)
        return candidates.compactMap { c in persons.first { $0.id == c.personID }.map { CandidateDTO(c.record, person: $0.recorded) } }
    }

    func decide(req: Request) async throws -> CandidateDTO {
        try await req.requireTracer(.update, .matchCandidate)
        let model = try await req.tracingRequestParameter()
        let candidate = try await req.candidateParameter(of: model.typedID)
        let input = try req.content.decode(DecisionInput.self)
        let decision: CandidateDecision = try CandidateDecision.api(input.decision, field: "decision")
        let decided = try await req.tracing().decide(candidate.id, of: model.typedID, decision, reason: input.reason ?? "")
        guard let person = try await PersonRepository(req.db).find(candidate.details.personID) else { throw Abort(.notFound) }
        return CandidateDTO(decided.record, person: person.recorded)
    }

    func verify(req: Request) async throws -> TracingRequestDTO {
        try await req.requireTracer(.update, .tracingVerification)
        let model = try await req.tracingRequestParameter()
        guard model.linkedPersonID != nil else { throw StateConflict("Confirm a match before verifying it") }
        let body = try req.content.decode(VerificationBody.self)
        let v = try body.value()
        return TracingRequestDTO(try await req.tracing().verify(model.typedID, v, expectedVersion: try requireVersion(body.version)))
    }

    func duplicates(req: Request) async throws -> [DuplicateDTO] {
        try await req.requireTracer()
        let service = DuplicateService(req: req)
        let person = try await service.changeablePerson(try req.idParameter("personID", "person") as PersonID)
        let found = try await service.duplicates(of: person.id)
        try await req.audit(.search, .person, recordID: person.id, caseID: try await req.visibleCases(of: person.id).first, .audAPIDuplicates)
        return found.map { DuplicateDTO(person: PersonDTO($0.person, mergedInto: nil), probability: $0.score.probability, evidence: $0.score.evidence.map(EvidenceDTO.init)) }
    }

    func merge(req: Request) async throws -> MergeResultDTO {
        let keptID: PersonID = try req.idParameter("personID", "person")
        let input = try req.content.decode(MergeInput.self)
        let result = try await DuplicateService(req: req).merge(PersonID(input.duplicateId), into: keptID, reason: input.reason ?? "")
        guard let kept = try await PersonRepository(req.db).find(keptID) else { throw Abort(.notFound) }
        return MergeResultDTO(kept: PersonDTO(kept), merged: input.duplicateId, cases: result.cases)
    }
}
