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
        if primarySince > today { errors.append(FieldError("primarySince", .ruleGoalDatePast)) }
        if let concurrent {
            if concurrent == primary {
                errors.append(FieldError("concurrent", .ruleGoalDiffer))
            }
            if concurrentSince == nil {
                errors.append(FieldError("concurrentSince", .ruleGoalConcurrentDate))
            }
        } else if concurrentSince != nil {
            errors.append(FieldError("concurrent", .ruleGoalConcurrentChoose))
        }
        if let concurrentSince, concurrentSince > today {
            errors.append(FieldError("concurrentSince", .ruleGoalDatePast))
        }
        return errors
    }
}
