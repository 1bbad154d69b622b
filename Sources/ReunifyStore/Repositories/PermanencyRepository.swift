import FluentKit
import Foundation
import ReunifyDomain

/// A case's court and permanency records, read as domain values.
public struct PermanencyRecords: Sendable {
    public var hearings: [Recorded<HearingSubject, HearingDetails>] = []
    public var decisions: [Recorded<DecisionSubject, TeamDecisionDetails>] = []
    public var exceptions: [Recorded<TPRExceptionSubject, TPRExceptionDetails>] = []
    public var notices: [Recorded<NoticeSubject, ICWANoticeDetails>] = []
    public var followUps: [Recorded<FollowUpSubject, FollowUpDetails>] = []
    public init() {}

    public func hearing(_ id: HearingID) -> Recorded<HearingSubject, HearingDetails>? { hearings.first { $0.id == id } }
}

/// Reads hearings, team decisions, TPR exceptions, ICWA notices and follow-ups.
public struct PermanencyRepository: Sendable {
    let db: any Database
    public init(_ db: any Database) { self.db = db }

    func models(_ kind: PermanencyRecordKind, in caseID: CaseID) async throws -> [PermanencyRecordModel] {
        try await PermanencyRecordModel.query(on: db).filter(\.$caseID == caseID.uuid).filter(\.$kind == kind.rawValue)
            .sort(\.$onDay).sort(\.$recordedAt).all()
    }

    func model(_ id: UUID, _ kind: PermanencyRecordKind, in caseID: CaseID) async throws -> PermanencyRecordModel? {
        try await PermanencyRecordModel.query(on: db).filter(\.$id == id).filter(\.$caseID == caseID.uuid)
            .filter(\.$kind == kind.rawValue).first()
    }

    /// Every record of the case, in date order within each kind.
    public func records(in caseID: CaseID) async throws -> PermanencyRecords {
        try await records(in: [caseID])[caseID] ?? PermanencyRecords()
    }

    /// The records of several cases, read in one query.
    public func records(in caseIDs: [CaseID]) async throws -> [CaseID: PermanencyRecords] {
        guard !caseIDs.isEmpty else { return [:] }
        var result: [CaseID: PermanencyRecords] = [:]
        for chunk in stride(from: 0, to: caseIDs.count, by: 500).map({ Array(caseIDs[$0..<min($0 + 500, caseIDs.count)]) }) {
            let rows = try await PermanencyRecordModel.query(on: db).filter(\.$caseID ~~ chunk.map(\.uuid))
                .sort(\.$onDay).sort(\.$recordedAt).all()
            for row in rows {
                let caseID = CaseID(row.caseID)
                var r = result[caseID] ?? PermanencyRecords()
                switch PermanencyRecordKind(rawValue: row.kind) {
                case .hearing: r.hearings.append(try row.recorded(HearingDetails.self))
                case .decision: r.decisions.append(try row.recorded(TeamDecisionDetails.self))
                case .tprException: r.exceptions.append(try row.recorded(TPRExceptionDetails.self))
                case .icwaNotice: r.notices.append(try row.recorded(ICWANoticeDetails.self))
                case .followUp: r.followUps.append(try row.recorded(FollowUpDetails.self))
                case nil: continue
                }
                result[caseID] = r
            }
        }
        return result
    }

    /// The cases among `caseIDs` with a team decision waiting for a supervisor's approval.
    public func casesWithDecisionsAwaiting(_ caseIDs: [CaseID]) async throws -> Set<CaseID> {
        guard !caseIDs.isEmpty else { return [] }
        let rows = try await PermanencyRecordModel.query(on: db).filter(\.$caseID ~~ caseIDs.map(\.uuid))
            .filter(\.$kind == PermanencyRecordKind.decision.rawValue).filter(\.$status == DecisionStatus.awaitingApproval.rawValue).all()
        return Set(rows.map { CaseID($0.caseID) })
    }
}
