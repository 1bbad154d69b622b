import Foundation
import Vapor
import ReunifyDomain
import ReunifyStore

/// Text the API takes as a string or as a list of strings (one a line); a list is kept one item a line.
struct TextOrLines: Codable, Sendable {
    let text: String?
    init(_ text: String?) { self.text = text }
    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { text = nil; return }
        if let s = try? c.decode(String.self) { text = s; return }
        let lines = try c.decode([String].self)
        text = lines.joined(separator: "\n")
    }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(text)
    }
}

/// A hearing's findings: in words, or `{reasonableEfforts, activeEfforts, text}`.
struct FindingsBody: Decodable, Sendable {
    var text: String?
    var reasonableEfforts: String?
    var activeEfforts: String?
    enum Keys: String, CodingKey { case text, summary, notes, reasonableEfforts, activeEfforts }
    init(from decoder: any Decoder) throws {
        if let s = try? decoder.singleValueContainer().decode(String.self) { text = s; return }
        let c = try decoder.container(keyedBy: Keys.self)
        text = try c.decodeIfPresent(String.self, forKey: .text) ?? c.decodeIfPresent(String.self, forKey: .summary)
            ?? c.decodeIfPresent(String.self, forKey: .notes)
        reasonableEfforts = try c.decodeIfPresent(String.self, forKey: .reasonableEfforts)
        activeEfforts = try c.decodeIfPresent(String.self, forKey: .activeEfforts)
    }
}

struct HearingInput: Content {
    var childIds: [UUID]?
    var childId: UUID?
    var kind: String
    var date: String
    var court: String?
    var attended: [String]?
    var reasonableEfforts: String?
    var activeEfforts: String?
    var findings: FindingsBody?
    var orders: TextOrLines?
    var nextDate: String?
    var version: Int?

    func encode(to encoder: any Encoder) throws {}

    func value() throws(ValidationFailure) -> HearingDetails {
        guard let date = try CalendarDate.api(date, field: "date") else { throw ValidationFailure(field: "date", "Give the hearing's date") }
        let children = (childIds ?? childId.map { [$0] } ?? []).map(PersonID.init)
        return HearingDetails(childIDs: children, kind: try HearingKind.api(kind, field: "kind"), date: date, court: court.nonEmpty,
                              attended: (attended ?? []).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty },
                              reasonableEfforts: try EffortsFinding.api(reasonableEfforts ?? findings?.reasonableEfforts, field: "reasonableEfforts"),
                              activeEfforts: try EffortsFinding.api(activeEfforts ?? findings?.activeEfforts, field: "activeEfforts"),
                              findings: findings?.text.nonEmpty, orders: orders?.text.nonEmpty,
                              nextDate: try CalendarDate.api(nextDate, field: "nextDate"))
    }
}

struct HearingDTO: Content {
    let id: UUID
    let caseId: UUID
    let childIds: [UUID]
    let kind: String
    let date: String
    let status: String
    let court: String?
    let attended: [String]
    let reasonableEfforts: String?
    let activeEfforts: String?
    let findings: String?
    let orders: String?
    let nextDate: String?
    let version: Int

    init(_ r: Recorded<HearingSubject, HearingDetails>, caseID: CaseID, today: CalendarDate) {
        let d = r.details
        id = r.id.uuid
        caseId = caseID.uuid
        childIds = d.childIDs.map(\.uuid)
        kind = d.kind.rawValue
        date = d.date.iso
        status = d.state(today: today)
        court = d.court
        attended = d.attended
        reasonableEfforts = d.reasonableEfforts?.rawValue
        activeEfforts = d.activeEfforts?.rawValue
        findings = d.findings
        orders = d.orders
        nextDate = d.nextDate?.iso
        version = r.version
    }
}

struct TeamParticipantBody: Content {
    var name: String
    var role: String
    var position: String
    var reason: String
}

struct FamilyInformedBody: Content {
    var date: String
    var how: String
    var language: String
}

