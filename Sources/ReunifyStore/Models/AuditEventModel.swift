import FluentKit
import Foundation
import ReunifyDomain

/// One entry of the append-only audit log: who did what to which record, and when.
public final class AuditEventModel: Model, @unchecked Sendable {
    public static let schema = "audit_events"

    @ID(key: .id) public var id: UUID?
    @Field(key: .occurredAt) public var occurredAt: Date
    @OptionalField(key: .userID) public var userID: UUID?
    @Field(key: .userEmail) public var userEmail: String
    @Field(key: .action) public var action: String
    @Field(key: .recordKind) public var recordKind: String
    @OptionalField(key: .recordID) public var recordID: UUID?
    @OptionalField(key: .caseID) public var caseID: UUID?
    @Field(key: .summary) public var summary: String
    @OptionalField(key: .address) public var address: String?
    /// The summary in the other languages, as JSON keyed by language tag; nil for entries written before it was kept.
    @OptionalField(key: .wording) public var wording: String?
    /// The fields above, listed for Fluent so reading or writing a row needs no reflection (`ModelFieldsTests`).
    public var properties: [any AnyProperty] {
        [$id, $occurredAt, $userID, $userEmail, $action, $recordKind, $recordID, $caseID, $summary, $address, $wording]
    }

    public init() {}
    public init(occurredAt: Date, userID: UUID?, userEmail: String, action: String, recordKind: String,
                recordID: UUID?, caseID: UUID?, summary: Worded, address: String?) {
        self.occurredAt = occurredAt
        self.userID = userID
        self.userEmail = userEmail
        self.action = action
        self.recordKind = recordKind
        self.recordID = recordID
        self.caseID = caseID
        self.summary = summary.english
        self.wording = summary.othersJSON
        self.address = address
    }

    /// The summary in every language it was kept in.
    public var worded: Worded { Worded.stored(english: summary, others: wording) }
}
