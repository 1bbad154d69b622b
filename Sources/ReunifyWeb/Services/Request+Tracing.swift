import Fluent
import Vapor
import ReunifyDomain
import ReunifyStore

extension Request {
    static let tracingKind = RecordKind.tracingRequest
    static let candidateKind = RecordKind.matchCandidate

    /// Asks the access policy about a tracing record; a refusal is audited and answered 403 with the reason.
    @discardableResult
    func requireTracer(_ action: AccessAction = .read, _ kind: RecordKind = .tracingRequest, filedBy: UserID? = nil) async throws -> SignedIn {
        let signedIn = try requireSignedIn()
        if case .forbidden(let why) = policy.decideTracing(signedIn.actor, action, kind, filedBy: filedBy) {
            try await audit(.denied, kind, recordID: nil, caseID: nil, .audRefusedTo, ["action": action.rawValue, "role": signedIn.user.userRole.rawValue], each: { ["reason": Catalogue.text(why, $0)] })
            throw Refusal(.forbidden, why)
        }
        return signedIn
    }

    func tracingRequestParameter() async throws -> TracingRequestModel {
        let id: TracingRequestID = try idParameter("requestID", "tracing request")
        guard let model = try await TracingRepository(db).find(id) else {
            throw Refusal(.notFound, .refNoTracing, ["id": id.description])
        }
        return model
    }

    func candidateParameter(of requestID: TracingRequestID) async throws -> Recorded<CandidateSubject, CandidateRecord> {
        let id: CandidateID = try idParameter("candidateID", "match candidate")
        guard let candidate = try await TracingRepository(db).candidate(id, of: requestID) else {
            throw Refusal(.notFound, .refNoCandidate, ["id": id.description])
        }
        return candidate.record
    }

    /// The cases a person is in that the caller may open, for links and for the audit entry.
    func visibleCases(of personID: PersonID) async throws -> [CaseID] {
        let visible = try await CaseRepository(db).visibleCaseIDs(try caseScope())
        return try await PersonRepository(db).caseIDs(of: personID).filter { visible.contains($0) }
    }

    /// Every case a person is in: a decision about a child is recorded in their cases' audit trails.
    func allCases(of personID: PersonID) async throws -> [CaseID] {
        try await PersonRepository(db).caseIDs(of: personID)
    }

    /// The children in the cases open to the caller, for choosing whose family a search is for.
    func childrenOpenToCaller() async throws -> [Recorded<PersonSubject, PersonDetails>] {
        let visible = try await CaseRepository(db).visibleCaseIDs(try caseScope())
        guard !visible.isEmpty else { return [] }
        return try await PersonRepository(db).unmerged(inCases: visible, role: .child).map(\.recorded)
    }
}
