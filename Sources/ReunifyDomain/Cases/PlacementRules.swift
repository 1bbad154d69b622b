/// What must hold for a placement to be recorded or changed, the same whichever page, API call or import asks.
///
/// A child lives in one place at a time: an episode has at most one current placement (no end date). Recording a
/// new current placement ends the one it follows on the day the new one starts; a change that would leave two
/// current placements is refused. A return home (a trial home visit) follows a recent reunification review.
public struct PlacementRules: Sendable {
    public let today: CalendarDate
    public let timelines: TimelinePolicy

    public init(today: CalendarDate, timelines: TimelinePolicy) {
        self.today = today
        self.timelines = timelines
    }

    /// Another placement of the same episode, as the rule needs to see it.
    public struct Sibling: Equatable, Sendable {
        public let id: PlacementID
        public let details: PlacementDetails
        public init(id: PlacementID, details: PlacementDetails) {
            self.id = id
            self.details = details
        }
    }

    /// A placement the change closes: it ends the day the new one starts.
    public struct Ending: Equatable, Sendable {
        public let id: PlacementID
        public let endDate: CalendarDate
        public let changeReason: String
    }

    /// Checks a placement about to be written. `editing` names the placement being changed (nil when a new one is
    /// recorded); `siblings` are the episode's other placements. Returns the placements the change ends, or throws
    /// every problem at once.
    public func check(_ details: PlacementDetails, editing: PlacementID?, episode: RemovalEpisodeDetails,
                      siblings: [Sibling], lastReview: CalendarDate?) throws(ValidationFailure) -> [Ending] {
        var errors = details.validate(today: today, episode: episode)
        errors += details.validateReturnHome(lastReview: lastReview, policy: timelines)
        let others = siblings.filter { $0.id != editing }
        var endings: [Ending] = []
        if details.isCurrent {
            for current in others where current.details.isCurrent {
                if editing == nil && current.details.startDate <= details.startDate {
                    endings.append(Ending(id: current.id, endDate: details.startDate,
                                          changeReason: current.details.changeReason ?? "Moved to \(details.setting.label.lowercased())"))
                } else {
                    errors.append(Self.twoCurrent(current.details))
                }
            }
        }
        try ValidationFailure.check(errors)
        return endings
    }

    static func twoCurrent(_ current: PlacementDetails) -> FieldError {
        FieldError("endDate", .rulePlacementTwoCurrent, ["date": current.startDate.iso]) { language in
            ["setting": current.setting.staffLabel(language).lowercased()]
        }
    }
}

/// What must hold for a removal episode: the child is a child of the case, and has at most one open episode.
public struct EpisodeRules: Sendable {
    public let today: CalendarDate
    public init(today: CalendarDate) { self.today = today }

    /// What an episode's days do to its placements. A removal day after a placement's start is refused. Discharging
    /// an episode ends the child's placements still open on the discharge day, that day; a placement begun after the
    /// discharge day cannot be, so the discharge is refused until it is corrected.
    public func dischargeEndings(_ details: RemovalEpisodeDetails,
                                 placements: [PlacementRules.Sibling]) throws(ValidationFailure) -> [PlacementRules.Ending] {
        // A placement begins on or after its removal (`PlacementDetails.validate`), also when the removal day is
        // what changes: the outcome measures read an episode's placements from its removal day on.
        if let earlier = placements.map(\.details.startDate).filter({ $0 < details.removalDate }).min() {
            throw ValidationFailure(field: "removalDate", .ruleRemovalAfterPlacement, ["date": earlier.iso])
        }
        guard let day = details.dischargeDate else { return [] }
        if let later = placements.first(where: { $0.details.startDate > day }) {
            throw ValidationFailure(field: "dischargeDate", .ruleDischargeBeforePlacement, ["date": later.details.startDate.iso])
        }
        return placements.filter { $0.details.endDate == nil || $0.details.endDate! > day }.map {
            PlacementRules.Ending(id: $0.id, endDate: day, changeReason: "Discharged: \(details.dischargeReason?.label.lowercased() ?? "left care")")
        }
    }

    /// Checks an episode about to be written. `members` are the case's members; `childBirthDate` the child's recorded
    /// birth date; `siblings` the child's other episodes in the case (the one being edited may be among them).
    public func check(_ details: RemovalEpisodeDetails, editing: EpisodeID?, members: [CaseMembership],
                      childBirthDate: CalendarDate?, siblings: [(id: EpisodeID, details: RemovalEpisodeDetails)]) throws {
        if let missing = CaseMembership.requireChild(details.childID, among: members) { throw ValidationFailure([missing]) }
        try ValidationFailure.check(details.validate(today: today, childBirthDate: childBirthDate))
        if details.isOpen, siblings.contains(where: { $0.id != editing && $0.details.childID == details.childID && $0.details.isOpen }) {
            throw DuplicateRecord("childId", .ruleOpenEpisode)
        }
    }
}

/// One person's part in a case, as the rules that depend on it see it.
public struct CaseMembership: Equatable, Sendable {
    public let personID: PersonID
    public let role: MemberRole
    public init(personID: PersonID, role: MemberRole) {
        self.personID = personID
        self.role = role
    }

    /// Records about a child (removals, goals, reviews) name a child who is a member of the case.
    public static func requireChild(_ id: PersonID, among members: [CaseMembership], field: String = "childId") -> FieldError? {
        members.contains(where: { $0.personID == id && $0.role == .child }) ? nil
            : FieldError(field, .ruleCaseChild)
    }
}

/// What must hold for a child's permanency goals: a child of the case, one set of goals per child.
public struct GoalRules: Sendable {
    public let today: CalendarDate
    public init(today: CalendarDate) { self.today = today }

    public func check(_ details: PermanencyGoalDetails, editing: GoalID?, members: [CaseMembership],
                      siblings: [(id: GoalID, childID: PersonID)], childBirthDate: CalendarDate? = nil) throws {
        if let missing = CaseMembership.requireChild(details.childID, among: members) { throw ValidationFailure([missing]) }
        try ValidationFailure.check(details.validate(today: today)
            + Self.ageErrors(details.primary, "primary", birthDate: childBirthDate, today: today)
            + (details.concurrent.map { Self.ageErrors($0, "concurrent", birthDate: childBirthDate, today: today) } ?? []))
        if siblings.contains(where: { $0.id != editing && $0.childID == details.childID }) {
            throw DuplicateRecord("childId", .ruleGoalsTwice)
        }
    }

    /// A planned permanent living arrangement is a goal only for a youth of 16 or older (federal law since the
    /// Preventing Sex Trafficking and Strengthening Families Act of 2014); a child whose birth date is not recorded
    /// cannot be given it.
    public static let pplaMinimumAge = 16

    public static func ageErrors(_ plan: PermanencyPlan, _ field: String, birthDate: CalendarDate?, today: CalendarDate) -> [FieldError] {
        guard plan == .plannedPermanentLivingArrangement else { return [] }
        guard let birthDate else {
            return [FieldError(field, .rulePPLABirth, ["age": String(pplaMinimumAge)])]
        }
        let age = birthDate.age(on: today)
        return age >= pplaMinimumAge ? [] : [FieldError(field, .rulePPLAAge, ["minimum": String(pplaMinimumAge), "age": String(age)])]
    }
}
