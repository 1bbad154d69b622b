import Foundation
import Testing
@testable import ReunifyDomain

/// Every role against its own case and another case, for every record kind and action.
@Suite("Access policy matrix")
struct AccessPolicyTests {
    enum Expect: Equatable { case allow, forbidden, notFound }

    static let worker = UserID(UUID()), otherWorker = UserID(UUID()), supervisor = UserID(UUID()), clinician = UserID(UUID())
    static let legal = UserID(UUID()), provider = UserID(UUID()), parent = UserID(UUID()), admin = UserID(UUID())

    static let actors: [UserRole: Actor] = [
        .caseworker: Actor(id: worker, role: .caseworker, unit: "North"),
        .supervisor: Actor(id: supervisor, role: .supervisor, unit: "North"),
        .clinician: Actor(id: clinician, role: .clinician, unit: nil),
        .legal: Actor(id: legal, role: .legal, unit: nil),
        .provider: Actor(id: provider, role: .provider, unit: nil),
        .parent: Actor(id: parent, role: .parent, unit: nil),
        .administrator: Actor(id: admin, role: .administrator, unit: nil),
    ]

    /// The case each actor has a part in: assigned, in the unit, on the team, or the family's own.
    static let ownCase = CaseAccessFacts(caseworkerID: worker, supervisorID: nil, unit: "North",
                                         team: [clinician: .clinician, legal: .legal, provider: .provider],
                                         familyAccounts: [parent])
    /// A case in another unit that none of them has any part in.
    static let otherCase = CaseAccessFacts(caseworkerID: otherWorker, supervisorID: nil, unit: "South", team: [otherWorker: .caseworker])

    typealias Rule = (RecordKind, AccessAction)
    static let everything: [Rule] = RecordKind.caseRecords.flatMap { k in AccessAction.allCases.map { (k, $0) } }

    /// What each role may do in its own case, written out from DOMAIN.md's table of roles.
    static func expectedOwn(_ role: UserRole, _ kind: RecordKind, _ action: AccessAction) -> Expect {
        switch role {
        case .caseworker:
            if kind == .auditTrail || kind == .clinicalNote { return .forbidden }
            if kind == .caseFile && action == .delete { return .forbidden }
            if (kind == .team || kind == .planApproval || kind == .visitLevelApproval || kind == .decisionApproval) && action != .read { return .forbidden }
            if kind == .message && (action == .update || action == .delete) { return .forbidden }
            return .allow
        case .supervisor:
            if kind == .caseFile && action == .delete { return .forbidden }
            if kind == .message && (action == .update || action == .delete) { return .forbidden }
            if kind == .auditTrail && action != .read { return .forbidden }
            return .allow
        case .clinician where [.assessment, .serviceSession, .clinicalNote].contains(kind) && (action == .create || action == .update):
            return .allow
        case .clinician where kind == .visit && action == .update:
            return .allow
        case .clinician:
            return action == .read && kind != .auditTrail && kind != .message ? .allow : .forbidden
        case .legal:
            return action == .read && kind != .auditTrail && kind != .clinicalNote && kind != .message ? .allow : .forbidden
        case .provider:
            return .notFound
        case .parent:
            let familyView: Set<RecordKind> = [.caseFile, .member, .person, .permanencyGoal, .team, .casePlan, .visitPlan, .visit, .familyCalendar,
                                               .hearing, .teamDecision, .aftercarePlan]
            // A parent also answers a plan version themselves, and writes to and reads their own conversation with staff.
            return (action == .read && familyView.contains(kind)) || (kind == .planAnswer && action == .create)
                || (kind == .message && (action == .read || action == .create)) ? .allow : .forbidden
        case .administrator:
            return kind == .auditTrail && action == .read ? .allow : .notFound
        }
    }

    static func actual(_ decision: AccessDecision) -> Expect {
        switch decision {
        case .allow: .allow
        case .forbidden: .forbidden
        case .notFound: .notFound
        }
    }

