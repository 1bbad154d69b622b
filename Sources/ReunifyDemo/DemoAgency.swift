import Foundation
import ReunifyDomain

/// A fictional agency for trying Reunify: its staff and its families, as plain values.
public struct DemoAgency: Sendable, Equatable {
    public struct User: Sendable, Equatable {
        public let id: UserID
        public let email: String
        public let name: String
        public let role: UserRole
        public let unit: String?
        /// For a parent's account: the person they are in a case.
        public let personID: PersonID?
    }

    public struct Person: Sendable, Equatable {
        public let id: PersonID
        public let details: PersonDetails
        public let role: MemberRole
    }

    public struct Episode: Sendable, Equatable {
        public let details: RemovalEpisodeDetails
        public let placements: [PlacementDetails]
    }

    public struct Family: Sendable, Equatable {
        public let caseID: CaseID
        public let details: CaseDetails
        public let persons: [Person]
        public let relationships: [RelationshipDetails]
        public let episodes: [Episode]
        public let goals: [PermanencyGoalDetails]
        public let team: [(UserID, TeamRole)]

        public static func == (lhs: Family, rhs: Family) -> Bool {
            lhs.caseID == rhs.caseID && lhs.details == rhs.details && lhs.persons == rhs.persons
                && lhs.relationships == rhs.relationships && lhs.episodes == rhs.episodes && lhs.goals == rhs.goals
                && lhs.team.map(\.0) == rhs.team.map(\.0) && lhs.team.map(\.1) == rhs.team.map(\.1)
        }
    }

    public static let password = "reunify-demo"
    public static let unit = "North Unit"

    public let users: [User]
    public let families: [Family]
    public let tracingRequests: [TracingRequest]
    /// The two families built for the permanency clock: the kinship placement past 15 of 22 months, and the re-entry.
    public let clockFamilies: ClockFamilies

    public struct ClockFamilies: Equatable, Sendable {
        public let kinship: CaseID
        public let reEntry: CaseID
    }

    public func user(_ email: String) -> User? { users.first { $0.email == email } }

    /// The Spanish-speaking mother's account: a fixed id (not drawn from the seed, so adding her left every other
    /// generated record as it was).
    public static let madreEmail = "madre@demo.reunify.test"
    static let madreID = UserID(UUID(uuidString: "5E6B0000-0000-4000-8000-00000000E500")!)
}
