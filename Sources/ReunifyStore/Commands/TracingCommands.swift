import FluentKit
import Foundation
import ReunifyDomain

/// The one write path for tracing: requests, the actions taken on them, decisions on proposed matches, and
/// verification. Tracing records belong to the agency rather than one case, so the access policy is asked with
/// `decideTracing`; each change and its audit entries (one in every case of the child concerned, or one for the
/// agency) are written in one transaction. Scores are renewed after a request is filed or changed.
public struct TracingCommands: Sendable {
    let db: any Database
    public let acting: Acting

    public init(_ db: any Database, _ acting: Acting) {
        self.db = db
        self.acting = acting
    }

    var rules: TracingRules { TracingRules(today: acting.today) }
    var scorer: TracingScorer { TracingScorer(db, today: acting.today, now: acting.now) }

    /// Asks the access policy about a tracing record; a refusal is audited (and stays audited) before it is thrown.
    public func authorize(_ action: AccessAction, _ kind: RecordKind = .tracingRequest, filedBy: UUID? = nil) async throws {
        if case .forbidden(let why) = acting.policy.decideTracing(acting.actor, action, kind, filedBy: filedBy.map(UserID.init)) {
            try await acting.refuse(on: db, action, kind, why)
        }
    }

    /// Runs `change` and writes its audit entry against each case it names (or once, for the agency) in one
    /// transaction.
    func audited<T: Sendable>(_ action: AuditAction, _ kind: RecordKind,
                              _ change: @escaping @Sendable (any Database) async throws -> (T, CaseChange.Entry, [CaseID])) async throws -> T {
        try await acting.audited(on: db, action, kind, change)
    }

    func request(_ id: TracingRequestID, on db: any Database) async throws -> TracingRequestModel {
        guard let model = try await TracingRepository(db).find(id) else {
            throw StoreError.notFound("There is no tracing request with id \(id)")
        }
        return model
    }

    /// The child a family search names, when they are in a case open to the one acting.
    func openChild(_ details: TracingRequestDetails, on db: any Database) async throws -> PersonModel? {
        guard let childID = details.childID else { return nil }
        let visible = try await CaseRepository(db).visibleCaseIDs(acting.policy.scope(for: acting.actor))
        guard !visible.isEmpty else { return nil }
        return try await PersonRepository(db).unmerged(inCases: visible, role: .child).first { $0.id == childID.uuid }
    }

    static func cases(of personID: PersonID?, on db: any Database) async throws -> [CaseID] {
        guard let personID else { return [] }
        return try await PersonRepository(db).caseIDs(of: personID)
    }

    // MARK: requests

    public func file(_ details: TracingRequestDetails) async throws -> TracingRequestModel {
        try await authorize(.create)
        let acting = self.acting, rules = self.rules
        let child = try await openChild(details, on: db)
        var filed = try rules.complete(details, child: child?.details)
        filed.status = .open
        let final = filed
        let model: TracingRequestModel = try await audited(.create, .tracingRequest) { tx in
            let model = TracingRequestModel(final, filedBy: acting.actor.id.uuid, filedOn: acting.today)
            try await model.create(on: tx)
            let cases = try await Self.cases(of: final.childID, on: tx)
            return (model, .init(model.id, .audTraceFiled, ["name": final.sought.fullName], each: { ["kind": $0 == .english ? final.kind.rawValue : final.kind.spanish.lowercased()] }), Array(cases.prefix(1)))
        }
        try await scorer.rescore(model)
        return model
    }

    public func change(_ requestID: TracingRequestID, to details: TracingRequestDetails, expectedVersion: Int) async throws -> TracingRequestModel {
        try await authorize(.update)
        let rules = self.rules
        let child = try await openChild(details, on: db)
        let changed = try rules.complete(details, child: child?.details)
        let model: TracingRequestModel = try await audited(.update, .tracingRequest) { tx in
            let model = try await request(requestID, on: tx)
            let saved = model.details.status
            try rules.checkChange(from: saved, to: changed, verification: model.verificationDetails, linked: model.linkedPersonID != nil)
            model.apply(changed)
            try await model.saveChecked(expectedVersion: expectedVersion, on: tx)
            let entry: CaseChange.Entry = saved == changed.status ? .init(model.id, .audTraceChanged)
                : .init(model.id, .audTraceMoved, each: { ["from": $0 == .english ? saved.rawValue : saved.spanish.lowercased(),
                                                          "to": $0 == .english ? changed.status.rawValue : changed.status.spanish.lowercased()] })
            return (model, entry, [])
        }
        try await scorer.rescore(model)
        return model
    }

