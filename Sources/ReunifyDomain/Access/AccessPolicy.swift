/// Decides every request from role × the actor's part in the case × record kind (DOMAIN.md, The people).
///
/// - caseworker: full work on cases assigned to them or whose team they are on; no audit trail.
/// - supervisor: everything on their unit's cases, including the audit trail.
/// - clinician, legal: read the case when on its team; a clinician on the team may also rate assessments.
/// - provider: no case content yet (they will see referrals sent to their organisation).
/// - parent: read their own case's family view (the case, its members, their persons, goals, plan, visits, hearings,
///   the team's decisions and the aftercare plan), answer a plan version themselves, and read the referrals made for
///   them (`familyReads(referralFor:)`); never another parent's.
/// - administrator: no case content unless on the team (then read only); every case's audit trail.
///
/// A case the actor has no part in is answered `notFound`, never `forbidden`, so its existence is not leaked.
public struct AccessPolicy: Sendable {
    public init() {}

    /// The actor's part in one case.
    enum Standing { case holder, unitSupervisor, teamReader, family, administrator, none }

    func standing(of actor: Actor, in facts: CaseAccessFacts) -> Standing {
        let onTeam = facts.team[actor.id] != nil
        switch actor.role {
        case .caseworker:
            return facts.caseworkerID == actor.id || onTeam ? .holder : .none
        case .supervisor:
            if facts.supervisorID == actor.id || onTeam || (actor.unit != nil && actor.unit == facts.unit) {
                return .unitSupervisor
            }
            return .none
        case .clinician, .legal:
            return onTeam ? .teamReader : .none
        case .provider:
            return .none
        case .parent:
            return facts.familyAccounts.contains(actor.id) ? .family : .none
        case .administrator:
            return onTeam ? .teamReader : .administrator
        }
    }

    /// May the actor do `action` to a record of `kind` in the case described by `facts`?
    public func decide(_ actor: Actor, _ action: AccessAction, _ kind: RecordKind, in facts: CaseAccessFacts) -> AccessDecision {
        if kind.isTracing { return .forbidden(.accTracingNotInCase) }
        if kind.isPractice { return .forbidden(.accPracticeNotInCase) }
        switch standing(of: actor, in: facts) {
        case .none:
            return .notFound
        case .administrator:
            if kind == .auditTrail && action == .read { return .allow }
            return .notFound
        case .holder:
            switch (kind, action) {
            case (.auditTrail, _):
                return .forbidden(.accAuditOpen)
            case (.caseFile, .delete):
                return .forbidden(.accCasesClosed)
            case (.team, .create), (.team, .update), (.team, .delete):
                return .forbidden(.accSupervisorTeam)
            case (.planApproval, _) where action != .read:
                return .forbidden(.accSupervisorPlan)
            case (.visitLevelApproval, _) where action != .read:
                return .forbidden(.accSupervisorFamilyTime)
            case (.decisionApproval, _) where action != .read:
                return .forbidden(.accSupervisorDecision)
            case (.message, .update), (.message, .delete):
                return .forbidden(.accMessageKept)
            case (.clinicalNote, _):
                return .forbidden(.accClinicalNotes)
            default:
                return .allow
            }
        case .unitSupervisor:
            if kind == .caseFile && action == .delete { return .forbidden(.accCasesClosed) }
            if kind == .message && (action == .update || action == .delete) { return .forbidden(.accMessageKept) }
            if kind == .auditTrail && action != .read { return .forbidden(.accAuditUnchanged) }
            return .allow
        case .teamReader:
            if actor.role == .clinician && [.assessment, .serviceSession, .clinicalNote].contains(kind) && (action == .create || action == .update) {
                return .allow
            }
            // A therapist supervising a visit records what happened at it.
            if actor.role == .clinician && kind == .visit && action == .update { return .allow }
            if kind == .message {
                return .forbidden(.accMessagesBetween)
            }
            if kind == .clinicalNote && actor.role != .clinician {
                return .forbidden(.accClinicalNotes)
            }
            guard action == .read else { return .forbidden(.accReadOnly) }
            if kind == .auditTrail && actor.role != .administrator {
                return .forbidden(.accAuditOpen)
            }
            return .allow
        case .family:
            // A parent answers a plan version themselves: their own agreement, or why they do not agree.
            if kind == .planAnswer && action == .create { return .allow }
            // They write to their caseworker and read their own conversation (`familyReads(referralFor:)` decides whose).
            if kind == .message && (action == .create || action == .read) { return .allow }
            guard action == .read else { return .forbidden(.accAskCaseworker) }
            switch kind {
            case .caseFile, .member, .person, .permanencyGoal, .team, .casePlan, .visitPlan, .visit, .familyCalendar, .hearing, .teamDecision, .aftercarePlan:
                return .allow
            default:
                return .forbidden(.accKeptByAgency)
            }
        }
    }

    /// A family member reads a referral only when it was made for them, and a conversation only when it is theirs:
    /// another member's services (the other parent's treatment, say) and messages stay with the agency.
    public func familyReads(referralFor person: PersonID, actorPerson: PersonID?) -> Bool {
        actorPerson == person
    }

    /// May the actor open a new case? Only the roles that hold cases.
    public func mayCreateCase(_ actor: Actor) -> Bool {
        actor.role == .caseworker || actor.role == .supervisor
    }

    /// May the actor manage user accounts?
    public func mayManageUsers(_ actor: Actor) -> Bool {
        actor.role == .administrator
    }

