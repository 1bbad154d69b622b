/// AFCARS exit reason (E155, RULES.md §4.1).
public enum DischargeReason: String, CodedValue {
    case reunification = "reunification"
    case liveWithRelative = "live_with_relative"
    case adoption = "adoption"
    case emancipation = "emancipation"
    case guardianship = "guardianship"
    case runawayOrWhereaboutsUnknown = "runaway_or_whereabouts_unknown"
    case death = "death"
    case transfer = "transfer"

    public static let listName = "discharge reason"

    public var label: String {
        switch self {
        case .reunification: "Reunified with parent or legal guardian"
        case .liveWithRelative: "Living with other relative"
        case .adoption: "Adoption"
        case .emancipation: "Emancipation"
        case .guardianship: "Guardianship"
        case .runawayOrWhereaboutsUnknown: "Runaway or whereabouts unknown"
        case .death: "Death of child"
        case .transfer: "Transfer to another agency"
        }
    }
}
