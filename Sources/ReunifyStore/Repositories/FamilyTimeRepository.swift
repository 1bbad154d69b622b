import FluentKit
import Foundation
import ReunifyDomain

/// Reads family time: a case's visit plans, level changes, safety assessments and visits, the visits that overlap a
/// stretch of time in any case (for the clash check), and calendar feeds.
public struct FamilyTimeRepository: Sendable {
    let db: any Database
    public init(_ db: any Database) { self.db = db }

    public func plans(in caseID: CaseID) async throws -> [Recorded<VisitPlanSubject, VisitPlanDetails>] {
        try await ModelRows.all(VisitPlanModel.self, "case_id", in: [caseID.uuid], order: "id", on: db).map(\.recorded)
    }

    func planModel(_ id: VisitPlanID, in caseID: CaseID) async throws -> VisitPlanModel? {
        try await VisitPlanModel.query(on: db).filter(\.$id == id.uuid).filter(\.$caseID == caseID.uuid).first()
    }

    public func plan(_ id: VisitPlanID, in caseID: CaseID) async throws -> Recorded<VisitPlanSubject, VisitPlanDetails>? {
        try await planModel(id, in: caseID)?.recorded
    }

    public func levelChanges(in caseID: CaseID) async throws -> [Recorded<LevelChangeSubject, LevelChangeRecord>] {
        try await ModelRows.all(LevelChangeModel.self, "case_id", in: [caseID.uuid], order: "requested_on", on: db).map { try $0.recorded() }
    }

    func levelChangeModel(_ id: LevelChangeID, in caseID: CaseID) async throws -> LevelChangeModel? {
        try await LevelChangeModel.query(on: db).filter(\.$id == id.uuid).filter(\.$caseID == caseID.uuid).first()
    }

    /// The cases among `caseIDs` with a step up waiting for approval, or a step down the supervisor has not yet seen.
    public func casesAwaitingSupervisor(_ caseIDs: [CaseID]) async throws -> (stepUps: Set<CaseID>, stepDowns: Set<CaseID>) {
        guard !caseIDs.isEmpty else { return ([], []) }
        let rows = try await LevelChangeModel.query(on: db).filter(\.$caseID ~~ caseIDs.map(\.uuid)).group(.or) {
            $0.filter(\.$status == LevelChange.Status.awaitingApproval.rawValue).group(.and) {
                $0.filter(\.$stepUp == false).filter(\.$acknowledged == false)
            }
        }.all()
        return (Set(rows.filter(\.stepUp).map { CaseID($0.caseID) }), Set(rows.filter { !$0.stepUp }.map { CaseID($0.caseID) }))
    }

    public func safetyAssessments(in caseID: CaseID) async throws -> [Recorded<SafetyAssessmentSubject, SafetyAssessmentDetails>] {
        try await ModelRows.all(SafetyAssessmentModel.self, "case_id", in: [caseID.uuid], order: "assessed_on", on: db).map(\.recorded)
    }

    /// The child's most recent safety assessment in the case (the later one recorded on a tie).
    public func latestSafety(of child: PersonID, in caseID: CaseID) async throws -> Recorded<SafetyAssessmentSubject, SafetyAssessmentDetails>? {
        try await safetyAssessments(in: caseID).filter { $0.details.childID == child }.last
    }

    public func visits(in caseID: CaseID) async throws -> [Recorded<VisitSubject, VisitDetails>] {
        try await ModelRows.all(VisitModel.self, "case_id", in: [caseID.uuid], order: "starts_at", on: db).map { try $0.recorded() }
    }

    func visitModel(_ id: VisitID, in caseID: CaseID) async throws -> VisitModel? {
        try await VisitModel.query(on: db).filter(\.$id == id.uuid).filter(\.$caseID == caseID.uuid).first()
    }

    public func visit(_ id: VisitID, in caseID: CaseID) async throws -> Recorded<VisitSubject, VisitDetails>? {
        try await visitModel(id, in: caseID)?.recorded()
    }

    /// Visits of any case, not called off, that overlap `start..<end`.
    public func overlapping(_ start: Date, _ end: Date) async throws -> [Recorded<VisitSubject, VisitDetails>] {
        try await VisitModel.query(on: db).filter(\.$startsAt < end).filter(\.$endsAt > start).filter(\.$status != "cancelled")
            .all().map { try $0.recorded() }
    }

    /// A staff member's visits from `from` on: those they supervise and those of the cases they hold.
    public func visits(of staff: UserID, cases: Set<CaseID>, from: Date, to: Date) async throws -> [(CaseID, Recorded<VisitSubject, VisitDetails>)] {
        try await VisitModel.query(on: db).filter(\.$startsAt >= from).filter(\.$startsAt < to).group(.or) {
            $0.filter(\.$supervisorUserID == staff.uuid).filter(\.$caseID ~~ cases.map(\.uuid))
        }.sort(\.$startsAt).all().map { (CaseID($0.caseID), try $0.recorded()) }
    }

    // MARK: calendar feeds

    /// The standing feed of a staff member (`owner`) or of a family (`caseID`).
    public func feed(owner: UserID?, caseID: CaseID?) async throws -> CalendarFeedModel? {
        var q = CalendarFeedModel.query(on: db).filter(\.$revokedAt == nil)
        if let owner { q = q.filter(\.$ownerUserID == owner.uuid).filter(\.$caseID == nil) }
        if let caseID { q = q.filter(\.$caseID == caseID.uuid) }
        return try await q.first()
    }

    /// The standing feed a token opens, if any.
    public func feed(token: String) async throws -> CalendarFeedModel? {
        try await CalendarFeedModel.query(on: db).filter(\.$token == token).filter(\.$revokedAt == nil).first()
    }
}
