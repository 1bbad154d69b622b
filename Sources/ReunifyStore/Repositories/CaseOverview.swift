import Foundation
import ReunifyDomain

/// Everything the case page shows, loaded in a fixed number of queries.
public struct CaseOverview: Sendable {
    public struct Member: Sendable {
        public let member: MemberModel
        public let person: PersonModel
    }
    public struct Episode: Sendable {
        public let episode: RemovalEpisodeModel
        public let childName: String
        public let placements: [PlacementModel]
    }
    public struct TeamEntry: Sendable {
        public let role: TeamRole
        public let user: UserModel
    }

    public let caseFile: CaseModel
    public let members: [Member]
    public let relationships: [RelationshipModel]
    public let episodes: [Episode]
    public let goals: [PermanencyGoalModel]
    public let lastReviews: [UUID: CalendarDate]
    public let team: [TeamEntry]

    public func person(_ id: UUID) -> PersonModel? { members.first { $0.person.id == id }?.person }

    public func name(_ id: UUID) -> String { person(id)?.details.fullName ?? "Unknown person" }

    public var children: [Member] { members.filter { $0.member.memberRole == .child } }

    public func timeline(policy: TimelinePolicy = .unitedStates) -> CaseTimeline {
        CaseTimeline(policy: policy, stage: caseFile.details.stage, episodes: episodes.map {
            let child = $0.episode.childID
            let goal = goals.first { $0.childID == child }?.details
            return CaseTimeline.ChildEpisode(childName: $0.childName, episode: $0.episode.details, placements: $0.placements.map(\.details),
                                             reunificationGoal: goal?.includesReunification ?? false,
                                             lastReview: lastReviews[child])
        })
    }
}
