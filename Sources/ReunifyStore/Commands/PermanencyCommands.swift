import FluentKit
import Foundation
import ReunifyDomain

/// The one write path for court and permanency records: hearings, team decisions and their approval (a change of
/// goal takes effect then), TPR exceptions, ICWA notices and aftercare follow-ups. Each checks the domain's rules and
/// writes with its audit entry in one transaction.
public struct PermanencyCommands: Sendable {
    let change: CaseChange
    public init(_ change: CaseChange) { self.change = change }
    var acting: Acting { change.acting }

    public typealias Hearing = Recorded<HearingSubject, HearingDetails>

    // MARK: hearings

    public func recordHearing(_ details: HearingDetails, in caseID: CaseID) async throws -> Hearing {
        let acting = self.acting
        return try await change.write(.create, .hearing, caseID: caseID) { tx in
            let facts = try await CaseFacts(tx, caseID)
            try HearingRules.check(details, members: facts.members, icwaChildren: try await Self.icwaChildren(facts), today: acting.today)
            let model = PermanencyRecordModel(caseID: caseID, kind: .hearing, child: details.childIDs.first, day: details.date,
                                              status: details.state(today: acting.today), details,
                                              by: acting.actor.id, at: acting.now)
            try await model.create(on: tx)
            return (try model.recorded(HearingDetails.self), .init(model.id, details.isHeld(today: acting.today) ? .audHearingRecorded : .audHearingScheduled,
                                                                   ["date": details.date.iso], each: { ["kind": details.kind.staffLabel($0).lowercased()] }))
        }
    }

    /// Changes a hearing: a scheduled one moved, or its findings and orders recorded once it has been held.
    public func changeHearing(_ id: HearingID, in caseID: CaseID, to details: HearingDetails, expectedVersion: Int) async throws -> Hearing {
        let acting = self.acting
        return try await change.write(.update, .hearing, caseID: caseID) { tx in
            guard let model = try await PermanencyRepository(tx).model(id.uuid, .hearing, in: caseID) else {
                throw StoreError.absent("There is no such hearing in this case")
            }
            let facts = try await CaseFacts(tx, caseID)
            try HearingRules.check(details, members: facts.members, icwaChildren: try await Self.icwaChildren(facts), today: acting.today)
            model.apply(child: details.childIDs.first, day: details.date, status: details.state(today: acting.today), details)
            try await model.saveChecked(expectedVersion: expectedVersion, on: tx)
            return (try model.recorded(HearingDetails.self), .init(model.id, .audHearingChanged, ["date": details.date.iso], each: { ["kind": details.kind.staffLabel($0).lowercased()] }))
        }
    }

    /// The case's children ICWA may apply to, read in one query.
    static func icwaChildren(_ facts: CaseFacts) async throws -> Set<PersonID> {
        let children = facts.members.filter { $0.role == .child }.map(\.personID.uuid)
        return Set(try await PersonRepository(facts.db).find(children).filter(\.details.icwaStatus.mayApply).map { PersonID($0.id!) })
    }

    // MARK: team decisions

    /// Records a team decision, waiting for a supervisor's approval. A change of goal that names no new goal makes
    /// each child's concurrent goal the goal.
    /// `everyChildInCare` is a new goal named without a child: it is set for each child of the case in care.
    public func recordDecision(_ input: TeamDecisionDetails, everyChildInCare: (primary: PermanencyPlan, concurrent: PermanencyPlan?)? = nil,
                               in caseID: CaseID) async throws -> Recorded<DecisionSubject, TeamDecisionDetails> {
        let acting = self.acting
        return try await change.write(.create, .teamDecision, caseID: caseID) { tx in
            let facts = try await CaseFacts(tx, caseID)
            var details = input
            details.recordedBy = acting.actor.id
            details.status = .awaitingApproval
            details.approvedBy = nil
            details.approvedByName = nil
            details.approvedOn = nil
            let inCare = Set(try await facts.episodes().filter(\.details.isOpen).map(\.details.childID))
            if let plans = everyChildInCare {
                let named = Set(details.goalChanges.map(\.childID))
                details.goalChanges += facts.members.filter { $0.role == .child && inCare.contains($0.personID) && !named.contains($0.personID) }
                    .map { GoalChange(childID: $0.personID, primary: plans.primary, concurrent: plans.concurrent) }
            }
            if details.decision == .changePermanencyGoal && details.goalChanges.isEmpty {
                let goals = try await CaseRecordsRepository(tx).goals(of: caseID).map(\.details)
                details.goalChanges = goals.filter { inCare.contains($0.childID) }.compactMap(TeamDecisionRules.promotedConcurrent)
            }
            try TeamDecisionRules.check(details, members: facts.members, today: acting.today)
            try await Self.checkGoalAges(details.goalChanges, facts: facts, today: acting.today)
            let model = PermanencyRecordModel(caseID: caseID, kind: .decision, child: nil, day: details.date, status: details.status.rawValue,
                                              details, by: acting.actor.id, at: acting.now)
            try await model.create(on: tx)
            return (try model.recorded(TeamDecisionDetails.self),
                    .init(model.id, .audTeamDecision, ["date": details.date.iso], each: { ["decision": details.decision.staffLabel($0).lowercased()] }))
        }
    }

