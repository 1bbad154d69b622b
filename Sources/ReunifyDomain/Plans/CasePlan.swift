import Foundation

/// Where a case plan version stands: drafted with the family, agreed (each parent's answer recorded), approved by the
/// supervisor (active from its start date), and superseded by the next approved version.
public enum PlanStatus: String, CodedValue {
    case draft, agreed, approved, active, superseded
    public static let listName = "plan status"
    public var label: String {
        switch self {
        case .draft: "Draft"
        case .agreed: "Agreed with the family"
        case .approved: "Approved, not yet started"
        case .active: "Active"
        case .superseded: "Superseded"
        }
    }

    /// Drafts and agreed versions change and take the family's answers; approved ones are kept as approved.
    public var isOpen: Bool { self == .draft || self == .agreed }
}

/// Where an intervention of the plan stands.
public enum InterventionStatus: String, CodedValue {
    case planned
    case inProgress = "in_progress"
    case done
    case stopped
    public static let listName = "intervention status"
    public var label: String {
        switch self {
        case .planned: "Planned"
        case .inProgress: "In progress"
        case .done: "Done"
        case .stopped: "Stopped"
        }
    }
}

/// What will be done toward an objective: a kind of service (and the service itself once chosen), who is
/// responsible, how often, from when.
public struct PlanIntervention: Equatable, Sendable, Codable {
    public var id: UUID
    public var category: ServiceCategory
    public var serviceID: ServiceID?
    public var responsible: String?
    public var frequency: String?
    public var startsOn: CalendarDate?
    public var status: InterventionStatus

    public init(id: UUID = UUID(), category: ServiceCategory, serviceID: ServiceID? = nil, responsible: String? = nil, frequency: String? = nil,
                startsOn: CalendarDate? = nil, status: InterventionStatus = .planned) {
        self.id = id
        self.category = category
        self.serviceID = serviceID
        self.responsible = responsible
        self.frequency = frequency
        self.startsOn = startsOn
        self.status = status
    }
}

/// What will be different, how it is measured, and by when.
public struct PlanObjective: Equatable, Sendable, Codable {
    public var id: UUID
    public var statement: String
    public var measure: String
    public var targetDate: CalendarDate
    public var interventions: [PlanIntervention]

    public init(id: UUID = UUID(), statement: String, measure: String, targetDate: CalendarDate, interventions: [PlanIntervention] = []) {
        self.id = id
        self.statement = statement
        self.measure = measure
        self.targetDate = targetDate
        self.interventions = interventions
    }
}

/// A goal of the plan in the family's words, with its objectives.
public struct PlanGoal: Equatable, Sendable, Codable {
    public var id: UUID
    public var statement: String
    public var objectives: [PlanObjective]

    public init(id: UUID = UUID(), statement: String, objectives: [PlanObjective]) {
        self.id = id
        self.statement = statement
        self.objectives = objectives
    }
}

/// One family member's answer to a plan version: agreed, or declined and why; in which language it was explained.
public struct PlanAgreement: Equatable, Sendable, Codable {
    public var personID: PersonID
    public var agreed: Bool
    /// BCP 47 tag of the language the plan was explained in (`en`, `es`).
    public var language: String
    public var note: String?
    public var recordedOn: CalendarDate
    public var recordedBy: UserID

    public init(personID: PersonID, agreed: Bool, language: String, note: String?, recordedOn: CalendarDate, recordedBy: UserID) {
        self.personID = personID
        self.agreed = agreed
        self.language = language
        self.note = note
        self.recordedOn = recordedOn
        self.recordedBy = recordedBy
    }
}

/// One version of a case's plan.
public struct CasePlanDetails: Equatable, Sendable, Codable {
    /// The version's number in its case: 1 for the first plan, then 2, 3…
    public var number: Int
    public var goals: [PlanGoal]
    public var status: PlanStatus
    public var agreements: [PlanAgreement]
    public var draftedOn: CalendarDate
    public var approvedBy: UserID?
    public var approvedOn: CalendarDate?
    /// The day an approved version comes into force (the approval day unless the supervisor names a later one).
    public var startsOn: CalendarDate?
    public var supersededOn: CalendarDate?

