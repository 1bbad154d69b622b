import Foundation
import ReunifyDomain

/// The demo agency's family time, made from its families and reviews, never random: for every child with a review,
/// a visit plan and the recorded visits behind the review's visitation figures (so the review's visitation comes from
/// visits); coming visits for the first caseworker's families and a few from yesterday still to record; a step up
/// waiting for the supervisor's approval, with the fresh safety assessment it rests on; and a harmful visit
/// followed by a step down the supervisor has not yet seen.
public struct DemoFamilyTime: Sendable {
    public struct Plan: Sendable { public let id: VisitPlanID; public let caseID: CaseID; public let details: VisitPlanDetails }
    public struct Visit: Sendable { public let id: VisitID; public let caseID: CaseID; public let details: VisitDetails }
    public struct Change: Sendable { public let id: LevelChangeID; public let caseID: CaseID; public let record: LevelChangeRecord }
    public struct Safety: Sendable {
        public let id: SafetyAssessmentID
        public let caseID: CaseID
        public let details: SafetyAssessmentDetails
        public let by: UserID
    }

    public var plans: [Plan] = []
    public var visits: [Visit] = []
    public var changes: [Change] = []
    public var safety: [Safety] = []

    static func uuid(_ n: Int) -> UUID { UUID(uuidString: String(format: "5E6B7000-0000-4000-8000-%012d", n))! }

    /// The agency's time zone the demo's visits are set in (California, winter and summer alike by the zone's rules).
    public static let zone = TimeZone(identifier: "America/Los_Angeles") ?? .gmt

    static func at(_ day: CalendarDate, hour: Int) -> (Date, Int) {
        VisitTimes.instant(on: day, at: String(format: "%02d:00", hour), in: zone)!
    }

