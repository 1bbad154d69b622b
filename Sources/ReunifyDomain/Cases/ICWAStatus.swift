/// Indian Child Welfare Act status (RULES.md §4.3).
public enum ICWAStatus: String, CodedValue {
    case unknown = "unknown"
    case reasonToKnow = "reason_to_know"
    case confirmed = "confirmed"
    case notApplicable = "not_applicable"

    public static let listName = "ICWA status"

    /// ICWA's protections apply, or may: notice before each hearing, active efforts (RULES.md §4.3).
    public var mayApply: Bool { self == .reasonToKnow || self == .confirmed }

    public var label: String {
        switch self {
        case .unknown: "Not yet asked"
        case .reasonToKnow: "Reason to know"
        case .confirmed: "Confirmed tribal member or eligible"
        case .notApplicable: "Not applicable"
        }
    }
}