/// A new goal named by a decision to change the goal: a plan code (for every child in care), or
/// `{childId?, primary, concurrent?}`, or a list of those.
struct NewGoalBody: Decodable, Sendable {
    struct One: Decodable, Sendable {
        var childId: UUID?
        var primary: String
        var concurrent: String?
    }
    let goals: [One]
    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let code = try? c.decode(String.self) { goals = [One(childId: nil, primary: code, concurrent: nil)]; return }
        if let one = try? c.decode(One.self) { goals = [one]; return }
        goals = try c.decode([One].self)
    }
}

struct TeamDecisionInput: Content {
    var date: String
    var participants: [TeamParticipantBody]
    var decision: String
    var rationale: String
    var familyInformed: FamilyInformedBody?
    var newGoal: NewGoalBody?
    var newGoals: NewGoalBody?

    func encode(to encoder: any Encoder) throws {}

    /// The decision, and the goals named for every child in care (a new goal without a child; one at most).
    func value(recordedBy: UserID) throws(ValidationFailure) -> (TeamDecisionDetails, everyChildInCare: (primary: PermanencyPlan, concurrent: PermanencyPlan?)?) {
        guard let day = try CalendarDate.api(date, field: "date") else { throw ValidationFailure(field: "date", "Give the meeting's date") }
        var people: [DecisionParticipant] = []
        for (i, p) in participants.enumerated() {
            people.append(DecisionParticipant(name: p.name.trimmingCharacters(in: .whitespacesAndNewlines),
                                              role: try ParticipantRole.reading(p.role, field: "participants.\(i).role"),
                                              position: p.position.trimmingCharacters(in: .whitespacesAndNewlines),
                                              reason: p.reason.trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        var told: FamilyInformed?
        if let f = familyInformed {
            guard let when = try CalendarDate.api(f.date, field: "familyInformed.date") else { throw ValidationFailure(field: "familyInformed.date", "Give the day") }
            told = FamilyInformed(date: when, how: f.how.trimmingCharacters(in: .whitespacesAndNewlines),
                                  language: f.language.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let named = (newGoal?.goals ?? []) + (newGoals?.goals ?? [])
        var changes: [GoalChange] = []
        var everyone: [(primary: PermanencyPlan, concurrent: PermanencyPlan?)] = []
        for (i, g) in named.enumerated() {
            let primary = try PermanencyPlan.api(g.primary, field: "newGoal.\(i).primary")
            let concurrent = try PermanencyPlan.api(g.concurrent, field: "newGoal.\(i).concurrent")
            if let child = g.childId {
                changes.append(GoalChange(childID: PersonID(child), primary: primary, concurrent: concurrent))
            } else {
                everyone.append((primary, concurrent))
            }
        }
        if everyone.count > 1 { throw ValidationFailure(field: "newGoal", "Name one new goal for every child, or each child's goal with its childId") }
        let details = TeamDecisionDetails(date: day, participants: people, decision: try TeamDecisionKind.api(decision, field: "decision"),
                                          rationale: rationale.trimmingCharacters(in: .whitespacesAndNewlines), familyInformed: told,
                                          goalChanges: changes, recordedBy: recordedBy)
        return (details, everyone.first)
    }
}

struct TeamDecisionDTO: Content {
    struct Goal: Content {
        let childId: UUID
        let primary: String
        let concurrent: String?
    }
    let id: UUID
    let caseId: UUID
    let date: String
    let participants: [TeamParticipantBody]
    let decision: String
    let rationale: String
    let familyInformed: FamilyInformedBody?
    let newGoals: [Goal]
    let status: String
    let recordedBy: UUID
    let approvedBy: UUID?
    let approvedOn: String?
    let version: Int

    init(_ r: Recorded<DecisionSubject, TeamDecisionDetails>, caseID: CaseID) {
        let d = r.details
        id = r.id.uuid
        caseId = caseID.uuid
        date = d.date.iso
        participants = d.participants.map { TeamParticipantBody(name: $0.name, role: $0.role.rawValue, position: $0.position, reason: $0.reason) }
        decision = d.decision.rawValue
        rationale = d.rationale
        familyInformed = d.familyInformed.map { FamilyInformedBody(date: $0.date.iso, how: $0.how, language: $0.language) }
        newGoals = d.goalChanges.map { Goal(childId: $0.childID.uuid, primary: $0.primary.rawValue, concurrent: $0.concurrent?.rawValue) }
        status = d.status.rawValue
        recordedBy = d.recordedBy.uuid
        approvedBy = d.approvedBy?.uuid
        approvedOn = d.approvedOn?.iso
        version = r.version
    }
}

struct TPRExceptionInput: Content {
    var childId: UUID
    var reason: String
    var note: String
}

struct TPRExceptionDTO: Content {
    let id: UUID
    let caseId: UUID
    let childId: UUID
    let reason: String
    let note: String
    let recordedBy: UUID
    let recordedByName: String
    let recordedOn: String

    init(_ r: Recorded<TPRExceptionSubject, TPRExceptionDetails>, caseID: CaseID) {
        id = r.id.uuid
        caseId = caseID.uuid
        childId = r.details.childID.uuid
        reason = r.details.reason.rawValue
        note = r.details.note
        recordedBy = r.details.recordedBy.uuid
        recordedByName = r.details.recordedByName
        recordedOn = r.details.recordedOn.iso
    }
}

struct NoticeInput: Content {
    var childId: UUID
    var hearingId: UUID
    var recipient: String
    var sent: String
    var received: String?
    var version: Int?

    func value() throws(ValidationFailure) -> ICWANoticeDetails {
        guard let sentOn = try CalendarDate.api(sent, field: "sent") else { throw ValidationFailure(field: "sent", "Give the day the notice was sent") }
        return ICWANoticeDetails(childID: PersonID(childId), hearingID: HearingID(hearingId), recipient: recipient.trimmingCharacters(in: .whitespacesAndNewlines),
                                 sent: sentOn, received: try CalendarDate.api(received, field: "received"))
    }
}

struct NoticeDTO: Content {
    let id: UUID
    let caseId: UUID
    let childId: UUID
    let hearingId: UUID
    let recipient: String
    let sent: String
    let received: String?
    let version: Int

    init(_ r: Recorded<NoticeSubject, ICWANoticeDetails>, caseID: CaseID) {
        id = r.id.uuid
        caseId = caseID.uuid
        childId = r.details.childID.uuid
        hearingId = r.details.hearingID.uuid
        recipient = r.details.recipient
        sent = r.details.sent.iso
        received = r.details.received?.iso
        version = r.version
    }
}

struct FollowUpInput: Content {
    var childId: UUID
    var date: String
    var seen: Bool
    var wellbeing: String
    var concerns: TextOrLines?
    var servicesNeeded: TextOrLines?

    func value() throws(ValidationFailure) -> FollowUpDetails {
        guard let day = try CalendarDate.api(date, field: "date") else { throw ValidationFailure(field: "date", "Give the day of the follow-up") }
        return FollowUpDetails(childID: PersonID(childId), date: day, seen: seen, wellbeing: wellbeing.trimmingCharacters(in: .whitespacesAndNewlines),
                               concerns: concerns?.text.nonEmpty, servicesNeeded: servicesNeeded?.text.nonEmpty)
    }
}

struct FollowUpDTO: Content {
    let id: UUID
    let caseId: UUID
    let childId: UUID
    let date: String
    let seen: Bool
    let wellbeing: String
    let concerns: String?
    let servicesNeeded: String?

    init(_ r: Recorded<FollowUpSubject, FollowUpDetails>, caseID: CaseID) {
        id = r.id.uuid
        caseId = caseID.uuid
        childId = r.details.childID.uuid
        date = r.details.date.iso
        seen = r.details.seen
        wellbeing = r.details.wellbeing
        concerns = r.details.concerns
        servicesNeeded = r.details.servicesNeeded
    }
}
