/// The kinds of record a request can touch; the policy decides per kind.
public enum RecordKind: String, CaseIterable, Sendable, Codable {
    case caseFile = "case"
    case person
    case member
    case relationship
    case removalEpisode = "removal_episode"
    case placement
    case permanencyGoal = "permanency_goal"
    case team
    case auditTrail = "audit_trail"
    case assessment
    case reunificationReview = "reunification_review"
    /// A version of the case plan: goals, objectives, interventions and the family's agreement.
    case casePlan = "case_plan"
    /// A supervisor's approval of a case plan version.
    case planApproval = "plan_approval"
    /// A family member's own answer to a case plan version (agreeing, or declining with a reason), given from the
    /// family's pages.
    case planAnswer = "plan_answer"
    /// A message between a family member and the staff of their case (each family member has their own conversation).
    case message
    /// An invitation for a family member to make their own account (a one-time link by e-mail, valid 7 days).
    case invitation
    /// A family member referred to a provider's service.
    case referral
    /// A family member's consent to share their information with a provider.
    case consent
    /// A session of a service (training, therapy, contact, home visit) with attendance and progress.
    case serviceSession = "service_session"
    /// What a clinician or provider wrote about a session: restricted to clinicians on the team, the author and the
    /// supervisor.
    case clinicalNote = "clinical_note"
    /// A child's family time with some of their family: who, level, how often, where, who supervises, conditions.
    case visitPlan = "visit_plan"
    /// A request to move a visit plan to another level (a step up waits for approval).
    case visitLevelChange = "visit_level_change"
    /// A supervisor's approval of a step up in family time, or acknowledgement of a step down.
    case visitLevelApproval = "visit_level_approval"
    /// A safety assessment of one child: danger indicators, protective capacities, decision, safety plan.
    case safetyAssessment = "safety_assessment"
    /// One visit: its time and place, and once it has happened, attendance and the supervisor's observation.
    case visit
    /// The family's private calendar feed of their coming visits.
    case familyCalendar = "family_calendar"
    /// A court hearing about children of the case: kind, date, court, who attended, findings, orders, next date.
    case hearing
    /// A family team's or multidisciplinary decision: every participant's position and reason, the decision, its
    /// rationale, and that the family was told.
    case teamDecision = "team_decision"
    /// A supervisor's approval of a team decision (a change of goal takes effect then).
    case decisionApproval = "decision_approval"
    /// Why a petition to terminate parental rights is not filed at 15 of 22 months in care.
    case tprException = "tpr_exception"
    /// An ICWA notice of a hearing: to whom, sent, received.
    case icwaNotice = "icwa_notice"
    /// An aftercare follow-up of a child who went home.
    case followUp = "follow_up"
    /// A step of an alternative permanency path (relative care, guardianship, adoption, a planned living arrangement).
    case permanencyStep = "permanency_step"
    /// What continues after a child leaves care home: services, who checks in, the follow-up days.
    case aftercarePlan = "aftercare_plan"
    /// A relative's inquiry for a child, or the agency's search for a registered child's family.
    case tracingRequest = "tracing_request"
    /// A registered child the matching engine proposes for a tracing request, with the decision on it.
    case matchCandidate = "match_candidate"
    /// The checks that a confirmed match is the family and that going to them is right.
    case tracingVerification = "tracing_verification"
    /// An assessment instrument's definition (its items and scale), one version of it.
    case instrument
    /// A practice vignette: a made-up family a supervisor publishes for the team to rate.
    case vignette
    /// A worker's ratings of a practice vignette (a made-up family), for calibrating judgement.
    case vignetteRating = "vignette_rating"

    /// Records of the agency's tracing work: they belong to no one case, so the policy decides them by role (and,
    /// for deleting a request, by who filed it), not by the actor's part in a case.
    public var isTracing: Bool { [.tracingRequest, .matchCandidate, .tracingVerification].contains(self) }

    /// Records of practice, not of a family: instruments, practice vignettes and their ratings. The policy decides
    /// them by role.
    public var isPractice: Bool { [.instrument, .vignette, .vignetteRating].contains(self) }

    /// The kinds that belong to one case.
    public static var caseRecords: [RecordKind] { allCases.filter { !$0.isTracing && !$0.isPractice } }
}

public enum AccessAction: String, CaseIterable, Sendable, Codable {
    case read, create, update, delete
}
