/// Risk level from the latest investigation (reassessments excluded), or none on file.
public enum InitialRiskLevel: String, CodedValue {
    case low, moderate, high
    case veryHigh = "very_high"
    case none
    public static let listName = "initial risk level"
    public var label: String {
        switch self {
        case .low: "Low"
        case .moderate: "Moderate"
        case .high: "High"
        case .veryHigh: "Very high"
        case .none: "None on file"
        }
    }
}

/// The reassessed risk level.
public enum RiskLevel: String, CodedValue, Comparable {
    case low, moderate, high
    case veryHigh = "very_high"
    public static let listName = "risk level"
    public var label: String {
        switch self {
        case .low: "low"
        case .moderate: "moderate"
        case .high: "high"
        case .veryHigh: "very high"
        }
    }
    var order: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (lhs: RiskLevel, rhs: RiskLevel) -> Bool { lhs.order < rhs.order }
    public var isLowOrModerate: Bool { self <= .moderate }
    public func moved(by steps: Int) -> RiskLevel { Self.allCases[max(0, min(Self.allCases.count - 1, order + steps))] }
}

/// The least-progressing caregiver's progress on the plan's objectives, judged by changed behaviour, not attendance.
public enum CaregiverProgress: String, CodedValue {
    case all, most, some, minimal, refuses
    public static let listName = "caregiver progress"
    public var label: String {
        switch self {
        case .all: "has met all the plan's objectives"
        case .most: "has met most of the plan's objectives"
        case .some: "has met some of the plan's objectives"
        case .minimal: "has made minimal progress on the plan's objectives"
        case .refuses: "refuses to take part in the plan"
        }
    }
}

/// Circumstances that by policy make the risk very high, whatever the score.
public enum RiskPolicyOverride: String, CodedValue {
    case sexualAbusePerpetratorAccess = "sexual_abuse_perpetrator_access"
    case nonAccidentalInjuryUnderThree = "non_accidental_injury_under_3"
    case severeNonAccidentalInjury = "severe_non_accidental_injury"
    case caregiverCausedDeath = "caregiver_caused_death"
    public static let listName = "policy override"
    public var label: String {
        switch self {
        case .sexualAbusePerpetratorAccess: "sexual abuse where the perpetrator may have access to the child"
        case .nonAccidentalInjuryUnderThree: "a non-accidental injury to a child under three"
        case .severeNonAccidentalInjury: "a severe non-accidental injury"
        case .caregiverCausedDeath: "a caregiver's act or omission caused a child's death"
        }
    }
}

public enum VisitQuality: String, CodedValue {
    case strong, adequate, limited, harmful
    public static let listName = "visit quality"
    public var label: String { rawValue }
}

public enum SafetyDecision: String, CodedValue {
    case safe
    case safeWithInterventions = "safe_with_interventions"
    case unsafe
    public static let listName = "safety decision"
    public var label: String {
        switch self {
        case .safe: "safe"
        case .safeWithInterventions: "safe with interventions"
        case .unsafe: "unsafe"
        }
    }
}

public enum VisitationStatus: String, CodedValue {
    case acceptable, unacceptable
    public static let listName = "visitation status"
    public var label: String { rawValue }
}

public enum Recommendation: String, CodedValue {
    case returnHome = "return_home"
    case continueReunification = "continue_reunification"
    case changePermanencyGoal = "change_permanency_goal"
    public static let listName = "recommendation"
    public var label: String {
        switch self {
        case .returnHome: "Return home"
        case .continueReunification: "Continue reunification services"
        case .changePermanencyGoal: "Change the permanency goal"
        }
    }
}
