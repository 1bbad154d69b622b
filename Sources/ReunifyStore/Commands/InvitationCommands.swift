import FluentKit
import Foundation
import ReunifyDomain

/// The one write path for family accounts made by invitation: staff invite a family member (an earlier unused
/// invitation of theirs stops working), and the family member, following the link, chooses a password, which makes
/// their account. Both are audited in their transaction.
public struct InvitationCommands: Sendable {
    let db: any Database
    public init(_ db: any Database) { self.db = db }

    /// Invites `person` of the case at `email`; the caller keeps the token (only its hash is stored) and sends it.
    public func invite(_ change: CaseChange, in caseID: CaseID, person: PersonID, email: String,
                       tokenHash: String) async throws -> InvitationDetails {
        let acting = change.acting
        return try await change.write(.create, .invitation, caseID: caseID) { tx in
            let facts = try await CaseFacts(tx, caseID)
            let role = facts.members.first { $0.personID == person }?.role
            let hasAccount = try await UserModel.query(on: tx).filter(\.$personID == person.uuid).first() != nil
            let candidate = email.trimmingCharacters(in: .whitespaces).lowercased()
            let taken = try await UserModel.query(on: tx).filter(\.$email == candidate).first() != nil
            let address = try InvitationRules.check(email: email, role: role, personHasAccount: hasAccount, emailTaken: taken)
            for earlier in try await InvitationModel.query(on: tx).filter(\.$personID == person.uuid).filter(\.$usedAt == nil)
                .filter(\.$revokedAt == nil).all() {
                earlier.revokedAt = acting.now
                try await earlier.update(on: tx)
            }
            let details = InvitationDetails(personID: person, email: address, invitedBy: acting.actor.id, sentAt: acting.now,
                                            expiresAt: acting.now.addingTimeInterval(InvitationRules.validity))
            let model = InvitationModel(tokenHash: tokenHash, caseID: caseID, details)
            try await model.create(on: tx)
            let name = try await facts.name(of: person)
            return (details, .init(model.id, .audInvited, ["name": name, "address": address]))
        }
    }

    /// The invitation behind a link's token, with its case, when it still works.
    public func usable(tokenHash: String, now: Date) async throws -> InvitationModel? {
        guard let model = try await InvitationModel.query(on: db).filter(\.$tokenHash == tokenHash).first(),
              model.details.isUsable(at: now) else { return nil }
        return model
    }

    /// Makes the family member's account with the password they chose and uses the invitation up. Nil when the link
    /// no longer works (used, replaced or expired), so a second press of the button makes no second account.
    public func accept(tokenHash: String, passwordHash: String, now: Date, address: String?) async throws -> UserModel? {
        try await db.transaction { tx in
            try await DialectSQL.claimWriteLock(tx)
            guard let invitation = try await InvitationModel.query(on: tx).filter(\.$tokenHash == tokenHash).first(),
                  invitation.details.isUsable(at: now) else { return nil }
            guard let person = try await PersonModel.find(invitation.personID, on: tx) else { return nil }
            let sameEmail = try await UserModel.query(on: tx).filter(\.$email == invitation.email).first()
            let samePerson = try await UserModel.query(on: tx).filter(\.$personID == invitation.personID).first()
            if sameEmail != nil || samePerson != nil {
                throw StoreError.duplicate("An account already exists for this person or e-mail address; please sign in")
            }
            let user = UserModel(email: invitation.email, name: person.details.fullName, role: .parent, unit: nil,
                                 personID: invitation.personID, passwordHash: passwordHash)
            user.language = UILanguage.first(of: person.details.languages)?.tag
            try await user.create(on: tx)
            invitation.usedAt = now
            try await invitation.update(on: tx)
            try await AuditRepository(tx).record(AuditEventModel(
                occurredAt: now, userID: user.id, userEmail: user.email, action: AuditAction.create.rawValue, recordKind: RecordKind.invitation.rawValue,
                recordID: invitation.id, caseID: invitation.caseID, summary: Worded(.audInvitationAccepted, ["name": user.name]),
                address: address))
            return user
        }
    }

    /// The latest invitation of each family member of a case.
    public func latest(in caseID: CaseID) async throws -> [PersonID: InvitationDetails] {
        let all = try await ModelRows.all(InvitationModel.self, "case_id", in: [caseID.uuid], order: "sent_at", on: db)
        return Dictionary(all.map { (PersonID($0.personID), $0.details) }, uniquingKeysWith: { _, b in b })
    }
}
