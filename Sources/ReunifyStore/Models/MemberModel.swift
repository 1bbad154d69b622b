import FluentKit
import Foundation
import ReunifyDomain

/// A person's part in one case.
public final class MemberModel: VersionedModel, @unchecked Sendable {
    public static let schema = "case_members"

    @ID(key: .id) public var id: UUID?
    @Field(key: .caseID) public var caseID: UUID
    @Field(key: .personID) public var personID: UUID
    @Field(key: .role) public var role: String
    @Field(key: .version) public var version: Int
    /// The fields above, listed for Fluent so reading or writing a row needs no reflection (`ModelFieldsTests`).
    public var properties: [any AnyProperty] { [$id, $caseID, $personID, $role, $version] }

    public init() {}
    public init(id: UUID? = nil, caseID: UUID, personID: UUID, role: MemberRole) {
        self.id = id
        self.caseID = caseID
        self.personID = personID
        self.role = role.rawValue
        self.version = 1
    }

    public var memberRole: MemberRole { Self.memberRole(role) }

    /// A stored role's code as a role; a code no longer on the list reads as a relative.
    static func memberRole(_ code: String) -> MemberRole { MemberRole(rawValue: code) ?? .relative }
}
