import Fluent
import Vapor
import ReunifyDomain
import ReunifyStore

extension Request {
    /// The case id in the path; a malformed one is simply not found.
    func caseIDParameter() throws -> UUID {
        guard let text = parameters.get("caseID"), let id = UUID(uuidString: text) else { throw Self.noSuchCase }
        return id
    }

    func uuidParameter(_ name: String, _ what: String) throws -> UUID {
        guard let text = parameters.get(name), let id = UUID(uuidString: text) else {
            throw Abort(.notFound, reason: "There is no \(what) at this address")
        }
        return id
    }

    /// One answer for "no such case" and "not your case", so that a case's existence is not leaked.
    static var noSuchCase: StoreError { .noSuchCase }

    /// Asks the access policy; answers 404 or 403 as it decides. A refusal on a case the person knows of is audited.
    @discardableResult
    func authorize(_ action: AccessAction, _ kind: RecordKind, caseID: UUID) async throws -> CaseAccessFacts {
        try await change().authorize(action, kind, caseID: CaseID(caseID))
    }

    /// Who is acting, from where and when, for the store's commands.
    func acting() throws -> Acting {
        let signedIn = try requireSignedIn()
        return Acting(actor: signedIn.actor, userEmail: signedIn.user.email, address: clientAddress, now: now, today: today,
                      timelines: reunify.timelines, policy: policy)
    }

    /// The one way this request changes a case's records.
    func change() throws -> CaseChange { CaseChange(db, try acting()) }

    /// A person who is a member of at least one case open to the signed-in person; otherwise not found, so people
    /// in other cases cannot be reached (or added elsewhere) by guessing their id.
    func personInVisibleCase(_ personID: UUID) async throws -> PersonModel {
        let persons = PersonRepository(db)
        let visible = try await CaseRepository(db).visibleCaseIDs(try caseScope())
        guard !Set(try await persons.caseIDs(of: personID)).isDisjoint(with: visible), let person = try await persons.find(personID) else {
            throw Abort(.notFound, reason: "There is no person with id \(personID.lower) in the cases open to you")
        }
        return person
    }

    /// The scope of cases the signed-in person may list.
    func caseScope() throws -> CaseScope {
        policy.scope(for: try requireSignedIn().actor)
    }
}
