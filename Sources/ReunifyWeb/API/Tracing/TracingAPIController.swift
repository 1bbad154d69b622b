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
        try await req.audit(.search, Request.tracingKind, recordID: nil, caseID: nil, "API listed tracing requests")
        return list.map(TracingRequestDTO.init)
    }

    func create(req: Request) async throws -> Response {
        let signedIn = try await req.requireTracer(.create)
        let input = try req.content.decode(TracingRequestInput.self)
        var details = try input.details(today: req.today, status: .open)
        details.status = .open
        let (completed, problems) = try await TracingPagesController.completed(details, req: req)
        try ValidationFailure.check(problems)
        let model = try await TracingRepository(req.db).create(completed, filedBy: signedIn.user.id!, filedOn: req.today)
        var caseID: UUID?
        if let child = completed.childID { caseID = try await req.allCases(of: child.uuid).first }
        try await req.audit(.create, Request.tracingKind, recordID: model.id, caseID: caseID, "API filed tracing request for \(completed.sought.fullName)")
        try await TracingService(req: req).rescore(model)
        let response = Response(status: .created)
        try response.content.encode(TracingRequestDTO(model))
        return response
    }

    func read(req: Request) async throws -> TracingRequestDTO {
        try await req.requireTracer()
        let model = try await req.tracingRequestParameter()
        try await req.audit(.view, Request.tracingKind, recordID: model.id, caseID: nil, "API read tracing request")
        return TracingRequestDTO(model)
    }

    func update(req: Request) async throws -> TracingRequestDTO {
        try await req.requireTracer(.update)
        let model = try await req.tracingRequestParameter()
        let input = try req.content.decode(TracingRequestInput.self)
        let version = try requireVersion(input.version)
        let saved = model.details
        let (details, problems) = try await TracingPagesController.completed(try input.details(today: req.today, status: saved.status), req: req)
        try ValidationFailure.check(problems)
        if let problem = TracingStatus.problem(moving: saved.status, to: details.status, verification: model.verificationDetails,
                                               linked: model.linkedPersonID != nil) {
            throw ValidationFailure(field: "status", problem)
        }
        try await TracingRepository(req.db).update(model, to: details, expectedVersion: version)
        try await req.audit(.update, Request.tracingKind, recordID: model.id, caseID: nil, "API changed tracing request")
        try await TracingService(req: req).rescore(model)
        return TracingRequestDTO(model)
    }

    func delete(req: Request) async throws -> HTTPStatus {
        try await req.requireTracer()
        let model = try await req.tracingRequestParameter()
        try await req.requireTracer(.delete, .tracingRequest, filedBy: model.filedBy)
        if try await TracingRepository(req.db).candidates(of: model.id!).contains(where: { $0.decisionValue == .confirmed }) || model.linkedPersonID != nil {
            throw Abort(.conflict, reason: "A request with a confirmed match is kept; close it instead")
        }
        try await TracingRepository(req.db).delete(model)
        try await req.audit(.delete, Request.tracingKind, recordID: model.id, caseID: nil, "API deleted tracing request for \(model.details.sought.fullName)")
        return .noContent
    }

    func listActions(req: Request) async throws -> [TracingActionBody] {
        try await req.requireTracer()
        let model = try await req.tracingRequestParameter()
        return try await TracingRepository(req.db).actions(of: model.id!).map(TracingActionBody.init)
    }

    func addAction(req: Request) async throws -> Response {
        let signedIn = try await req.requireTracer(.update)
        let model = try await req.tracingRequestParameter()
        let details = try req.content.decode(TracingActionBody.self).details(today: req.today)
        let action = try await TracingRepository(req.db).addAction(details, to: model.id!, by: signedIn.user.id!)
        try await req.audit(.create, Request.tracingKind, recordID: action.id, caseID: nil, "API recorded tracing action: \(details.type.label)")
        let response = Response(status: .created)
        try response.content.encode(TracingActionBody(action))
        return response
    }

    func listCandidates(req: Request) async throws -> [CandidateDTO] {
        try await req.requireTracer(.read, .matchCandidate)
        let model = try await req.tracingRequestParameter()
        let candidates = try await TracingRepository(req.db).candidates(of: model.id!)
        let persons = try await PersonRepository(req.db).find(candidates.map(\.personID))
        try await req.audit(.view, Request.candidateKind, recordID: model.id, caseID: nil, "API listed match candidates")
        return candidates.compactMap { c in persons.first { $0.id == c.personID }.map { CandidateDTO(c, person: $0) } }
    }

    func decide(req: Request) async throws -> CandidateDTO {
        try await req.requireTracer(.update, .matchCandidate)
        let model = try await req.tracingRequestParameter()
        let candidate = try await req.candidateParameter(of: model)
        let input = try req.content.decode(DecisionInput.self)
        try await req.decide(candidate, try CandidateDecision.api(input.decision, field: "decision"), reason: input.reason ?? "", request: model)
        guard let person = try await PersonRepository(req.db).find(candidate.personID) else { throw Abort(.notFound) }
        return CandidateDTO(candidate, person: person)
    }

    func verify(req: Request) async throws -> TracingRequestDTO {
        try await req.requireTracer(.update, .tracingVerification)
        let model = try await req.tracingRequestParameter()
        guard let linked = model.linkedPersonID else { throw Abort(.conflict, reason: "Confirm a match before verifying it") }
        let body = try req.content.decode(VerificationBody.self)
        let v = try body.value()
        try await TracingRepository(req.db).saveVerification(model, v, expectedVersion: try requireVersion(body.version))
        try await req.audit(.update, Request.tracingKind, recordID: model.id, caseID: try await req.allCases(of: linked).first, "API recorded verification")
        return TracingRequestDTO(model)
    }

    func duplicates(req: Request) async throws -> [DuplicateDTO] {
        try await req.requireTracer()
        let service = DuplicateService(req: req)
        let person = try await service.changeablePerson(try req.uuidParameter("personID", "person"))
        let found = try await service.duplicates(of: person)
        try await req.audit(.search, .person, recordID: person.id, caseID: try await req.visibleCases(of: person.id!).first, "API looked for duplicates")
        return found.map { DuplicateDTO(person: PersonDTO($0.person), probability: $0.score.probability, evidence: $0.score.evidence.map(EvidenceDTO.init)) }
    }

    func merge(req: Request) async throws -> MergeResultDTO {
        let keptID = try req.uuidParameter("personID", "person")
        let input = try req.content.decode(MergeInput.self)
        let result = try await DuplicateService(req: req).merge(input.duplicateId, into: keptID, reason: input.reason ?? "")
        guard let kept = try await PersonRepository(req.db).find(keptID) else { throw Abort(.notFound) }
        return MergeResultDTO(kept: PersonDTO(kept), merged: input.duplicateId, cases: result.cases)
    }
}
