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
        public let memberships: [Membership]
    }

    /// A case a person found is in, with the case's name as its lists show it.
    public struct Membership: Sendable, Equatable {
        public let caseID: CaseID
        public let role: MemberRole
        public let familyName: String
        public let caseNumber: String
    }

    /// People whose names hold every term, among the cases given; with the cases each is in.
    public func search(_ query: String, within caseIDs: Set<CaseID>, limit: Int = 50) async throws -> [Found] {
        guard !caseIDs.isEmpty else { return [] }
        let ids: [any Encodable & Sendable] = caseIDs.map(\.uuid)
        return try await search(query, casesWhere: "id IN (\(binds: ids))", limit: limit)
    }

    /// People whose names hold every term, among the cases a scope lets its holder see; with those of their cases.
    /// Two statements, the scope a subquery in each: the people of a supervisor's unit are never listed as ids.
    public func search(_ query: String, scope: CaseScope, limit: Int = 50) async throws -> [Found] {
        guard let condition = CaseRepository.condition(scope) else { return [] }
        return try await search(query, casesWhere: condition, limit: limit)
    }

    /// `casesWhere` is a condition on `cases` naming the cases searched.
    private func search(_ query: String, casesWhere: SQLQueryString, limit: Int) async throws -> [Found] {
        let terms = SearchText.terms(query)
        guard !terms.isEmpty else { return [] }
        let searched: SQLQueryString = "SELECT id FROM cases WHERE " + casesWhere
        var condition: SQLQueryString = "id IN (SELECT person_id FROM case_members WHERE case_id IN (" + searched + "))"
        for term in terms { condition += " AND search_text LIKE \(bind: "%" + term + "%")" }
        let persons = try await ModelRows.all(PersonModel.self, where: condition, order: "family_name, given_name", limit: limit, on: db)
        guard !persons.isEmpty else { return [] }
        let found: [any Encodable & Sendable] = persons.compactMap(\.id)
        let rows = try await RowColumns.all("""
            SELECT m.person_id, m.case_id, m.role, c.family_name, c.case_number FROM case_members m JOIN cases c ON c.id = m.case_id
            WHERE m.person_id IN (\(binds: found)) AND m.case_id IN (
            """ + searched + ") ORDER BY c.family_name, c.case_number", on: db)
        var memberships: [UUID: [Membership]] = [:]
        for row in rows {
            memberships[try row.uuid("person_id"), default: []].append(Membership(
                caseID: CaseID(try row.uuid("case_id")), role: MemberModel.memberRole(try row.string("role")),
                familyName: try row.string("family_name"), caseNumber: try row.string("case_number")))
        }
        return persons.map { p in Found(person: p.recorded, memberships: memberships[p.id!] ?? []) }
    }
}
