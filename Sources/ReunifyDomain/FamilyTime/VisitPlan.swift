import Foundation

/// How family time gets to happen: transport, an interpreter, travel across towns or borders, and its cost.
public struct VisitLogistics: Equatable, Sendable, Codable {
    public var transport: String?
    /// The language (a BCP 47 tag) an interpreter at the visit speaks, where one is needed.
    public var interpreterLanguage: String?
    public var travel: String?
    public var cost: String?

    public init(transport: String? = nil, interpreterLanguage: String? = nil, travel: String? = nil, cost: String? = nil) {
        self.transport = transport
        self.interpreterLanguage = interpreterLanguage
        self.travel = travel
        self.cost = cost
    }

    public var isEmpty: Bool { [transport, interpreterLanguage, travel, cost].allSatisfy { ($0 ?? "").isEmpty } }
}

/// One child's family time with some of their family: who comes, at what level, how often and for how long, where,
/// who supervises, the conditions it is held on, and when the plan is next looked at. A child may have several plans,
/// one per parent say.
public struct VisitPlanDetails: Equatable, Sendable, Codable {
    public var childID: PersonID
    public var level: VisitLevel
    /// Who visits the child: parents, siblings, kin (members of the case).
    public var participants: [PersonID]
    /// How often, in words: "twice a week", "every Saturday".
    public var frequency: String
    public var durationMinutes: Int
    public var location: String
    /// The member of staff who supervises, where the level needs one.
    public var supervisorID: UserID?
    /// What the visits are held on, such as "no visits while under the influence".
    public var conditions: String?
    public var logistics: VisitLogistics?
    /// The court order that governs this child's visits, if one does: a step up then records the order allowing it.
    public var courtOrder: String?
    public var reviewOn: CalendarDate?

    public init(childID: PersonID, level: VisitLevel, participants: [PersonID], frequency: String, durationMinutes: Int, location: String,
                supervisorID: UserID? = nil, conditions: String? = nil, logistics: VisitLogistics? = nil, courtOrder: String? = nil,
                reviewOn: CalendarDate? = nil) {
        self.childID = childID
        self.level = level
        self.participants = participants
        self.frequency = frequency
        self.durationMinutes = durationMinutes
        self.location = location
        self.supervisorID = supervisorID
        self.conditions = conditions
        self.logistics = logistics
        self.courtOrder = courtOrder
        self.reviewOn = reviewOn
    }

    /// Every person a visit of this plan brings together: the child and the visitors.
    public var people: [PersonID] { [childID] + participants.filter { $0 != childID } }
}

public enum VisitPlanRules {
    /// The longest visit a plan may set, in minutes (a day); nights away are planned at overnight or above.
    public static let longestDayVisit = 24 * 60

    /// A plan names a child of the case and visitors who are members of it (not the child), a frequency, a length, a
    /// place, a supervisor where the level needs one, and language codes where it names a language. A plan is made at
    /// a level below a trial home visit: a child goes home on trial through a level change, which places them there.
    public static func check(_ plan: VisitPlanDetails, members: [CaseMembership], staff: Set<UserID>, today: CalendarDate,
                             creating: Bool) throws(ValidationFailure) {
        var errors: [FieldError] = []
        if let missing = CaseMembership.requireChild(plan.childID, among: members) { errors.append(missing) }
        let memberIDs = Set(members.map(\.personID))
        if plan.participants.isEmpty { errors.append(FieldError("participants", .rulePlanVisitors)) }
        for (i, p) in plan.participants.enumerated() {
            if p == plan.childID {
                errors.append(FieldError("participants.\(i)", .rulePlanChildVisitor))
            } else if !memberIDs.contains(p) {
                errors.append(FieldError("participants.\(i)", .rulePlanNotMember, ["id": p.description]))
            }
        }
        if Set(plan.participants).count != plan.participants.count {
            errors.append(FieldError("participants", .rulePlanVisitorOnce))
        }
        if plan.frequency.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors.append(FieldError("frequency", .rulePlanFrequency))
        }
        if plan.durationMinutes < 15 { errors.append(FieldError("durationMinutes", .rulePlanMinutes)) }
        if plan.level < .overnight && plan.durationMinutes > longestDayVisit {
            errors.append(FieldError("durationMinutes", .rulePlanOneDay, each: { ["level": plan.level.staffLabel($0).lowercased()] }))
        }
        if plan.location.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors.append(FieldError("location", .rulePlanWhere))
        }
        if plan.level.needsSupervisor && plan.supervisorID == nil {
            errors.append(FieldError("supervisorId", .ruleVisitSupervisor, each: { ["level": plan.level.staffLabel($0)] }))
        }
        if let s = plan.supervisorID, !staff.contains(s) {
            errors.append(FieldError("supervisorId", .rulePlanStaff))
        }
        if let language = plan.logistics?.interpreterLanguage, !language.isEmpty, !Languages.isTag(language) {
            errors.append(FieldError("logistics.interpreterLanguage", .rulePlanLanguage, ["code": language]))
        }
        if creating && plan.level == .trialHomeVisit {
            errors.append(FieldError("level", .rulePlanTrialHome))
        }
        if let review = plan.reviewOn, creating, review < today {
            errors.append(FieldError("reviewOn", .rulePlanReview))
        }
        try ValidationFailure.check(errors)
    }
}
