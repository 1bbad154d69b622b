/// One continuous stay of a child in out-of-home care, from removal to discharge (AFCARS, RULES.md §4.1).
public struct RemovalEpisodeDetails: Equatable, Sendable, Codable {
    public var childID: PersonID
    public var removalDate: CalendarDate
    public var manner: RemovalManner
    /// The AFCARS circumstances that apply; those not listed do not apply.
    public var circumstances: [RemovalCircumstance]
    /// The first judicial finding of abuse or neglect, where one has been made.
    public var judicialFindingDate: CalendarDate?
    public var dischargeDate: CalendarDate?
    public var dischargeReason: DischargeReason?

    public init(childID: PersonID, removalDate: CalendarDate, manner: RemovalManner, circumstances: [RemovalCircumstance],
                judicialFindingDate: CalendarDate? = nil, dischargeDate: CalendarDate? = nil, dischargeReason: DischargeReason? = nil) {
        self.childID = childID
        self.removalDate = removalDate
        self.manner = manner
        self.circumstances = circumstances
        self.judicialFindingDate = judicialFindingDate
        self.dischargeDate = dischargeDate
        self.dischargeReason = dischargeReason
    }

    /// The date entered foster care: the earlier of the first judicial finding and 60 days after
    /// removal (45 CFR 1355.20, RULES.md §4.2).
    public var dateEnteredCare: CalendarDate {
        let sixtyDays = removalDate.adding(days: 60)
        guard let judicialFindingDate else { return sixtyDays }
        return min(judicialFindingDate, sixtyDays)
    }

    public var isOpen: Bool { dischargeDate == nil }

    public func validate(today: CalendarDate, childBirthDate: CalendarDate?) -> [FieldError] {
        var errors: [FieldError] = []
        if removalDate > today { errors.append(FieldError("removalDate", .ruleRemovalPast)) }
        if let childBirthDate, removalDate < childBirthDate {
            errors.append(FieldError("removalDate", .ruleRemovalBeforeBirth, ["date": childBirthDate.iso]))
        }
        if circumstances.isEmpty {
            errors.append(FieldError("circumstances", .ruleRemovalCircumstance))
        }
        if let judicialFindingDate, judicialFindingDate < removalDate {
            errors.append(FieldError("judicialFindingDate", .ruleRemovalFinding))
        }
        if let dischargeDate {
            if dischargeDate < removalDate {
                errors.append(FieldError("dischargeDate", .ruleDischargeAfter, ["date": removalDate.iso]))
            }
            if dischargeDate > today { errors.append(FieldError("dischargeDate", .ruleDischargePast)) }
            if dischargeReason == nil { errors.append(FieldError("dischargeReason", .ruleDischargeReason)) }
        } else if dischargeReason != nil {
            errors.append(FieldError("dischargeDate", .ruleDischargeDate))
        }
        return errors
    }
}
