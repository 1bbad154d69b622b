import FluentKit
import Foundation
import ReunifyDomain

public final class RelationshipModel: VersionedModel, @unchecked Sendable {
    public static let schema = "relationships"

    @ID(key: .id) public var id: UUID?
    @Field(key: .caseID) public var caseID: UUID
    @Field(key: .personID) public var personID: UUID
    @Field(key: .kind) public var kind: String
    @Field(key: .relatedPersonID) public var relatedPersonID: UUID
    @Field(key: .version) public var version: Int
    /// The fields above, listed for Fluent so reading or writing a row needs no reflection (`ModelFieldsTests`).
    public var properties: [any AnyProperty] { [$id, $caseID, $personID, $kind, $relatedPersonID, $version] }

    public init() {}
    public init(id: UUID? = nil, caseID: UUID, _ d: RelationshipDetails) {
        self.id = id
        self.caseID = caseID
        self.personID = d.personID.uuid
        self.kind = d.kind.rawValue
        self.relatedPersonID = d.relatedPersonID.uuid
        self.version = 1
    }

    public var details: RelationshipDetails {
        RelationshipDetails(personID: PersonID(personID), kind: RelationshipKind(rawValue: kind) ?? .fictiveKin,
                            relatedPersonID: PersonID(relatedPersonID))
    }
}
