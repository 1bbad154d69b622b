import Foundation

/// Whether the court found that the agency made the efforts the law asks of it: reasonable efforts (ASFA) or, for an
/// Indian child, active efforts (ICWA) to prevent removal or to reunify.
public enum EffortsFinding: String, CodedValue {
    case made
    case notMade = "not_made"
    public static let listName = "efforts finding"
    public var label: String {
        switch self {
        case .made: "Made"
        case .notMade: "Not made"
        }
    }
}

/// A court hearing about one or more children of a case. Dated after today it is a scheduled one; findings and
/// orders are recorded once it has been held.
public struct HearingDetails: Equatable, Sendable, Codable {
    public var childIDs: [PersonID]
    public var kind: HearingKind
    public var date: CalendarDate
    /// The judge, magistrate or court that heard it.
    public var court: String?
    /// Who attended, in words ("mother with counsel, caseworker, guardian ad litem").
    public var attended: [String]
    public var reasonableEfforts: EffortsFinding?
    public var activeEfforts: EffortsFinding?
    public var findings: String?
    public var orders: String?
    /// The next date the court set.
    public var nextDate: CalendarDate?

    public init(childIDs: [PersonID], kind: HearingKind, date: CalendarDate, court: String? = nil, attended: [String] = [],
                reasonableEfforts: EffortsFinding? = nil, activeEfforts: EffortsFinding? = nil, findings: String? = nil,
                orders: String? = nil, nextDate: CalendarDate? = nil) {
        self.childIDs = childIDs
        self.kind = kind
        self.date = date
        self.court = court
        self.attended = attended
        self.reasonableEfforts = reasonableEfforts
        self.activeEfforts = activeEfforts
        self.findings = findings
        self.orders = orders
        self.nextDate = nextDate
    }

    public func isHeld(today: CalendarDate) -> Bool { date <= today }
    /// "held" or "scheduled", as the API and the stored record say it.
    public func state(today: CalendarDate) -> String { isHeld(today: today) ? "held" : "scheduled" }
    public var hasOutcome: Bool { reasonableEfforts != nil || activeEfforts != nil || findings != nil || orders != nil }
}

/// How far ahead a hearing may be scheduled, and how far back one may be entered.
public enum HearingRules {
    public static let furthestAheadYears = 3
    public static let earliestYear = 1990

    /// A hearing concerns children of the case (each once), is dated, holds findings and orders only once it has been
    /// held, finds active efforts only for a child ICWA may apply to, and sets a next date after its own.
    public static func check(_ h: HearingDetails, members: [CaseMembership], icwaChildren: Set<PersonID>,
                             today: CalendarDate) throws(ValidationFailure) {
        var errors: [FieldError] = []
        if h.childIDs.isEmpty { errors.append(FieldError("childIds", .ruleHearingChildren)) }
        if Set(h.childIDs).count != h.childIDs.count { errors.append(FieldError("childIds", .ruleHearingChildOnce)) }
        for (i, child) in h.childIDs.enumerated() {
            if let missing = CaseMembership.requireChild(child, among: members, field: "childIds.\(i)") { errors.append(missing) }
        }
        if h.date.year < earliestYear { errors.append(FieldError("date", .ruleHearingEarly, ["year": String(earliestYear)])) }
        if h.date > today.adding(months: furthestAheadYears * 12) {
            errors.append(FieldError("date", .ruleHearingAhead, ["years": String(furthestAheadYears)]))
        }
        if !h.isHeld(today: today) && h.hasOutcome {
            errors.append(FieldError("findings", .ruleHearingFuture, ["date": h.date.iso]))
        }
        if h.activeEfforts != nil, !h.childIDs.contains(where: icwaChildren.contains) {
            errors.append(FieldError("activeEfforts", .ruleHearingActive))
        }
        if let next = h.nextDate, next <= h.date {
            errors.append(FieldError("nextDate", .ruleHearingNext, ["date": h.date.iso]))
        }
        try ValidationFailure.check(errors)
    }
}

/// Why a petition to terminate parental rights is not filed for a child at 15 of the most recent 22 months in care.
public struct TPRExceptionDetails: Equatable, Sendable, Codable {
    public var childID: PersonID
    public var reason: TPRExceptionReason
    public var note: String
    public var recordedBy: UserID
    public var recordedByName: String
    public var recordedOn: CalendarDate

    public init(childID: PersonID, reason: TPRExceptionReason, note: String, recordedBy: UserID, recordedByName: String, recordedOn: CalendarDate) {
        self.childID = childID
        self.reason = reason
        self.note = note
        self.recordedBy = recordedBy
        self.recordedByName = recordedByName
        self.recordedOn = recordedOn
    }
}

