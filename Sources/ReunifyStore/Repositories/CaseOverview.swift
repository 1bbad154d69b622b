import Foundation
import ReunifyDomain

/// Everything the case page shows, as domain values, loaded in a fixed number of queries.
public struct CaseOverview: Sendable {
    public typealias Person = Recorded<PersonSubject, PersonDetails>
    public typealias Relationship = Recorded<RelationshipSubject, RelationshipDetails>
    public typealias Goal = Recorded<GoalSubject, PermanencyGoalDetails>
    public typealias Placement = Recorded<PlacementSubject, PlacementDetails>

    /// A person and their part in this case.
    public struct Member: Sendable {
        public let id: MemberID
        public let role: MemberRole
        public let person: Person
        /// The record this person's was merged into, if it was.
        public let mergedInto: PersonID?
    }
    public struct Episode: Sendable {
        public let episode: Recorded<EpisodeSubject, RemovalEpisodeDetails>
        public let childName: String
        public let placements: [Placement]
    }
    public struct TeamEntry: Sendable {
        public let role: TeamRole
        public let userID: UserID
        public let name: String
    }

    public let caseFile: Recorded<CaseSubject, CaseDetails>
    public let members: [Member]
    public let relationships: [Relationship]
    public let episodes: [Episode]
    public let goals: [Goal]
    public let lastReviews: [PersonID: CalendarDate]
    public let team: [TeamEntry]
    /// The case plan versions, first to last.
    public var plans: [Recorded<PlanSubject, CasePlanDetails>] = []
    /// Hearings, team decisions, TPR exceptions, ICWA notices and aftercare follow-ups.
    public var permanency = PermanencyRecords()

    public var caseID: CaseID { caseFile.id }

    public func person(_ id: PersonID) -> Person? { members.first { $0.person.id == id }?.person }

    public func name(_ id: PersonID) -> String { person(id)?.details.fullName ?? "Unknown person" }

    public var children: [Member] { members.filter { $0.role == .child } }

    public func timeline(policy: TimelinePolicy = .unitedStates) -> CaseTimeline {
        CaseTimeline(policy: policy, stage: caseFile.details.stage, episodes: episodes.map {
            let child = $0.episode.details.childID
            let goal = goals.first { $0.details.childID == child }?.details
            return CaseTimeline.ChildEpisode(childName: $0.childName, episode: $0.episode.details, placements: $0.placements.map(\.details),
                                             reunificationGoal: goal?.includesReunification ?? false,
                                             lastReview: lastReviews[child])
        }, plans: plans.map(\.details))
    }
}

extension CaseOverview {
    /// What the permanency clock reads of each child with a removal in this case.
    public func clockFacts() -> [ChildClockFacts] {
        ClockFacts.children(episodes: episodes.map { ($0.episode.details, $0.placements.map(\.details)) },
                            icwa: { person($0)?.details.icwaStatus ?? .unknown },
                            planApprovedOn: plans.compactMap(\.details.approvedOn).min(),
                            reunifying: { child in goals.first { $0.details.childID == child }?.details.includesReunification ?? false },
                            lastReviews: lastReviews, records: permanency)
    }

    /// Every deadline of the case's children, soonest first.
    public func clock(_ policy: TimelinePolicy, today: CalendarDate) -> [ClockItem] {
        let clock = PermanencyClock(policy: policy)
        return clockFacts().flatMap { clock.items($0, today: today) }.sorted(by: ClockItem.soonestFirst)
    }
}

/// Gathers what the clock reads of each child from a case's stored records; the case page and the caseload both
/// build the facts here, so they cannot disagree.
enum ClockFacts {
    static func children(episodes: [(RemovalEpisodeDetails, [PlacementDetails])], icwa: (PersonID) -> ICWAStatus,
                         planApprovedOn: CalendarDate?, reunifying: (PersonID) -> Bool, lastReviews: [PersonID: CalendarDate],
                         records: PermanencyRecords) -> [ChildClockFacts] {
        let byChild = Dictionary(grouping: episodes, by: { $0.0.childID })
        return byChild.keys.sorted { $0.uuid.uuidString < $1.uuid.uuidString }.map { child in
            var facts = ChildClockFacts(childID: child, episodes: byChild[child]!.map { ChildClockFacts.Episode($0.0, placements: $0.1) })
            facts.icwa = icwa(child)
            facts.planApprovedOn = planApprovedOn
            facts.reunificationGoal = reunifying(child)
            facts.lastReunificationReview = lastReviews[child]
            facts.hearings = records.hearings.filter { $0.details.childIDs.contains(child) }
                .map { ChildClockFacts.Hearing(id: $0.id.uuid, kind: $0.details.kind, date: $0.details.date) }
            facts.notices = records.notices.filter { $0.details.childID == child }
                .map { ChildClockFacts.Notice(hearingID: $0.details.hearingID.uuid, received: $0.details.received) }
            facts.tprExceptions = records.exceptions.filter { $0.details.childID == child }.map {
                ChildClockFacts.Exception(reason: $0.details.reason, note: $0.details.note, recordedBy: $0.details.recordedByName,
                                          recordedOn: $0.details.recordedOn)
            }
            facts.followUps = records.followUps.filter { $0.details.childID == child && $0.details.seen }.map(\.details.date)
            return facts
        }
    }
}
