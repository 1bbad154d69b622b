import FluentKit
import Foundation
import ReunifyDomain

extension FieldKey {
    static let onDay: FieldKey = "on_day"
}

/// The kinds of court and permanency record kept in `permanency_records`.
public enum PermanencyRecordKind: String, Sendable, CaseIterable {
    case hearing, decision
    case tprException = "tpr_exception"
    case icwaNotice = "icwa_notice"
    case followUp = "follow_up"
    case pathStep = "path_step"
    case aftercarePlan = "aftercare_plan"
}

/// One court or permanency record: its kind, child (where it concerns one), day and status as columns, the details
/// as JSON.
public final class PermanencyRecordModel: VersionedModel, Model, @unchecked Sendable {
    public static let schema = "permanency_records"

    @ID(key: .id) public var id: UUID?
    @Field(key: .caseID) public var caseID: UUID
    @Field(key: .kind) public var kind: String
    @OptionalField(key: .childID) public var childID: UUID?
    @Field(key: .onDay) public var onDay: String
    @Field(key: .status) public var status: String
    @Field(key: .body) public var body: String
    @Field(key: .recordedBy) public var recordedBy: UUID
    @Field(key: .recordedAt) public var recordedAt: Date
    @Field(key: .version) public var version: Int
    /// The fields above, listed for Fluent so reading or writing a row needs no reflection (`ModelFieldsTests`).
    public var properties: [any AnyProperty] { [$id, $caseID, $kind, $childID, $onDay, $status, $body, $recordedBy, $recordedAt, $version] }

    public init() {}
    public init<T: Encodable>(caseID: CaseID, kind: PermanencyRecordKind, child: PersonID?, day: CalendarDate, status: String = "recorded",
                       _ details: T, by user: UserID, at: Date) {
        self.caseID = caseID.uuid
        self.kind = kind.rawValue
        self.recordedBy = user.uuid
        self.recordedAt = at
        self.version = 1
        apply(child: child, day: day, status: status, details)
    }

    func apply<T: Encodable>(child: PersonID?, day: CalendarDate, status: String = "recorded", _ details: T) {
        childID = child?.uuid
        onDay = day.iso
        self.status = status
        body = StoredJSON.encode(details)
    }

    func recorded<S, T: Decodable & Sendable>(_ type: T.Type) throws -> Recorded<S, T> {
        Recorded(id: Identifier<S>(id!), version: version, details: try StoredJSON.decode(T.self, body))
    }
}
