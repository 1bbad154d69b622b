import FluentKit
import Foundation
import ReunifyDomain

/// The one write path for family time: visit plans, their level changes and approvals, safety assessments, visits
/// scheduled (one at a time or as a series) or entered afterwards, and what happened at them. Each checks the
/// domain's rules and writes with its audit entry in one transaction; a step up to a trial home visit places the child
/// at home through the placement rules.
public struct FamilyTimeCommands: Sendable {
    let change: CaseChange
    public init(_ change: CaseChange) { self.change = change }
    var acting: Acting { change.acting }

    // MARK: plans

    public func createPlan(_ details: VisitPlanDetails, in caseID: CaseID) async throws -> Recorded<VisitPlanSubject, VisitPlanDetails> {
        let acting = self.acting
        return try await change.write(.create, .visitPlan, caseID: caseID) { tx in
            let facts = try await CaseFacts(tx, caseID)
            try VisitPlanRules.check(details, members: facts.members, staff: try await Self.staff(details.supervisorID, on: tx),
                                     today: acting.today, creating: true)
            let model = VisitPlanModel(caseID: caseID, details)
            try await model.create(on: tx)
            let name = try await facts.name(of: details.childID)
            return (model.recorded, .init(model.id, .audVisitPlanMade, ["name": name], each: { ["level": details.level.staffLabel($0).lowercased()] }))
        }
    }

    /// Changes what a plan says, but not its level: that moves only through a level change.
    public func changePlan(_ id: VisitPlanID, in caseID: CaseID, to details: VisitPlanDetails,
                           expectedVersion: Int) async throws -> Recorded<VisitPlanSubject, VisitPlanDetails> {
        let acting = self.acting
        return try await change.write(.update, .visitPlan, caseID: caseID) { tx in
            guard let model = try await FamilyTimeRepository(tx).planModel(id, in: caseID) else {
                throw StoreError.absent("There is no such visit plan in this case")
            }
            let current = model.details
            if details.level != current.level {
                throw ValidationFailure(field: "level", "The level moves only through a level change (a step up needs a safety assessment and a supervisor's approval)")
            }
            if details.childID != current.childID {
                throw ValidationFailure(field: "childId", "A visit plan stays with its child; make a new plan for another child")
            }
            let facts = try await CaseFacts(tx, caseID)
            try VisitPlanRules.check(details, members: facts.members, staff: try await Self.staff(details.supervisorID, on: tx),
                                     today: acting.today, creating: false)
            model.apply(details)
            try await model.saveChecked(expectedVersion: expectedVersion, on: tx)
            return (model.recorded, .init(model.id, .audVisitPlanChanged, ["name": try await facts.name(of: details.childID)]))
        }
    }

    static func staff(_ id: UserID?, on db: any Database) async throws -> Set<UserID> {
        guard let id, let user = try await UserRepository(db).find(id), !user.disabled,
              let role = UserRole(rawValue: user.role), role != .parent, role != .provider else { return [] }
        return [id]
    }

    // MARK: level changes

    /// Asks to move a plan to another level. A step up needs a fresh safety assessment that found the child safe and
    /// waits for a supervisor; a step down is taken at once and flagged for the supervisor. A step up to a trial home
    /// visit is checked against the placement rules now, and places the child at home once approved.
    public func requestLevelChange(on planID: VisitPlanID, in caseID: CaseID, to: VisitLevel, reason: String,
                                   courtOrder: String?) async throws -> Recorded<LevelChangeSubject, LevelChangeRecord> {
        let acting = self.acting
        return try await change.write(.create, .visitLevelChange, caseID: caseID) { tx in
            let repo = FamilyTimeRepository(tx)
            guard let plan = try await repo.planModel(planID, in: caseID) else { throw StoreError.absent("There is no such visit plan in this case") }
            let details = plan.details
            if try await repo.levelChanges(in: caseID).contains(where: { $0.details.planID == planID && $0.details.change.status == .awaitingApproval }) {
                throw StateConflict("A level change of this plan already waits for a supervisor's approval; approve it, or wait for it, first")
            }
            if details.level == .trialHomeVisit && to < .trialHomeVisit {
                throw ValidationFailure(field: "to", "The child lives at home on a trial home visit: record where the child lives now (a placement) to end it")
            }
            let safety = try await repo.latestSafety(of: details.childID, in: caseID)
            let requested = try LevelChangeRules.request(from: details.level, to: to, reason: reason, courtOrder: courtOrder,
                                                         courtGoverned: !(details.courtOrder ?? "").isEmpty, latestSafety: safety?.details,
                                                         today: acting.today)
            if to == .trialHomeVisit {
                _ = try await Self.placeAtHome(details, caseID: caseID, acting: acting, on: tx, dryRun: true)
            }
            let record = LevelChangeRecord(planID: planID, change: requested, requestedBy: acting.actor.id, requestedOn: acting.today,
                                           safetyAssessmentID: requested.isStepUp ? safety?.id : nil)
            let model = LevelChangeModel(caseID: caseID, record)
            try await model.create(on: tx)
            let name = try await CaseFacts(tx, caseID).name(of: details.childID)
            if !requested.isStepUp {
                var lowered = details
                lowered.level = to
                plan.apply(lowered)
                try await plan.saveChecked(expectedVersion: plan.version, on: tx)
                return (try model.recorded(), .init(model.id, .audSteppedDown, ["name": name, "reason": requested.reason], each: { ["level": to.staffLabel($0).lowercased()] }))
            }
            return (try model.recorded(), .init(model.id, .audStepUpAsked, ["name": name], each: { ["level": to.staffLabel($0).lowercased()] }))
        }
    }

