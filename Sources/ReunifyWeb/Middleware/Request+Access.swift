import Fluent
import Vapor
import ReunifyDomain
import ReunifyStore

extension Request {
    /// The case id in the path; a malformed one is simply not found.
    func caseIDParameter() throws -> CaseID {
        guard let text = parameters.get("caseID"), let id = CaseID(text) else { throw Self.noSuchCase }
        return id
    }

    /// A record's id in the path, of the type the route names; a malformed one is not found.
    func idParameter<Subject>(_ name: String, _ what: String) throws -> Identifier<Subject> {
        guard let text = parameters.get(name), let id = Identifier<Subject>(text) else {
            throw Refusal(.notFound, .errNothingHere, english: "There is no \(what) at this address")
        }
        return id
    }

    /// One answer for "no such case" and "not your case", so that a case's existence is not leaked.
    static var noSuchCase: StoreError { .noSuchCase }

    /// Asks the access policy; answers 404 or 403 as it decides. A refusal on a case the person knows of is audited.
    @discardableResult
    func authorize(_ action: AccessAction, _ kind: RecordKind, caseID: CaseID) async throws -> CaseAccessFacts {
        try await change().authorize(action, kind, caseID: caseID)
    }

    /// Who is acting, from where and when, for the store's commands.
    func acting() throws -> Acting {
        let signedIn = try requireSignedIn()
        return Acting(actor: signedIn.actor, userEmail: signedIn.user.email, address: clientAddress, now: now, today: today,
                      timelines: reunify.timelines, policy: policy)
    }

    /// The one way this request changes a case's records.
    func change() throws -> CaseChange { CaseChange(db, try acting()) }

    /// The one way this request changes tracing records.
    func tracing() throws -> TracingCommands { TracingCommands(db, try acting()) }

    /// A family account reads its case through its own pages, in its language and showing only what is theirs: a
    /// staff page of their case, once the policy has let them read it (another family's case stays not found), sends
    /// them to the family page that shows the same thing. Nil for staff.
    func familyPage(_ page: SiteURL) -> Response? {
        signedIn?.isFamily == true ? redirect(to: page.path) : nil
    }

    /// The scope of cases the signed-in person may list.
    func caseScope() throws -> CaseScope {
        policy.scope(for: try requireSignedIn().actor)
    }
}
