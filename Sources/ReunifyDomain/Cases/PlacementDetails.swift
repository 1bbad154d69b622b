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
            errors.append(FieldError("caregiverName", .rulePlacementCaregiver))
        }
        if startDate > today { errors.append(FieldError("startDate", .rulePlacementStartPast)) }
        if startDate < episode.removalDate {
            errors.append(FieldError("startDate", .rulePlacementStartAfter, ["date": episode.removalDate.iso]))
        }
        if let discharge = episode.dischargeDate, startDate > discharge {
            errors.append(FieldError("startDate", .rulePlacementStartLeft, ["date": discharge.iso]))
        }
        if let endDate {
            if endDate < startDate { errors.append(FieldError("endDate", .rulePlacementEndAfter)) }
            if endDate > today { errors.append(FieldError("endDate", .rulePlacementEndPast)) }
            if (changeReason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                errors.append(FieldError("changeReason", .rulePlacementWhy))
            }
        }
        return errors
    }

    /// A return home (a trial home visit) must follow a recent reunification review of the child.
    public func validateReturnHome(lastReview: CalendarDate?, policy: TimelinePolicy) -> [FieldError] {
        guard setting == .placedAtHome else { return [] }
        guard let lastReview else {
            return [FieldError("setting", .rulePlacementReview)]
        }
        let age = lastReview.days(until: startDate)
        guard age <= policy.reviewBeforeReturnHomeDays else {
            return [FieldError("setting", .rulePlacementReviewOld, ["date": lastReview.iso, "days": String(policy.reviewBeforeReturnHomeDays)])]
        }
        return []
    }
}
