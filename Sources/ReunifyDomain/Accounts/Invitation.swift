import Foundation

public enum InvitationSubject {}
public typealias InvitationID = Identifier<InvitationSubject>

/// What is wrong with a chosen password.
public enum PasswordProblem: Equatable, Sendable {
    case tooShort
    case mismatch
}

/// The one rule for a password a person chooses (a new account, an invitation accepted).
public enum PasswordRules {
    public static let minimumLength = 10

    public static func problem(_ password: String, confirmation: String? = nil) -> PasswordProblem? {
        if password.count < minimumLength { return .tooShort }
        if let confirmation, confirmation != password { return .mismatch }
        return nil
    }

    public static func check(_ password: String, confirmation: String? = nil) throws(ValidationFailure) {
        switch problem(password, confirmation: confirmation) {
        case .tooShort: throw ValidationFailure(field: "password", "Use a password of at least \(minimumLength) characters")
        case .mismatch: throw ValidationFailure(field: "confirmation", "The two passwords are not the same")
        case nil: return
        }
    }
}

/// An invitation for a family member to make their own account: a one-time link sent by e-mail, valid for 7 days.
public struct InvitationDetails: Equatable, Sendable, Codable {
    public var personID: PersonID
    public var email: String
    public var invitedBy: UserID
    public var sentAt: Date
    public var expiresAt: Date
    public var usedAt: Date?
    public var revokedAt: Date?

    public init(personID: PersonID, email: String, invitedBy: UserID, sentAt: Date, expiresAt: Date, usedAt: Date? = nil, revokedAt: Date? = nil) {
        self.personID = personID
        self.email = email
        self.invitedBy = invitedBy
        self.sentAt = sentAt
        self.expiresAt = expiresAt
        self.usedAt = usedAt
        self.revokedAt = revokedAt
    }

    public func isUsable(at now: Date) -> Bool { usedAt == nil && revokedAt == nil && now < expiresAt }
}

public enum InvitationRules {
    /// How long an invitation's link works.
    public static let validity: TimeInterval = 7 * 24 * 3600

    /// An invitation goes to a family member with a parent's part who has no account yet, at an e-mail address no
    /// account uses.
    public static func check(email: String, role: MemberRole?, personHasAccount: Bool, emailTaken: Bool) throws -> String {
        guard let role, MessageRules.familyRoles.contains(role) else {
            throw ValidationFailure(field: "personId", "Invite a parent, a non-resident father or a caregiver of the case")
        }
        if personHasAccount { throw ValidationFailure(field: "personId", "This person already has an account") }
        let address = email.trimmingCharacters(in: .whitespaces).lowercased()
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !address.contains(" "), address.count <= 200 else {
            throw ValidationFailure(field: "email", "Give an e-mail address like name@example.org")
        }
        if emailTaken { throw ValidationFailure(field: "email", "An account already uses \(address)") }
        return address
    }
}
