/// What a person does in the agency (DOMAIN.md, The people).
public enum UserRole: String, CodedValue {
    case caseworker = "caseworker"
    case supervisor = "supervisor"
    case clinician = "clinician"
    case provider = "provider"
    case legal = "legal"
    case parent = "parent"
    case administrator = "administrator"

    public static let listName = "role"

    public var label: String {
        switch self {
        case .caseworker: "Caseworker"
        case .supervisor: "Supervisor"
        case .clinician: "Clinician"
        case .provider: "Service provider"
        case .legal: "Legal (attorney, guardian ad litem, advocate)"
        case .parent: "Parent"
        case .administrator: "Administrator"
        }
    }
}
