/// Something a case must have done by a date.
public struct DueItem: Equatable, Sendable {
    public enum Kind: String, Sendable {
        case casePlan = "case_plan"
        case casePlanReview = "case_plan_review"
        case periodicReview = "periodic_review"
        case permanencyHearing = "permanency_hearing"
        case trialHomeVisitLimit = "trial_home_visit_limit"
        case reunificationReview = "reunification_review"

        public var label: String {
            switch self {
            case .casePlan: "Case plan"
            case .casePlanReview: "Case plan review"
            case .periodicReview: "Periodic review"
            case .permanencyHearing: "Permanency hearing"
            case .trialHomeVisitLimit: "Trial home visit reaches its limit"
            case .reunificationReview: "Reunification review"
            }
        }
    }

    public let kind: Kind
    public let due: CalendarDate
    public let childName: String?

    public init(kind: Kind, due: CalendarDate, childName: String?) {
        self.kind = kind
        self.due = due
        self.childName = childName
    }

    public func isOverdue(today: CalendarDate) -> Bool { due < today }
}
