import Foundation

/// Whether one person came to a visit, and, when it did not happen, who called it off.
public enum VisitAttendance: String, CodedValue {
    case attended
    case late
    case noShow = "no_show"
    case cancelledByFamily = "cancelled_by_family"
    case cancelledByCaregiver = "cancelled_by_caregiver"
    case cancelledByAgency = "cancelled_by_agency"

    public static let listName = "visit attendance"
    public var label: String {
        switch self {
        case .attended: "Attended"
        case .late: "Late"
        case .noShow: "Did not come"
        case .cancelledByFamily: "Cancelled by the family"
        case .cancelledByCaregiver: "Cancelled by the child's caregiver"
        case .cancelledByAgency: "Cancelled by the agency"
        }
    }

    public var present: Bool { self == .attended || self == .late }
}

public struct VisitAttendanceEntry: Equatable, Sendable, Codable {
    public var personID: PersonID
    public var status: VisitAttendance
    public init(personID: PersonID, status: VisitAttendance) {
        self.personID = personID
        self.status = status
    }
}

/// What the supervising person saw.
public struct VisitObservation: Equatable, Sendable, Codable {
    public var wentWell: String?
    public var concerns: String?
    public var childReaction: String?
    public init(wentWell: String? = nil, concerns: String? = nil, childReaction: String? = nil) {
        self.wentWell = wentWell
        self.concerns = concerns
        self.childReaction = childReaction
    }
}

/// What happened at a visit: who came, how it went (when it took place), and who recorded it when.
public struct VisitRecord: Equatable, Sendable, Codable {
    public var attendance: [VisitAttendanceEntry]
    public var quality: VisitQuality?
    public var observations: VisitObservation
    public var recordedAt: Date
    public var recordedBy: UserID

    public init(attendance: [VisitAttendanceEntry], quality: VisitQuality?, observations: VisitObservation, recordedAt: Date, recordedBy: UserID) {
        self.attendance = attendance
        self.quality = quality
        self.observations = observations
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
    }
}

/// One visit of a visit plan: when and where, who supervises, who it brings together, and once it has happened, its
/// record. `utcOffsetMinutes` keeps the offset the visit was scheduled in, so times read back as they were given.
public struct VisitDetails: Equatable, Sendable, Codable {
    public var planID: VisitPlanID
    public var childID: PersonID
    public var level: VisitLevel
    public var start: Date
    public var end: Date
    public var utcOffsetMinutes: Int
    public var location: String
    public var supervisorID: UserID?
    /// The child and the visitors.
    public var people: [PersonID]
    /// Entered after the fact: it happened but was not scheduled in Reunify.
    public var enteredAfterwards: Bool
    public var record: VisitRecord?

    public init(planID: VisitPlanID, childID: PersonID, level: VisitLevel, start: Date, end: Date, utcOffsetMinutes: Int, location: String,
                supervisorID: UserID?, people: [PersonID], enteredAfterwards: Bool = false, record: VisitRecord? = nil) {
        self.planID = planID
        self.childID = childID
        self.level = level
        self.start = start
        self.end = end
        self.utcOffsetMinutes = utcOffsetMinutes
        self.location = location
        self.supervisorID = supervisorID
        self.people = people
        self.enteredAfterwards = enteredAfterwards
        self.record = record
    }

    /// Called off by the agency: it does not count against the family.
    public var cancelledByAgency: Bool {
        record?.attendance.contains { $0.status == .cancelledByAgency } ?? false
    }

    /// Took place: the child and at least one visitor were there (a child not listed in the attendance is taken to have
    /// been there, as visits are recorded by who of the family came).
    public var tookPlace: Bool {
        guard let record else { return false }
        let child = record.attendance.first { $0.personID == childID }
        if let child, !child.status.present { return false }
        return record.attendance.contains { $0.personID != childID && $0.status.present }
    }

    /// The day it falls on where it was scheduled.
    public var localDate: CalendarDate { VisitTimes.day(start, offsetMinutes: utcOffsetMinutes) }

    /// The slot it takes: its people, its supervisor and its room.
    public func slot(id: UUID?) -> VisitSlot {
        var who = Set(people.map(\.uuid))
        if let s = supervisorID { who.insert(s.uuid) }
        return VisitSlot(visitID: id, start: start, end: end, people: who, place: location)
    }
}