    /// A supervisor approves a step up (the plan moves to its level; to a trial home visit, the child is placed at
    /// home), or acknowledges a step down.
    public func approveLevelChange(_ id: LevelChangeID, in caseID: CaseID) async throws -> Recorded<LevelChangeSubject, LevelChangeRecord> {
        let acting = self.acting
        return try await change.write(.update, .visitLevelApproval, caseID: caseID) { tx in
            let repo = FamilyTimeRepository(tx)
            guard let model = try await repo.levelChangeModel(id, in: caseID) else { throw StoreError.absent("There is no such level change in this case") }
            let record = try model.recorded().details
            let approved = try record.approved(by: acting.actor.id, on: acting.today)
            model.apply(approved)
            try await model.saveChecked(expectedVersion: model.version, on: tx)
            guard approved.change.isStepUp else {
                return (try model.recorded(), .init(model.id, .audStepDownAcknowledged))
            }
            guard let plan = try await repo.planModel(approved.planID, in: caseID) else { throw StoreError.absent("The visit plan is gone") }
            var details = plan.details
            if details.level != approved.change.from {
                throw StateConflict("The plan has moved to \(details.level.label.lowercased()) since this change was asked for; ask again from there")
            }
            details.level = approved.change.to
            plan.apply(details)
            try await plan.saveChecked(expectedVersion: plan.version, on: tx)
            var summary = Msg.audStepUpApproved
            if approved.change.to == .trialHomeVisit {
                let entry = try await Self.placeAtHome(details, caseID: caseID, acting: acting, on: tx, dryRun: false)
                try await AuditRepository(tx).record(acting.auditEvent(.create, .placement, recordID: entry.recordID, caseID: caseID, entry.summary))
                summary = .audStepUpApprovedHome
            }
            return (try model.recorded(), .init(model.id, summary, each: { ["level": approved.change.to.staffLabel($0).lowercased()] }))
        }
    }

    /// The placement a trial home visit is: at home with the plan's visitors, from today, in the child's open episode.
    static func placeAtHome(_ plan: VisitPlanDetails, caseID: CaseID, acting: Acting, on tx: any Database, dryRun: Bool) async throws -> CaseChange.Entry {
        let facts = try await CaseFacts(tx, caseID)
        guard let episode = try await facts.episodes().first(where: { $0.details.childID == plan.childID && $0.details.isOpen }) else {
            throw ValidationFailure(field: "to", "A trial home visit places the child at home, but the child has no open removal episode")
        }
        var names: [String] = []
        for p in plan.participants { names.append(try await facts.name(of: p)) }
        let details = PlacementDetails(setting: .placedAtHome, caregiverName: names.joined(separator: " and "), startDate: acting.today)
        let rules = PlacementRules(today: acting.today, timelines: acting.timelines)
        do {
            return try await RemovalCommands.place(details, in: episode.id, of: caseID, rules: rules, on: tx, dryRun: dryRun).1
        } catch let failure as ValidationFailure {
            // The placement's rule, said against the level asked for.
            throw ValidationFailure(failure.errors.map { $0.on("to") })
        }
    }

    // MARK: safety assessments

    public func recordSafetyAssessment(_ details: SafetyAssessmentDetails, in caseID: CaseID) async throws -> Recorded<SafetyAssessmentSubject, SafetyAssessmentDetails> {
        let acting = self.acting
        return try await change.write(.create, .safetyAssessment, caseID: caseID) { tx in
            let facts = try await CaseFacts(tx, caseID)
            var errors = details.validate(today: acting.today)
            if let missing = CaseMembership.requireChild(details.childID, among: facts.members) { errors.insert(missing, at: 0) }
            try ValidationFailure.check(errors)
            let model = SafetyAssessmentModel(caseID: caseID, details, recordedBy: acting.actor.id)
            try await model.create(on: tx)
            let name = try await facts.name(of: details.childID)
            return (model.recorded, .init(model.id, .audSafety, ["name": name], each: { ["decision": details.decision.staffLabel($0).lowercased()] }))
        }
    }

