/// AFCARS manner of removal (RULES.md §4.1).
public enum RemovalManner: String, CodedValue {
    case voluntary = "voluntary"
    case courtOrdered = "court_ordered"
    case notYetDetermined = "not_yet_determined"

    public static let listName = "manner of removal"

    public var label: String {
        switch self {
        case .voluntary: "Voluntary"
        case .courtOrdered: "Court-ordered"
        case .notYetDetermined: "Not yet determined"
        }
    }
}
