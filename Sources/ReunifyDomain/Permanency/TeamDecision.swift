import Foundation

/// What a family team or multidisciplinary meeting decides.
public enum TeamDecisionKind: String, CodedValue {
    case returnHome = "return_home"
    case continueReunification = "continue_reunification"
    case changePermanencyGoal = "change_permanency_goal"
    case closeCase = "close_case"
    public static let listName = "decision"
    public var label: String {
        switch self {
        case .returnHome: "Return home"
        case .continueReunification: "Continue working towards reunification"
        case .changePermanencyGoal: "Change the permanency goal"
        case .closeCase: "Close the case"
        }
    }
}

/// The part a person takes in a decision meeting.
public enum ParticipantRole: String, CodedValue {
    case caseworker, supervisor, clinician, legal, parent
    case childAdvocate = "child_advocate"
    case provider, child, relative, other
    public static let listName = "participant role"
    public var label: String {
        switch self {
        case .caseworker: "Caseworker"
        case .supervisor: "Supervisor"
        case .clinician: "Clinician"
        case .legal: "Legal"
        case .parent: "Parent"
        case .childAdvocate: "Child's advocate"
        case .provider: "Service provider"
        case .child: "Child or youth"
        case .relative: "Relative or kin"
        case .other: "Other"
        }
    }

    /// Reads a role as people write it: "parents", "Child's advocate", "child-advocate" and the codes.
    public static func reading(_ text: String, field: String) throws(ValidationFailure) -> ParticipantRole {
        let folded = text.lowercased().trimmingCharacters(in: .whitespaces)
            .replacingOccurrences(of: "'s", with: "").replacingOccurrences(of: "’s", with: "")
            .replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")
        let aliases: [String: ParticipantRole] = ["parents": .parent, "mother": .parent, "father": .parent, "advocate": .childAdvocate,
                                                  "casa": .childAdvocate, "guardian_ad_litem": .childAdvocate, "gal": .childAdvocate,
                                                  "therapist": .clinician, "attorney": .legal, "lawyer": .legal, "youth": .child, "kin": .relative]
        if let role = ParticipantRole(rawValue: folded) ?? aliases[folded] { return role }
        return try parse(text, field: field)
    }
}

/// One participant: who, in which role, where they stood and why.
public struct DecisionParticipant: Equatable, Sendable, Codable {
    public var name: String
    public var role: ParticipantRole
    public var position: String
    public var reason: String
    public init(name: String, role: ParticipantRole, position: String, reason: String) {
        self.name = name
        self.role = role
        self.position = position
        self.reason = reason
    }
}

/// That the family was told of a decision: when, how, and in which language.
public struct FamilyInformed: Equatable, Sendable, Codable {
    public var date: CalendarDate
    public var how: String
    public var language: String
    public init(date: CalendarDate, how: String, language: String) {
        self.date = date
        self.how = how
        self.language = language
    }
}

/// A child's goals as a decision to change them sets them.
public struct GoalChange: Equatable, Sendable, Codable {
    public var childID: PersonID
    public var primary: PermanencyPlan
    public var concurrent: PermanencyPlan?
    public init(childID: PersonID, primary: PermanencyPlan, concurrent: PermanencyPlan? = nil) {
        self.childID = childID
        self.primary = primary
        self.concurrent = concurrent
    }

    /// The child's goals once the change takes effect on `day`: a goal kept keeps the date it was set.
    public func applied(to old: PermanencyGoalDetails?, on day: CalendarDate) -> PermanencyGoalDetails {
        PermanencyGoalDetails(childID: childID, primary: primary, primarySince: old?.primary == primary ? old!.primarySince : day,
                              concurrent: concurrent,
                              concurrentSince: concurrent == nil ? nil : (old?.concurrent == concurrent ? old?.concurrentSince : day))
    }
}

public enum DecisionStatus: String, CodedValue {
    case awaitingApproval = "awaiting_approval"
    case approved
    public static let listName = "decision status"
    public var label: String { self == .approved ? "Approved" : "Awaiting the supervisor's approval" }
}

/// A team's decision: the meeting, every participant's position and reason, the decision with its rationale, the
/// goals it sets (a change of permanency goal), the supervisor's approval, and that the family was told.
public struct TeamDecisionDetails: Equatable, Sendable, Codable {
    public var date: CalendarDate
    public var participants: [DecisionParticipant]
    public var decision: TeamDecisionKind
    public var rationale: String
    public var familyInformed: FamilyInformed?
    public var goalChanges: [GoalChange]
    public var status: DecisionStatus
    public var recordedBy: UserID
    public var approvedBy: UserID?
    public var approvedByName: String?
    public var approvedOn: CalendarDate?

