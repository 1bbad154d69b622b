import FluentKit
import Foundation
import ReunifyDomain

/// Cases: who may see them, the caseload, and the case file's own facts.
public struct CaseRepository: Sendable {
    let db: any Database
    public init(_ db: any Database) { self.db = db }

    public func find(_ id: CaseID) async throws -> CaseModel? {
        try await CaseModel.find(id.uuid, on: db)
    }

    public func find(_ ids: Set<CaseID>) async throws -> [CaseModel] {
        guard !ids.isEmpty else { return [] }
        return try await CaseModel.query(on: db).filter(\.$id ~~ ids.map(\.uuid)).all()
    }

    /// The accounts on a case's team.
    public func teamUserIDs(of caseID: CaseID) async throws -> [UUID] {
        try await TeamMemberModel.query(on: db).filter(\.$caseID == caseID.uuid).all(\.$userID)
    }

    /// What the access policy needs to know about a case; nil when there is no such case.
    public func facts(_ id: CaseID) async throws -> CaseAccessFacts? {
        guard let model = try await find(id) else { return nil }
        let team = try await TeamMemberModel.query(on: db).filter(\.$caseID == id.uuid).all()
        let familyPersons = try await MemberModel.query(on: db).filter(\.$caseID == id.uuid)
            .filter(\.$role ~~ [MemberRole.parent, .caregiver, .nonResidentFather].map(\.rawValue)).all().map(\.personID)
        let familyAccounts = familyPersons.isEmpty ? [] : try await UserModel.query(on: db)
            .filter(\.$personID ~~ familyPersons).filter(\.$role == UserRole.parent.rawValue).all()
        return CaseAccessFacts(
            caseworkerID: model.caseworkerID.map(UserID.init), supervisorID: model.supervisorID.map(UserID.init), unit: model.unit,
            team: Dictionary(team.map { (UserID($0.userID), $0.teamRole) }, uniquingKeysWith: { a, _ in a }),
            familyAccounts: Set(familyAccounts.compactMap { $0.id.map(UserID.init) }))
    }

    /// The ids of every case the scope lets its holder see.
    public func visibleCaseIDs(_ scope: CaseScope) async throws -> Set<CaseID> {
        Set(try await scoped(scope)?.all(\.$id).map(CaseID.init) ?? [])
    }

    func scoped(_ scope: CaseScope) async throws -> QueryBuilder<CaseModel>? {
        switch scope {
        case .none:
            return nil
        case .assignedOrTeam(let user):
            let teamCases = try await TeamMemberModel.query(on: db).filter(\.$userID == user.uuid).all(\.$caseID)
            return CaseModel.query(on: db).group(.or) {
                $0.filter(\.$caseworkerID == user.uuid).filter(\.$id ~~ teamCases)
            }
        case .unit(let unit, let user):
            let teamCases = try await TeamMemberModel.query(on: db).filter(\.$userID == user.uuid).all(\.$caseID)
            return CaseModel.query(on: db).group(.or) {
                $0.filter(\.$supervisorID == user.uuid).filter(\.$id ~~ teamCases)
                if let unit { $0.filter(\.$unit == unit) }
            }
        case .family(let user):
            guard let person = try await UserModel.find(user.uuid, on: db)?.personID else { return nil }
            let cases = try await MemberModel.query(on: db).filter(\.$personID == person).all(\.$caseID)
            return CaseModel.query(on: db).filter(\.$id ~~ cases)
        }
    }

    /// One page of the cases in scope, open cases first, then by family name.
    public func list(_ scope: CaseScope, stage: CaseStage? = nil, page: Int, per: Int) async throws -> (cases: [CaseModel], total: Int) {
        guard let query = try await scoped(scope) else { return ([], 0) }
        if let stage { query.filter(\.$stage == stage.rawValue) }
        let total = try await query.copy().count()
        let cases = try await query.sort(\.$familyName).sort(\.$caseNumber)
            .offset(max(0, (page - 1) * per)).limit(per).all()
        return (cases, total)
    }

    public func find(caseNumber: String) async throws -> CaseModel? {
        try await CaseModel.query(on: db).filter(\.$caseNumber == caseNumber.trimmingCharacters(in: .whitespaces)).first()
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