/// Times as a person reads them, in the offset the visit was given in.
public enum VisitTimes {
    public static func clock(_ instant: Date, offsetMinutes: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: offsetMinutes * 60) ?? .gmt
        let c = calendar.dateComponents([.hour, .minute], from: instant)
        return String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0)
    }

    /// A local day and a clock time ("9:30", "14:00") in `zone`: the instant and its offset from UTC then.
    public static func instant(on day: CalendarDate, at clock: String, in zone: TimeZone) -> (Date, Int)? {
        let parts = clock.trimmingCharacters(in: .whitespaces).split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), parts[1].count == 2, (0..<24).contains(h), (0..<60).contains(m) else {
            return nil
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        guard let date = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: h, minute: m)) else { return nil }
        return (date, zone.secondsFromGMT(for: date) / 60)
    }

    /// The local day an instant falls on at `offsetMinutes`.
    public static func day(_ instant: Date, offsetMinutes: Int) -> CalendarDate {
        CalendarDate(instant.addingTimeInterval(TimeInterval(offsetMinutes * 60)))
    }

    public static func span(_ start: Date, _ end: Date, offsetMinutes: Int) -> String {
        "\(clock(start, offsetMinutes: offsetMinutes))–\(clock(end, offsetMinutes: offsetMinutes))"
    }

    /// A visit's day and hours as read in `zone` (the agency's, on pages): "2026-12-04 13:00–14:00".
    public static func when(_ visit: VisitDetails, in zone: TimeZone) -> String {
        let offset = zone.secondsFromGMT(for: visit.start) / 60
        return "\(day(visit.start, offsetMinutes: offset).iso) \(span(visit.start, visit.end, offsetMinutes: offset))"
    }
}

/// A new visit refused because it clashes with others; nothing was saved.
public struct VisitClash: Error, Equatable, Sendable {
    public struct Conflict: Equatable, Sendable {
        public let visitID: UUID
        public let start: Date
        public let end: Date
        /// Whom or what the visits share: a person's name, a supervisor's, or the room.
        public let who: String
        public let sentence: String
    }

    public let conflicts: [Conflict]
    public var message: String { conflicts.map(\.sentence).joined(separator: "; ") }

    /// Names each clash: the people both visits bring together (by `names`), and the room when it is the same.
    public static func naming(_ clashes: [VisitSlot], for slot: VisitSlot, names: [UUID: String], offsetMinutes: Int) -> VisitClash {
        let conflicts = clashes.compactMap { other -> Conflict? in
            guard let id = other.visitID else { return nil }
            let shared = slot.people.intersection(other.people).compactMap { names[$0] }.sorted()
            let sameDay = VisitTimes.day(other.start, offsetMinutes: offsetMinutes) == VisitTimes.day(slot.start, offsetMinutes: offsetMinutes)
            let when = "\(VisitTimes.span(other.start, other.end, offsetMinutes: offsetMinutes)) \(sameDay ? "that day" : "then")"
            let who: String, sentence: String
            if let first = shared.first {
                who = shared.count <= 2 ? shared.joined(separator: " and ")
                    : shared.dropLast().joined(separator: ", ") + " and " + shared.last!
                sentence = shared.count == 1 ? "\(first) has a visit \(when)" : "\(who) have a visit \(when)"
            } else {
                who = other.place ?? "the room"
                sentence = "\(who) is taken by another visit \(when)"
            }
            return Conflict(visitID: id, start: other.start, end: other.end, who: who, sentence: sentence)
        }
        return VisitClash(conflicts: conflicts)
    }
}

public enum VisitRules {
    /// The most visits one request schedules (two a week for a year), and the longest gap between them in a series.
    public static let longestSeries = 104
    public static let longestRepeatDays = 31
    /// Visitation is read over this many days up to the period's end when no start is given (the API, the court report).
    public static let defaultVisitationDays = 90

    /// A series is all or nothing, and bounded.
    public static func checkSeries(count: Int) throws(ValidationFailure) {
        guard count >= 1 else { throw ValidationFailure(field: "count", .ruleVisitAtLeastOne) }
        guard count <= longestSeries else {
            throw ValidationFailure(field: "count", .ruleVisitAtMost, ["count": String(longestSeries)])
        }
    }

    /// The period a reunification review counts visits over: from the day after the child's last review, or from
    /// removal, or (with neither) the last 180 days.
    public static func reviewPeriodStart(lastReview: CalendarDate?, removal: CalendarDate?, today: CalendarDate) -> CalendarDate {
        lastReview.map { $0.adding(days: 1) } ?? removal ?? today.adding(days: -180)
    }

