import Foundation
import Vapor
import ReunifyDomain
import ReunifyStore

/// Date-times as the API takes and gives them: ISO 8601 with an offset.
enum APIDateTime {
    /// Parses `2026-12-03T10:00:00-08:00` (seconds and fractions optional, `Z` for UTC) into the instant and the offset
    /// it was written in. A date-time without an offset is refused: a visit's time means nothing without one.
    static func parse(_ text: String?, field: String) throws(ValidationFailure) -> (Date, Int)? {
        guard let raw = text?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
        let pattern = #"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$"#
        guard let match = raw.range(of: pattern, options: .regularExpression), match == raw.startIndex..<raw.endIndex else {
            throw ValidationFailure(field: field, "'\(raw)' is not a date-time with an offset; write it like 2026-12-03T10:00:00-08:00")
        }
        let chars = Array(raw)
        func number(_ from: Int, _ count: Int) -> Int { Int(String(chars[from..<(from + count)]))! }
        let year = number(0, 4), month = number(5, 2), day = number(8, 2), hour = number(11, 2), minute = number(14, 2)
        let second = chars.count > 16 && chars[16] == ":" ? number(17, 2) : 0
        var offset = 0
        if raw.hasSuffix("Z") {
            offset = 0
        } else {
            let zone = raw.suffix(from: raw.lastIndex(where: { $0 == "+" || $0 == "-" })!)
            let digits = zone.dropFirst().replacingOccurrences(of: ":", with: "")
            guard digits.count == 4, let h = Int(digits.prefix(2)), let m = Int(digits.suffix(2)), h <= 18, m < 60 else {
                throw ValidationFailure(field: field, "'\(raw)' has an offset that is not one; write it like -08:00")
            }
            offset = (h * 60 + m) * (zone.first == "-" ? -1 : 1)
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: offset * 60) ?? .gmt
        let parts = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61, parts.isValidDate(in: calendar),
              let instant = calendar.date(from: parts), (1900...9999).contains(year) else {
            throw ValidationFailure(field: field, "'\(raw)' is not a real date and time")
        }
        return (instant, offset)
    }

    static func required(_ text: String?, field: String) throws(ValidationFailure) -> (Date, Int) {
        guard let value = try parse(text, field: field) else { throw ValidationFailure(field: field, "Give the \(field) as a date-time with an offset") }
        return value
    }

    /// An instant written in the offset it was given in.
    static func format(_ instant: Date, offsetMinutes: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: offsetMinutes * 60) ?? .gmt
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
        let sign = offsetMinutes < 0 ? "-" : "+"
        let o = abs(offsetMinutes)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d%@%02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!,
                      offsetMinutes == 0 ? "+" : sign, o / 60, o % 60)
    }
}

struct LogisticsBody: Content {
    var transport: String?
    var interpreterLanguage: String?
    var travel: String?
    var cost: String?

    init(_ l: VisitLogistics) {
        transport = l.transport
        interpreterLanguage = l.interpreterLanguage
        travel = l.travel
        cost = l.cost
    }

    var value: VisitLogistics? {
        let l = VisitLogistics(transport: transport.nonEmpty, interpreterLanguage: interpreterLanguage.nonEmpty, travel: travel.nonEmpty, cost: cost.nonEmpty)
        return l.isEmpty ? nil : l
    }
}

extension Optional where Wrapped == String {
    /// Trimmed, and nil when nothing is left.
    var nonEmpty: String? {
        guard let t = self?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
        return t
    }
}

struct VisitPlanInput: Content {
    var childId: UUID
    var level: String
    var participants: [UUID]
    var frequency: String
    var durationMinutes: Int
    var location: String
    var supervisorId: UUID?
    var conditions: String?
    var logistics: LogisticsBody?
    var courtOrder: String?
    var reviewOn: String?
    var version: Int?

    func value() throws -> VisitPlanDetails {
        VisitPlanDetails(childID: PersonID(childId), level: try VisitLevel.api(level, field: "level"), participants: participants.map(PersonID.init),
                         frequency: frequency.trimmingCharacters(in: .whitespacesAndNewlines), durationMinutes: durationMinutes,
                         location: location.trimmingCharacters(in: .whitespacesAndNewlines), supervisorID: supervisorId.map(UserID.init),
                         conditions: conditions.nonEmpty, logistics: logistics?.value, courtOrder: courtOrder.nonEmpty,
                         reviewOn: try CalendarDate.api(reviewOn, field: "reviewOn"))
    }
}

