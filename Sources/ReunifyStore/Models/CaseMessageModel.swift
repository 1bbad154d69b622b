import FluentKit
import Foundation
import ReunifyDomain

/// A message of a family member's conversation with their case's staff. Never changed once written.
public final class CaseMessageModel: Model, @unchecked Sendable {
    public static let schema = "case_messages"

    @ID(key: .id) public var id: UUID?
    @Field(key: .caseID) public var caseID: UUID
    @Field(key: .personID) public var personID: UUID
    @Field(key: .fromFamily) public var fromFamily: Bool
    @Field(key: .authorID) public var authorID: UUID
    @Field(key: .body) public var body: String
    @Field(key: .sentAt) public var sentAt: Date
    /// The fields above, listed for Fluent so reading or writing a row needs no reflection (`ModelFieldsTests`).
    public var properties: [any AnyProperty] { [$id, $caseID, $personID, $fromFamily, $authorID, $body, $sentAt] }

    public init() {}

    public init(caseID: CaseID, _ d: CaseMessageDetails) {
        self.caseID = caseID.uuid
        self.personID = d.familyPersonID.uuid
        self.fromFamily = d.fromFamily
        self.authorID = d.authorID.uuid
        self.body = d.body
        self.sentAt = d.sentAt
    }

    public var details: CaseMessageDetails {
        CaseMessageDetails(familyPersonID: PersonID(personID), fromFamily: fromFamily, authorID: UserID(authorID), body: body, sentAt: sentAt)
    }

    public var recorded: Recorded<MessageSubject, CaseMessageDetails> { Recorded(id: MessageID(id!), version: 1, details: details) }
}
