import FluentKit
import Foundation
import SQLKit
import ReunifyDomain

public final class CaseModel: VersionedModel, @unchecked Sendable {
    public static let schema = "cases"

    @ID(key: .id) public var id: UUID?
    @Field(key: .caseNumber) public var caseNumber: String
    @Field(key: .familyName) public var familyName: String
    @Field(key: .stage) public var stage: String
    @OptionalField(key: .caseworkerID) public var caseworkerID: UUID?
    @OptionalField(key: .supervisorID) public var supervisorID: UUID?
    @Field(key: .unit) public var unit: String
    @Field(key: .openedOn) public var openedOn: String
    @OptionalField(key: .closedOn) public var closedOn: String?
    @Field(key: .version) public var version: Int
    /// Raised by every change to the case's records (`CaseRepository.touchRecords`); the case's own `version` is
    /// for edits of the case itself.
    @Field(key: .recordsStamp) public var recordsStamp: Int
    @Timestamp(key: .createdAt, on: .create) public var createdAt: Date?
    @Timestamp(key: .updatedAt, on: .update) public var updatedAt: Date?
    /// The fields above, listed for Fluent so reading or writing a row needs no reflection (`ModelFieldsTests`).
    public var properties: [any AnyProperty] {
        [$id, $caseNumber, $familyName, $stage, $caseworkerID, $supervisorID, $unit, $openedOn, $closedOn, $version,
         $recordsStamp, $createdAt, $updatedAt]
    }

    public init() {}

    public init(id: UUID? = nil, _ details: CaseDetails) {
        self.id = id
        self.version = 1
        self.recordsStamp = 0
        apply(details)
    }

    public func apply(_ d: CaseDetails) {
        caseNumber = d.caseNumber.trimmingCharacters(in: .whitespaces)
        familyName = d.familyName.trimmingCharacters(in: .whitespaces)
        stage = d.stage.rawValue
        caseworkerID = d.caseworkerID?.uuid
        supervisorID = d.supervisorID?.uuid
        unit = d.unit
        openedOn = d.openedOn.iso
        closedOn = d.closedOn?.iso
    }

    public var details: CaseDetails {
        CaseDetails(caseNumber: caseNumber, familyName: familyName, stage: CaseStage(rawValue: stage) ?? .intake,
                    caseworkerID: caseworkerID.map(UserID.init), supervisorID: supervisorID.map(UserID.init), unit: unit,
                    openedOn: CalendarDate(iso: openedOn)!, closedOn: closedOn.flatMap(CalendarDate.init(iso:)))
    }

    public var caseID: CaseID { CaseID(id!) }

    /// The columns `init(row:)` reads, for the reads written in SQL.
    static let columns = "id, case_number, family_name, stage, caseworker_id, supervisor_id, unit, opened_on, closed_on, version, records_stamp, created_at, updated_at"

    /// A case read by SQL (`columns`), as Fluent would have read it.
    convenience init(row: RowColumns) throws {
        self.init()
        try output(from: RowOutput(row: row))
    }
}