struct VisitPlanDTO: Content {
    let id: UUID
    let caseId: UUID
    let childId: UUID
    let level: String
    let participants: [UUID]
    let frequency: String
    let durationMinutes: Int
    let location: String
    let supervisorId: UUID?
    let conditions: String?
    let logistics: LogisticsBody?
    let courtOrder: String?
    let reviewOn: String?
    let version: Int

    init(_ r: Recorded<VisitPlanSubject, VisitPlanDetails>, caseID: CaseID) {
        let d = r.details
        id = r.id.uuid
        caseId = caseID.uuid
        childId = d.childID.uuid
        level = d.level.rawValue
        participants = d.participants.map(\.uuid)
        frequency = d.frequency
        durationMinutes = d.durationMinutes
        location = d.location
        supervisorId = d.supervisorID?.uuid
        conditions = d.conditions
        logistics = d.logistics.map(LogisticsBody.init)
        courtOrder = d.courtOrder
        reviewOn = d.reviewOn?.iso
        version = r.version
    }
}

struct LevelChangeInput: Content {
    var to: String
    var reason: String
    var courtOrder: String?
}

struct LevelChangeDTO: Content {
    let id: UUID
    let planId: UUID
    let from: String
    let to: String
    let reason: String
    let courtOrder: String?
    let status: String
    let stepUp: Bool
    let requestedOn: String
    let requestedBy: UUID
    let safetyAssessmentId: UUID?
    let approvedBy: UUID?
    let approvedOn: String?
    let acknowledged: Bool
    let version: Int

    init(_ r: Recorded<LevelChangeSubject, LevelChangeRecord>) {
        let d = r.details
        id = r.id.uuid
        planId = d.planID.uuid
        from = d.change.from.rawValue
        to = d.change.to.rawValue
        reason = d.change.reason
        courtOrder = d.change.courtOrder
        status = d.change.status.rawValue
        stepUp = d.change.isStepUp
        requestedOn = d.requestedOn.iso
        requestedBy = d.requestedBy.uuid
        safetyAssessmentId = d.safetyAssessmentID?.uuid
        approvedBy = d.approvedBy?.uuid
        approvedOn = d.approvedOn?.iso
        acknowledged = d.acknowledgedBy != nil
        version = r.version
    }
}

struct SafetyAssessmentInput: Content {
    var childId: UUID
    var date: String
    var dangerIndicators: [String]
    var protectiveCapacities: [String]?
    var decision: String
    var safetyPlan: String?

    func value() throws -> SafetyAssessmentDetails {
        guard let day = try CalendarDate.api(date, field: "date") else { throw ValidationFailure(field: "date", "Give the date of the assessment") }
        return SafetyAssessmentDetails(childID: PersonID(childId), date: day,
                                       dangerIndicators: dangerIndicators.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) },
                                       protectiveCapacities: (protectiveCapacities ?? []).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                                           .filter { !$0.isEmpty },
                                       decision: try SafetyAssessmentDecision.api(decision, field: "decision"), safetyPlan: safetyPlan.nonEmpty)
    }
}

struct SafetyAssessmentDTO: Content {
    let id: UUID
    let caseId: UUID
    let childId: UUID
    let date: String
    let dangerIndicators: [String]
    let protectiveCapacities: [String]
    let decision: String
    let safetyPlan: String?
    let version: Int

    init(_ r: Recorded<SafetyAssessmentSubject, SafetyAssessmentDetails>, caseID: CaseID) {
        id = r.id.uuid
        caseId = caseID.uuid
        childId = r.details.childID.uuid
        date = r.details.date.iso
        dangerIndicators = r.details.dangerIndicators
        protectiveCapacities = r.details.protectiveCapacities
        decision = r.details.decision.rawValue
        safetyPlan = r.details.safetyPlan
        version = r.version
    }
}

struct AttendanceBody: Content {
    var personId: UUID
    var status: String
}

struct ObservationsBody: Content {
    var wentWell: String?
    var concerns: String?
    var childReaction: String?
}

/// What happened at a visit, as sent.
struct VisitRecordInput: Content {
    var attendance: [AttendanceBody]
    var quality: String?
    var observations: ObservationsBody?

    func value() throws -> FamilyTimeCommands.VisitOutcome {
        var entries: [VisitAttendanceEntry] = []
        for (i, a) in attendance.enumerated() {
            entries.append(VisitAttendanceEntry(personID: PersonID(a.personId), status: try VisitAttendance.api(a.status, field: "attendance.\(i).status")))
        }
        return .init(attendance: entries, quality: try VisitQuality.api(quality, field: "quality"),
                     observations: VisitObservation(wentWell: observations?.wentWell.nonEmpty, concerns: observations?.concerns.nonEmpty,
                                                    childReaction: observations?.childReaction.nonEmpty))
    }
}