    public static func make(_ agency: DemoAgency, practice: DemoPractice, today: CalendarDate) -> DemoFamilyTime {
        var out = DemoFamilyTime()
        var counter = 0
        func next() -> UUID { counter += 1; return uuid(counter) }
        guard let worker = agency.user("caseworker@demo.reunify.test")?.id, let supervisor = agency.user("supervisor@demo.reunify.test")?.id else {
            return out
        }
        let families = Dictionary(agency.families.map { ($0.caseID, $0) }, uniquingKeysWith: { a, _ in a })
        let rooms = ["Family Center, room 1", "Family Center, room 2", "Family Center, room 3", "Eastside office, visit room"]
        var roomIndex = 0
        var slot = 0
        /// The visit at the first hour from `from` on `day` (or an earlier day, not before `within`) when it clashes with
        /// nothing placed so far: demo visits obey the clash rule as scheduled ones do.
        func free(_ draft: VisitDetails, on day: CalendarDate, within earliest: CalendarDate, from: Int = 8) -> VisitDetails? {
            var d = day
            while d >= earliest {
                for hour in from...18 {
                    var v = draft
                    (v.start, v.utcOffsetMinutes) = at(d, hour: hour)
                    v.end = v.start.addingTimeInterval(3600)
                    let placed = out.visits.lazy.filter { !$0.details.cancelledByAgency }.map { $0.details.slot(id: $0.id.uuid) }
                    if VisitScheduling.clashes(of: v.slot(id: nil), with: Array(placed)).isEmpty { return v }
                }
                d = d.adding(days: -1)
            }
            return nil
        }

        for (n, review) in practice.reviews.enumerated() {
            guard let family = families[review.caseID], let input = review.input as ReviewInput? else { continue }
            let parents = family.persons.filter { [.parent, .caregiver].contains($0.role) }.map(\.id)
            guard !parents.isEmpty, let removal = family.episodes.first(where: { $0.details.childID == review.childID })?.details.removalDate else { continue }
            let level: VisitLevel = switch family.details.stage {
            case .services: .supervised
            case .familyTime: n % 2 == 0 ? .monitored : .unsupervisedDay
            default: .overnight
            }
            let room = rooms[roomIndex % rooms.count]
            roomIndex += 1
            let plan = VisitPlanDetails(childID: review.childID, level: level, participants: parents, frequency: "twice a week",
                                        durationMinutes: level >= .overnight ? 24 * 60 : 90,
                                        location: level <= .monitored ? room : "The family's home",
                                        supervisorID: level.needsSupervisor ? (family.details.caseworkerID ?? supervisor) : nil,
                                        conditions: "No visits while under the influence; no discussion of the case with the child",
                                        logistics: VisitLogistics(transport: "Bus pass from the agency", interpreterLanguage: nil),
                                        reviewOn: today.adding(days: 30 + n % 20))
            let planID = VisitPlanID(next())
            out.plans.append(Plan(id: planID, caseID: review.caseID, details: plan))

            // The visits behind the review's figures: `scheduled` visits in the weeks before it, `attended` of them held.
            let v = input.visitation
            let first = max(removal.adding(days: 1), review.day.adding(days: -3 * v.scheduled - 1))
            let qualities = Self.ratings(count: v.attended, mode: v.quality)
            for i in 0..<v.scheduled {
                let day = min(first.adding(days: 3 * i), review.day.adding(days: -1))
                let held = i < v.attended
                let attendance = parents.map { VisitAttendanceEntry(personID: $0, status: held ? (i % 5 == 4 ? .late : .attended) : (i % 2 == 0 ? .noShow : .cancelledByFamily)) }
                let quality: VisitQuality? = held ? qualities[i] : nil
                let draft = VisitDetails(planID: planID, childID: review.childID, level: level, start: day.startOfDay, end: day.startOfDay,
                                         utcOffsetMinutes: 0, location: plan.location, supervisorID: plan.supervisorID, people: plan.people)
                guard var details = free(draft, on: day, within: removal.adding(days: 1)) else { continue }
                details.record = VisitRecord(attendance: attendance + [VisitAttendanceEntry(personID: review.childID, status: .attended)], quality: quality,
                                             observations: VisitObservation(wentWell: held ? "Played and read together; the goodbye was calm" : nil,
                                                                            concerns: quality == .harmful ? "Raised voice at the child" : (quality == .limited ? "Arrived distracted, on the phone often" : nil),
                                                                            childReaction: held ? "Glad to see the family" : "Asked where the parent was"),
                                             recordedAt: details.end.addingTimeInterval(3600), recordedBy: plan.supervisorID ?? worker)
                out.visits.append(Visit(id: VisitID(next()), caseID: review.caseID, details: details))
            }
            // Coming visits for the first caseworker's families, and one from yesterday still to record.
            if family.details.caseworkerID == worker && level <= .unsupervisedDay {
                slot += 1
                let draft = VisitDetails(planID: planID, childID: review.childID, level: level, start: today.startOfDay, end: today.startOfDay,
                                         utcOffsetMinutes: 0, location: plan.location, supervisorID: plan.supervisorID, people: plan.people)
                // Coming visits begin the day after tomorrow and in the afternoon, leaving tomorrow morning free.
                for k in 0..<2 {
                    if let details = free(draft, on: today.adding(days: 2 + slot % 5 + 7 * k), within: today.adding(days: 2), from: 13) {
                        out.visits.append(Visit(id: VisitID(next()), caseID: review.caseID, details: details))
                    }
                }
                if let details = free(draft, on: today.adding(days: -1), within: today.adding(days: -3)) {
                    out.visits.append(Visit(id: VisitID(next()), caseID: review.caseID, details: details))
                }
            }
        }

        // The Spanish-speaking mother's family time: her coming supervised visits with a Spanish interpreter, and the
        // father's own visits, held apart (her pages must never show them).
        if let madreID = agency.user(DemoAgency.madreEmail)?.personID,
           let family = agency.families.first(where: { f in f.persons.contains { $0.id == madreID } }),
           let child = family.persons.first(where: { $0.role == .child }),
           let father = family.persons.first(where: { $0.role == .nonResidentFather }) {
            let by = family.details.caseworkerID ?? worker
            let spanish = VisitLogistics(transport: "Pase de autobús de la agencia", interpreterLanguage: "es")
            var planID: VisitPlanID
            if let i = out.plans.firstIndex(where: { $0.caseID == family.caseID && $0.details.childID == child.id && $0.details.participants.contains(madreID) }) {
                var d = out.plans[i].details
                d.logistics = spanish
                out.plans[i] = Plan(id: out.plans[i].id, caseID: family.caseID, details: d)
                planID = out.plans[i].id
            } else {
                planID = VisitPlanID(next())
                out.plans.append(Plan(id: planID, caseID: family.caseID, details: VisitPlanDetails(
                    childID: child.id, level: .supervised, participants: [madreID], frequency: "dos veces por semana", durationMinutes: 60,
                    location: rooms[1], supervisorID: by, logistics: spanish, reviewOn: today.adding(days: 30))))
            }
            let plan = out.plans.first { $0.id == planID }!.details
            let fatherPlanID = VisitPlanID(next())
            let fatherPlan = VisitPlanDetails(childID: child.id, level: .supervised, participants: [father.id], frequency: "once a week",
                                              durationMinutes: 60, location: rooms[3], supervisorID: by, reviewOn: today.adding(days: 30))
            out.plans.append(Plan(id: fatherPlanID, caseID: family.caseID, details: fatherPlan))
            for (id, p, days) in [(planID, plan, 3), (planID, plan, 10), (fatherPlanID, fatherPlan, 4)] {
                let draft = VisitDetails(planID: id, childID: child.id, level: p.level, start: today.startOfDay, end: today.startOfDay,
                                         utcOffsetMinutes: 0, location: p.location, supervisorID: p.supervisorID, people: p.people)
                if let details = free(draft, on: today.adding(days: days), within: today.adding(days: 2), from: 10) {
                    out.visits.append(Visit(id: VisitID(next()), caseID: family.caseID, details: details))
                }
            }
        }

        // A step up waiting for approval (with the safety assessment behind it), on the last monitored plan of the first
        // caseworker's; a harmful visit and the step down that followed, on the last unsupervised one.
        // Not the first family of the caseworker's: tests and the browser walk start their own family time there.
        let mine = Array(out.plans.filter { families[$0.caseID]?.details.caseworkerID == worker }.dropFirst())
        let up = mine.last { $0.details.level <= .monitored }
        if let up {
            let safetyID = SafetyAssessmentID(next())
            out.safety.append(Safety(id: safetyID, caseID: up.caseID, details: SafetyAssessmentDetails(
                childID: up.details.childID, date: today.adding(days: -3), dangerIndicators: [], protectiveCapacities: ["Parent asks for help when stressed"],
                decision: .safe, safetyPlan: nil), by: worker))
            let to = VisitLevel.allCases[VisitLevel.allCases.firstIndex(of: up.details.level)! + 1]
            let change = LevelChange(from: up.details.level, to: to, reason: "Six strong visits in a row; the parent keeps to every condition",
                                     courtOrder: nil, status: .awaitingApproval)
            out.changes.append(Change(id: LevelChangeID(next()), caseID: up.caseID, record: LevelChangeRecord(
                planID: up.id, change: change, requestedBy: worker, requestedOn: today.adding(days: -2), safetyAssessmentID: safetyID)))
        }
        if let down = mine.first(where: { $0.id != up?.id && $0.caseID != up?.caseID }), let i = out.plans.firstIndex(where: { $0.id == down.id }) {
            var harmful = VisitDetails(planID: down.id, childID: down.details.childID, level: .unsupervisedDay, start: today.startOfDay, end: today.startOfDay,
                                       utcOffsetMinutes: 0, location: "The family's home", supervisorID: nil, people: down.details.people)
            if let placed = free(harmful, on: today.adding(days: -4), within: today.adding(days: -10), from: 11) {
                harmful = placed
                harmful.record = VisitRecord(attendance: down.details.participants.map { VisitAttendanceEntry(personID: $0, status: .attended) }, quality: .harmful,
                                             observations: VisitObservation(concerns: "The parent arrived smelling of alcohol and shouted at the child when she cried",
                                                                            childReaction: "Frightened; asked to go back early"),
                                             recordedAt: harmful.end.addingTimeInterval(3600), recordedBy: worker)
                out.visits.append(Visit(id: VisitID(next()), caseID: down.caseID, details: harmful))
                let change = LevelChange(from: .unsupervisedDay, to: .supervised, reason: "Harmful visit: the parent was drinking; back to supervised visits for safety",
                                         courtOrder: nil, status: .approved)
                out.changes.append(Change(id: LevelChangeID(next()), caseID: down.caseID, record: LevelChangeRecord(
                    planID: down.id, change: change, requestedBy: worker, requestedOn: VisitTimes.day(harmful.start, offsetMinutes: harmful.utcOffsetMinutes),
                    safetyAssessmentID: nil)))
                var lowered = down.details
                lowered.level = .supervised
                lowered.location = rooms[0]
                lowered.supervisorID = worker
                out.plans[i] = Plan(id: down.id, caseID: down.caseID, details: lowered)
            }
        }
        return out
    }