    static func checkGoalAges(_ changes: [GoalChange], facts: CaseFacts, today: CalendarDate) async throws {
        var errors: [FieldError] = []
        for (i, g) in changes.enumerated() {
            let born = try await facts.birthDate(of: g.childID)
            errors += GoalRules.ageErrors(g.primary, "newGoal.\(i).primary", birthDate: born, today: today)
            if let c = g.concurrent { errors += GoalRules.ageErrors(c, "newGoal.\(i).concurrent", birthDate: born, today: today) }
        }
        try ValidationFailure.check(errors)
    }

    /// A supervisor approves a team decision; a change of goal then sets each child's goals, through the goal rules.
    public func approveDecision(_ id: DecisionID, in caseID: CaseID) async throws -> Recorded<DecisionSubject, TeamDecisionDetails> {
        let acting = self.acting
        return try await change.write(.update, .decisionApproval, caseID: caseID) { tx in
            guard let model = try await PermanencyRepository(tx).model(id.uuid, .decision, in: caseID) else {
                throw StoreError.absent("There is no such decision in this case")
            }
            let name = try await UserRepository(tx).find(acting.actor.id)?.name ?? acting.userEmail
            let current: TeamDecisionDetails = try StoredJSON.decode(TeamDecisionDetails.self, model.body)
            let approved = try current.approved(by: acting.actor.id, name: name, on: acting.today)
            model.apply(child: nil, day: approved.date, status: approved.status.rawValue, approved)
            try await model.saveChecked(expectedVersion: model.version, on: tx)
            let facts = try await CaseFacts(tx, caseID)
            let goalRules = GoalRules(today: acting.today)
            var changed: [(String, PermanencyPlan)] = []
            var goals = try await CaseRecordsRepository(tx).goals(of: caseID)
            for g in approved.goalChanges {
                let existing = goals.first { $0.childID == g.childID.uuid }
                let details = g.applied(to: existing?.details, on: acting.today)
                try goalRules.check(details, editing: existing.map { GoalID($0.id!) }, members: facts.members,
                                    siblings: goals.map { (GoalID($0.id!), PersonID($0.childID)) }, childBirthDate: try await facts.birthDate(of: g.childID))
                if let existing {
                    existing.apply(details)
                    try await existing.saveChecked(expectedVersion: existing.version, on: tx)
                } else {
                    let made = PermanencyGoalModel(caseID: caseID.uuid, details)
                    try await made.create(on: tx)
                    goals.append(made)
                }
                changed.append((try await facts.name(of: g.childID), g.primary))
            }
            let changedGoals = changed
            return (try model.recorded(TeamDecisionDetails.self), .init(model.id, changedGoals.isEmpty ? .audDecisionApproved : .audDecisionApprovedGoals, ["date": approved.date.iso],
                                                                        each: { l in ["goals": changedGoals.map { "\($0.0): \($0.1.staffLabel(l).lowercased())" }.joined(separator: ", ")] }))
        }
    }

    // MARK: TPR exceptions, ICWA notices, follow-ups

    public func recordTPRException(childID: PersonID, reason: TPRExceptionReason, note: String,
                                   in caseID: CaseID) async throws -> Recorded<TPRExceptionSubject, TPRExceptionDetails> {
        let acting = self.acting
        return try await change.write(.create, .tprException, caseID: caseID) { tx in
            let facts = try await CaseFacts(tx, caseID)
            let name = try await UserRepository(tx).find(acting.actor.id)?.name ?? acting.userEmail
            let details = TPRExceptionDetails(childID: childID, reason: reason, note: note.trimmingCharacters(in: .whitespacesAndNewlines),
                                              recordedBy: acting.actor.id, recordedByName: name, recordedOn: acting.today)
            let open = try await facts.episodes().first { $0.details.childID == childID && $0.details.isOpen }
            var current: PlacementSetting?
            if let open { current = try await facts.placements(of: open.id).first { $0.endDate == nil }?.details.setting }
            try TPRExceptionRules.check(details, members: facts.members, inCare: open != nil, currentSetting: current)
            let model = PermanencyRecordModel(caseID: caseID, kind: .tprException, child: childID, day: acting.today, details,
                                              by: acting.actor.id, at: acting.now)
            try await model.create(on: tx)
            return (try model.recorded(TPRExceptionDetails.self),
                    .init(model.id, .audTPRException, ["name": try await facts.name(of: childID)], each: { ["reason": reason.staffLabel($0).lowercased()] }))
        }
    }

