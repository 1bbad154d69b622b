import FluentKit
import Foundation
import ReunifyDomain

/// The one write path for the people of a case: recording a new person as a member, adding someone already known,
/// and changing a person's details, each with its audit entry in the same transaction.
public struct PersonCommands: Sendable {
    let change: CaseChange
    public init(_ change: CaseChange) { self.change = change }

    var acting: Acting { change.acting }

    /// Records a new person and makes them a member of the case, together or not at all.
    public func addNew(_ details: PersonDetails, role: MemberRole, to caseID: CaseID) async throws -> (PersonModel, MemberModel) {
        try ValidationFailure.check(details.validate(today: acting.today))
        return try await change.write(.create, .member, caseID: caseID) { tx in
            let person = PersonModel(details)
            try await person.create(on: tx)
            let member = MemberModel(caseID: caseID.uuid, personID: try person.requireID(), role: role)
            try await member.create(on: tx)
            return ((person, member), .init(person.id, .audPersonAdded, ["name": details.fullName], each: { ["role": role.staffLabel($0).lowercased()] }))
        }
    }

    /// Adds a person already known to Reunify (a sibling's case, a relative) to another case. Which people the actor
    /// may reach is the caller's question (`visible`: the cases open to them); a person outside them is not found.
    public func addKnown(_ personID: PersonID, role: MemberRole, to caseID: CaseID, visible: Set<CaseID>) async throws -> (PersonModel, MemberModel) {
        try await change.write(.create, .member, caseID: caseID) { tx in
            let persons = PersonRepository(tx)
            guard !Set(try await persons.caseIDs(of: personID)).isDisjoint(with: visible), let person = try await persons.find(personID) else {
                throw ValidationFailure(field: "personId", "There is no person with id \(personID) in the cases open to you")
            }
            if try await persons.members(of: caseID).contains(where: { $0.personID == personID.uuid }) {
                throw DuplicateRecord("personId", .ruleMemberAlready)
            }
            let member = MemberModel(caseID: caseID.uuid, personID: personID.uuid, role: role)
            try await member.create(on: tx)
            return ((person, member), .init(personID.uuid, .audKnownPersonAdded, ["name": person.details.fullName], each: { ["role": role.staffLabel($0).lowercased()] }))
        }
    }

    /// Changes a person reached through one of their cases; the change is audited in that case.
    public func change(_ personID: PersonID, via caseID: CaseID, to details: PersonDetails, expectedVersion: Int) async throws -> PersonModel {
        try ValidationFailure.check(details.validate(today: acting.today))
        return try await change.write(.update, .person, caseID: caseID) { tx in
            let persons = PersonRepository(tx)
            guard try await persons.caseIDs(of: personID).contains(caseID), let person = try await persons.find(personID) else {
                throw StoreError.absent("There is no such person in this case")
            }
            person.apply(details)
            try await person.saveChecked(expectedVersion: expectedVersion, on: tx)
            // Audited in the case it was reached through, but what the person's other cases show changes too.
            try await CaseRepository(tx).touchRecords(try await persons.caseIDs(of: personID))
            return (person, .init(personID.uuid, .audPersonChanged, ["name": details.fullName]))
        }
    }

    // MARK: merging

    /// Whether the actor may change this person: the policy allows updating people in one of their cases.
    public func mayChange(_ personID: PersonID) async throws -> Bool {
        let db = change.db
        for caseID in try await PersonRepository(db).caseIDs(of: personID) {
            if let facts = try await CaseRepository(db).facts(caseID), acting.policy.decide(acting.actor, .update, .person, in: facts).isAllowed {
                return true
            }
        }
        return false
    }

    /// Merges a person registered twice into the record kept: every record that named the duplicate names the kept
    /// person, the duplicate stays as a pointer. Both must be people the actor may change; the reason is required.
    /// The merge is audited in every case of either record, in the same transaction; tracing scores are renewed.
    public func merge(_ duplicateID: PersonID, into keptID: PersonID, reason: String) async throws -> PersonMerge.Result {
        let why = try PersonRules.mergeReason(reason)
        for id in [keptID, duplicateID] where !(try await mayChange(id)) {
            throw StoreError.notFound("There is no person with id \(id) that you may change")
        }
        let result: PersonMerge.Result = try await acting.audited(on: change.db, .update, .person) { tx in
            let persons = PersonRepository(tx)
            let before = Set(try await persons.caseIDs(of: duplicateID)).union(try await persons.caseIDs(of: keptID))
            let names = try await persons.find([keptID.uuid, duplicateID.uuid])
            func name(_ id: PersonID) -> String { names.first { $0.id == id.uuid }?.details.fullName ?? "someone" }
            let result: PersonMerge.Result
            do {
                result = try await PersonMerge(tx).merge(duplicateID.uuid, into: keptID.uuid)
            } catch StoreError.notFound(let what) {
                throw StateConflict("Cannot merge: no \(what)")
            }
            let values = ["duplicate": name(duplicateID), "duplicateID": "\(duplicateID)", "kept": name(keptID), "keptID": "\(keptID)", "reason": why]
            return (result, .init(keptID.uuid, .audMerged, values), before.sorted { $0.description < $1.description })
        }
        try await TracingScorer(change.db, today: acting.today, now: acting.now).rescore(personID: keptID.uuid)
        return result
    }
}