    public init(date: CalendarDate, participants: [DecisionParticipant], decision: TeamDecisionKind, rationale: String,
                familyInformed: FamilyInformed? = nil, goalChanges: [GoalChange] = [], recordedBy: UserID) {
        self.date = date
        self.participants = participants
        self.decision = decision
        self.rationale = rationale
        self.familyInformed = familyInformed
        self.goalChanges = goalChanges
        self.status = .awaitingApproval
        self.recordedBy = recordedBy
    }

    /// The approved decision, or why it cannot be approved.
    public func approved(by id: UserID, name: String, on day: CalendarDate) throws(StateConflict) -> TeamDecisionDetails {
        guard status == .awaitingApproval else { throw StateConflict(.ruleDecisionApproved, each: { ["date": approvedOn?.iso ?? Catalogue.text(.ruleDecisionEarlier, $0)] }) }
        var d = self
        d.status = .approved
        d.approvedBy = id
        d.approvedByName = name
        d.approvedOn = day
        return d
    }
}

public enum TeamDecisionRules {
    /// A decision names a meeting day not after today, at least two participants each with a name, position and
    /// reason, a rationale, and when it changes the goal the new goals of children of the case (reunification is not
    /// a new goal). The family is told on or after the meeting.
    public static func check(_ d: TeamDecisionDetails, members: [CaseMembership], today: CalendarDate) throws(ValidationFailure) {
        var errors: [FieldError] = []
        func blank(_ s: String) -> Bool { s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        if d.date > today { errors.append(FieldError("date", .ruleDecisionFuture)) }
        if d.participants.count < 2 { errors.append(FieldError("participants", .ruleDecisionTwo)) }
        for (i, p) in d.participants.enumerated() {
            if blank(p.name) { errors.append(FieldError("participants.\(i).name", .ruleDecisionName)) }
            if blank(p.position) { errors.append(FieldError("participants.\(i).position", .ruleDecisionStood, each: { ["name": blank(p.name) ? Catalogue.text(.ruleDecisionThisOne, $0) : p.name] })) }
            if blank(p.reason) { errors.append(FieldError("participants.\(i).reason", .ruleDecisionReason, each: { ["name": blank(p.name) ? Catalogue.text(.ruleDecisionThisOne, $0) : p.name] })) }
        }
        if blank(d.rationale) { errors.append(FieldError("rationale", .ruleDecisionRationale)) }
        if d.decision == .changePermanencyGoal {
            if d.goalChanges.isEmpty {
                errors.append(FieldError("newGoal", .ruleDecisionNewGoal))
            }
            for (i, g) in d.goalChanges.enumerated() {
                if let missing = CaseMembership.requireChild(g.childID, among: members, field: "newGoal.\(i).childId") { errors.append(missing) }
                if g.primary == .reunification {
                    errors.append(FieldError("newGoal.\(i).primary", .ruleDecisionAway))
                }
                if g.concurrent == g.primary { errors.append(FieldError("newGoal.\(i).concurrent", .ruleDecisionConcurrent)) }
            }
        } else if !d.goalChanges.isEmpty {
            errors.append(FieldError("newGoal", .ruleDecisionOnlyChange))
        }
        if let told = d.familyInformed {
            if told.date < d.date { errors.append(FieldError("familyInformed.date", .ruleDecisionToldAfter, ["date": d.date.iso])) }
            if told.date > today { errors.append(FieldError("familyInformed.date", .ruleDecisionToldFuture)) }
            if blank(told.how) { errors.append(FieldError("familyInformed.how", .ruleDecisionHow)) }
            if blank(told.language) { errors.append(FieldError("familyInformed.language", .ruleDecisionLanguage)) }
        }
        try ValidationFailure.check(errors)
    }

    /// The goals a change of goal sets for a child when none is named: the concurrent goal becomes the goal.
    public static func promotedConcurrent(_ goals: PermanencyGoalDetails?) -> GoalChange? {
        guard let goals, let concurrent = goals.concurrent, concurrent != .reunification else { return nil }
        return GoalChange(childID: goals.childID, primary: concurrent, concurrent: nil)
    }
}
