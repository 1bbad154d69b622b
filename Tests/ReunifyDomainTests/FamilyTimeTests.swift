import Foundation
import Testing
@testable import ReunifyDomain

@Suite("Family time: levels, safety before a step up, clashes")
struct FamilyTimeTests {
    let today = CalendarDate(iso: "2026-11-23")!
    let child = PersonID(UUID())

    func safety(_ daysAgo: Int, _ decision: SafetyAssessmentDecision) -> SafetyAssessmentDetails {
        SafetyAssessmentDetails(childID: child, date: today.adding(days: -daysAgo), dangerIndicators: [], decision: decision,
                                safetyPlan: decision == .safeWithPlan ? "Grandmother present at drop-off" : nil)
    }

    @Test("levels run from therapeutic supervised to the trial home visit")
    func order() {
        #expect(VisitLevel.allCases.sorted() == VisitLevel.allCases)
        #expect(VisitLevel.supervised < .unsupervisedDay && VisitLevel.trialHomeVisit > .extended)
        #expect(VisitLevel.monitored.needsSupervisor && !VisitLevel.unsupervisedDay.needsSupervisor)
        #expect(SafetyAssessmentDecision.safeWithPlan.reviewDecision == .safeWithInterventions)
    }

    @Test("a step up needs a fresh safety assessment that found the child safe; it waits for approval")
    func stepUp() throws {
        #expect(throws: ValidationFailure.self) {
            try LevelChangeRules.request(from: .supervised, to: .unsupervisedDay, reason: "Going well", courtOrder: nil, courtGoverned: false,
                                         latestSafety: nil, today: today)
        }
        #expect(throws: ValidationFailure.self) {
            try LevelChangeRules.request(from: .supervised, to: .unsupervisedDay, reason: "Going well", courtOrder: nil, courtGoverned: false,
                                         latestSafety: safety(31, .safe), today: today)
        }
        #expect(throws: ValidationFailure.self) {
            try LevelChangeRules.request(from: .supervised, to: .unsupervisedDay, reason: "Going well", courtOrder: nil, courtGoverned: false,
                                         latestSafety: safety(3, .unsafe), today: today)
        }
        #expect(throws: ValidationFailure.self) {
            try LevelChangeRules.request(from: .supervised, to: .unsupervisedDay, reason: "Going well", courtOrder: nil, courtGoverned: true,
                                         latestSafety: safety(3, .safe), today: today)
        }
        let change = try LevelChangeRules.request(from: .supervised, to: .unsupervisedDay, reason: "Six good visits", courtOrder: nil,
                                                  courtGoverned: false, latestSafety: safety(30, .safeWithPlan), today: today)
        #expect(change.status == .awaitingApproval && change.isStepUp)
    }

    @Test("a step down is taken at once with a reason")
    func stepDown() throws {
        let change = try LevelChangeRules.request(from: .overnight, to: .supervised, reason: "Arrived under the influence", courtOrder: nil,
                                                  courtGoverned: true, latestSafety: nil, today: today)
        #expect(change.status == .approved && !change.isStepUp)
        #expect(throws: ValidationFailure.self) {
            try LevelChangeRules.request(from: .overnight, to: .supervised, reason: " ", courtOrder: nil, courtGoverned: false,
                                         latestSafety: nil, today: today)
        }
    }

    @Test("a visit clashes with another of a shared person or room at an overlapping time, never with itself")
    func clashes() throws {
        let t0 = Date(timeIntervalSince1970: 1_790_000_000)
        let maria = UUID(), worker = UUID(), other = UUID()
        let existing = [
            VisitSlot(visitID: UUID(), start: t0, end: t0 + 3600, people: [maria, worker], place: "Room 2"),
            VisitSlot(visitID: UUID(), start: t0 + 7200, end: t0 + 10800, people: [other], place: "Room 1"),
        ]
        #expect(VisitScheduling.clashes(of: VisitSlot(start: t0 + 1800, end: t0 + 5400, people: [maria], place: "Room 9"), with: existing).count == 1)
        #expect(VisitScheduling.clashes(of: VisitSlot(start: t0 + 1800, end: t0 + 5400, people: [other], place: "room 2"), with: existing).count == 1)
        #expect(VisitScheduling.clashes(of: VisitSlot(start: t0 + 3600, end: t0 + 7200, people: [maria, other], place: "Room 1"), with: existing).isEmpty)
        #expect(VisitScheduling.clashes(of: existing[0], with: existing).isEmpty)
        #expect(throws: ValidationFailure.self) { try VisitScheduling.check(start: t0, end: t0, level: .supervised) }
        #expect(throws: ValidationFailure.self) { try VisitScheduling.check(start: t0, end: t0 + 30 * 3600, level: .unsupervisedDay) }
        try VisitScheduling.check(start: t0, end: t0 + 30 * 3600, level: .overnight)
    }

    @Test("a safety assessment is dated today or earlier and names its plan when safe with a plan")
    func safetyAssessment() {
        #expect(safety(0, .safeWithPlan).validate(today: today).isEmpty)
        var s = safety(0, .safeWithPlan)
        s.safetyPlan = " "
        #expect(s.validate(today: today).map(\.field) == ["safetyPlan"])
        #expect(safety(-1, .safe).validate(today: today).map(\.field) == ["date"])
    }
}