    public init(number: Int, goals: [PlanGoal], status: PlanStatus = .draft, agreements: [PlanAgreement] = [], draftedOn: CalendarDate,
                approvedBy: UserID? = nil, approvedOn: CalendarDate? = nil, startsOn: CalendarDate? = nil, supersededOn: CalendarDate? = nil) {
        self.number = number
        self.goals = goals
        self.status = status
        self.agreements = agreements
        self.draftedOn = draftedOn
        self.approvedBy = approvedBy
        self.approvedOn = approvedOn
        self.startsOn = startsOn
        self.supersededOn = supersededOn
    }

    /// The status as of `date`: an approved version is active from its start date, and the version it replaces stays
    /// active until then.
    public func status(on date: CalendarDate) -> PlanStatus {
        if status == .approved, let startsOn, startsOn <= date { return .active }
        if status == .superseded, let supersededOn, date < supersededOn, approvedOn != nil { return .active }
        return status
    }

    public var objectives: [PlanObjective] { goals.flatMap(\.objectives) }
    public var interventions: [PlanIntervention] { objectives.flatMap(\.interventions) }
}

/// How often a plan is made and reviewed (RULES.md §4: a case plan within 60 days of removal; reviewed at least every
/// six months). Values of policy, replaceable per jurisdiction.
public struct PlanPolicy: Sendable, Equatable {
    public var dueDaysAfterRemoval: Int
    public var reviewMonths: Int
    public init(dueDaysAfterRemoval: Int = 60, reviewMonths: Int = 6) {
        self.dueDaysAfterRemoval = dueDaysAfterRemoval
        self.reviewMonths = reviewMonths
    }
    /// The plan's part of a jurisdiction's time limits.
    public init(_ timelines: TimelinePolicy) {
        self.init(dueDaysAfterRemoval: timelines.casePlanDueDays, reviewMonths: timelines.casePlanReviewMonths)
    }
    public static let federal = PlanPolicy(.unitedStates)

    /// What is due about a case's plan: the first approval within the policy's days of the earliest open removal,
    /// then a review of the active plan every `reviewMonths`. Nil when nothing is due (no child removed, no plan).
    public func due(removedOn: CalendarDate?, plans: [CasePlanDetails], today: CalendarDate) -> PlanDue? {
        let approved = plans.filter { $0.approvedOn != nil }.sorted { $0.approvedOn! < $1.approvedOn! }
        if let last = approved.last, let on = last.approvedOn {
            let date = on.adding(months: reviewMonths)
            return PlanDue(kind: .review, date: date, overdue: date < today, grounds: .approved(plan: last.number, on: on, reviewMonths: reviewMonths))
        }
        guard let removedOn else { return nil }
        let date = removedOn.adding(days: dueDaysAfterRemoval)
        return PlanDue(kind: .first, date: date, overdue: date < today, grounds: .removed(on: removedOn, dueDays: dueDaysAfterRemoval))
    }
}

/// A plan that is due: the first one, or the review of the active one.
public struct PlanDue: Sendable, Equatable {
    public enum Kind: String, Sendable { case first, review }
    public var kind: Kind
    public var date: CalendarDate
    public var overdue: Bool
    public var grounds: Grounds
    public var label: String { label(.english) }

    /// Why it is due: the facts the date was counted from.
    public enum Grounds: Sendable, Equatable {
        case approved(plan: Int, on: CalendarDate, reviewMonths: Int)
        case removed(on: CalendarDate, dueDays: Int)
    }

