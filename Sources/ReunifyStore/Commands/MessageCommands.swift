import FluentKit
import SQLKit
import Foundation
import ReunifyDomain

/// The one write path for messages: a family member writes in their own conversation, staff write in the
/// conversation of the family member they choose; `MessageRules` checks both, and each is audited in its transaction.
public struct MessageCommands: Sendable {
    let change: CaseChange
    public init(_ change: CaseChange) { self.change = change }

    /// Sends a message. From a family account the conversation is always the account's own person's (`with` is
    /// ignored); from staff it is the family member named.
    public func send(in caseID: CaseID, with person: PersonID?, body: String) async throws -> Recorded<MessageSubject, CaseMessageDetails> {
        let acting = change.acting
        return try await change.write(.create, .message, caseID: caseID) { tx in
            let fromFamily = acting.actor.role == .parent
            let own = fromFamily ? try await UserModel.find(acting.actor.id.uuid, on: tx)?.personID.map(PersonID.init) : nil
            guard let personID = fromFamily ? own : person else {
                throw ValidationFailure(field: "personId", fromFamily ? "Your account is not linked to a person in this case"
                                                                        : "Choose the family member to write to")
            }
            let facts = try await CaseFacts(tx, caseID)
            let role = facts.members.first { $0.personID == personID }?.role
            let text = try MessageRules.check(body, role: role)
            let model = CaseMessageModel(caseID: caseID, CaseMessageDetails(familyPersonID: personID, fromFamily: fromFamily,
                                                                            authorID: acting.actor.id, body: text, sentAt: acting.now))
            try await model.create(on: tx)
            let name = try await facts.name(of: personID)
            return (model.recorded, .init(model.id, fromFamily ? .audFamilyMessageSent : .audMessageSent, ["name": name]))
        }
    }
}

extension CaseRecordsRepository {
    /// A family member's conversation in a case, the latest `limit` messages, oldest first.
    public func messages(in caseID: CaseID, with person: PersonID, limit: Int = 50) async throws -> [Recorded<MessageSubject, CaseMessageDetails>] {
        try await CaseMessageModel.query(on: db).filter(\.$caseID == caseID.uuid).filter(\.$personID == person.uuid)
            .sort(\.$sentAt, .descending).limit(limit).all().map(\.recorded).reversed()
    }

    /// Every conversation of a case, the latest `limit` messages of each, oldest first within each: one statement
    /// (a window numbering each conversation's messages newest first).
    public func conversations(in caseID: CaseID, limit: Int = 10) async throws -> [PersonID: [Recorded<MessageSubject, CaseMessageDetails>]] {
        let rows = try await db.sql.raw("""
            SELECT id, person_id, from_family, author_id, body, sent_at FROM (
                SELECT id, person_id, from_family, author_id, body, sent_at,
                       ROW_NUMBER() OVER (PARTITION BY person_id ORDER BY sent_at DESC) AS n
                FROM case_messages WHERE case_id = \(bind: caseID.uuid)) numbered
            WHERE n <= \(bind: limit) ORDER BY sent_at
            """).all()
        let messages = try rows.map { row in
            Recorded<MessageSubject, CaseMessageDetails>(id: MessageID(try row.decode(column: "id", as: UUID.self)), version: 1, details: CaseMessageDetails(
                familyPersonID: PersonID(try row.decode(column: "person_id", as: UUID.self)),
                fromFamily: try row.decode(column: "from_family", as: Bool.self), authorID: UserID(try row.decode(column: "author_id", as: UUID.self)),
                body: try row.decode(column: "body", as: String.self), sentAt: try row.decode(column: "sent_at", as: Date.self)))
        }
        return Dictionary(grouping: messages, by: \.details.familyPersonID)
    }
}