@Suite("Family time: visits, visitation figures and calendar feeds")
struct VisitRecordTests {
    static let child = PersonID(UUID()), mother = PersonID(UUID()), father = PersonID(UUID())
    static let start = CalendarDate(iso: "2026-11-10")!.startOfDay.addingTimeInterval(18 * 3600)

    static func visit(day: Int, _ attendance: [(PersonID, VisitAttendance)]?, quality: VisitQuality? = nil) -> VisitDetails {
        let s = start.addingTimeInterval(TimeInterval(day * 86_400))
        let record = attendance.map {
            VisitRecord(attendance: $0.map { VisitAttendanceEntry(personID: $0.0, status: $0.1) }, quality: quality,
                        observations: VisitObservation(concerns: quality == .harmful ? "Shouted at the child" : nil), recordedAt: s, recordedBy: UserID(UUID()))
        }
        return VisitDetails(planID: VisitPlanID(UUID()), childID: child, level: .supervised, start: s, end: s.addingTimeInterval(3600),
                            utcOffsetMinutes: -480, location: "Room 2", supervisorID: UserID(UUID()), people: [child, mother], record: record)
    }

    @Test("visitation counts visits due, those that took place, the most frequent quality, harmful if any; agency cancellations do not count")
    func figures() {
        let visits = [
            Self.visit(day: 0, [(Self.mother, .attended)], quality: .strong),
            Self.visit(day: 1, [(Self.mother, .late)], quality: .adequate),
            Self.visit(day: 2, [(Self.mother, .attended)], quality: .adequate),
            Self.visit(day: 3, [(Self.mother, .noShow)]),
            Self.visit(day: 4, [(Self.mother, .cancelledByAgency)]),
            Self.visit(day: 5, nil),
            Self.visit(day: 40, nil),
        ].map { (id: UUID(), details: $0) }
        let now = Self.start.addingTimeInterval(10 * 86_400)
        let (f, counted) = VisitationFigures.of(visits, childID: Self.child, from: CalendarDate(iso: "2026-11-01")!, to: CalendarDate(iso: "2026-12-31")!, now: now)
        #expect(f.scheduled == 5)  // four recorded and not called off by the agency, one due but unrecorded; the future one not yet
        #expect(f.attended == 3)
        #expect(f.quality == .adequate)
        #expect(f.recorded == 4)
        #expect(counted.count == 5)
        let harmful = visits + [(id: UUID(), details: Self.visit(day: 6, [(Self.mother, .attended)], quality: .harmful))]
        #expect(VisitationFigures.of(harmful, childID: Self.child, from: CalendarDate(iso: "2026-11-01")!, to: CalendarDate(iso: "2026-12-31")!, now: now).figures.quality == .harmful)
        #expect(VisitationFigures.summaryQuality([.strong, .limited]) == .limited)
        #expect(VisitationFigures.summaryQuality([]) == nil)
    }

