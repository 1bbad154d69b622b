import Foundation

/// The steps of an alternative permanency path, worked concurrently with reunification (RULES.md §4.4). Reunification's
/// own steps are the case plan; the paths here are the homes a child goes to when going home is unsafe.
public enum PathStep: String, CodedValue {
    // Relative or kin care.
    case relativeSearch = "relative_search"
    case homeAssessment = "home_assessment"
    case homeApproval = "home_approval"
    // Guardianship.
    case guardianIdentified = "guardian_identified"
    case guardianHomeAssessment = "guardian_home_assessment"
    case guardianshipOrder = "guardianship_order"
    // Adoption.
    case terminationOfRights = "termination_of_rights"
    case adoptiveHome = "adoptive_home"
    case finalisation
    // Planned permanent living arrangement (16 and older).
    case livingArrangement = "living_arrangement"
    case permanentConnections = "permanent_connections"
    case independentLivingServices = "independent_living_services"

    public static let listName = "permanency step"
    public var label: String {
        switch self {
        case .relativeSearch: "Search for relatives and kin"
        case .homeAssessment: "Assessment of the relative's home"
        case .homeApproval: "Approval of the relative's home"
        case .guardianIdentified: "A guardian identified and willing"
        case .guardianHomeAssessment: "Assessment of the guardian's home"
        case .guardianshipOrder: "The court's guardianship order"
        case .terminationOfRights: "Termination of parental rights"
        case .adoptiveHome: "An approved adoptive home"
        case .finalisation: "Adoption finalised"
        case .livingArrangement: "The planned living arrangement described"
        case .permanentConnections: "Permanent connections with caring adults"
        case .independentLivingServices: "Independent living services"
        }
    }

    /// The path the step belongs to.
    public var plan: PermanencyPlan {
        switch self {
        case .relativeSearch, .homeAssessment, .homeApproval: .liveWithRelatives
        case .guardianIdentified, .guardianHomeAssessment, .guardianshipOrder: .guardianship
        case .terminationOfRights, .adoptiveHome, .finalisation: .adoption
        case .livingArrangement, .permanentConnections, .independentLivingServices: .plannedPermanentLivingArrangement
        }
    }

    /// The steps of a path, in order; reunification has none here (its steps are the case plan's).
    public static func steps(of plan: PermanencyPlan) -> [PathStep] { allCases.filter { $0.plan == plan } }

    /// The paths that have steps of their own.
    public static var alternativePlans: [PermanencyPlan] { PermanencyPlan.allCases.filter { !steps(of: $0).isEmpty } }
}

/// Where a step stands. `notNeeded` passes a step (a relative already known needs no search); `ruledOut` closes the
/// path for now (the home was not approved), until the step is started again.
public enum StepStatus: String, CodedValue {
    case started
    case done
    case notNeeded = "not_needed"
    case ruledOut = "ruled_out"

    public static let listName = "step status"
    public var label: String {
        switch self {
        case .started: "Started"
        case .done: "Done"
        case .notNeeded: "Not needed"
        case .ruledOut: "Ruled out"
        }
    }
    /// The step is behind the child: later steps may be done.
    public var isPassed: Bool { self == .done || self == .notNeeded }
}

/// One entry of a path's progress: a step started, done, not needed or ruled out, on a day, with a note. Entries are
/// kept, never changed; the latest of each step is where it stands.
public struct PathStepDetails: Equatable, Sendable, Codable {
    public var childID: PersonID
    public var step: PathStep
    public var status: StepStatus
    public var date: CalendarDate
    public var note: String?
    /// The family search a relative search started, when it started one.
    public var tracingRequestID: TracingRequestID?
    public var recordedBy: UserID?
    public var recordedByName: String?

    public init(childID: PersonID, step: PathStep, status: StepStatus, date: CalendarDate, note: String? = nil,
                tracingRequestID: TracingRequestID? = nil, recordedBy: UserID? = nil, recordedByName: String? = nil) {
        self.childID = childID
        self.step = step
        self.status = status
        self.date = date
        self.note = note
        self.tracingRequestID = tracingRequestID
        self.recordedBy = recordedBy
        self.recordedByName = recordedByName
    }

    public var plan: PermanencyPlan { step.plan }
}

/// A child's path of one plan: each step with its latest entry, and the path's state.
public struct PermanencyPath: Equatable, Sendable {
    public enum State: String, Sendable { case notStarted = "not_started", underway, complete, ruledOut = "ruled_out" }
    public struct Step: Equatable, Sendable {
        public let step: PathStep
        public let latest: PathStepDetails?
        public let history: [PathStepDetails]
    }

