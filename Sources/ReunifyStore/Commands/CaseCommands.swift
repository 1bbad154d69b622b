import FluentKit
import Foundation
import ReunifyDomain

/// The one write path for a case itself and its relationships: opening, changing, recording and removing, each
/// checked against the domain's rules and written with its audit entry in one transaction.
public struct CaseCommands: Sendable {
    let change: CaseChange
    public init(_ change: CaseChange) { self.change = change }

    var acting: Acting { change.acting }

    /// Opens a case; a caseworker who opens one holds it unless they name someone else. Its caseworker and supervisor
    /// join its team.
    public func open(_ details: CaseDetails) async throws -> CaseModel {
        guard acting.policy.mayCreateCase(acting.actor) else { throw StoreError.refused(.accOpenCases) }
        let details = details.openedBy(acting.actor)
        try ValidationFailure.check(details.validate(today: acting.today))
        return try await change.audited(.create, .caseFile) { tx in
            try await Self.requireFreeNumber(details.caseNumber, except: nil, on: tx)
            try await Self.requireStaff(details, on: tx)
            let model = CaseModel(details)
            try await model.create(on: tx)
            try await CaseRepository(tx).syncTeam(model, on: tx)
            let id = CaseID(try model.requireID())
            return (model, .init(id.uuid, .audCaseOpened, ["number": details.caseNumber]), id)
        }
    }

    public func change(_ caseID: CaseID, to details: CaseDetails, expectedVersion: Int) async throws -> CaseModel {
        try ValidationFailure.check(details.validate(today: acting.today))
        return try await change.write(.update, .caseFile, caseID: caseID) { tx in
            guard let model = try await CaseRepository(tx).find(caseID) else { throw StoreError.noSuchCase }
            try await Self.requireFreeNumber(details.caseNumber, except: caseID, on: tx)
            try await Self.requireStaff(details, on: tx)
            model.apply(details)
            try await model.saveChecked(expectedVersion: expectedVersion, on: tx)
            try await CaseRepository(tx).syncTeam(model, on: tx)
            return (model, .init(caseID.uuid, .audCaseChanged))
        }
    }

    /// Records how two members of the case are related.
    public func relate(_ details: RelationshipDetails, in caseID: CaseID) async throws -> RelationshipModel {
        try await change.write(.create, .relationship, caseID: caseID) { tx in
            let members = Set(try await PersonRepository(tx).members(of: caseID).map { PersonID($0.personID) })
            try ValidationFailure.check(details.validate(members: members))
            let model = RelationshipModel(caseID: caseID.uuid, details)
            try await model.create(on: tx)
            return (model, .init(model.id, .audRelationship, each: { ["kind": details.kind.staffLabel($0).lowercased()] }))
        }
    }

    /// Removes a relationship recorded by mistake; the audit log keeps what it said.
    public func unrelate(_ id: RelationshipID, in caseID: CaseID) async throws -> RelationshipModel {
        try await change.write(.delete, .relationship, caseID: caseID) { tx in
            guard let model = try await CaseRecordsRepository(tx).relationship(id, in: caseID) else {
                throw StoreError.absent("There is no such relationship in this case")
            }
            let persons = PersonRepository(tx)
            let a = try await persons.find(PersonID(model.personID))?.details.fullName ?? "someone"
            let b = try await persons.find(PersonID(model.relatedPersonID))?.details.fullName ?? "someone"
            try await model.delete(on: tx)
            return (model, .init(id.uuid, .audRelationshipRemoved, ["a": a, "b": b], each: { ["kind": model.details.kind.staffLabel($0).lowercased()] }))
        }
    }

    /// Adds a member of staff to the case's team.
    public func addToTeam(_ userID: UserID, role: TeamRole, in caseID: CaseID) async throws {
        try await change.write(.create, .team, caseID: caseID) { tx in
            guard let user = try await UserRepository(tx).find(userID) else {
                throw ValidationFailure(field: "userId", .ruleTeamStaff)
            }
            if let problem = TeamRules.checkJoining(user.userRole) { throw ValidationFailure([problem]) }
            if try await CaseRepository(tx).teamUserIDs(of: caseID).contains(userID.uuid) {
                throw DuplicateRecord("userId", .ruleTeamAlready)
            }
            try await TeamMemberModel(caseID: caseID.uuid, userID: userID.uuid, role: role).create(on: tx)
            return ((), .init(userID.uuid, .audTeamAdded, ["name": user.name], each: { ["role": role.staffLabel($0).lowercased()] }))
        }
    }

    /// Takes someone off the case's team.
    public func removeFromTeam(_ userID: UserID, in caseID: CaseID) async throws {
        try await change.write(.delete, .team, caseID: caseID) { tx in
            guard let model = try await CaseRepository(tx).find(caseID) else { throw StoreError.noSuchCase }
            if let problem = TeamRules.checkLeaving(userID, caseworker: model.caseworkerID.map(UserID.init),
                                                    supervisor: model.supervisorID.map(UserID.init)) {
                throw ValidationFailure([problem])
            }
            try await TeamMemberModel.query(on: tx).filter(\.$caseID == caseID.uuid).filter(\.$userID == userID.uuid).delete()
            return ((), .init(userID.uuid, .audTeamRemoved))
        }
    }

    /// The caseworker and supervisor a case names are people who work here.
    static func requireStaff(_ details: CaseDetails, on db: any Database) async throws {
        var errors: [FieldError] = []
        for (field, id) in [("caseworkerId", details.caseworkerID), ("supervisorId", details.supervisorID)] {
            if let id, try await UserRepository(db).find(id) == nil {
                errors.append(FieldError(field, "There is no staff member with id \(id); choose one from the list of staff"))
            }
        }
        try ValidationFailure.check(errors)
    }

    static func requireFreeNumber(_ number: String, except caseID: CaseID?, on db: any Database) async throws {
        if let holder = try await CaseRepository(db).find(caseNumber: number), holder.id != caseID?.uuid {
            throw DuplicateRecord("caseNumber", "Case number \(number) is already in use")
        }
    }
}
