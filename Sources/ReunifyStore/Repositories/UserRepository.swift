import FluentKit
import Foundation
import ReunifyDomain

public struct UserRepository: Sendable {
    let db: any Database
    public init(_ db: any Database) { self.db = db }

    public func find(_ id: UserID) async throws -> UserModel? { try await UserModel.find(id.uuid, on: db) }

    /// How many accounts there are: the health check's real query.
    public func count() async throws -> Int { try await UserModel.query(on: db).count() }

    public func find(email: String) async throws -> UserModel? {
        try await UserModel.query(on: db).filter(\.$email == email.lowercased().trimmingCharacters(in: .whitespaces)).first()
    }

    /// Display names of the users given, in one query.
    /// The email of each of these people's accounts, for those who have one.
    public func emails(ofPersons persons: [UUID]) async throws -> [PersonID: String] {
        let users = try await ModelRows.all(UserModel.self, "person_id", in: persons, on: db)
        return Dictionary(users.compactMap { u in u.personID.map { (PersonID($0), u.email) } }, uniquingKeysWith: { a, _ in a })
    }

    public func names(_ ids: [UserID]) async throws -> [UserID: String] {
        let unique = Set(ids).map(\.uuid)
        guard !unique.isEmpty else { return [:] }
        let users = try await ModelRows.all(UserModel.self, "id", in: unique, on: db)
        return Dictionary(users.map { ($0.typedID, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    public func all() async throws -> [UserModel] {
        try await UserModel.query(on: db).sort(\.$name).all()
    }

    public func caseworkers(unit: String?) async throws -> [UserModel] {
        let query = UserModel.query(on: db).filter(\.$role == UserRole.caseworker.rawValue).filter(\.$disabled == false)
        if let unit { query.filter(\.$unit == unit) }
        return try await query.sort(\.$name).all()
    }

    public func supervisors() async throws -> [UserModel] {
        try await UserModel.query(on: db).filter(\.$role == UserRole.supervisor.rawValue).sort(\.$name).all()
    }

    /// Makes an account. The email is the sign-in name and must be new.
    public func create(email: String, name: String, role: UserRole, unit: String?, personID: UUID? = nil,
                       passwordHash: String, id: UUID? = nil) async throws -> UserModel {
        let address = email.lowercased().trimmingCharacters(in: .whitespaces)
        guard address.contains("@"), address.count <= 200 else { throw StoreError.duplicate("'\(email)' is not an email address") }
        if try await find(email: address) != nil { throw StoreError.duplicate("An account for \(address) already exists") }
        let user = UserModel(id: id, email: address, name: name, role: role, unit: unit, personID: personID, passwordHash: passwordHash)
        try await user.create(on: db)
        return user
    }

    /// Records the language a person chose to read Reunify in. A setting of their own account, not a record of a
    /// family, so it is not a case's audit entry.
    public func setLanguage(_ id: UserID, _ language: UILanguage) async throws {
        try await UserModel.query(on: db).filter(\.$id == id.uuid).set(\.$language, to: language.tag).update()
    }
}
