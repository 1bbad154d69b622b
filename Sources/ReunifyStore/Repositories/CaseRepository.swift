import FluentKit
import Foundation
import SQLKit
import ReunifyDomain

/// Cases: who may see them, the caseload, and the case file's own facts.
public struct CaseRepository: Sendable {
    let db: any Database
    public init(_ db: any Database) { self.db = db }

    public func find(_ id: CaseID) async throws -> CaseModel? {
        try await ModelRows.all(CaseModel.self, "id", in: [id.uuid], on: db).first
    }

    public func find(_ ids: Set<CaseID>) async throws -> [CaseModel] {
        guard !ids.isEmpty else { return [] }
        return try await ModelRows.all(CaseModel.self, "id", in: ids.map(\.uuid), on: db)
    }

    /// The accounts on a case's team.
    public func teamUserIDs(of caseID: CaseID) async throws -> [UUID] {
        try await TeamMemberModel.query(on: db).filter(\.$caseID == caseID.uuid).all(\.$userID)
    }

    /// What the access policy needs to know about a case; nil when there is no such case.
    public func facts(_ id: CaseID) async throws -> CaseAccessFacts? {
        guard let model = try await find(id) else { return nil }
        let team = try await ModelRows.all(TeamMemberModel.self, "case_id", in: [id.uuid], on: db)
        let roles: [any Encodable & Sendable] = [MemberRole.parent, .caregiver, .nonResidentFather].map(\.rawValue)
        let familyPersons = try await ModelRows.all(MemberModel.self, "case_id", in: [id.uuid], and: "role IN (\(binds: roles))", on: db)
            .map(\.personID)
        let familyAccounts = try await ModelRows.all(UserModel.self, "person_id", in: familyPersons,
                                                     and: "role = \(bind: UserRole.parent.rawValue)", on: db)
        return CaseAccessFacts(
            caseworkerID: model.caseworkerID.map(UserID.init), supervisorID: model.supervisorID.map(UserID.init), unit: model.unit,
            team: Dictionary(team.map { (UserID($0.userID), $0.teamRole) }, uniquingKeysWith: { a, _ in a }),
            familyAccounts: Set(familyAccounts.compactMap { $0.id.map(UserID.init) }))
    }

    /// The ids of every case the scope lets its holder see.
    public func visibleCaseIDs(_ scope: CaseScope) async throws -> Set<CaseID> {
        guard let condition = Self.condition(scope) else { return [] }
        let rows = try await db.sql.raw("SELECT id FROM cases WHERE \(condition)").all()
        return Set(try rows.map { CaseID(try $0.decode(column: "id", as: UUID.self)) })
    }

    /// The cases a scope lets its holder see, as a condition on `cases`; nil when it lets them see none. One statement
    /// with the team's cases as a subquery (the lists ask on every page; see `Benchmarks/README.md`).
    /// The ids come from a union of indexed reads, not an OR over the table: PostgreSQL walks every case to test an
    /// OR with a subquery (60 ms a list with 100 000 families, 1 ms as a union; Benchmarks/README.md).
    static func condition(_ scope: CaseScope) -> SQLQueryString? {
        let team: (UserID) -> SQLQueryString = { "SELECT case_id FROM case_team_members WHERE user_id = \(bind: $0.uuid)" }
        switch scope {
        case .none:
            return nil
        case .assignedOrTeam(let user):
            return "id IN (SELECT id FROM cases WHERE caseworker_id = \(bind: user.uuid) UNION " + team(user) + ")"
        case .unit(let unit, let user):
            let own: SQLQueryString = "id IN (SELECT id FROM cases WHERE supervisor_id = \(bind: user.uuid) UNION " + team(user)
            return own + (unit.map { " UNION SELECT id FROM cases WHERE unit = \(bind: $0))" } ?? ")")
        case .family(let user):
            return """
                id IN (SELECT m.case_id FROM case_members m JOIN users u ON u.person_id = m.person_id WHERE u.id = \(bind: user.uuid))
                """
        }
    }

    /// One page of the cases in scope, by family name then case number, and how many there are in all.
    public func list(_ scope: CaseScope, stage: CaseStage? = nil, page: Int, per: Int) async throws -> (cases: [CaseModel], total: Int) {
        guard var condition = Self.condition(scope) else { return ([], 0) }
        if let stage { condition += " AND stage = \(bind: stage.rawValue)" }
        let offset = max(0, (page - 1) * per)
        let rows = try await RowColumns.all("""
            SELECT \(unsafeRaw: CaseModel.columns), COUNT(*) OVER () AS total FROM cases WHERE \(condition)
            ORDER BY family_name, case_number LIMIT \(bind: per) OFFSET \(bind: offset)
            """, on: db)
        let total: Int
        if let first = rows.first {
            total = try first.int("total")
        } else {
            total = try await db.sql.raw("SELECT COUNT(*) AS total FROM cases WHERE \(condition)").first()?.decode(column: "total", as: Int.self) ?? 0
        }
        return (try rows.map(CaseModel.init(row:)), total)
    }

    public func find(caseNumber: String) async throws -> CaseModel? {
        try await CaseModel.query(on: db).filter(\.$caseNumber == caseNumber.trimmingCharacters(in: .whitespaces)).first()
    }

    /// Raises the records stamp of `ids`: called in the transaction of every change to a record of those cases, by
    /// the write paths (`CaseChange`, `Acting.audited`), so a line kept from the records is stale as soon as any of
    /// them changes.
    public func touchRecords(_ ids: [CaseID]) async throws {
        guard !ids.isEmpty else { return }
        let list: [any Encodable & Sendable] = ids.map(\.uuid)
        try await db.sql.raw("UPDATE cases SET records_stamp = records_stamp + 1 WHERE id IN (\(binds: list))").run()
    }

    /// Keeps the assigned caseworker and supervisor on the team.
    func syncTeam(_ model: CaseModel, on db: any Database) async throws {
        let id = try model.requireID()
        let existing = try await TeamMemberModel.query(on: db).filter(\.$caseID == id).all()
        for (user, role) in [(model.caseworkerID, TeamRole.caseworker), (model.supervisorID, .supervisor)] {
            guard let user, !existing.contains(where: { $0.userID == user }) else { continue }
            try await TeamMemberModel(caseID: id, userID: user, role: role).create(on: db)
        }
    }
}
