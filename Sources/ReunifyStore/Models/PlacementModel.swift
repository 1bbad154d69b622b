import FluentKit
import Foundation
import ReunifyDomain

public final class PlacementModel: VersionedModel, @unchecked Sendable {
    public static let schema = "placements"

    @ID(key: .id) public var id: UUID?
    @Field(key: .caseID) public var caseID: UUID
    @Field(key: .episodeID) public var episodeID: UUID
    @Field(key: .setting) public var setting: String
    @Field(key: .caregiverName) public var caregiverName: String
    @Field(key: .startDate) public var startDate: String
    @OptionalField(key: .endDate) public var endDate: String?
    @OptionalField(key: .changeReason) public var changeReason: String?
    @Field(key: .version) public var version: Int
    /// When the placement was recorded (nil for those recorded before this was kept).
    @OptionalField(key: .recordedAt) public var recordedAt: Date?
    /// The fields above, listed for Fluent so reading or writing a row needs no reflection (`ModelFieldsTests`).
    public var properties: [any AnyProperty] {
        [$id, $caseID, $episodeID, $setting, $caregiverName, $startDate, $endDate, $changeReason, $version, $recordedAt]
    }

    public init() {}
    public init(id: UUID? = nil, caseID: UUID, episodeID: UUID, _ d: PlacementDetails, recordedAt: Date = Date()) {
        self.id = id
        self.recordedAt = recordedAt
        self.caseID = caseID
        self.episodeID = episodeID
        self.version = 1
        apply(d)
    }

    public func apply(_ d: PlacementDetails) {
        setting = d.setting.rawValue
        caregiverName = d.caregiverName.trimmingCharacters(in: .whitespaces)
        startDate = d.startDate.iso
        endDate = d.endDate?.iso
        changeReason = d.changeReason
    }

    public var details: PlacementDetails {
        PlacementDetails(setting: PlacementSetting(rawValue: setting) ?? .fosterFamilyHome, caregiverName: caregiverName,
                         startDate: CalendarDate(iso: startDate)!, endDate: endDate.flatMap(CalendarDate.init(iso:)),
                         changeReason: changeReason)
    }
}
