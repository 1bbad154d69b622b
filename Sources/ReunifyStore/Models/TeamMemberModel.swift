import FluentKit
import Foundation
import ReunifyDomain

/// A user on a case's team, with their part in it.
public final class TeamMemberModel: Model, @unchecked Sendable {
    public static let schema = "case_team_members"

    @ID(key: .id) public var id: UUID?
    @Field(key: .caseID) public var caseID: UUID
    @Field(key: .userID) public var userID: UUID
    @Field(key: .role) public var role: String
    /// The fields above, listed for Fluent so reading or writing a row needs no reflection (`ModelFieldsTests`).
    public var properties: [any AnyProperty] { [$id, $caseID, $userID, $role] }

    public init() {}
    public init(caseID: UUID, userID: UUID, role: TeamRole) {
        self.caseID = caseID
        self.userID = userID
        self.role = role.rawValue
    }

    public var teamRole: TeamRole { TeamRole(rawValue: role) ?? .caseworker }
}