    public func label(_ language: UILanguage) -> String {
        switch (kind, language) {
        case (.first, .english): "Case plan"
        case (.review, .english): "Case plan review"
        case (.first, .spanish): "Plan del caso"
        case (.review, .spanish): "Revisión del plan del caso"
        }
    }

    /// The grounds in words ("plan 2 was approved on 2026-05-01; …"), dates as staff pages write them.
    public var basis: String { basis(.english) }

    public func basis(_ language: UILanguage) -> String {
        switch (grounds, language) {
        case let (.approved(plan, on, months), .english):
            "plan \(plan) was approved on \(on.iso); a plan is reviewed at least every \(months) months"
        case let (.approved(plan, on, months), .spanish):
            "el plan \(plan) se aprobó el \(on.iso); un plan se revisa al menos cada \(months) meses"
        case let (.removed(on, days), .english):
            "the child was removed on \(on.iso); a case plan is due within \(days) days of removal"
        case let (.removed(on, days), .spanish):
            "la remoción fue el \(on.iso); el plan del caso vence \(days) días después de la remoción"
        }
    }
}

/// The rules of a case plan's versions.
public enum PlanRules {
    /// The parts in a family whose agreement a plan records.
    public static let agreeingRoles: Set<MemberRole> = [.parent, .nonResidentFather, .caregiver]

    /// The version a family member reads and answers: the latest not yet replaced (the latest of all if every one
    /// has been).
    public static func versionForFamily<T>(_ versions: [T], status: (T) -> PlanStatus) -> T? {
        versions.last { status($0) != .superseded } ?? versions.last
    }

    /// May a member with this part answer the version themselves (a first answer or a changed one)?
    public static func mayAnswer(_ plan: CasePlanDetails, role: MemberRole?) -> Bool {
        plan.status.isOpen && role.map(agreeingRoles.contains) == true
    }

    /// Is the version waiting for this member's answer: open, theirs to answer, and not answered yet?
    public static func awaitsAnswer(_ plan: CasePlanDetails, from person: PersonID, role: MemberRole?) -> Bool {
        mayAnswer(plan, role: role) && !plan.agreements.contains { $0.personID == person }
    }

