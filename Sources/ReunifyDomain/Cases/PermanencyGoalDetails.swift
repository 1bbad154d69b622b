/// A child's permanency goals: the primary aim and, under concurrent planning, a second path kept ready.
public struct PermanencyGoalDetails: Equatable, Sendable, Codable {
    public var childID: PersonID
    public var primary: PermanencyPlan
    public var primarySince: CalendarDate
    public var concurrent: PermanencyPlan?
    public var concurrentSince: CalendarDate?

    public init(childID: PersonID, primary: PermanencyPlan, primarySince: CalendarDate,
                concurrent: PermanencyPlan? = nil, concurrentSince: CalendarDate? = nil) {
        self.childID = childID
        self.primary = primary
        self.primarySince = primarySince
        self.concurrent = concurrent
        self.concurrentSince = concurrentSince
    }

    /// Reunification is the primary or the concurrent goal: reviews fall due and a return home can be weighed.
    public var includesReunification: Bool { primary == .reunification || concurrent == .reunification }

    public func validate(today: CalendarDate) -> [FieldError] {
        var errors: [FieldError] = []
        if primarySince > today { errors.append(FieldError("primarySince", "The goal's date must be today or in the past")) }
        if let concurrent {
            if concurrent == primary {
                errors.append(FieldError("concurrent", "The concurrent goal must differ from the primary goal"))
            }
            if concurrentSince == nil {
                errors.append(FieldError("concurrentSince", "Enter the date the concurrent goal was set"))
            }
        } else if concurrentSince != nil {
            errors.append(FieldError("concurrent", "Choose the concurrent goal, or clear its date"))
        }
        if let concurrentSince, concurrentSince > today {
            errors.append(FieldError("concurrentSince", "The goal's date must be today or in the past"))
        }
        return errors
    }
}
