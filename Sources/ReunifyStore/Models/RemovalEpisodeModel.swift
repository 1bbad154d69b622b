import FluentKit
import Foundation
import ReunifyDomain

public final class RemovalEpisodeModel: VersionedModel, @unchecked Sendable {
    public static let schema = "removal_episodes"

    @ID(key: .id) public var id: UUID?
    @Field(key: .caseID) public var caseID: UUID
    @Field(key: .childID) public var childID: UUID
    @Field(key: .removalDate) public var removalDate: String
    @Field(key: .manner) public var manner: String
    /// The AFCARS circumstances that apply, comma separated codes.
    @Field(key: .circumstances) public var circumstances: String
    @OptionalField(key: .judicialFindingDate) public var judicialFindingDate: String?
    @OptionalField(key: .dischargeDate) public var dischargeDate: String?
    @OptionalField(key: .dischargeReason) public var dischargeReason: String?
    @Field(key: .version) public var version: Int
    /// The fields above, listed for Fluent so reading or writing a row needs no reflection (`ModelFieldsTests`).
    public var properties: [any AnyProperty] {
        [$id, $caseID, $childID, $removalDate, $manner, $circumstances, $judicialFindingDate, $dischargeDate,
         $dischargeReason, $version]
    }

    public init() {}
    public init(id: UUID? = nil, caseID: UUID, _ d: RemovalEpisodeDetails) {
        self.id = id
        self.caseID = caseID
        self.version = 1
        apply(d)
    }

    public func apply(_ d: RemovalEpisodeDetails) {
        childID = d.childID.uuid
        removalDate = d.removalDate.iso
        manner = d.manner.rawValue
        circumstances = d.circumstances.map(\.rawValue).joined(separator: ",")
        judicialFindingDate = d.judicialFindingDate?.iso
        dischargeDate = d.dischargeDate?.iso
        dischargeReason = d.dischargeReason?.rawValue
    }

    public var details: RemovalEpisodeDetails {
        RemovalEpisodeDetails(childID: PersonID(childID), removalDate: CalendarDate(iso: removalDate)!,
                              manner: RemovalManner(rawValue: manner) ?? .notYetDetermined,
                              circumstances: circumstances.split(separator: ",").compactMap { RemovalCircumstance(rawValue: String($0)) },
                              judicialFindingDate: judicialFindingDate.flatMap(CalendarDate.init(iso:)),
                              dischargeDate: dischargeDate.flatMap(CalendarDate.init(iso:)),
                              dischargeReason: dischargeReason.flatMap(DischargeReason.init(rawValue:)))
    }
}
