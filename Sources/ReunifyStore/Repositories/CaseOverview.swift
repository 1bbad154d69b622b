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
    /// What the permanency clock reads of each child with a removal in this case. Hearings, exceptions, ICWA notices
    /// and follow-ups are not yet recorded by Reunify, so the clock sees none of them.
    public func clockFacts() -> [ChildClockFacts] {
        let byChild = Dictionary(grouping: episodes, by: { $0.episode.details.childID })
        let approved = plans.compactMap(\.details.approvedOn).min()
        return byChild.keys.sorted { $0.uuid.uuidString < $1.uuid.uuidString }.map { child in
            var facts = ChildClockFacts(childID: child, episodes: byChild[child]!.map {
                ChildClockFacts.Episode($0.episode.details, placements: $0.placements.map(\.details))
            })
            facts.icwa = person(child)?.details.icwaStatus ?? .unknown
            facts.planApprovedOn = approved
            facts.reunificationGoal = goals.first { $0.details.childID == child }?.details.includesReunification ?? false
            facts.lastReunificationReview = lastReviews[child]
            return facts
        }
    }
}