    public func recordNotice(_ details: ICWANoticeDetails, in caseID: CaseID) async throws -> Recorded<NoticeSubject, ICWANoticeDetails> {
        let acting = self.acting
        return try await change.write(.create, .icwaNotice, caseID: caseID) { tx in
            let facts = try await CaseFacts(tx, caseID)
            let hearing = try await PermanencyRepository(tx).model(details.hearingID.uuid, .hearing, in: caseID)
            try ICWANoticeRules.check(details, members: facts.members, hearing: try hearing.map { try StoredJSON.decode(HearingDetails.self, $0.body) },
                                      today: acting.today)
            let model = PermanencyRecordModel(caseID: caseID, kind: .icwaNotice, child: details.childID, day: details.sent,
                                              status: details.received == nil ? "sent" : "received", details, by: acting.actor.id, at: acting.now)
            try await model.create(on: tx)
            return (try model.recorded(ICWANoticeDetails.self), .init(model.id, .audICWANotice, ["recipient": details.recipient]))
        }
    }

    /// Records the day a notice was received (its return receipt), or corrects the notice.
    public func changeNotice(_ id: NoticeID, in caseID: CaseID, to details: ICWANoticeDetails,
                             expectedVersion: Int) async throws -> Recorded<NoticeSubject, ICWANoticeDetails> {
        let acting = self.acting
        return try await change.write(.update, .icwaNotice, caseID: caseID) { tx in
            let repo = PermanencyRepository(tx)
            guard let model = try await repo.model(id.uuid, .icwaNotice, in: caseID) else { throw StoreError.absent("There is no such ICWA notice in this case") }
            let facts = try await CaseFacts(tx, caseID)
            let hearing = try await repo.model(details.hearingID.uuid, .hearing, in: caseID)
            try ICWANoticeRules.check(details, members: facts.members, hearing: try hearing.map { try StoredJSON.decode(HearingDetails.self, $0.body) },
                                      today: acting.today)
            model.apply(child: details.childID, day: details.sent, status: details.received == nil ? "sent" : "received", details)
            try await model.saveChecked(expectedVersion: expectedVersion, on: tx)
            return (try model.recorded(ICWANoticeDetails.self), .init(model.id, .audICWANoticeChanged, ["recipient": details.recipient]))
        }
    }

    public func recordFollowUp(_ details: FollowUpDetails, in caseID: CaseID) async throws -> Recorded<FollowUpSubject, FollowUpDetails> {
        let acting = self.acting
        return try await change.write(.create, .followUp, caseID: caseID) { tx in
            let facts = try await CaseFacts(tx, caseID)
            try FollowUpRules.check(details, members: facts.members, episodes: try await facts.episodes().map(\.details), today: acting.today)
            let model = PermanencyRecordModel(caseID: caseID, kind: .followUp, child: details.childID, day: details.date, details,
                                              by: acting.actor.id, at: acting.now)
            try await model.create(on: tx)
            return (try model.recorded(FollowUpDetails.self),
                    .init(model.id, .audFollowUp, ["name": try await facts.name(of: details.childID), "date": details.date.iso]))
        }
    }

    // MARK: alternative permanency paths

    public typealias Step = Recorded<PathStepSubject, PathStepDetails>

    /// Checks a path step against the case as it stands, in `db` (the change's transaction, or a read before it).
    static func checkStep(_ details: PathStepDetails, caseID: CaseID, on db: any Database, today: CalendarDate) async throws {
        let facts = try await CaseFacts(db, caseID)
        let goals = try await CaseRecordsRepository(db).goals(of: caseID).first { $0.childID == details.childID.uuid }?.details
        let records = try await PermanencyRepository(db).records(in: caseID)
        let tpr = records.hearings.map(\.details).filter { $0.kind == .tpr && $0.childIDs.contains(details.childID) && $0.isHeld(today: today) }.map(\.date)
        try PathRules.check(details, members: facts.members, goals: goals, episodes: try await facts.episodes().map(\.details),
                            earlier: records.steps.map(\.details), heldTPRHearings: tpr, today: today)
    }

