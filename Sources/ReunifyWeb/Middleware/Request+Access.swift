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
    static let noSuchCase = Abort(.notFound, reason: "There is no case at this address, or it is not open to you")

    /// Asks the access policy; answers 404 or 403 as it decides. A refusal on a case the person knows of is audited.
    @discardableResult
    func authorize(_ action: AccessAction, _ kind: RecordKind, caseID: UUID) async throws -> CaseAccessFacts {
        let signedIn = try requireSignedIn()
        guard let facts = try await CaseRepository(db).facts(caseID) else { throw Self.noSuchCase }
        switch policy.decide(signedIn.actor, action, kind, in: facts) {
        case .allow:
            return facts
        case .notFound:
            throw Self.noSuchCase
        case .forbidden(let why):
            try await audit(.denied, kind, recordID: nil, caseID: caseID, "\(action.rawValue) refused: \(why)")
            throw Abort(.forbidden, reason: why)
        }
    }

    /// The scope of cases the signed-in person may list.
    func caseScope() throws -> CaseScope {
        policy.scope(for: try requireSignedIn().actor)
    }
}