    public let childID: PersonID
    public let plan: PermanencyPlan
    public let steps: [Step]

    /// Builds the path from the entries recorded for the child (entries of other children and plans are ignored),
    /// ordered by day, then by the order they were recorded.
    public init(childID: PersonID, plan: PermanencyPlan, entries: [PathStepDetails]) {
        self.childID = childID
        self.plan = plan
        let mine = entries.enumerated().filter { $0.element.childID == childID && $0.element.plan == plan }
            .sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
        steps = PathStep.steps(of: plan).map { s in
            let history = mine.filter { $0.step == s }
            return Step(step: s, latest: history.last, history: history)
        }
    }

    public var state: State {
        if steps.contains(where: { $0.latest?.status == .ruledOut }) { return .ruledOut }
        if steps.allSatisfy({ $0.latest?.status.isPassed == true }) { return .complete }
        return steps.contains(where: { $0.latest != nil }) ? .underway : .notStarted
    }

    /// The first step not yet behind the child.
    public var next: PathStep? { steps.first { $0.latest?.status.isPassed != true }?.step }
}

public enum PathRules {
    /// What must hold for a step's entry: a child of the case in care, on a path that is the child's goal or concurrent
    /// goal (concurrent planning works the paths the goals name), on a day not after today and not before the child's
    /// removal; done or not needed only once every earlier step of the path is behind the child; a note for a step not
    /// needed or ruled out; parental rights terminated only by a court, so a held TPR hearing about the child comes
    /// first; adoption finalised only after it.
    public static func check(_ d: PathStepDetails, members: [CaseMembership], goals: PermanencyGoalDetails?,
                             episodes: [RemovalEpisodeDetails], earlier entries: [PathStepDetails],
                             heldTPRHearings: [CalendarDate], today: CalendarDate) throws(ValidationFailure) {
        if let missing = CaseMembership.requireChild(d.childID, among: members) { throw ValidationFailure([missing]) }
        var errors: [FieldError] = []
        let mine = episodes.filter { $0.childID == d.childID }
        guard let open = mine.last(where: \.isOpen) else {
            throw ValidationFailure(field: "childId", .ruleStepInCare)
        }
        let planned = [goals?.primary, goals?.concurrent].compactMap { $0 }
        if !planned.contains(d.plan) {
            errors.append(planned.isEmpty
                ? FieldError("step", .ruleStepNoGoals)
                : FieldError("step", .ruleStepNotGoal, each: { language in
                    ["plan": d.plan.staffLabel(language), "goals": planned.map { $0.staffLabel(language) }.joined(separator: ", ")]
                }))
        }
        if d.date > today { errors.append(FieldError("date", .ruleStepFuture)) }
        if d.date < open.removalDate { errors.append(FieldError("date", .ruleStepBeforeRemoval, ["date": open.removalDate.iso])) }
        if (d.status == .notNeeded || d.status == .ruledOut) && (d.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors.append(FieldError("note", d.status == .notNeeded ? .ruleStepWhyNotNeeded : .ruleStepWhyRuledOut))
        }
        if d.status.isPassed {
            let path = PermanencyPath(childID: d.childID, plan: d.plan, entries: entries)
            let before = path.steps.prefix { $0.step != d.step }
            if let pending = before.first(where: { $0.latest?.status.isPassed != true }) {
                errors.append(FieldError("status", .ruleStepFirst, each: { ["step": pending.step.staffLabel($0)] }))
            }
            if d.step == .terminationOfRights && d.status == .done && !heldTPRHearings.contains(where: { $0 <= d.date && $0 >= open.removalDate }) {
                errors.append(FieldError("status", .ruleStepTPRHearing))
            }
            if d.step == .terminationOfRights && d.status == .notNeeded {
                errors.append(FieldError("status", .ruleStepAdoption))
            }
        }
        try ValidationFailure.check(errors)
    }
}

/// What continues after a child goes home (or to a relative or a guardian): the services, who checks in and how to
/// reach them, with follow-ups on the days the policy sets from the discharge.
public struct AftercarePlanDetails: Equatable, Sendable, Codable {
    public var childID: PersonID
    /// The discharge the plan follows, copied from the child's episode.
    public var discharged: CalendarDate
    public var services: [String]
    public var checkInBy: String
    public var contact: String?
    public var note: String?

    public init(childID: PersonID, discharged: CalendarDate, services: [String], checkInBy: String, contact: String? = nil, note: String? = nil) {
        self.childID = childID
        self.discharged = discharged
        self.services = services
        self.checkInBy = checkInBy
        self.contact = contact
        self.note = note
    }
}