    /// Records a step of an alternative permanency path. A relative search started with `startTracing` files a family
    /// search for the child through the tracing write path (after the step's rules are checked, so a refused step
    /// files nothing) and links it to the step.
    public func recordStep(_ input: PathStepDetails, startTracing: Bool = false, in caseID: CaseID) async throws -> Step {
        let acting = self.acting
        try await change.authorize(.create, .permanencyStep, caseID: caseID)
        var details = input
        details.note = details.note?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        details.recordedBy = acting.actor.id
        let name = try await UserRepository(change.db).find(acting.actor.id)?.name ?? acting.userEmail
        details.recordedByName = name
        details.tracingRequestID = nil
        if startTracing {
            guard details.step == .relativeSearch else {
                throw ValidationFailure(field: "startTracing", "A family search is started from the search for relatives")
            }
            try await Self.checkStep(details, caseID: caseID, on: change.db, today: acting.today)
            let facts = try await CaseFacts(change.db, caseID)
            let request = try await TracingCommands(change.db, acting).file(TracingRequestDetails(
                kind: .familySearch, inquirer: Inquirer(name: name, relationship: "caseworker", contact: acting.userEmail),
                sought: SoughtPerson(givenName: "", familyName: ""), childID: details.childID,
                notes: "Search for relatives and kin of \(try await facts.name(of: details.childID)), started from the permanency path"))
            details.tracingRequestID = TracingRequestID(request.id!)
        }
        let final = details
        return try await change.write(.create, .permanencyStep, caseID: caseID) { tx in
            try await Self.checkStep(final, caseID: caseID, on: tx, today: acting.today)
            let model = PermanencyRecordModel(caseID: caseID, kind: .pathStep, child: final.childID, day: final.date, status: final.status.rawValue,
                                              final, by: acting.actor.id, at: acting.now)
            try await model.create(on: tx)
            let facts = try await CaseFacts(tx, caseID)
            return (try model.recorded(PathStepDetails.self),
                    .init(model.id, .audPathStep, ["name": try await facts.name(of: final.childID)], each: { ["step": final.step.staffLabel($0).lowercased(), "status": final.status.staffLabel($0).lowercased()] }))
        }
    }

    // MARK: aftercare plans

    public typealias Aftercare = Recorded<AftercarePlanSubject, AftercarePlanDetails>

    /// Records the aftercare plan for the child's latest discharge home, to a relative or to a guardian; the discharge
    /// day is taken from the episode.
    public func recordAftercarePlan(_ input: AftercarePlanEntry, in caseID: CaseID) async throws -> Aftercare {
        let acting = self.acting
        return try await change.write(.create, .aftercarePlan, caseID: caseID) { tx in
            let facts = try await CaseFacts(tx, caseID)
            let entry = input.tidied
            let discharged = try AftercareRules.check(entry, members: facts.members, episodes: try await facts.episodes().map(\.details))
            let details = entry.details(discharged: discharged)
            if try await PermanencyRepository(tx).records(in: caseID).aftercarePlan(of: details.childID, discharged: details.discharged) != nil {
                throw DuplicateRecord("childId", "This discharge already has an aftercare plan; change it instead")
            }
            let model = PermanencyRecordModel(caseID: caseID, kind: .aftercarePlan, child: details.childID, day: details.discharged, details,
                                              by: acting.actor.id, at: acting.now)
            try await model.create(on: tx)
            return (try model.recorded(AftercarePlanDetails.self),
                    .init(model.id, .audAftercareMade, ["name": try await facts.name(of: details.childID)]))
        }
    }

    public func changeAftercarePlan(_ id: AftercarePlanID, in caseID: CaseID, to input: AftercarePlanEntry, expectedVersion: Int) async throws -> Aftercare {
        let acting = self.acting
        return try await change.write(.update, .aftercarePlan, caseID: caseID) { tx in
            guard let model = try await PermanencyRepository(tx).model(id.uuid, .aftercarePlan, in: caseID) else {
                throw StoreError.absent("There is no such aftercare plan in this case")
            }
            let current = try StoredJSON.decode(AftercarePlanDetails.self, model.body)
            let facts = try await CaseFacts(tx, caseID)
            // The child and the discharge are the plan's own: an edit changes what is written, not whom it follows.
            var entry = input.tidied
            entry.childID = current.childID
            try AftercareRules.check(entry, members: facts.members, episodes: try await facts.episodes().map(\.details))
            let details = entry.details(discharged: current.discharged)
            model.apply(child: details.childID, day: details.discharged, details)
            try await model.saveChecked(expectedVersion: expectedVersion, on: tx)
            _ = acting
            return (try model.recorded(AftercarePlanDetails.self),
                    .init(model.id, .audAftercareChanged, ["name": try await facts.name(of: details.childID)]))
        }
    }

}
