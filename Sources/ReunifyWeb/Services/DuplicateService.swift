import Fluent
import Vapor
import ReunifyDomain
import ReunifyStore
import ReunifyMatching

/// Finds records that may be the same person registered twice, among the cases open to the caller, and merges them.
struct DuplicateService {
    let req: Request

    struct Candidate {
        let person: PersonModel
        let score: ScoredCandidate
    }

    /// A person the caller may change: in a case where the policy allows updating persons.
    func changeablePerson(_ personID: UUID) async throws -> PersonModel {
        let signedIn = try req.requireSignedIn()
        let cases = CaseRepository(req.db)
        for caseID in try await PersonRepository(req.db).caseIDs(of: personID) {
            if let facts = try await cases.facts(caseID), req.policy.decide(signedIn.actor, .update, .person, in: facts).isAllowed,
               let person = try await PersonRepository(req.db).find(personID) {
                return person
            }
        }
        throw Abort(.notFound, reason: "There is no person with id \(personID.lower) that you may change")
    }

    func duplicates(of person: PersonModel) async throws -> [Candidate] {
        let visible = try await CaseRepository(req.db).visibleCaseIDs(try req.caseScope())
        guard !visible.isEmpty else { return [] }
        let others = try await PersonRepository(req.db).unmerged(inCases: visible).filter { $0.id != person.id }
        let registry = TracingRegistry(req.db)
        guard let mine = try await registry.records([person]).first?.1 else { return [] }
        let records = try await registry.records(others)
        let matcher = TracingService(req: req).matcher
        let byID = Dictionary(records.map { ($0.1.id, $0.0) }, uniquingKeysWith: { a, _ in a })
        return matcher.candidates(for: mine, among: records.map(\.1)).compactMap { s in byID[s.registeredID].map { Candidate(person: $0, score: s) } }
    }

    /// Merges `duplicate` into `kept`; both must be people the caller may change. Audited in every case of either.
    func merge(_ duplicateID: UUID, into keptID: UUID, reason: String) async throws -> PersonMerge.Result {
        try await req.requireTracer()
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw ValidationFailure(field: "reason", "Say why these two records are the same person") }
        let kept = try await changeablePerson(keptID)
        let duplicate = try await changeablePerson(duplicateID)
        let casesBefore = Set(try await req.allCases(of: duplicateID)).union(try await req.allCases(of: keptID))
        let result: PersonMerge.Result
        do {
            result = try await PersonMerge(req.db).merge(duplicateID, into: keptID)
        } catch StoreError.duplicate(let message) {
            throw Abort(.conflict, reason: message)
        } catch StoreError.notFound(let what) {
            throw Abort(.conflict, reason: "Cannot merge: no \(what)")
        }
        let summary = "merged \(duplicate.details.fullName) (\(duplicateID.lower)) into \(kept.details.fullName) (\(keptID.lower)): \(reason)"
        for caseID in casesBefore.sorted(by: { $0.uuidString < $1.uuidString }) {
            try await req.audit(.update, .person, recordID: keptID, caseID: caseID, summary)
        }
        try await TracingService(req: req).rescore(personID: keptID)
        return result
    }
}