    /// Deletes a request filed in error, with its actions and candidates; whoever filed it or a supervisor may.
    public func delete(_ requestID: TracingRequestID) async throws {
        try await authorize(.read)
        let filed = try await request(requestID, on: db)
        try await authorize(.delete, filedBy: filed.filedBy)
        let _: Bool = try await audited(.delete, .tracingRequest) { tx in
            let model = try await request(requestID, on: tx)
            let confirmed = try await TracingRepository(tx).candidates(of: requestID).contains { $0.decisionValue == .confirmed }
            try TracingRules.checkDeletion(linked: model.linkedPersonID != nil, anyConfirmed: confirmed)
            try await TracingRepository(tx).delete(model)
            return (true, .init(requestID.uuid, .audTraceDeleted, ["name": model.details.sought.fullName]), [])
        }
    }

    public func addAction(_ details: TracingActionDetails, to requestID: TracingRequestID) async throws -> TracingActionModel {
        try await authorize(.update)
        try ValidationFailure.check(details.validate(today: acting.today))
        let acting = self.acting
        return try await audited(.create, .tracingRequest) { tx in
            let model = try await request(requestID, on: tx)
            let action = TracingActionModel(requestID: model.id!, details, recordedBy: acting.actor.id.uuid)
            try await action.create(on: tx)
            return (action, .init(action.id, .audTraceAction, each: { ["type": details.type.staffLabel($0)] }), [])
        }
    }

    // MARK: decisions and verification

    /// Confirms or rejects a proposed match. Confirming links the request to the child and moves it to verifying;
    /// the decision is recorded in every case of the child.
    public func decide(_ candidateID: CandidateID, of requestID: TracingRequestID, _ decision: CandidateDecision, reason: String) async throws -> MatchCandidateModel {
        try await authorize(.update, .matchCandidate)
        let acting = self.acting
        return try await audited(.update, .matchCandidate) { tx in
            let model = try await request(requestID, on: tx)
            guard let candidate = try await TracingRepository(tx).candidate(candidateID, of: requestID) else {
                throw StoreError.notFound("There is no match candidate with id \(candidateID) for this request")
            }
            let kept = try TracingRules.checkDecision(decision, reason: reason, current: candidate.decisionValue,
                                                      linkedTo: model.linkedPersonID.map(PersonID.init), candidate: PersonID(candidate.personID))
            try await TracingRepository(tx).decide(candidate, decision, reason: kept, by: acting.actor.id.uuid, at: acting.now, request: model)
            if decision == .rejected { try await TracingRepository(tx).refreshStatus(model) }
            let percent = Int((candidate.probability * 100).rounded())
            let values = ["request": "\(requestID)", "score": "\(percent)", "engine": candidate.engineVersion, "reason": kept]
            return (candidate, .init(candidate.id, decision == .confirmed ? .audMatchConfirmed : .audMatchRejected, values), try await Self.cases(of: PersonID(candidate.personID), on: tx))
        }
    }

    /// Records what verification found, in the linked child's first case.
    public func verify(_ requestID: TracingRequestID, _ v: VerificationDetails, expectedVersion: Int) async throws -> TracingRequestModel {
        try await authorize(.update, .tracingVerification)
        return try await audited(.update, .tracingRequest) { tx in
            let model = try await request(requestID, on: tx)
            try TracingRules.checkVerification(v, linked: model.linkedPersonID != nil)
            try await TracingRepository(tx).saveVerification(model, v, expectedVersion: expectedVersion)
            let answers = VerificationDetails.questions.map { "\($0.key)=\(v.answer($0.key).rawValue)" }.joined(separator: ", ")
            return (model, .init(model.id, .audVerification, ["answers": answers]), Array(try await Self.cases(of: model.linkedPersonID.map(PersonID.init), on: tx).prefix(1)))
        }
    }
}