    @Test("a visit is recorded once started, by the people it brought together, rated when it took place")
    func recording() throws {
        let scheduled = Self.visit(day: 0, nil)
        let good = VisitRecord(attendance: [VisitAttendanceEntry(personID: Self.mother, status: .attended)], quality: .strong,
                               observations: VisitObservation(), recordedAt: Self.start, recordedBy: UserID(UUID()))
        #expect(throws: ValidationFailure.self) { try VisitRules.checkRecord(good, of: scheduled, now: Self.start.addingTimeInterval(-60)) }
        try VisitRules.checkRecord(good, of: scheduled, now: Self.start.addingTimeInterval(60))
        var stranger = good
        stranger.attendance.append(VisitAttendanceEntry(personID: Self.father, status: .attended))
        #expect(throws: ValidationFailure.self) { try VisitRules.checkRecord(stranger, of: scheduled, now: Self.start.addingTimeInterval(60)) }
        var unrated = good
        unrated.quality = nil
        #expect(throws: ValidationFailure.self) { try VisitRules.checkRecord(unrated, of: scheduled, now: Self.start.addingTimeInterval(60)) }
        var noShowRated = good
        noShowRated.attendance = [VisitAttendanceEntry(personID: Self.mother, status: .noShow)]
        #expect(throws: ValidationFailure.self) { try VisitRules.checkRecord(noShowRated, of: scheduled, now: Self.start.addingTimeInterval(60)) }
        var harmfulSilent = good
        harmfulSilent.quality = .harmful
        #expect(throws: ValidationFailure.self) { try VisitRules.checkRecord(harmfulSilent, of: scheduled, now: Self.start.addingTimeInterval(60)) }
    }

    @Test("a clash names the person both visits share, or the room")
    func clashNames() {
        let a = Self.visit(day: 0, nil)
        var b = a
        b.people = [PersonID(UUID()), Self.mother]
        b.supervisorID = nil
        b.location = "Park"
        let existing = a.slot(id: UUID())
        let clash = VisitClash.naming([existing], for: b.slot(id: nil), names: [Self.mother.uuid: "Maria Lopez"], offsetMinutes: -480)
        #expect(clash.message == "Maria Lopez has a visit 10:00–11:00 that day")
        var room = a
        room.people = [PersonID(UUID())]
        room.supervisorID = nil
        let roomClash = VisitClash.naming(VisitScheduling.clashes(of: room.slot(id: nil), with: [existing]), for: room.slot(id: nil), names: [:], offsetMinutes: -480)
        #expect(roomClash.message == "Room 2 is taken by another visit 10:00–11:00 that day")
    }

    @Test("an iCalendar feed folds long lines at 75 octets without splitting a character, escapes text and ends lines with CRLF")
    func icalendar() {
        let long = String(repeating: "Visita supervisada con la familia — ", count: 4)
        let feed = ICalendar(name: "Visits; week", events: [
            ICalendar.Event(uid: "visit-1@reunify", start: Self.start, end: Self.start.addingTimeInterval(3600), summary: long, location: "Room 2, Family Center"),
        ], stamp: Self.start).text
        #expect(feed.hasSuffix("END:VCALENDAR\r\n"))
        let lines = feed.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(lines.contains("X-WR-CALNAME:Visits\\; week"))
        #expect(lines.contains("LOCATION:Room 2\\, Family Center"))
        #expect(lines.contains("DTSTART:20261110T180000Z"))
        let unfolded = feed.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("SUMMARY:" + long))
        #expect(!feed.contains("\n\n"))
    }

    @Test("a feed token carries 256 random bits in URL-safe characters")
    func tokens() {
        let a = FeedToken.generate(), b = FeedToken.generate()
        #expect(a != b && FeedToken.isWellFormed(a) && FeedToken.isWellFormed(b))
        #expect(!FeedToken.isWellFormed("short") && !FeedToken.isWellFormed(String(repeating: "a", count: 42) + "/"))
    }
}
