import FluentKit
import Foundation
import ReunifyDomain

public final class InvitationModel: Model, @unchecked Sendable {
    public static let schema = "invitations"

    @ID(key: .id) public var id: UUID?
    @Field(key: .tokenHash) public var tokenHash: String
    @Field(key: .caseID) public var caseID: UUID
    @Field(key: .personID) public var personID: UUID
    @Field(key: .email) public var email: String
    @Field(key: .invitedBy) public var invitedBy: UUID
    @Field(key: .sentAt) public var sentAt: Date
    @Field(key: .expiresAt) public var expiresAt: Date
    @OptionalField(key: .usedAt) public var usedAt: Date?
    @OptionalField(key: .revokedAt) public var revokedAt: Date?
    /// The fields above, listed for Fluent so reading or writing a row needs no reflection (`ModelFieldsTests`).
    public var properties: [any AnyProperty] { [$id, $tokenHash, $caseID, $personID, $email, $invitedBy, $sentAt, $expiresAt, $usedAt, $revokedAt] }

    public init() {}

    public init(tokenHash: String, caseID: CaseID, _ d: InvitationDetails) {
        self.tokenHash = tokenHash
        self.caseID = caseID.uuid
        self.personID = d.personID.uuid
        self.email = d.email
        self.invitedBy = d.invitedBy.uuid
        self.sentAt = d.sentAt
        self.expiresAt = d.expiresAt
        self.usedAt = d.usedAt
        self.revokedAt = d.revokedAt
    }

    public var details: InvitationDetails {
        InvitationDetails(personID: PersonID(personID), email: email, invitedBy: UserID(invitedBy), sentAt: sentAt, expiresAt: expiresAt,
                          usedAt: usedAt, revokedAt: revokedAt)
    }
    public var typedCaseID: CaseID { CaseID(caseID) }
}
