/// Where a family's reunification work stands.
public enum CaseStage: String, CodedValue {
    case intake = "intake"
    case assessment = "assessment"
    case planning = "planning"
    case services = "services"
    case familyTime = "family_time"
    case trialHomeVisit = "trial_home_visit"
    case aftercare = "aftercare"
    case closed = "closed"

    public static let listName = "case stage"

    public var label: String {
        switch self {
        case .intake: "Intake"
        case .assessment: "Assessment"
        case .planning: "Case planning"
        case .services: "Services"
        case .familyTime: "Family time progressing"
        case .trialHomeVisit: "Trial home visit"
        case .aftercare: "Aftercare"
        case .closed: "Closed"
        }
    }
}