    /// A visit is scheduled from a plan: in the future (one that already happened is entered with its record), ending
    /// after it starts, as long as the level allows, at a place, with a supervisor where the level needs one.
    public static func checkSchedule(_ visit: VisitDetails, now: Date) throws(ValidationFailure) {
        var errors: [FieldError] = []
        do { try VisitScheduling.check(start: visit.start, end: visit.end, level: visit.level) } catch { errors += error.errors }
        if visit.location.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors.append(FieldError("location", .ruleVisitWhere))
        }
        if visit.level.needsSupervisor && visit.supervisorID == nil {
            errors.append(FieldError("supervisorId", .ruleVisitSupervisor, each: { ["level": visit.level.staffLabel($0)] }))
        }
        if visit.record == nil && visit.start < now {
            errors.append(FieldError("start", .ruleVisitPassed))
        }
        if visit.record != nil && visit.start > now {
            errors.append(FieldError("start", .ruleVisitNotYet))
        }
        if visit.level == .trialHomeVisit {
            errors.append(FieldError("planId", .ruleVisitTrialHome))
        }
        try ValidationFailure.check(errors)
    }

    /// A visit is recorded once it has started: attendance for people the visit brings together, each once; a visit
    /// that took place has a quality rating; one that was called off names who called it off.
    public static func checkRecord(_ record: VisitRecord, of visit: VisitDetails, now: Date) throws(ValidationFailure) {
        var errors: [FieldError] = []
        if visit.start > now {
            errors.append(FieldError("start", .ruleVisitNotYet))
        }
        if record.attendance.isEmpty { errors.append(FieldError("attendance", .ruleVisitWhoCame)) }
        let people = Set(visit.people)
        for (i, entry) in record.attendance.enumerated() where !people.contains(entry.personID) {
            errors.append(FieldError("attendance.\(i).personId", "Person \(entry.personID) is not one of this visit's family"))
        }
        if Set(record.attendance.map(\.personID)).count != record.attendance.count {
            errors.append(FieldError("attendance", .ruleVisitOnce))
        }
        var happened = visit
        happened.record = record
        if happened.tookPlace && record.quality == nil {
            errors.append(FieldError("quality", .ruleVisitRate))
        }
        if !happened.tookPlace && record.quality != nil {
            errors.append(FieldError("quality", .ruleVisitNobody))
        }
        if record.quality == .harmful && (record.observations.concerns ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors.append(FieldError("observations.concerns", .ruleVisitHarmful))
        }
        try ValidationFailure.check(errors)
    }
}

/// The visitation part of a reunification review, computed from recorded visits.
public struct VisitationFigures: Equatable, Sendable {
    /// Visits due in the period (an agency's cancellation is not counted against the family).
    public var scheduled: Int
    /// Visits that took place.
    public var attended: Int
    /// The most frequent rating of the visits that took place (the lower one on a tie); harmful if any was harmful.
    public var quality: VisitQuality?
    /// How many of them have a record.
    public var recorded: Int

    /// The child's visits whose day falls between `from` and `to` (both included), counting those that have started by
    /// `now` or are recorded.
    public static func of<ID>(_ visits: [(id: ID, details: VisitDetails)], childID: PersonID, from: CalendarDate, to: CalendarDate,
                              now: Date) -> (figures: VisitationFigures, counted: [(id: ID, details: VisitDetails)]) {
        let counted = visits.filter { v in
            v.details.childID == childID && v.details.localDate >= from && v.details.localDate <= to
                && (v.details.record != nil || v.details.start <= now) && !v.details.cancelledByAgency
        }.sorted { $0.details.start < $1.details.start }
        let happened = counted.filter { $0.details.tookPlace }
        let ratings = happened.compactMap { $0.details.record?.quality }
        return (VisitationFigures(scheduled: counted.count, attended: happened.count, quality: summaryQuality(ratings),
                                  recorded: counted.filter { $0.details.record != nil }.count), counted)
    }

    public static func summaryQuality(_ ratings: [VisitQuality]) -> VisitQuality? {
        guard !ratings.isEmpty else { return nil }
        if ratings.contains(.harmful) { return .harmful }
        let order: [VisitQuality] = [.harmful, .limited, .adequate, .strong]
        let counts = Dictionary(grouping: ratings, by: { $0 }).mapValues(\.count)
        let top = counts.values.max()!
        return order.first { counts[$0] == top }
    }
}
