import FluentKit
import Foundation
import ReunifyDomain
import ReunifyMatching

/// People and their parts in cases.
public struct PersonRepository: Sendable {
    let db: any Database
    public init(_ db: any Database) { self.db = db }

    public func find(_ id: UUID) async throws -> PersonModel? { try await PersonModel.find(id, on: db) }

    public func find(_ ids: [UUID]) async throws -> [PersonModel] {
        guard !ids.isEmpty else { return [] }
        return try await PersonModel.query(on: db).filter(\.$id ~~ Array(Set(ids))).all()
    }

    /// The people of the cases given (those with `role`, if one is named) whose records were not merged into another,
    /// by name.
    public func unmerged(inCases caseIDs: Set<UUID>, role: MemberRole? = nil) async throws -> [PersonModel] {
        guard !caseIDs.isEmpty else { return [] }
        let members = MemberModel.query(on: db).filter(\.$caseID ~~ Array(caseIDs))
        if let role { members.filter(\.$role == role.rawValue) }
        let ids = Set(try await members.all(\.$personID))
        guard !ids.isEmpty else { return [] }
        return try await PersonModel.query(on: db).filter(\.$id ~~ Array(ids)).filter(\.$mergedInto == nil)
            .sort(\.$familyName).sort(\.$givenName).all()
    }

    /// The cases a person is a member of.
    public func caseIDs(of personID: UUID) async throws -> [UUID] {
        try await MemberModel.query(on: db).filter(\.$personID == personID).all(\.$caseID)
    }

    public func members(of caseID: UUID) async throws -> [MemberModel] {
        try await MemberModel.query(on: db).filter(\.$caseID == caseID).all()
    }

    public func member(_ id: UUID, in caseID: UUID) async throws -> MemberModel? {
        try await MemberModel.query(on: db).filter(\.$id == id).filter(\.$caseID == caseID).first()
    }

    /// Records a new person and makes them a member of the case, together or not at all.
    public func addNewMember(_ details: PersonDetails, role: MemberRole, to caseID: UUID) async throws -> (PersonModel, MemberModel) {
        let person = PersonModel(details)
        let member = MemberModel(caseID: caseID, personID: UUID(), role: role)
        try await db.transaction { tx in
            try await person.create(on: tx)
            member.personID = try person.requireID()
            try await member.create(on: tx)
        }
        return (person, member)
    }

    /// Adds a person already known to Reunify (a sibling's case, a relative) to another case.
    public func addExistingMember(personID: UUID, role: MemberRole, to caseID: UUID) async throws -> MemberModel {
        guard try await find(personID) != nil else { throw StoreError.notFound("person") }
        if try await MemberModel.query(on: db).filter(\.$caseID == caseID).filter(\.$personID == personID).first() != nil {
            throw StoreError.duplicate("That person is already a member of this case")
        }
        let member = MemberModel(caseID: caseID, personID: personID, role: role)
        try await member.create(on: db)
        return member
    }

    public func update(_ person: PersonModel, to details: PersonDetails, expectedVersion: Int) async throws {
        person.apply(details)
        try await person.saveChecked(expectedVersion: expectedVersion, on: db)
    }

    /// People whose names hold every term, among the cases given; with the cases each is in.
    public func search(_ query: String, within caseIDs: Set<UUID>, limit: Int = 50) async throws -> [(PersonModel, [MemberModel])] {
        let terms = SearchText.terms(query)
        guard !terms.isEmpty, !caseIDs.isEmpty else { return [] }
        let members = try await MemberModel.query(on: db).filter(\.$caseID ~~ Array(caseIDs)).all()
        let personIDs = Array(Set(members.map(\.personID)))
        guard !personIDs.isEmpty else { return [] }
        let builder = PersonModel.query(on: db).filter(\.$id ~~ personIDs)
        for term in terms { builder.filter(\.$searchText, .contains(inverse: false, .anywhere), term) }
        let persons = try await builder.sort(\.$familyName).sort(\.$givenName).limit(limit).all()
        return persons.map { p in (p, members.filter { $0.personID == p.id }) }
    }
}
