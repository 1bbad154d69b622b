/// The six-point family assessment scale, +2 clear strength to −3 serious problem (RULES.md §1).
/// "Not rated" is the absence of a rating.
public enum Rating: Int, CaseIterable, Sendable, Codable, Comparable {
    case clearStrength = 2
    case mildStrength = 1
    case baseline = 0
    case mildProblem = -1
    case moderateProblem = -2
    case seriousProblem = -3

    public var label: String {
        switch self {
        case .clearStrength: "Clear strength"
        case .mildStrength: "Mild strength"
        case .baseline: "Baseline / adequate"
        case .mildProblem: "Mild problem"
        case .moderateProblem: "Moderate problem"
        case .seriousProblem: "Serious problem"
        }
    }

    /// "+2", "0", "−3": how the scale is written on forms.
    public var signed: String { rawValue > 0 ? "+\(rawValue)" : rawValue == 0 ? "0" : "−\(-rawValue)" }

    public var isStrength: Bool { rawValue >= 1 }
    public var isProblem: Bool { rawValue <= -1 }

    public static func < (lhs: Rating, rhs: Rating) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// When in the case an assessment is made.
public enum AssessmentPoint: String, CodedValue {
    case intake, interim, reunification, closure
    public static let listName = "assessment point"
    public var label: String {
        switch self {
        case .intake: "Intake"
        case .interim: "Interim"
        case .reunification: "Before reunification"
        case .closure: "Closure"
        }
    }
}