    /// `count` ratings whose most frequent is `mode` (harmful only if the mode is).
    static func ratings(count: Int, mode: VisitQuality) -> [VisitQuality] {
        let other: VisitQuality = switch mode {
        case .strong: .adequate
        case .adequate: .strong
        case .limited: .adequate
        case .harmful: .limited
        }
        return (0..<count).map { i in count > 2 && i % 3 == 2 && mode != .harmful ? other : mode }
    }

    /// Every record checked by the rules the write path applies.
    public func problems(_ agency: DemoAgency, now: Date, today: CalendarDate) -> [String] {
        var found: [String] = []
        let families = Dictionary(agency.families.map { ($0.caseID, $0) }, uniquingKeysWith: { a, _ in a })
        let staff = Set(agency.users.filter { ![.parent, .provider].contains($0.role) }.map(\.id))
        for p in plans {
            guard let f = families[p.caseID] else { found.append("visit plan in no case"); continue }
            do {
                try VisitPlanRules.check(p.details, members: f.persons.map { CaseMembership(personID: $0.id, role: $0.role) }, staff: staff,
                                         today: today, creating: true)
            } catch { found.append("visit plan of \(p.caseID): \(error.summary)") }
        }
        let planLevels = Dictionary(plans.map { ($0.id, $0.details) }, uniquingKeysWith: { a, _ in a })
        for v in visits {
            guard planLevels[v.details.planID] != nil else { found.append("visit of no plan"); continue }
            if let record = v.details.record {
                do { try VisitRules.checkRecord(record, of: v.details, now: now) } catch { found.append("visit record \(v.id): \(error.summary)") }
            } else if v.details.start > now {
                do { try VisitRules.checkSchedule(v.details, now: now) } catch { found.append("visit \(v.id): \(error.summary)") }
            }
        }
        let slots = visits.filter { !$0.details.cancelledByAgency }.map { $0.details.slot(id: $0.id.uuid) }
        for (i, slot) in slots.enumerated() {
            let clashes = VisitScheduling.clashes(of: slot, with: Array(slots[(i + 1)...]))
            if !clashes.isEmpty { found.append("visit \(slot.visitID!) clashes with \(clashes.count) other(s) at \(slot.start)") }
        }
        for s in safety {
            let errors = s.details.validate(today: today)
            if !errors.isEmpty { found.append("safety assessment: \(ValidationFailure(errors).summary)") }
        }
        return found
    }
}