struct RepeatBody: Content {
    var everyDays: Int
    var count: Int
}

/// A visit to schedule; with `attendance` it is one that already happened, entered and recorded at once; with `repeat`
/// a series (every N days, so many times), all or none.
struct VisitInput: Content {
    var planId: UUID
    var start: String
    var end: String
    var location: String?
    var supervisorId: UUID?
    var attendance: [AttendanceBody]?
    var quality: String?
    var observations: ObservationsBody?
    var `repeat`: RepeatBody?

    func requests() throws -> [FamilyTimeCommands.VisitRequest] {
        let (start, offset) = try APIDateTime.required(self.start, field: "start")
        let (end, _) = try APIDateTime.required(self.end, field: "end")
        let outcome = try attendance.map { try VisitRecordInput(attendance: $0, quality: quality, observations: observations).value() }
        let first = FamilyTimeCommands.VisitRequest(start: start, end: end, utcOffsetMinutes: offset, location: location.nonEmpty,
                                                    supervisorID: supervisorId.map(UserID.init), record: outcome)
        guard let r = `repeat` else { return [first] }
        guard outcome == nil else { throw ValidationFailure(field: "repeat", "A visit entered afterwards is one visit; leave out repeat") }
        guard (1...VisitRules.longestRepeatDays).contains(r.everyDays) else {
            throw ValidationFailure(field: "repeat.everyDays", "Repeat every 1 to \(VisitRules.longestRepeatDays) days")
        }
        guard (1...VisitRules.longestSeries).contains(r.count) else {
            throw ValidationFailure(field: "repeat.count", "Schedule 1 to \(VisitRules.longestSeries) visits at once")
        }
        // Repeats keep the local clock time across a change of daylight saving only as far as the offset given says;
        // the days are whole days apart.
        return (0..<r.count).map { i in
            var next = first
            next.start = start.addingTimeInterval(TimeInterval(i * r.everyDays * 86_400))
            next.end = end.addingTimeInterval(TimeInterval(i * r.everyDays * 86_400))
            return next
        }
    }
}

struct VisitDTO: Content {
    let id: UUID
    let caseId: UUID
    let planId: UUID
    let childId: UUID
    let level: String
    let start: String
    let end: String
    let location: String
    let supervisorId: UUID?
    let people: [UUID]
    let status: String
    let enteredAfterwards: Bool
    let attendance: [AttendanceBody]?
    let quality: String?
    let observations: ObservationsBody?
    let recordedAt: String?
    let recordedBy: UUID?
    let version: Int

    init(_ r: Recorded<VisitSubject, VisitDetails>, caseID: CaseID) {
        let d = r.details
        id = r.id.uuid
        caseId = caseID.uuid
        planId = d.planID.uuid
        childId = d.childID.uuid
        level = d.level.rawValue
        start = APIDateTime.format(d.start, offsetMinutes: d.utcOffsetMinutes)
        end = APIDateTime.format(d.end, offsetMinutes: d.utcOffsetMinutes)
        location = d.location
        supervisorId = d.supervisorID?.uuid
        people = d.people.map(\.uuid)
        status = d.record == nil ? "scheduled" : d.cancelledByAgency ? "cancelled" : d.tookPlace ? "took_place" : "did_not_take_place"
        enteredAfterwards = d.enteredAfterwards
        attendance = d.record?.attendance.map { AttendanceBody(personId: $0.personID.uuid, status: $0.status.rawValue) }
        quality = d.record?.quality?.rawValue
        observations = d.record.map { ObservationsBody(wentWell: $0.observations.wentWell, concerns: $0.observations.concerns,
                                                       childReaction: $0.observations.childReaction) }
        recordedAt = d.record.map { APIDateTime.format($0.recordedAt, offsetMinutes: 0) }
        recordedBy = d.record?.recordedBy.uuid
        version = r.version
    }
}

struct VisitationDTO: Content {
    let childId: UUID
    let from: String
    let to: String
    let scheduled: Int
    let attended: Int
    let quality: String?
    let visits: [VisitDTO]
}

struct ConflictDTO: Content {
    let visitId: UUID
    let start: String
    let end: String
    let who: String
}

struct FeedDTO: Content {
    let url: String
    let createdAt: String
}
