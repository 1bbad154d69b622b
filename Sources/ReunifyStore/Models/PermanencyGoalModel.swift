import FluentKit
import Foundation
import ReunifyDomain

public final class PermanencyGoalModel: VersionedModel, @unchecked Sendable {
    public static let schema = "permanency_goals"

    @ID(key: .id) public var id: UUID?
    @Field(key: .caseID) public var caseID: UUID
    @Field(key: .childID) public var childID: UUID
    @Field(key: .primaryPlan) public var primaryPlan: String
    @Field(key: .primarySince) public var primarySince: String
    @OptionalField(key: .concurrentPlan) public var concurrentPlan: String?
    @OptionalField(key: .concurrentSince) public var concurrentSince: String?
    @Field(key: .version) public var version: Int
    /// The fields above, listed for Fluent so reading or writing a row needs no reflection (`ModelFieldsTests`).
    public var properties: [any AnyProperty] { [$id, $caseID, $childID, $primaryPlan, $primarySince, $concurrentPlan, $concurrentSince, $version] }

    public init() {}
    public init(id: UUID? = nil, caseID: UUID, _ d: PermanencyGoalDetails) {
        self.id = id
        self.caseID = caseID
        self.version = 1
        apply(d)
    }

    public func apply(_ d: PermanencyGoalDetails) {
        childID = d.childID.uuid
        primaryPlan = d.primary.rawValue
        primarySince = d.primarySince.iso
        concurrentPlan = d.concurrent?.rawValue
        concurrentSince = d.concurrentSince?.iso
    }

    public var details: PermanencyGoalDetails {
        PermanencyGoalDetails(childID: PersonID(childID), primary: PermanencyPlan(rawValue: primaryPlan) ?? .reunification,
                              primarySince: CalendarDate(iso: primarySince)!,
                              concurrent: concurrentPlan.flatMap(PermanencyPlan.init(rawValue:)),
                              concurrentSince: concurrentSince.flatMap(CalendarDate.init(iso:)))
    }
}
