/// A user's part on one case's team.
public enum TeamRole: String, CodedValue {
    case caseworker = "caseworker"
    case secondaryCaseworker = "secondary_caseworker"
    case supervisor = "supervisor"
    case clinician = "clinician"
    case legal = "legal"
    case courtAdvocate = "court_advocate"
    case provider = "provider"
    case administrator = "administrator"

    public static let listName = "case team role"

    public var label: String {
        switch self {
        case .caseworker: "Assigned caseworker"
        case .secondaryCaseworker: "Secondary caseworker"
        case .supervisor: "Supervisor"
        case .clinician: "Therapist or clinician"
        case .legal: "Attorney or guardian ad litem"
        case .courtAdvocate: "Court-appointed advocate"
        case .provider: "Service provider"
        case .administrator: "Administrator"
        }
    }
}

/// Who may join and leave a case's team.
public enum TeamRules {
    /// A team is the agency's and its partners' staff: a family's own account reads the case as family, not as team.
    public static func checkJoining(_ role: UserRole) -> FieldError? {
        role == .parent ? FieldError("userId", .ruleTeamStaff) : nil
    }

    /// The assigned caseworker and supervisor stay on the team while they hold the case.
    public static func checkLeaving(_ user: UserID, caseworker: UserID?, supervisor: UserID?) -> FieldError? {
        user == caseworker || user == supervisor
            ? FieldError("userId", .ruleTeamStays)
            : nil
    }
}