    /// Whose outcome figures and exports the actor may have: a supervisor their unit's (asking for another unit is
    /// refused), an administrator the agency's or any unit's; no one else. Nil when refused.
    public func outcomesScope(_ actor: Actor, requested unit: String?) -> OutcomesScope? {
        switch actor.role {
        case .supervisor:
            guard let own = actor.unit, unit == nil || unit == own else { return nil }
            return .unit(own)
        case .administrator:
            return unit.map(OutcomesScope.unit) ?? .agency
        default:
            return nil
        }
    }

    /// Supervisors read the calibration report of their unit and approve overrides.
    public func maySupervise(_ actor: Actor) -> Bool { actor.role == .supervisor }

    /// Practice vignettes are for the staff who rate families.
    public func mayRateVignettes(_ actor: Actor) -> Bool { decidePractice(actor, .create, .vignetteRating).isAllowed }

    /// Records of practice: every signed-in person reads the instruments, administrators add new ones (a version is
    /// never changed, a new one is added); supervisors publish practice vignettes, which caseworkers, supervisors and
    /// clinicians read and rate, changing their own ratings, which are kept, not deleted.
    public func decidePractice(_ actor: Actor, _ action: AccessAction, _ kind: RecordKind) -> AccessDecision {
        guard kind.isPractice else { return .forbidden(.accNotPractice) }
        switch (kind, action) {
        case (.instrument, .read):
            return .allow
        case (.instrument, .create):
            return actor.role == .administrator ? .allow : .forbidden(.accAdminInstruments)
        case (.instrument, _):
            return .forbidden(.accInstrumentKept)
        case (.vignette, .create):
            return actor.role == .supervisor ? .allow : .forbidden(.accSupervisorsPublish)
        case (.vignette, .update), (.vignette, .delete):
            return .forbidden(.accVignetteKept)
        case (_, .delete):
            return .forbidden(.accRatingsKept)
        default:
            return [.caseworker, .supervisor, .clinician].contains(actor.role) ? .allow
                : .forbidden(.accVignettesStaff)
        }
    }

    /// Tracing is agency work: caseworkers and supervisors file and work tracing requests, review match candidates
    /// (which show only the fields matching compares of children whose tracing consent is recorded), record
    /// verification and merge duplicates. Candidates are proposed by matching, never typed in or deleted; a request
    /// is deleted only by whoever filed it or a supervisor (and, by `TracingStatus`, not once a match is confirmed).
    public func decideTracing(_ actor: Actor, _ action: AccessAction, _ kind: RecordKind, filedBy: UserID? = nil) -> AccessDecision {
        guard kind.isTracing else { return .forbidden(.accKeptInCase) }
        guard actor.role == .caseworker || actor.role == .supervisor else {
            return .forbidden(.accTracingStaff)
        }
        switch (kind, action) {
        case (.tracingRequest, .delete):
            return filedBy == actor.id || actor.role == .supervisor ? .allow
                : .forbidden(.accTracingDelete)
        case (.matchCandidate, .create), (.matchCandidate, .delete):
            return .forbidden(.accCandidatesProposed)
        case (.tracingVerification, .delete):
            return .forbidden(.accVerificationKept)
        default:
            return .allow
        }
    }

    /// May the actor see the tracing pages at all?
    public func mayTrace(_ actor: Actor) -> Bool { decideTracing(actor, .read, .tracingRequest).isAllowed }

    /// Which cases appear on the actor's lists.
    public func scope(for actor: Actor) -> CaseScope {
        switch actor.role {
        case .caseworker, .clinician, .legal, .administrator: .assignedOrTeam(actor.id)
        case .supervisor: .unit(actor.unit, actor.id)
        case .parent: .family(actor.id)
        case .provider: .none
        }
    }
}

/// Who sees a referral beyond what the case's policy says: provider staff see their own organisation's referrals,
/// and substance use treatment referrals (42 CFR Part 2) are seen only by the case's caseworker and supervisor and,
/// while the person's consent stands, that provider.
public struct ReferralVisibility: Sendable {
    /// The organisation of a provider account, if the actor is one.
    public var actorProvider: ProviderID?
    public init(actorProvider: ProviderID?) { self.actorProvider = actorProvider }

    /// `caseDecision` is the case policy's answer for reading referrals in the referral's case.
    public func mayRead(_ actor: Actor, caseDecision: AccessDecision, facts: CaseAccessFacts?, providerID: ProviderID, restricted: Bool,
                        consentStands: Bool) -> Bool {
        let ownOrganisation = actor.role == .provider && actorProvider != nil && actorProvider == providerID
        if ownOrganisation { return !restricted || consentStands }
        guard caseDecision.isAllowed else { return false }
        guard restricted else { return true }
        guard let facts else { return false }
        switch AccessPolicy().standing(of: actor, in: facts) {
        case .holder: return actor.role == .caseworker
        case .unitSupervisor: return true
        default: return false
        }
    }

    /// Provider staff move their organisation's referrals (accept, decline, waitlist, start, complete, end).
    public func mayAnswer(_ actor: Actor, providerID: ProviderID) -> Bool {
        actor.role == .provider && actorProvider == providerID
    }
}

/// The families an outcome figure or export covers.
public enum OutcomesScope: Sendable, Equatable {
    case agency
    case unit(String)

    public var unit: String? {
        if case .unit(let u) = self { return u }
        return nil
    }
}