    /// A plan has at least one goal; every goal a statement and at least one objective; every objective a statement,
    /// a measure and a target date not before the draft.
    public static func check(_ goals: [PlanGoal], draftedOn: CalendarDate) throws(ValidationFailure) {
        var errors: [FieldError] = []
        if goals.isEmpty { errors.append(FieldError("goals", .rulePlanGoals)) }
        for (g, goal) in goals.enumerated() {
            let gp = "goals[\(g)]"
            if goal.statement.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                errors.append(FieldError("\(gp).statement", .rulePlanGoalText, ["n": String(g + 1)]))
            }
            if goal.objectives.isEmpty { errors.append(FieldError("\(gp).objectives", .rulePlanGoalObjectives, ["n": String(g + 1)])) }
            for (o, objective) in goal.objectives.enumerated() {
                let op = "\(gp).objectives[\(o)]"
                if objective.statement.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    errors.append(FieldError("\(op).statement", .rulePlanObjectiveText, ["g": String(g + 1), "o": String(o + 1)]))
                }
                if objective.measure.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    errors.append(FieldError("\(op).measure", .rulePlanObjectiveMeasure, ["g": String(g + 1), "o": String(o + 1)]))
                }
                if objective.targetDate < draftedOn {
                    errors.append(FieldError("\(op).targetDate", .rulePlanObjectiveTarget, ["date": draftedOn.iso]))
                }
            }
        }
        try ValidationFailure.check(errors)
    }

    /// Changing a version's goals: drafts and agreed versions change (an agreed one goes back to draft, its answers
    /// cleared, since the family agreed to something else); approved, active and superseded versions are kept as
    /// they were and a new version is drafted instead.
    public static func change(_ plan: CasePlanDetails, goals: [PlanGoal], today: CalendarDate) throws -> CasePlanDetails {
        guard plan.status.isOpen else {
            throw StateConflict(.rulePlanKept, ["number": String(plan.number)], each: { ["status": plan.status.staffLabel($0).lowercased()] })
        }
        try check(goals, draftedOn: plan.draftedOn)
        var changed = plan
        if changed.goals != goals {
            changed.goals = goals
            changed.agreements = []
            changed.status = .draft
        }
        return changed
    }

    /// Records one member's answer. Only a member with a parent's part answers; declining needs a reason; the language is a
    /// BCP 47 tag. A later answer replaces the member's earlier one. When every member with a parent's part has
    /// answered, the version is agreed.
    public static func recordAgreement(_ agreement: PlanAgreement, on plan: CasePlanDetails, role: MemberRole?,
                                       agreeingMembers: Set<PersonID>) throws -> CasePlanDetails {
        guard plan.status.isOpen else {
            throw StateConflict(.rulePlanAnswerOpen, ["number": String(plan.number)], each: { ["status": plan.status.staffLabel($0).lowercased()] })
        }
        guard let role else { throw ValidationFailure(field: "personId", .rulePlanAnswerMember) }
        guard agreeingRoles.contains(role) else {
            throw ValidationFailure(field: "personId", .rulePlanAnswerRole, each: { ["role": role.staffLabel($0).lowercased()] })
        }
        var errors: [FieldError] = []
        if !Languages.isTag(agreement.language) {
            errors.append(FieldError("language", .rulePlanAnswerLanguage))
        }
        let note = agreement.note?.trimmingCharacters(in: .whitespacesAndNewlines)
        if !agreement.agreed && (note ?? "").isEmpty {
            errors.append(FieldError("note", .rulePlanAnswerWhy))
        }
        try ValidationFailure.check(errors)
        var a = agreement
        a.note = (note ?? "").isEmpty ? nil : note
        var changed = plan
        changed.agreements.removeAll { $0.personID == a.personID }
        changed.agreements.append(a)
        let answered = Set(changed.agreements.map(\.personID))
        changed.status = agreeingMembers.isSubset(of: answered) && !agreeingMembers.isEmpty ? .agreed : .draft
        return changed
    }

    /// Approves an agreed version from `startsOn` (today when not given, never earlier); it is active from then.
    public static func approve(_ plan: CasePlanDetails, by supervisor: UserID, today: CalendarDate, startsOn: CalendarDate?) throws -> CasePlanDetails {
        guard plan.status == .agreed else {
            throw plan.status == .draft
                ? StateConflict(.rulePlanApproveDraft, ["number": String(plan.number)])
                : StateConflict(.rulePlanApproveAlready, ["number": String(plan.number)], each: { ["status": plan.status.staffLabel($0).lowercased()] })
        }
        let start = startsOn ?? today
        guard start >= today else { throw ValidationFailure(field: "startsOn", .rulePlanStarts) }
        var approved = plan
        approved.status = start == today ? .active : .approved
        approved.approvedBy = supervisor
        approved.approvedOn = today
        approved.startsOn = start
        return approved
    }

    /// The problems an assessment found (rated −2 or worse), worst first, offered as goals to start a plan from.
    public static func suggestedGoals(ratings: [String: Rating], instrument: Instrument) -> [(itemID: String, text: String, rating: Rating)] {
        var found: [(String, String, Rating)] = []
        for domain in instrument.domains {
            for item in domain.items {
                if let r = ratings[item.id], r.rawValue <= -2 { found.append((item.id, item.text, r)) }
            }
            if let r = ratings[domain.overallID], r.rawValue <= -2, !domain.items.contains(where: { (ratings[$0.id]?.rawValue ?? 0) <= -2 }) {
                found.append((domain.overallID, domain.title, r))
            }
        }
        return found.sorted { $0.2 < $1.2 }.map { (itemID: $0.0, text: $0.1, rating: $0.2) }
    }
}
