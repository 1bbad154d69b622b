import FluentKit
import Foundation
import ReunifyDomain
import ReunifyMatching

/// Tracing requests, their actions, and the match candidates kept for them.
public struct TracingRepository: Sendable {
    let db: any Database
    public init(_ db: any Database) { self.db = db }

    public func find(_ id: TracingRequestID) async throws -> TracingRequestModel? { try await TracingRequestModel.find(id.uuid, on: db) }

    public func find(_ ids: [UUID]) async throws -> [TracingRequestModel] {
        guard !ids.isEmpty else { return [] }
        return try await TracingRequestModel.query(on: db).filter(\.$id ~~ Array(Set(ids))).all()
    }

    /// Deletes a request filed in error (its actions and candidates go with it); through `TracingCommands.delete`.
    func delete(_ model: TracingRequestModel) async throws { try await model.delete(on: db) }

    /// Requests newest first, optionally of one status and whose sought child's names hold every term.
    public func list(status: TracingStatus? = nil, search: String = "", limit: Int = 200) async throws -> [TracingRequestModel] {
        let q = TracingRequestModel.query(on: db)
        if let status { q.filter(\.$status == status.rawValue) }
        for term in SearchText.terms(SearchText.fold(Transliteration.toLatin(search))) {
            q.filter(\.$soughtName, .contains(inverse: false, .anywhere), term)
        }
        return try await q.sort(\.$filedOn, .descending).sort(\.$id).limit(limit).all()
    }

    /// Requests still being worked, which every new or changed child is matched against.
    public func active(kind: TracingKind = .inquiry) async throws -> [TracingRequestModel] {
        try await TracingRequestModel.query(on: db).filter(\.$kind == kind.rawValue)
            .filter(\.$status ~~ TracingStatus.allCases.filter(\.isActive).map(\.rawValue)).all()
    }

    /// Written through `TracingCommands.verify`.
    func saveVerification(_ model: TracingRequestModel, _ v: VerificationDetails, expectedVersion: Int) async throws {
        model.verification = ReviewModel.json(v)
        try await model.saveChecked(expectedVersion: expectedVersion, on: db)
    }

    // MARK: actions

    /// The trace's history, newest first.
    public func actions(of requestID: TracingRequestID) async throws -> [TracingActionModel] {
        try await TracingActionModel.query(on: db).filter(\.$requestID == requestID.uuid)
            .sort(\.$date, .descending).sort(\.$createdAt, .descending).all()
    }

    // MARK: candidates

    /// Best first.
    public func candidates(of requestID: TracingRequestID) async throws -> [MatchCandidateModel] {
        try await MatchCandidateModel.query(on: db).filter(\.$requestID == requestID.uuid).sort(\.$probability, .descending).all()
    }

    /// The requests a registered child is proposed for, best first.
    public func candidates(forPerson personID: UUID) async throws -> [MatchCandidateModel] {
        try await MatchCandidateModel.query(on: db).filter(\.$personID == personID).sort(\.$probability, .descending).all()
    }

    public func candidate(_ id: CandidateID, of requestID: TracingRequestID) async throws -> MatchCandidateModel? {
        try await MatchCandidateModel.query(on: db).filter(\.$id == id.uuid).filter(\.$requestID == requestID.uuid).first()
    }

    /// Stores fresh scores for one request. Decisions already made are kept with their new score; pending
    /// candidates the new scores no longer propose are removed. `scores` maps registered person → score.
    public func storeScores(for requestID: UUID, _ scores: [UUID: ScoredCandidate], at now: Date) async throws {
        try await db.transaction { tx in
            let existing = try await MatchCandidateModel.query(on: tx).filter(\.$requestID == requestID).all()
            var seen = Set<UUID>()
            for c in existing {
                seen.insert(c.personID)
                if let s = scores[c.personID] {
                    c.probability = s.probability
                    c.evidence = ReviewModel.json(s.evidence)
                    c.engineVersion = FellegiSunterModel.engineVersion
                    c.scoredAt = now
                    try await c.update(on: tx)
                } else if c.decisionValue == .pending {
                    try await c.delete(on: tx)
                }
            }
            for (personID, s) in scores where !seen.contains(personID) {
                try await MatchCandidateModel(requestID: requestID, personID: personID, probability: s.probability,
                                              evidence: s.evidence, scoredAt: now).create(on: tx)
            }
        }
    }

    /// Stores one pair's fresh score: kept when likely enough or already decided, otherwise removed.
    public func storeScore(requestID: UUID, personID: UUID, _ score: ScoredCandidate?, keepAbove: Double, at now: Date) async throws {
        let existing = try await MatchCandidateModel.query(on: db).filter(\.$requestID == requestID).filter(\.$personID == personID).first()
        guard let score, score.probability >= keepAbove || (existing.map { $0.decisionValue != .pending } ?? false) else {
            if let existing, existing.decisionValue == .pending { try await existing.delete(on: db) }
            return
        }
        if let existing {
            existing.probability = score.probability
            existing.evidence = ReviewModel.json(score.evidence)
            existing.engineVersion = FellegiSunterModel.engineVersion
            existing.scoredAt = now
            try await existing.update(on: db)
        } else {
            try await MatchCandidateModel(requestID: requestID, personID: personID, probability: score.probability,
                                          evidence: score.evidence, scoredAt: now).create(on: db)
        }
    }

