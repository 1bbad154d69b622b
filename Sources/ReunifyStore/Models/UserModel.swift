import FluentKit
import Foundation
import ReunifyDomain

public final class UserModel: Model, @unchecked Sendable {
    public static let schema = "users"

    @ID(key: .id) public var id: UUID?
    @Field(key: .email) public var email: String
    @Field(key: .name) public var name: String
    @Field(key: .role) public var role: String
    @OptionalField(key: .unit) public var unit: String?
    @OptionalField(key: .personID) public var personID: UUID?
    /// For provider staff: the organisation they work for, whose referrals they see.
    @OptionalField(key: .providerID) public var providerID: UUID?
    @Field(key: .passwordHash) public var passwordHash: String
    @Field(key: .disabled) public var disabled: Bool
    /// The language the person chose to read Reunify in (a `UILanguage` tag); nil until they choose.
    @OptionalField(key: .language) public var language: String?
    @Timestamp(key: .createdAt, on: .create) public var createdAt: Date?
    /// The fields above, listed for Fluent so reading or writing a row needs no reflection (`ModelFieldsTests`).
    public var properties: [any AnyProperty] {
        [$id, $email, $name, $role, $unit, $personID, $providerID, $passwordHash, $disabled, $language, $createdAt]
    }

    public init() {}

    public init(id: UUID? = nil, email: String, name: String, role: UserRole, unit: String?, personID: UUID?, passwordHash: String) {
        self.id = id
        self.email = email.lowercased()
        self.name = name
        self.role = role.rawValue
        self.unit = unit
        self.personID = personID
        self.passwordHash = passwordHash
        self.disabled = false
    }

    public var userRole: UserRole { UserRole(rawValue: role) ?? .provider }

    /// The language they chose, when it is one Reunify is written in.
    public var chosenLanguage: UILanguage? { language.flatMap(UILanguage.init(tag:)) }

    public var actor: Actor { Actor(id: UserID(id!), role: userRole, unit: unit) }
}
