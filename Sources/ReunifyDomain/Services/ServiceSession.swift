import Foundation

/// What kind of contact a session was.
public enum SessionKind: String, CodedValue {
    case parentingTraining = "parenting_training"
    case familyTherapy = "family_therapy"
    case individualTherapy = "individual_therapy"
    case reunificationTherapy = "reunification_therapy"
    case caseManagement = "case_management"
    case homeVisit = "home_visit"

    public static let listName = "session kind"
    public var label: String {
        switch self {
        case .parentingTraining: "Parenting skills training"
        case .familyTherapy: "Family therapy"
        case .individualTherapy: "Individual therapy"
        case .reunificationTherapy: "Reunification therapy (child and parent)"
        case .caseManagement: "Case-management contact"
        case .homeVisit: "Home visit"
        }
    }
}

/// Whether a participant came.
public enum Attendance: String, CodedValue {
    case attended
    case late
    case noShow = "no_show"
    case cancelledByFamily = "cancelled_by_family"
    case cancelledByProvider = "cancelled_by_provider"

    public static let listName = "attendance"
    public var label: String {
        switch self {
        case .attended: "Attended"
        case .late: "Late"
        case .noShow: "Did not come"
        case .cancelledByFamily: "Cancelled by the family"
        case .cancelledByProvider: "Cancelled by the provider"
        }
    }

    /// Counted as present in an attendance rate (late is present); a provider's cancellation is not counted at all.
    public var present: Bool? {
        switch self {
        case .attended, .late: true
        case .noShow, .cancelledByFamily: false
        case .cancelledByProvider: nil
        }
    }
}

public struct SessionParticipant: Equatable, Sendable, Codable {
    public var personID: PersonID
    public var attendance: Attendance
    public init(personID: PersonID, attendance: Attendance) {
        self.personID = personID
        self.attendance = attendance
    }
}

/// Progress noted against one objective of the plan.
public struct ProgressNote: Equatable, Sendable, Codable {
    public var objectiveID: UUID
    public var note: String
    public init(objectiveID: UUID, note: String) {
        self.objectiveID = objectiveID
        self.note = note
    }
}

/// One session of a service: when, how long, who came, and progress toward the plan's objectives. The clinical note,
/// when there is one, is kept apart and shown only to those `AccessPolicy` allows (`clinicalNote`).
public struct SessionDetails: Equatable, Sendable, Codable {
    public var kind: SessionKind
    public var date: CalendarDate
    public var durationMinutes: Int
    public var serviceID: ServiceID?
    public var participants: [SessionParticipant]
    public var progress: [ProgressNote]

    public init(kind: SessionKind, date: CalendarDate, durationMinutes: Int, serviceID: ServiceID? = nil, participants: [SessionParticipant],
                progress: [ProgressNote] = []) {
        self.kind = kind
        self.date = date
        self.durationMinutes = durationMinutes
        self.serviceID = serviceID
        self.participants = participants
        self.progress = progress
    }
}

public enum SessionRules {
    /// A session is recorded once it has happened; it lasts 1 minute to 12 hours; it names its participants, each a
    /// member of the case once; progress names objectives of the case's plans and says something.
    public static func check(_ s: SessionDetails, today: CalendarDate, members: Set<PersonID>, objectives: Set<UUID>) throws(ValidationFailure) {
        var errors: [FieldError] = []
        if s.date > today { errors.append(FieldError("date", .ruleSessionDate)) }
        if !(1...720).contains(s.durationMinutes) { errors.append(FieldError("durationMinutes", .ruleSessionMinutes)) }
        if s.participants.isEmpty { errors.append(FieldError("participants", .ruleSessionParticipants)) }
        var seen: Set<PersonID> = []
        for (i, p) in s.participants.enumerated() {
            if !members.contains(p.personID) {
                errors.append(FieldError("participants[\(i)].personId", .ruleSessionNotMember))
            } else if !seen.insert(p.personID).inserted {
                errors.append(FieldError("participants[\(i)].personId", .ruleSessionOnce))
            }
        }
        for (i, p) in s.progress.enumerated() {
            if !objectives.contains(p.objectiveID) {
                errors.append(FieldError("progress[\(i)].objectiveId", .ruleSessionObjective))
            }
            if p.note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                errors.append(FieldError("progress[\(i)].note", .ruleSessionProgress))
            }
        }
        try ValidationFailure.check(errors)
    }

    /// The share of expected attendances that were kept (late counts as kept; a provider's cancellation is left out);
    /// nil when nothing counts yet.
    public static func attendanceRate(_ sessions: [SessionDetails], of person: PersonID? = nil) -> Double? {
        let counted = sessions.flatMap(\.participants).filter { person == nil || $0.personID == person }.compactMap(\.attendance.present)
        guard !counted.isEmpty else { return nil }
        return Double(counted.filter { $0 }.count) / Double(counted.count)
    }
}

/// Who reads a session's clinical note: the clinicians on the case's team, the supervisor, and the provider staff
/// member who wrote it; never legal, the parent or other staff.
public enum ClinicalNoteAccess {
    public static func mayRead(_ actor: Actor, caseDecision: AccessDecision, author: UserID) -> Bool {
        if actor.id == author && (actor.role == .provider || actor.role == .clinician) { return true }
        return caseDecision.isAllowed
    }
}
