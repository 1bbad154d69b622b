import Foundation

/// How much freedom family time has, least to most. Moving to `trialHomeVisit` is placing the child at home.
public enum VisitLevel: String, CodedValue, Comparable {
    case therapeuticSupervised = "therapeutic_supervised"
    case supervised
    case monitored
    case unsupervisedDay = "unsupervised_day"
    case overnight
    case extended
    case trialHomeVisit = "trial_home_visit"

    public static let listName = "visit level"
    public var label: String {
        switch self {
        case .therapeuticSupervised: "Therapeutic supervised"
        case .supervised: "Supervised"
        case .monitored: "Monitored"
        case .unsupervisedDay: "Unsupervised (day)"
        case .overnight: "Overnight"
        case .extended: "Extended (several nights)"
        case .trialHomeVisit: "Trial home visit"
        }
    }

    var rank: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (a: VisitLevel, b: VisitLevel) -> Bool { a.rank < b.rank }

    /// Levels at which a member of staff (or an approved supervisor) must be present.
    public var needsSupervisor: Bool { self <= .monitored }
}

/// What a safety assessment decided (the family-time form of the review's safety decision).
public enum SafetyAssessmentDecision: String, CodedValue {
    case safe
    case safeWithPlan = "safe_with_plan"
    case unsafe

    public static let listName = "safety decision"
    public var label: String {
        switch self {
        case .safe: "Safe"
        case .safeWithPlan: "Safe with a safety plan"
        case .unsafe: "Unsafe"
        }
    }

    /// The same decision as the reunification review records it.
    public var reviewDecision: SafetyDecision {
        switch self {
        case .safe: .safe
        case .safeWithPlan: .safeWithInterventions
        case .unsafe: .unsafe
        }
    }
}

/// A safety assessment of one child: danger indicators found, the decision, and the safety plan it relies on.
public struct SafetyAssessmentDetails: Equatable, Sendable, Codable {
    public var childID: PersonID
    public var date: CalendarDate
    public var dangerIndicators: [String]
    /// What the caregivers do that keeps the child safe.
    public var protectiveCapacities: [String]
    public var decision: SafetyAssessmentDecision
    public var safetyPlan: String?

    public init(childID: PersonID, date: CalendarDate, dangerIndicators: [String], protectiveCapacities: [String] = [],
                decision: SafetyAssessmentDecision, safetyPlan: String?) {
        self.childID = childID
        self.date = date
        self.dangerIndicators = dangerIndicators
        self.protectiveCapacities = protectiveCapacities
        self.decision = decision
        self.safetyPlan = safetyPlan
    }

    /// The safety part of a reunification review, as this assessment answers it.
    public var reviewSafety: ReviewInput.Safety {
        ReviewInput.Safety(decision: decision.reviewDecision, dangerIndicators: dangerIndicators, safetyPlan: safetyPlan)
    }

    /// Recorded once made (today or earlier); "safe with a plan" names the plan.
    public func validate(today: CalendarDate) -> [FieldError] {
        var errors: [FieldError] = []
        if date > today { errors.append(FieldError("date", .ruleSafetyDate)) }
        if dangerIndicators.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            errors.append(FieldError("dangerIndicators", .ruleSafetyNamed))
        }
        if decision == .safe && !dangerIndicators.isEmpty {
            errors.append(FieldError("decision", .ruleSafetyDecision))
        }
        if decision == .safeWithPlan && (safetyPlan ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors.append(FieldError("safetyPlan", .ruleSafetyPlan))
        }
        return errors
    }
}

/// A request to move a child's family time to another level.
public struct LevelChange: Equatable, Sendable, Codable {
    public enum Status: String, Sendable, Codable { case awaitingApproval = "awaiting_approval", approved }
    public var from: VisitLevel
    public var to: VisitLevel
    public var reason: String
    public var courtOrder: String?
    public var status: Status
    public var isStepUp: Bool { to > from }

