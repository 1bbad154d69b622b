import Foundation

/// Where a child lives during a removal episode.
public struct PlacementDetails: Equatable, Sendable, Codable {
    public var setting: PlacementSetting
    /// The caregiver's or facility's name.
    public var caregiverName: String
    public var startDate: CalendarDate
    public var endDate: CalendarDate?
    /// Why the child moved on from this placement, once they have.
    public var changeReason: String?

    public init(setting: PlacementSetting, caregiverName: String, startDate: CalendarDate,
                endDate: CalendarDate? = nil, changeReason: String? = nil) {
        self.setting = setting
        self.caregiverName = caregiverName
        self.startDate = startDate
        self.endDate = endDate
        self.changeReason = changeReason
    }

    public var isCurrent: Bool { endDate == nil }

    public func validate(today: CalendarDate, episode: RemovalEpisodeDetails) -> [FieldError] {
        var errors: [FieldError] = []
        let needsCaregiver = ![.runaway, .whereaboutsUnknown].contains(setting)
        if needsCaregiver && caregiverName.trimmingCharacters(in: .whitespaces).isEmpty {
            errors.append(FieldError("caregiverName", "Enter the caregiver's or the facility's name"))
        }
        if startDate > today { errors.append(FieldError("startDate", "Start date must be today or in the past")) }
        if startDate < episode.removalDate {
            errors.append(FieldError("startDate", "Start date must be on or after the removal date (\(episode.removalDate.iso))"))
        }
        if let discharge = episode.dischargeDate, startDate > discharge {
            errors.append(FieldError("startDate", "Start date is after the child left care (\(discharge.iso))"))
        }
        if let endDate {
            if endDate < startDate { errors.append(FieldError("endDate", "End date must be on or after the start date")) }
            if endDate > today { errors.append(FieldError("endDate", "End date must be today or in the past")) }
            if (changeReason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                errors.append(FieldError("changeReason", "Say why the placement ended"))
            }
        }
        return errors
    }

    /// A return home (a trial home visit) must follow a recent reunification review of the child.
    public func validateReturnHome(lastReview: CalendarDate?, policy: TimelinePolicy) -> [FieldError] {
        guard setting == .placedAtHome else { return [] }
        guard let lastReview else {
            return [FieldError("setting", "Run a reunification review for this child before a trial home visit")]
        }
        let age = lastReview.days(until: startDate)
        guard age <= policy.reviewBeforeReturnHomeDays else {
            return [FieldError("setting", "The last reunification review (\(lastReview.iso)) is more than \(policy.reviewBeforeReturnHomeDays) days before this trial home visit; review the child again first")]
        }
        return []
    }
}