extension AftercarePlanDetails {
    /// The plan as a worker writes it.
    public var entry: AftercarePlanEntry {
        AftercarePlanEntry(childID: childID, services: services, checkInBy: checkInBy, contact: contact, note: note)
    }
}

/// An aftercare plan as a worker writes it, on a page or through the API: everything but the discharge it follows,
/// which is the child's episode's (found when the plan is recorded, kept when it is changed), never the writer's.
public struct AftercarePlanEntry: Equatable, Sendable {
    public var childID: PersonID
    public var services: [String]
    public var checkInBy: String
    public var contact: String?
    public var note: String?

    public init(childID: PersonID, services: [String], checkInBy: String, contact: String? = nil, note: String? = nil) {
        self.childID = childID
        self.services = services
        self.checkInBy = checkInBy
        self.contact = contact
        self.note = note
    }

    /// The plan of this entry for the discharge it follows.
    public func details(discharged: CalendarDate) -> AftercarePlanDetails {
        AftercarePlanDetails(childID: childID, discharged: discharged, services: services, checkInBy: checkInBy, contact: contact, note: note)
    }

    /// Blank lines and surrounding spaces left out; an empty contact or note is none.
    public var tidied: AftercarePlanEntry {
        var e = self
        e.services = services.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        e.checkInBy = checkInBy.trimmingCharacters(in: .whitespacesAndNewlines)
        e.contact = contact?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        e.note = note?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        return e
    }
}

/// One follow-up of an aftercare plan: its day, and the follow-up that met it.
public struct ScheduledFollowUp: Equatable, Sendable {
    public let days: Int
    public let due: CalendarDate
    public let seen: CalendarDate?
    public let status: ClockStatus
}

public enum AftercareRules {
    /// The discharge aftercare follows for a child: their latest, when it was to reunification, a relative or a
    /// guardian and they have not come back into care since.
    public static func discharge(of child: PersonID, episodes: [RemovalEpisodeDetails]) -> RemovalEpisodeDetails? {
        let mine = episodes.filter { $0.childID == child }.sorted { $0.removalDate < $1.removalDate }
        guard let last = mine.last, last.dischargeDate != nil, let reason = last.dischargeReason, FollowUpRules.followed.contains(reason) else { return nil }
        return last
    }

    /// A plan is for a child of the case discharged home, to a relative or to a guardian, names who checks in and at
    /// least one service or says none continue; one plan per discharge.
    public static func check(_ p: AftercarePlanDetails, members: [CaseMembership], episodes: [RemovalEpisodeDetails]) throws(ValidationFailure) {
        try check(p.entry, members: members, episodes: episodes)
    }

    /// As above, for a plan being written; answers the discharge it follows.
    @discardableResult
    public static func check(_ p: AftercarePlanEntry, members: [CaseMembership], episodes: [RemovalEpisodeDetails]) throws(ValidationFailure) -> CalendarDate {
        if let missing = CaseMembership.requireChild(p.childID, among: members) { throw ValidationFailure([missing]) }
        var errors: [FieldError] = []
        let discharged = discharge(of: p.childID, episodes: episodes)?.dischargeDate
        if discharged == nil {
            errors.append(FieldError("childId", .ruleAftercareDischarge))
        }
        if p.checkInBy.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors.append(FieldError("checkInBy", .ruleAftercareCheckIn))
        }
        if p.services.map({ $0.trimmingCharacters(in: .whitespacesAndNewlines) }).filter({ !$0.isEmpty }).isEmpty {
            errors.append(FieldError("services", .ruleAftercareServices))
        }
        if p.services.contains(where: { $0.count > 200 }) { errors.append(FieldError("services", .ruleAftercareServiceLong)) }
        guard let discharged, errors.isEmpty else { throw ValidationFailure(errors) }
        return discharged
    }
}

extension PermanencyClock {
    /// The follow-ups after a discharge, on the policy's days; each met by a follow-up recorded after the one before it
    /// was due (a follow-up seen early counts for the next one due).
    public func aftercareSchedule(discharged: CalendarDate, followUps: [CalendarDate], today: CalendarDate) -> [ScheduledFollowUp] {
        var unused = followUps.filter { $0 > discharged && $0 <= today }.sorted()
        var previous = discharged
        var schedule: [ScheduledFollowUp] = []
        for days in policy.aftercareFollowUpDays {
            let due = discharged.adding(days: days)
            if let i = unused.firstIndex(where: { $0 > previous }) {
                schedule.append(ScheduledFollowUp(days: days, due: due, seen: unused.remove(at: i), status: .done))
            } else {
                schedule.append(ScheduledFollowUp(days: days, due: due, seen: nil, status: status(due, today: today)))
            }
            previous = due
        }
        return schedule
    }
}