public enum TPRExceptionRules {
    /// An exception is recorded for a child of the case who is in care, with a note saying why; "placed with a
    /// relative" holds only while the child's current placement is with relatives.
    public static func check(_ e: TPRExceptionDetails, members: [CaseMembership], inCare: Bool,
                             currentSetting: PlacementSetting?) throws(ValidationFailure) {
        if let missing = CaseMembership.requireChild(e.childID, among: members) { throw ValidationFailure([missing]) }
        var errors: [FieldError] = []
        if !inCare { errors.append(FieldError("childId", .ruleExceptionInCare)) }
        if e.note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors.append(FieldError("note", .ruleExceptionNote))
        }
        if e.reason == .relativePlacement, inCare, currentSetting != .relativeFosterHome {
            errors.append(FieldError("reason", .ruleExceptionRelative, each: { language in
                ["setting": currentSetting?.staffLabel(language).lowercased() ?? Catalogue.text(.ruleExceptionNoSetting, language)]
            }))
        }
        try ValidationFailure.check(errors)
    }
}

/// One ICWA notice of a hearing: to whom (a parent, an Indian custodian, the tribe, or the Bureau of Indian Affairs),
/// when it was sent, and when it was received (the return receipt).
public struct ICWANoticeDetails: Equatable, Sendable, Codable {
    public var childID: PersonID
    public var hearingID: HearingID
    public var recipient: String
    public var sent: CalendarDate
    public var received: CalendarDate?

    public init(childID: PersonID, hearingID: HearingID, recipient: String, sent: CalendarDate, received: CalendarDate? = nil) {
        self.childID = childID
        self.hearingID = hearingID
        self.recipient = recipient
        self.sent = sent
        self.received = received
    }
}

public enum ICWANoticeRules {
    /// A notice names a recipient, a hearing about the child, a sending day not after today, and a receiving day
    /// between the sending day and today.
    public static func check(_ n: ICWANoticeDetails, members: [CaseMembership], hearing: HearingDetails?,
                             today: CalendarDate) throws(ValidationFailure) {
        var errors: [FieldError] = []
        if let missing = CaseMembership.requireChild(n.childID, among: members) { errors.append(missing) }
        if let hearing {
            if !hearing.childIDs.contains(n.childID) { errors.append(FieldError("hearingId", .ruleNoticeHearingChild)) }
        } else {
            errors.append(FieldError("hearingId", .ruleNoticeHearing))
        }
        if n.recipient.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors.append(FieldError("recipient", .ruleNoticeRecipient))
        }
        if n.sent > today { errors.append(FieldError("sent", .ruleNoticeSent)) }
        if let received = n.received {
            if received < n.sent { errors.append(FieldError("received", .ruleNoticeReceivedBefore, ["date": n.sent.iso])) }
            if received > today { errors.append(FieldError("received", .ruleNoticeReceivedFuture)) }
        }
        try ValidationFailure.check(errors)
    }
}

/// An aftercare follow-up of a child who went home (or to relatives or a guardian): whether the child was seen, how
/// they are, concerns, and services still needed.
public struct FollowUpDetails: Equatable, Sendable, Codable {
    public var childID: PersonID
    public var date: CalendarDate
    public var seen: Bool
    public var wellbeing: String
    public var concerns: String?
    public var servicesNeeded: String?

    public init(childID: PersonID, date: CalendarDate, seen: Bool, wellbeing: String, concerns: String? = nil, servicesNeeded: String? = nil) {
        self.childID = childID
        self.date = date
        self.seen = seen
        self.wellbeing = wellbeing
        self.concerns = concerns
        self.servicesNeeded = servicesNeeded
    }
}

public enum FollowUpRules {
    /// The discharges aftercare follows.
    public static let followed: Set<DischargeReason> = [.reunification, .liveWithRelative, .guardianship]

    /// A follow-up is of a child of the case discharged to reunification, a relative or guardianship, on a day from
    /// that discharge to today, saying how the child is.
    public static func check(_ f: FollowUpDetails, members: [CaseMembership], episodes: [RemovalEpisodeDetails],
                             today: CalendarDate) throws(ValidationFailure) {
        if let missing = CaseMembership.requireChild(f.childID, among: members) { throw ValidationFailure([missing]) }
        var errors: [FieldError] = []
        let discharges = episodes.filter { $0.childID == f.childID }.compactMap { e -> CalendarDate? in
            guard let day = e.dischargeDate, let reason = e.dischargeReason, followed.contains(reason) else { return nil }
            return day
        }
        if discharges.isEmpty {
            errors.append(FieldError("childId", .ruleFollowUpDischarge))
        } else if let first = discharges.min(), f.date < first {
            errors.append(FieldError("date", .ruleFollowUpAfter, ["date": first.iso]))
        }
        if f.date > today { errors.append(FieldError("date", .ruleFollowUpFuture)) }
        if f.wellbeing.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors.append(FieldError("wellbeing", .ruleFollowUpHow))
        }
        try ValidationFailure.check(errors)
    }
}
