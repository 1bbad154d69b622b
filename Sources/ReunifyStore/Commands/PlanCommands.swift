import FluentKit
import Foundation
import ReunifyDomain

/// The one write path for case plan versions: drafting, changing a draft, recording each parent's answer and the
/// supervisor's approval, each checked by `PlanRules` and audited in the change's transaction.
public struct PlanCommands: Sendable {
    let change: CaseChange
    public init(_ change: CaseChange) { self.change = change }
    var acting: Acting { change.acting }

    /// Drafts a new version: the next number in the case.
    public func draft(_ goals: [PlanGoal], in caseID: CaseID) async throws -> Recorded<PlanSubject, CasePlanDetails> {
        let acting = self.acting
        try await PlanCommands.checkServices(goals, on: change.db)
        return try await change.write(.create, .casePlan, caseID: caseID) { tx in
            try PlanRules.check(goals, draftedOn: acting.today)
            let existing = try await ServiceRecordsRepository(tx).plans(in: caseID)
            let number = (existing.map(\.details.number).max() ?? 0) + 1
            let model = CasePlanModel(caseID: caseID, CasePlanDetails(number: number, goals: goals, draftedOn: acting.today),
                                      draftedBy: acting.actor.id)
            try await model.create(on: tx)
            return (model.recorded, .init(model.id, .audPlanDrafted, ["number": "\(number)"]))
        }
    }

    public func change(_ id: PlanID, in caseID: CaseID, goals: [PlanGoal], expectedVersion: Int) async throws -> Recorded<PlanSubject, CasePlanDetails> {
        let acting = self.acting
        try await PlanCommands.checkServices(goals, on: change.db)
        return try await change.write(.update, .casePlan, caseID: caseID) { tx in
            guard let model = try await ServiceRecordsRepository(tx).planModel(id, in: caseID) else {
                throw StoreError.absent("There is no such plan in this case")
            }
            let changed = try PlanRules.change(model.details, goals: goals, today: acting.today)
            model.apply(changed)
            try await model.saveChecked(expectedVersion: expectedVersion, on: tx)
            return (model.recorded, .init(model.id, .audPlanChanged, ["number": "\(changed.number)"]))
        }
    }

    /// Records one member's answer to a version; the version is agreed once every member with a parent's part has
    /// answered.
    public func recordAgreement(on id: PlanID, in caseID: CaseID, personID: PersonID, agreed: Bool, language: String,
                                note: String?) async throws -> Recorded<PlanSubject, CasePlanDetails> {
        let acting = self.acting
        return try await change.write(.update, .casePlan, caseID: caseID) { tx in
            try await Self.answer(id, in: caseID, personID: personID, agreed: agreed, language: language, note: note, acting: acting, on: tx)
        }
    }

    /// A family member's own answer to a version, given from the family's pages: the person is the account's own,
    /// and the answer follows the same rule as one a caseworker records.
    public func answerAsFamily(on id: PlanID, in caseID: CaseID, agreed: Bool, language: String,
                               note: String?) async throws -> Recorded<PlanSubject, CasePlanDetails> {
        let acting = self.acting
        return try await change.write(.create, .planAnswer, caseID: caseID) { tx in
            guard let person = try await UserModel.find(acting.actor.id.uuid, on: tx)?.personID else {
                throw StoreError.absent("Your account is not linked to a person in this case")
            }
            return try await Self.answer(id, in: caseID, personID: PersonID(person), agreed: agreed, language: language, note: note,
                                         acting: acting, on: tx)
        }
    }

    static func answer(_ id: PlanID, in caseID: CaseID, personID: PersonID, agreed: Bool, language: String, note: String?,
                       acting: Acting, on tx: any Database) async throws -> (Recorded<PlanSubject, CasePlanDetails>, CaseChange.Entry) {
        guard let model = try await ServiceRecordsRepository(tx).planModel(id, in: caseID) else {
            throw StoreError.absent("There is no such plan in this case")
        }
        let facts = try await CaseFacts(tx, caseID)
        let role = facts.members.first { $0.personID == personID }?.role
        let agreeing = Set(facts.members.filter { PlanRules.agreeingRoles.contains($0.role) }.map(\.personID))
        let answer = PlanAgreement(personID: personID, agreed: agreed, language: language, note: note, recordedOn: acting.today,
                                   recordedBy: acting.actor.id)
        let changed = try PlanRules.recordAgreement(answer, on: model.details, role: role, agreeingMembers: agreeing)
        model.apply(changed)
        try await model.saveChecked(expectedVersion: model.version, on: tx)
        let name = try await facts.name(of: personID)
        return (model.recorded, .init(model.id, agreed ? .audPlanAgreed : .audPlanNotAgreed, ["name": name, "number": "\(changed.number)"]))
    }

    /// The supervisor approves an agreed version from `startsOn` (today when nil); the version in force before it is
    /// superseded from that day.
    public func approve(_ id: PlanID, in caseID: CaseID, startsOn: CalendarDate?) async throws -> Recorded<PlanSubject, CasePlanDetails> {
        let acting = self.acting
        try await change.authorize(.create, .planApproval, caseID: caseID)
        return try await change.write(.update, .casePlan, caseID: caseID) { tx in
            let repo = ServiceRecordsRepository(tx)
            guard let model = try await repo.planModel(id, in: caseID) else { throw StoreError.absent("There is no such plan in this case") }
            let approved = try PlanRules.approve(model.details, by: acting.actor.id, today: acting.today, startsOn: startsOn)
            let start = approved.startsOn ?? acting.today
            for other in try await CasePlanModel.query(on: tx).filter(\.$caseID == caseID.uuid).filter(\.$id != model.id!).all()
            where [PlanStatus.active, .approved].contains(other.details.status) {
                var d = other.details
                d.status = .superseded
                d.supersededOn = start
                other.apply(d)
                try await other.saveChecked(expectedVersion: other.version, on: tx)
            }
            model.apply(approved)
            try await model.saveChecked(expectedVersion: model.version, on: tx)
            return (model.recorded, .init(model.id, .audPlanApproved, ["number": "\(approved.number)", "date": start.iso]))
        }
    }

    /// Every service an intervention names is in the directory and of the intervention's category.
    static func checkServices(_ goals: [PlanGoal], on db: any Database) async throws {
        var errors: [FieldError] = []
        for (g, goal) in goals.enumerated() {
            for (o, objective) in goal.objectives.enumerated() {
                for (i, intervention) in objective.interventions.enumerated() {
                    guard let id = intervention.serviceID else { continue }
                    let field = "goals[\(g)].objectives[\(o)].interventions[\(i)].serviceId"
                    guard let found = try await ProviderRepository(db).service(id) else {
                        errors.append(FieldError(field, "There is no service with id \(id) in the directory"))
                        continue
                    }
                    if found.service.details.category != intervention.category {
                        errors.append(FieldError(field, "That service gives \(found.service.details.category.label.lowercased()), not \(intervention.category.label.lowercased())"))
                    }
                }
            }
        }
        try ValidationFailure.check(errors)
    }
}
