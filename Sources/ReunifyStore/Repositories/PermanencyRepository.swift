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
    /// Every entry of the alternative permanency paths, by day then as recorded.
    public var steps: [Recorded<PathStepSubject, PathStepDetails>] = []
    public var aftercarePlans: [Recorded<AftercarePlanSubject, AftercarePlanDetails>] = []
    public init() {}

    /// A child's path of one plan, from the entries recorded.
    public func path(of child: PersonID, _ plan: PermanencyPlan) -> PermanencyPath {
        PermanencyPath(childID: child, plan: plan, entries: steps.map(\.details))
    }

    /// The child's aftercare plan for a discharge.
    public func aftercarePlan(of child: PersonID, discharged: CalendarDate) -> Recorded<AftercarePlanSubject, AftercarePlanDetails>? {
        aftercarePlans.last { $0.details.childID == child && $0.details.discharged == discharged }
    }

    public func hearing(_ id: HearingID) -> Recorded<HearingSubject, HearingDetails>? { hearings.first { $0.id == id } }
}

/// Reads hearings, team decisions, TPR exceptions, ICWA notices, follow-ups, path steps and aftercare plans.
extension PermanencyRecords {
    /// The follow-ups an aftercare plan schedules, met by the child's follow-ups in which they were seen.
    public func schedule(of plan: AftercarePlanDetails, policy: TimelinePolicy, today: CalendarDate) -> [ScheduledFollowUp] {
        PermanencyClock(policy: policy).aftercareSchedule(
            discharged: plan.discharged, followUps: followUps.filter { $0.details.childID == plan.childID && $0.details.seen }.map(\.details.date),
            today: today)
    }

    /// The paths of each child: those the goals name, and any other with entries (a goal since changed).
    public func paths(children: [PersonID], goals: [PermanencyGoalDetails]) -> [(child: PersonID, goals: PermanencyGoalDetails?, paths: [PermanencyPath])] {
        children.map { child in
            let g = goals.first { $0.childID == child }
            let worked = Set(steps.filter { $0.details.childID == child }.map(\.details.plan))
            let plans = PathStep.alternativePlans.filter { $0 == g?.primary || $0 == g?.concurrent || worked.contains($0) }
            return (child, g, plans.map { path(of: child, $0) })
        }
    }
}

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
            let rows = try await ModelRows.all(PermanencyRecordModel.self, "case_id", in: chunk.map(\.uuid),
                                               order: "on_day, recorded_at", on: db)
            for row in rows {
                let caseID = CaseID(row.caseID)
                var r = result[caseID] ?? PermanencyRecords()
                switch PermanencyRecordKind(rawValue: row.kind) {
                case .hearing: r.hearings.append(try row.recorded(HearingDetails.self))
                case .decision: r.decisions.append(try row.recorded(TeamDecisionDetails.self))
                case .tprException: r.exceptions.append(try row.recorded(TPRExceptionDetails.self))
                case .icwaNotice: r.notices.append(try row.recorded(ICWANoticeDetails.self))
                case .followUp: r.followUps.append(try row.recorded(FollowUpDetails.self))
                case .pathStep: r.steps.append(try row.recorded(PathStepDetails.self))
                case .aftercarePlan: r.aftercarePlans.append(try row.recorded(AftercarePlanDetails.self))
                case nil: continue
                }
                result[caseID] = r
            }
        }
        return result
    }
}
