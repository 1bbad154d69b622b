/// AFCARS permanency plan (E148, RULES.md §4.1).
public enum PermanencyPlan: String, CodedValue {
    case reunification = "reunification"
    case liveWithRelatives = "live_with_relatives"
    case adoption = "adoption"
    case guardianship = "guardianship"
    case plannedPermanentLivingArrangement = "planned_permanent_living_arrangement"

    public static let listName = "permanency goal"

    public var label: String {
        switch self {
        case .reunification: "Reunify with parent(s) or legal guardian(s)"
        case .liveWithRelatives: "Live with other relatives"
        case .adoption: "Adoption"
        case .guardianship: "Guardianship"
        case .plannedPermanentLivingArrangement: "Planned permanent living arrangement"
        }
    }
}