    // MARK: visits

    /// A visit to schedule: when, where (the plan's place when not given), and who supervises (the plan's supervisor
    /// when not given). With `record`, a visit that already happened is entered and recorded at once.
    public struct VisitRequest: Sendable {
        public var start: Date
        public var end: Date
        public var utcOffsetMinutes: Int
        public var location: String?
        public var supervisorID: UserID?
        public var record: VisitOutcome?
        public init(start: Date, end: Date, utcOffsetMinutes: Int, location: String?, supervisorID: UserID?, record: VisitOutcome? = nil) {
            self.start = start
            self.end = end
            self.utcOffsetMinutes = utcOffsetMinutes
            self.location = location
            self.supervisorID = supervisorID
            self.record = record
        }
    }

    /// What happened at a visit, as the supervising person says it.
    public struct VisitOutcome: Sendable {
        public var attendance: [VisitAttendanceEntry]
        public var quality: VisitQuality?
        public var observations: VisitObservation
        public init(attendance: [VisitAttendanceEntry], quality: VisitQuality?, observations: VisitObservation) {
            self.attendance = attendance
            self.quality = quality
            self.observations = observations
        }
    }

    public func schedule(_ request: VisitRequest, on planID: VisitPlanID, in caseID: CaseID) async throws -> Recorded<VisitSubject, VisitDetails> {
        try await scheduleSeries([request], on: planID, in: caseID)[0]
    }