    @Test("own case", arguments: UserRole.allCases)
    func ownCase(role: UserRole) {
        let policy = AccessPolicy()
        for (kind, action) in Self.everything {
            let got = Self.actual(policy.decide(Self.actors[role]!, action, kind, in: Self.ownCase))
            #expect(got == Self.expectedOwn(role, kind, action), "\(role) \(action) \(kind)")
        }
    }

    @Test("another case is not found, except the administrator's audit trail", arguments: UserRole.allCases)
    func otherCase(role: UserRole) {
        let policy = AccessPolicy()
        for (kind, action) in Self.everything {
            let got = Self.actual(policy.decide(Self.actors[role]!, action, kind, in: Self.otherCase))
            let expected: Expect = role == .administrator && kind == .auditTrail && action == .read ? .allow : .notFound
            #expect(got == expected, "\(role) \(action) \(kind)")
        }
    }

    @Test("a caseworker on the team of a case not assigned to them works it like their own")
    func teamCaseworker() {
        let facts = CaseAccessFacts(caseworkerID: Self.otherWorker, supervisorID: nil, unit: "South", team: [Self.worker: .secondaryCaseworker])
        #expect(AccessPolicy().decide(Self.actors[.caseworker]!, .update, .placement, in: facts) == .allow)
    }

    @Test("an administrator on a case's team reads it, audit trail included, and changes nothing")
    func administratorOnTeam() {
        let facts = CaseAccessFacts(caseworkerID: Self.worker, supervisorID: nil, unit: "North", team: [Self.admin: .administrator])
        let policy = AccessPolicy()
        #expect(policy.decide(Self.actors[.administrator]!, .read, .placement, in: facts) == .allow)
        #expect(policy.decide(Self.actors[.administrator]!, .read, .auditTrail, in: facts) == .allow)
        #expect(policy.decide(Self.actors[.administrator]!, .update, .placement, in: facts) != .allow)
    }

    @Test("a supervisor of another unit sees cases they supervise by name, not the rest of that unit")
    func supervisorByName() {
        let facts = CaseAccessFacts(caseworkerID: Self.otherWorker, supervisorID: Self.supervisor, unit: "South")
        #expect(AccessPolicy().decide(Self.actors[.supervisor]!, .read, .caseFile, in: facts) == .allow)
        #expect(AccessPolicy().decide(Self.actors[.supervisor]!, .read, .caseFile, in: Self.otherCase) == .notFound)
    }

    @Test("only caseworkers and supervisors open cases; only administrators manage accounts")
    func creation() {
        let policy = AccessPolicy()
        for role in UserRole.allCases {
            #expect(policy.mayCreateCase(Self.actors[role]!) == (role == .caseworker || role == .supervisor))
            #expect(policy.mayManageUsers(Self.actors[role]!) == (role == .administrator))
        }
    }

    @Test("supervision and practice vignettes by role")
    func supervision() {
        let policy = AccessPolicy()
        for role in UserRole.allCases {
            #expect(policy.maySupervise(Self.actors[role]!) == (role == .supervisor))
            #expect(policy.mayRateVignettes(Self.actors[role]!) == [.caseworker, .supervisor, .clinician].contains(role))
        }
    }

    @Test("tracing records: caseworkers and supervisors only; candidates come from matching; a request is deleted by its filer or a supervisor",
          arguments: UserRole.allCases)
    func tracing(role: UserRole) {
        let policy = AccessPolicy()
        let actor = Self.actors[role]!
        let tracer = role == .caseworker || role == .supervisor
        for kind in RecordKind.allCases where kind.isTracing {
            for action in AccessAction.allCases {
                for filedBy in [actor.id, Self.otherWorker] {
                    let expected: Expect
                    switch (kind, action) {
                    case _ where !tracer: expected = .forbidden
                    case (.tracingRequest, .delete): expected = filedBy == actor.id || role == .supervisor ? .allow : .forbidden
                    case (.matchCandidate, .create), (.matchCandidate, .delete), (.tracingVerification, .delete): expected = .forbidden
                    default: expected = .allow
                    }
                    #expect(Self.actual(policy.decideTracing(actor, action, kind, filedBy: filedBy)) == expected, "\(role) \(action) \(kind)")
                }
                // A tracing record is never decided as a record of a case, however close the actor is to the case.
                #expect(Self.actual(policy.decide(actor, action, kind, in: Self.ownCase)) == .forbidden)
            }
        }
        #expect(policy.mayTrace(actor) == tracer)
        for kind in RecordKind.caseRecords {
            #expect(Self.actual(policy.decideTracing(actor, .read, kind)) == .forbidden)
        }
    }

