import Vapor
import ReunifyDomain
import ReunifyStore
import ReunifyMatching

/// Finds records that may be the same person registered twice, among the cases open to the caller, and merges them.
struct DuplicateService {
    let req: Request

    struct Candidate {
        let person: Recorded<PersonSubject, PersonDetails>
        let score: ScoredCandidate
    }

    /// A person the caller may change: in a case where the policy allows updating persons.
    func changeablePerson(_ personID: PersonID) async throws -> Recorded<PersonSubject, PersonDetails> {
        if try await PersonCommands(req.change()).mayChange(personID), let person = try await PersonRepository(req.db).find(personID) {
            return person.recorded
        }
        throw Refusal(.notFound, .refNoPersonChange, ["id": personID.description])
    }

    /// The unmerged persons of the cases open to the caller that matching finds likely to be `personID` registered twice.
    func duplicates(of personID: PersonID) async throws -> [Candidate] {
        let visible = try await CaseRepository(req.db).visibleCaseIDs(try req.caseScope())
        guard !visible.isEmpty, let person = try await PersonRepository(req.db).find(personID) else { return [] }
        let others = try await PersonRepository(req.db).unmerged(inCases: visible).filter { $0.id != person.id }
        let registry = TracingRegistry(req.db)
        guard let mine = try await registry.records([person]).first?.1 else { return [] }
        let records = try await registry.records(others)
        let matcher = TracingService(req: req).matcher
        let byID = Dictionary(records.map { ($0.1.id, $0.0.recorded) }, uniquingKeysWith: { a, _ in a })
        return matcher.candidates(for: mine, among: records.map(\.1)).compactMap { s in byID[s.registeredID].map { Candidate(person: $0, score: s) } }
    }

    /// Merges `duplicate` into `kept` through the one write path (`PersonCommands.merge`), for tracers only.
    func merge(_ duplicateID: PersonID, into keptID: PersonID, reason: String) async throws -> PersonMerge.Result {
        try await req.requireTracer()
        return try await PersonCommands(req.change()).merge(duplicateID, into: keptID, reason: reason)
    }
}