    /// Schedules every visit of a series or none: a clash of any one refuses them all, each clash named.
    public func scheduleSeries(_ requests: [VisitRequest], on planID: VisitPlanID, in caseID: CaseID) async throws -> [Recorded<VisitSubject, VisitDetails>] {
        let acting = self.acting
        try VisitRules.checkSeries(count: requests.count)
        return try await change.write(.create, .visit, caseID: caseID) { tx in
            try await DialectSQL.lockVisitSchedule(tx)
            let repo = FamilyTimeRepository(tx)
            guard let plan = try await repo.planModel(planID, in: caseID) else {
                throw ValidationFailure(field: "planId", "There is no visit plan \(planID) in this case")
            }
            let p = plan.details
            let supervisor = try await Self.staff(requests[0].supervisorID ?? p.supervisorID, on: tx).first
            if let asked = requests[0].supervisorID, supervisor == nil {
                throw ValidationFailure(field: "supervisorId", "\(asked) is not a member of staff with an account")
            }
            var written: [Recorded<VisitSubject, VisitDetails>] = []
            var placed: [VisitSlot] = []
            var names: [UUID: String]? = nil
            for request in requests {
                var visit = VisitDetails(planID: planID, childID: p.childID, level: p.level, start: request.start, end: request.end,
                                         utcOffsetMinutes: request.utcOffsetMinutes,
                                         location: (request.location ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? p.location : request.location!,
                                         supervisorID: supervisor, people: p.people, enteredAfterwards: request.record != nil)
                if let outcome = request.record {
                    let record = VisitRecord(attendance: outcome.attendance, quality: outcome.quality, observations: outcome.observations,
                                             recordedAt: acting.now, recordedBy: acting.actor.id)
                    try VisitRules.checkRecord(record, of: visit, now: acting.now)
                    visit.record = record
                }
                try VisitRules.checkSchedule(visit, now: acting.now)
                let slot = visit.slot(id: nil)
                let existing = try await repo.overlapping(visit.start, visit.end).map { $0.details.slot(id: $0.id.uuid) } + placed
                let clashes = VisitScheduling.clashes(of: slot, with: existing)
                if !clashes.isEmpty {
                    if names == nil { names = try await Self.names(p, supervisor: supervisor, caseID: caseID, on: tx) }
                    throw VisitClash.naming(clashes, for: slot, names: names!, offsetMinutes: request.utcOffsetMinutes)
                }
                let model = VisitModel(caseID: caseID, visit)
                try await model.create(on: tx)
                let saved = try model.recorded()
                written.append(saved)
                placed.append(saved.details.slot(id: saved.id.uuid))
            }
            let name = try await CaseFacts(tx, caseID).name(of: p.childID)
            let first = written[0].details
            let key: Msg = first.enteredAfterwards ? .audVisitEntered : written.count == 1 ? .audVisitScheduled : .audVisitsScheduled
            return (written, .init(written.count == 1 ? written[0].id.uuid : nil, key, ["name": name, "date": first.localDate.iso, "count": "\(written.count)"]))
        }
    }

    static func names(_ plan: VisitPlanDetails, supervisor: UserID?, caseID: CaseID, on tx: any Database) async throws -> [UUID: String] {
        let facts = try await CaseFacts(tx, caseID)
        var names: [UUID: String] = [:]
        for p in plan.people { names[p.uuid] = try await facts.name(of: p) }
        if let supervisor { names[supervisor.uuid] = try await UserRepository(tx).find(supervisor)?.name }
        return names
    }

    /// Records what happened at a visit once its start has passed: the case's staff, or the clinician supervising it.
    public func record(_ outcome: VisitOutcome, of visitID: VisitID, in caseID: CaseID) async throws -> Recorded<VisitSubject, VisitDetails> {
        let acting = self.acting
        return try await change.write(.update, .visit, caseID: caseID) { tx in
            guard let model = try await FamilyTimeRepository(tx).visitModel(visitID, in: caseID) else {
                throw StoreError.absent("There is no such visit in this case")
            }
            var visit = try model.recorded().details
            if acting.actor.role == .clinician && visit.supervisorID != acting.actor.id {
                throw StoreError.refused(.accClinicianVisits)
            }
            let record = VisitRecord(attendance: outcome.attendance, quality: outcome.quality, observations: outcome.observations,
                                     recordedAt: acting.now, recordedBy: acting.actor.id)
            try VisitRules.checkRecord(record, of: visit, now: acting.now)
            let again = visit.record != nil
            visit.record = record
            model.apply(visit)
            try await model.saveChecked(expectedVersion: model.version, on: tx)
            let name = try await CaseFacts(tx, caseID).name(of: visit.childID)
            let values = ["name": name, "date": visit.localDate.iso]
            let key: Msg = switch (again, outcome.quality) {
            case (false, nil): .audVisitRecorded
            case (true, nil): .audVisitCorrected
            case (false, _): .audVisitRecordedQuality
            case (true, _): .audVisitCorrectedQuality
            }
            return (try model.recorded(), .init(model.id, key, values, each: { language in
                ["quality": outcome.quality.map { language == .english ? $0.rawValue : $0.staffLabel(language).lowercased() } ?? ""] }))
        }
    }

    // MARK: calendar feeds

    /// The family's feed of coming visits: its standing link, or a new one.
    public func familyFeed(of caseID: CaseID, renew: Bool) async throws -> CalendarFeedModel {
        let acting = self.acting
        if !renew, let standing = try await FamilyTimeRepository(change.db).feed(owner: nil, caseID: caseID) {
            try await change.authorize(.read, .familyCalendar, caseID: caseID)
            return standing
        }
        return try await change.write(renew ? .update : .create, .familyCalendar, caseID: caseID) { tx in
            let model = try await Self.replaceFeed(owner: nil, caseID: caseID, now: acting.now, on: tx)
            return (model, .init(model.id, renew ? .audFamilyFeedRenewed : .audFamilyFeedMade))
        }
    }

    static func replaceFeed(owner: UserID?, caseID: CaseID?, now: Date, on tx: any Database) async throws -> CalendarFeedModel {
        if let standing = try await FamilyTimeRepository(tx).feed(owner: owner, caseID: caseID) {
            standing.revokedAt = now
            try await standing.update(on: tx)
        }
        let model = CalendarFeedModel(token: FeedToken.generate(), ownerUserID: owner, caseID: caseID, createdAt: now)
        try await model.create(on: tx)
        return model
    }
}

/// A staff member's own calendar feed: theirs to make, renew or revoke, audited.
public struct StaffFeedCommands: Sendable {
    let db: any Database
    let acting: Acting
    public init(_ db: any Database, _ acting: Acting) {
        self.db = db
        self.acting = acting
    }

    public func feed(renew: Bool) async throws -> CalendarFeedModel {
        let acting = self.acting
        guard ![.parent, .provider].contains(acting.actor.role) else { throw StoreError.refused(.accFeedsStaff) }
        if !renew, let standing = try await FamilyTimeRepository(db).feed(owner: acting.actor.id, caseID: nil) { return standing }
        return try await acting.audited(on: db, renew ? .update : .create, .visit) { tx in
            let model = try await FamilyTimeCommands.replaceFeed(owner: acting.actor.id, caseID: nil, now: acting.now, on: tx)
            return (model, .init(model.id, renew ? .audFeedRenewed : .audFeedMade), [])
        }
    }

    public func revoke() async throws {
        let acting = self.acting
        guard let standing = try await FamilyTimeRepository(db).feed(owner: acting.actor.id, caseID: nil) else { return }
        try await acting.audited(on: db, .update, .visit) { tx in
            standing.revokedAt = acting.now
            try await standing.update(on: tx)
            return ((), .init(standing.id, .audCalendarRevoked), [])
        }
    }
}
