import ReunifyMatching

/// Sex as recorded for AFCARS.
public enum Sex: String, CodedValue {
    case female = "female"
    case male = "male"
    case unknown = "unknown"

    public static let listName = "sex"

    public var label: String {
        switch self {
        case .female: "Female"
        case .male: "Male"
        case .unknown: "Unknown"
        }
    }
}

extension Sex {
    /// As the matching engine compares it: unknown is no evidence either way.
    public init(_ matched: MatchSex?) {
        self = matched.flatMap { Sex(rawValue: $0.rawValue) } ?? .unknown
    }

    public var forMatching: MatchSex? {
        switch self {
        case .female: .female
        case .male: .male
        case .unknown: nil
        }
    }
}
