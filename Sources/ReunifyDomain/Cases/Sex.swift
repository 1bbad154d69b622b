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