    /// Records a person's decision (through `TracingCommands.decide`). Confirming links the request to the child and
    /// moves it to verifying.
    func decide(_ candidate: MatchCandidateModel, _ decision: CandidateDecision, reason: String, by userID: UUID, at now: Date,
                       request: TracingRequestModel) async throws {
        try await db.transaction { tx in
            candidate.decision = decision.rawValue
            candidate.decisionReason = reason
            candidate.decidedBy = userID
            candidate.decidedAt = now
            try await candidate.saveChecked(expectedVersion: candidate.version, on: tx)
            if decision == .confirmed {
                request.linkedPersonID = candidate.personID
                request.status = TracingStatus.verifying.rawValue
                try await request.saveChecked(expectedVersion: request.version, on: tx)
            }
        }
    }

    /// Moves an open request to "match found" when a pending candidate is likely, and back when none is left.
    public func refreshStatus(_ request: TracingRequestModel, likely: Double = TracingMatcher.likelyMatch) async throws {
        let pendingLikely = try await candidates(of: request.typedID).contains { $0.decisionValue == .pending && $0.probability >= likely }
        let status = request.statusValue
        if status == .open && pendingLikely {
            request.status = TracingStatus.matchFound.rawValue
        } else if status == .matchFound && !pendingLikely {
            request.status = TracingStatus.open.rawValue
        } else {
            return
        }
        try await request.saveChecked(expectedVersion: request.version, on: db)
    }
}

/// The registered children who may be traced: consent given, not merged into another record.
public struct TracingRegistry: Sendable {
    let db: any Database
    public init(_ db: any Database) { self.db = db }

    /// Each traceable child as matching sees them (the parents' names come from the case's relationships).
    public func traceableChildren(only personID: UUID? = nil) async throws -> [(person: PersonModel, record: MatchRecord)] {
        let memberQuery = MemberModel.query(on: db).filter(\.$role == MemberRole.child.rawValue)
        if let personID { memberQuery.filter(\.$personID == personID) }
        let childIDs = Array(Set(try await memberQuery.all(\.$personID)))
        guard !childIDs.isEmpty else { return [] }
        let children = try await PersonModel.query(on: db).filter(\.$id ~~ childIDs).filter(\.$tracingConsent == true)
            .filter(\.$mergedInto == nil).all()
        return try await records(children).map { ($0.0, $0.1) }
    }

    /// How many children may be traced: the registry a sought child is looked for in.
    public func count() async throws -> Int {
        try await PersonModel.query(on: db).join(MemberModel.self, on: \MemberModel.$personID == \PersonModel.$id)
            .filter(MemberModel.self, \.$role == MemberRole.child.rawValue)
            .filter(\.$tracingConsent == true).filter(\.$mergedInto == nil).count()
    }

    /// People as matching sees them, the parents' names taken from the cases' relationships.
    public func records(_ persons: [PersonModel]) async throws -> [(PersonModel, MatchRecord)] {
        guard !persons.isEmpty else { return [] }
        let links = try await RelationshipModel.query(on: db).filter(\.$relatedPersonID ~~ persons.map { $0.id! })
            .filter(\.$kind ~~ [RelationshipKind.mother.rawValue, RelationshipKind.father.rawValue]).all()
        let parentIDs = Array(Set(links.map(\.personID)))
        let parents = parentIDs.isEmpty ? [] : try await PersonModel.query(on: db).filter(\.$id ~~ parentIDs).all()
        let names = Dictionary(parents.map { ($0.id!, $0.details.fullName) }, uniquingKeysWith: { a, _ in a })
        return persons.map { person in
            let mine = links.filter { $0.relatedPersonID == person.id }
            func parent(_ kind: RelationshipKind) -> String? {
                mine.first { $0.kind == kind.rawValue }.flatMap { names[$0.personID] }
            }
            return (person, Self.record(person, mother: parent(.mother), father: parent(.father)))
        }
    }

    public static func record(_ p: PersonModel, mother: String?, father: String?) -> MatchRecord {
        let d = p.details
        return MatchRecord(id: p.id!.uuidString, givenName: d.givenName, familyName: d.familyName, otherNames: d.otherNames,
                           sex: d.sex.forMatching, birthDate: d.birthDate.map { PartialDate(year: $0.year, month: $0.month, day: $0.day)! },
                           place: d.placeOfOrigin, motherName: mother, fatherName: father,
                           address: PostalAddress(street: d.address?.line, locality: d.address?.locality, postcode: d.address?.postcode,
                                                  region: d.address?.region, country: d.address?.country), phone: d.phone, email: d.email)
    }
}
