import FluentKit
import SQLKit
import Foundation
import ReunifyDomain
import ReunifyMatching

/// Reads people and their parts in cases; they change through `PersonCommands`.
public struct PersonRepository: Sendable {
    let db: any Database
    public init(_ db: any Database) { self.db = db }

    public func find(_ id: PersonID) async throws -> PersonModel? { try await PersonModel.find(id.uuid, on: db) }

    public func find(_ ids: [UUID]) async throws -> [PersonModel] {
        guard !ids.isEmpty else { return [] }
        return try await PersonModel.query(on: db).filter(\.$id ~~ Array(Set(ids))).all()
    }

    /// The people of the cases given (those with `role`, if one is named) whose records were not merged into another,
    /// by name.
    public func unmerged(inCases caseIDs: Set<CaseID>, role: MemberRole? = nil) async throws -> [PersonModel] {
        guard !caseIDs.isEmpty else { return [] }
        let members = MemberModel.query(on: db).filter(\.$caseID ~~ caseIDs.map(\.uuid))
        if let role { members.filter(\.$role == role.rawValue) }
        let ids = Set(try await members.all(\.$personID))
        guard !ids.isEmpty else { return [] }
        return try await PersonModel.query(on: db).filter(\.$id ~~ Array(ids)).filter(\.$mergedInto == nil)
            .sort(\.$familyName).sort(\.$givenName).all()
    }

    /// The cases a person is a member of.
    public func caseIDs(of personID: PersonID) async throws -> [CaseID] {
        try await MemberModel.query(on: db).filter(\.$personID == personID.uuid).all(\.$caseID).map(CaseID.init)
    }

    public func members(of caseID: CaseID) async throws -> [MemberModel] {
        try await ModelRows.all(MemberModel.self, "case_id", in: [caseID.uuid], on: db)
    }

    public func member(_ id: MemberID, in caseID: CaseID) async throws -> MemberModel? {
        try await MemberModel.query(on: db).filter(\.$id == id.uuid).filter(\.$caseID == caseID.uuid).first()
    }

    /// A person found by a search, with their parts in the cases searched.
    public struct Found: Sendable {
        public let person: Recorded<PersonSubject, PersonDetails>
        public let memberships: [(caseID: CaseID, role: MemberRole)]
    }

    /// People whose names hold every term, among the cases given; with the cases each is in.
    public func search(_ query: String, within caseIDs: Set<CaseID>, limit: Int = 50) async throws -> [Found] {
        let terms = SearchText.terms(query)
        guard !terms.isEmpty, !caseIDs.isEmpty else { return [] }
        // The people of the cases searched are only ids here (a supervisor's unit holds hundreds); the memberships
        // are read for those found.
        let scope = caseIDs.map(\.uuid)
        let personIDs = try await RowColumns.all("""
            SELECT DISTINCT person_id FROM case_members WHERE case_id IN (\(SQLList(scope.map { SQLBind($0) })))
            """, on: db).map { try $0.uuid("person_id") }
        guard !personIDs.isEmpty else { return [] }
        let named = terms.map { "search_text LIKE \(bind: "%" + $0 + "%")" as SQLQueryString }
        let persons = try await ModelRows.all(PersonModel.self, "id", in: personIDs, and: named.joined(separator: " AND "),
                                              order: "family_name, given_name", limit: limit, on: db)
        let searched: [any Encodable & Sendable] = scope
        let members = try await ModelRows.all(MemberModel.self, "person_id", in: persons.compactMap(\.id),
                                              and: "case_id IN (\(binds: searched))", on: db)
        return persons.map { p in
            Found(person: p.recorded, memberships: members.filter { $0.personID == p.id }.map { (CaseID($0.caseID), $0.memberRole) })
        }
    }
}
