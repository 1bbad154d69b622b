import Foundation

public enum MessageSubject {}
public typealias MessageID = Identifier<MessageSubject>

/// One message in a conversation between a family member and the staff of their case. Each family member has their
/// own conversation in a case (`familyPersonID`): two parents never read each other's, so a parent's new address
/// written to the caseworker stays between them. Messages are never changed once sent.
public struct CaseMessageDetails: Equatable, Sendable, Codable {
    /// The family member whose conversation this is.
    public var familyPersonID: PersonID
    /// True when the family member wrote it; false when staff did.
    public var fromFamily: Bool
    public var authorID: UserID
    public var body: String
    public var sentAt: Date

    public init(familyPersonID: PersonID, fromFamily: Bool, authorID: UserID, body: String, sentAt: Date) {
        self.familyPersonID = familyPersonID
        self.fromFamily = fromFamily
        self.authorID = authorID
        self.body = body
        self.sentAt = sentAt
    }
}

/// What is wrong with a message before it is sent.
public enum MessageProblem: Equatable, Sendable {
    case empty
    case tooLong(Int)
}

public enum MessageRules {
    /// Long enough for a letter, short enough to read on a phone.
    public static let maxLength = 4000

    /// The members of a case who have a conversation with its staff: those with a parent's part, the same who agree
    /// to a plan (and who may be invited to their own account).
    public static var familyRoles: Set<MemberRole> { PlanRules.agreeingRoles }

    /// The problem with a message's text, if any (counted after trimming spaces at either end).
    public static func problem(_ body: String) -> MessageProblem? {
        let text = body.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return .empty }
        if text.count > maxLength { return .tooLong(text.count) }
        return nil
    }

    /// The text to keep, or the reason it cannot be sent; the conversation must be a family member's with a parent's part.
    public static func check(_ body: String, role: MemberRole?) throws -> String {
        guard let role, familyRoles.contains(role) else {
            throw ValidationFailure(field: "personId", "Messages are exchanged with a parent, a non-resident father or a caregiver of the case")
        }
        switch problem(body) {
        case .empty: throw ValidationFailure(field: "body", "Write the message")
        case .tooLong(let n): throw ValidationFailure(field: "body", "A message holds at most \(maxLength) characters; this one has \(n)")
        case nil: return body.trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }
}
