import Fluent
import Vapor
import ReunifyDomain
import ReunifyStore

extension Request {
    /// A family member in a case open to the caller, with their part in it, for a directory search made for them; the
    /// search is audited in that case. 404 when no such person is open to the caller.
    func serviceCandidate(_ personID: PersonID, _ summary: Msg) async throws -> (person: PersonDetails, role: MemberRole?) {
        guard let caseID = try await visibleCases(of: personID).first, let person = try await PersonRepository(db).find(personID) else {
            throw Refusal(.notFound, .refNoPersonOpen, ["id": personID.description])
        }
        let role = try await PersonRepository(db).members(of: caseID).first { $0.personID == personID.uuid }?.memberRole
        try await audit(.search, .person, recordID: personID, caseID: caseID, summary, ["name": person.details.fullName])
        return (person.details, role)
    }
}