    public init(from: VisitLevel, to: VisitLevel, reason: String, courtOrder: String?, status: Status) {
        self.from = from
        self.to = to
        self.reason = reason
        self.courtOrder = courtOrder
        self.status = status
    }
}

public enum LevelChangeRules {
    /// How fresh the safety assessment behind a step up must be.
    public static let safetyAssessmentMaxAgeDays = 30

    /// A step up needs a reason, a safety assessment of the child at most 30 days old deciding safe (or safe with its
    /// plan), the court order's reference where a court governs visits, and waits for a supervisor's approval. A step
    /// down is taken at once, with a reason, and the supervisor is told.
    public static func request(from: VisitLevel, to: VisitLevel, reason: String, courtOrder: String?, courtGoverned: Bool,
                               latestSafety: SafetyAssessmentDetails?, today: CalendarDate) throws(ValidationFailure) -> LevelChange {
        var errors: [FieldError] = []
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if from == to { errors.append(FieldError("to", .ruleLevelSame)) }
        if reason.isEmpty { errors.append(FieldError("reason", .ruleLevelWhy)) }
        let order = courtOrder?.trimmingCharacters(in: .whitespacesAndNewlines)
        if to > from {
            if courtGoverned && (order ?? "").isEmpty {
                errors.append(FieldError("courtOrder", .ruleLevelCourt))
            }
            if let s = latestSafety {
                let age = s.date.days(until: today)
                if age > safetyAssessmentMaxAgeDays {
                    errors.append(FieldError("to", .ruleLevelSafetyOld, ["date": s.date.iso, "age": String(age), "max": String(safetyAssessmentMaxAgeDays)]))
                } else if s.decision == .unsafe {
                    errors.append(FieldError("to", .ruleLevelUnsafe, ["date": s.date.iso]))
                }
            } else {
                errors.append(FieldError("to", .ruleLevelNoSafety, ["max": String(safetyAssessmentMaxAgeDays)]))
            }
        }
        try ValidationFailure.check(errors)
        return LevelChange(from: from, to: to, reason: reason, courtOrder: (order ?? "").isEmpty ? nil : order,
                           status: to > from ? .awaitingApproval : .approved)
    }
}

/// A stretch of time someone or something is taken for: a visit's participants, its supervisor, its room.
public struct VisitSlot: Equatable, Sendable {
    public var visitID: UUID?
    public var start: Date
    public var end: Date
    public var people: Set<UUID>
    public var place: String?
    public init(visitID: UUID? = nil, start: Date, end: Date, people: Set<UUID>, place: String?) {
        self.visitID = visitID
        self.start = start
        self.end = end
        self.people = people
        self.place = place
    }

    public func overlaps(_ other: VisitSlot) -> Bool { start < other.end && other.start < end }
}

public enum VisitScheduling {
    /// The existing visits a new one clashes with: overlapping in time and sharing a person (a participant or the
    /// supervising staff member) or the same room. A visit never clashes with itself.
    public static func clashes(of slot: VisitSlot, with existing: [VisitSlot]) -> [VisitSlot] {
        existing.filter { other in
            other.visitID != slot.visitID || slot.visitID == nil
        }.filter { other in
            guard slot.overlaps(other) else { return false }
            let sameRoom = slot.place.map { p in other.place.map { $0.caseInsensitiveCompare(p) == .orderedSame } ?? false } ?? false
            return !slot.people.isDisjoint(with: other.people) || sameRoom
        }
    }

    /// The end must follow the start, and a visit lasts at most a day unless the level allows nights away.
    public static func check(start: Date, end: Date, level: VisitLevel) throws(ValidationFailure) {
        guard end > start else { throw ValidationFailure(field: "end", .ruleVisitEndsAfter) }
        if level < .overnight && end.timeIntervalSince(start) > 24 * 3600 {
            throw ValidationFailure(field: "end", .ruleVisitOneDay, each: { ["level": level.staffLabel($0).lowercased()] })
        }
    }
}