    @Test("records of practice: all read instruments, administrators add them, never change them; supervisors publish vignettes, staff rate them and keep their ratings",
          arguments: UserRole.allCases)
    func practice(role: UserRole) {
        let policy = AccessPolicy()
        let actor = Self.actors[role]!
        let rater = [.caseworker, .supervisor, .clinician].contains(role)
        for action in AccessAction.allCases {
            let instrument: Expect = action == .read || (action == .create && role == .administrator) ? .allow : .forbidden
            #expect(Self.actual(policy.decidePractice(actor, action, .instrument)) == instrument, "\(role) \(action) instrument")
            let rating: Expect = rater && action != .delete ? .allow : .forbidden
            #expect(Self.actual(policy.decidePractice(actor, action, .vignetteRating)) == rating, "\(role) \(action) vignette rating")
            let vignette: Expect = switch action {
            case .read: rater ? .allow : .forbidden
            case .create: role == .supervisor ? .allow : .forbidden
            case .update, .delete: .forbidden
            }
            #expect(Self.actual(policy.decidePractice(actor, action, .vignette)) == vignette, "\(role) \(action) vignette")
            for kind in RecordKind.allCases where kind.isPractice {
                #expect(Self.actual(policy.decide(actor, action, kind, in: Self.ownCase)) == .forbidden)
                #expect(Self.actual(policy.decideTracing(actor, action, kind)) == .forbidden)
            }
        }
        #expect(policy.mayRateVignettes(actor) == rater)
        for kind in RecordKind.caseRecords + RecordKind.allCases.filter(\.isTracing) {
            #expect(Self.actual(policy.decidePractice(actor, .read, kind)) == .forbidden)
        }
    }

    @Test("list scopes")
    func scopes() {
        let policy = AccessPolicy()
        #expect(policy.scope(for: Self.actors[.caseworker]!) == .assignedOrTeam(Self.worker))
        #expect(policy.scope(for: Self.actors[.supervisor]!) == .unit("North", Self.supervisor))
        #expect(policy.scope(for: Self.actors[.parent]!) == .family(Self.parent))
        #expect(policy.scope(for: Self.actors[.provider]!) == CaseScope.none)
    }

    @Test("referrals: provider staff see their organisation's; substance use referrals only the caseworker, the supervisor and, while consent stands, the provider")
    func referralVisibility() {
        let policy = AccessPolicy()
        let organisation = ProviderID(UUID()), other = ProviderID(UUID())
        for role in UserRole.allCases {
            let actor = Self.actors[role]!
            let visibility = ReferralVisibility(actorProvider: role == .provider ? organisation : nil)
            let caseDecision = policy.decide(actor, .read, .referral, in: Self.ownCase)
            for restricted in [false, true] {
                for consent in [false, true] {
                    let expected: Bool = switch role {
                    case .provider: !restricted || consent
                    case .caseworker, .supervisor: true
                    case .clinician, .legal, .parent, .administrator: !restricted && caseDecision.isAllowed
                    }
                    #expect(visibility.mayRead(actor, caseDecision: caseDecision, facts: Self.ownCase, providerID: organisation,
                                               restricted: restricted, consentStands: consent) == expected, "\(role) restricted \(restricted) consent \(consent)")
                }
            }
            // Another organisation's referral, in a case the provider has no part in, is never theirs.
            #expect(!visibility.mayRead(actor, caseDecision: policy.decide(actor, .read, .referral, in: Self.otherCase), facts: Self.otherCase,
                                        providerID: other, restricted: false, consentStands: true))
            #expect(visibility.mayAnswer(actor, providerID: organisation) == (role == .provider))
        }
    }
}
