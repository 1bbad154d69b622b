import FluentKit
import Foundation
import ReunifyDomain

/// A session as stored: what happened, the clinical note if one was written, and who recorded it.
public struct RecordedSession: Sendable {
    public let session: Recorded<SessionSubject, SessionDetails>
    public let clinicalNote: String?
    public let recordedBy: UserID
}

extension ServiceRecordsRepository {
    public func sessions(in caseID: CaseID) async throws -> [RecordedSession] {
        try await ModelRows.all(SessionModel.self, "case_id", in: [caseID.uuid], order: "session_date", on: db)
            .map { RecordedSession(session: $0.recorded, clinicalNote: $0.clinicalNote, recordedBy: UserID($0.recordedBy)) }
    }
}

/// The one write path for sessions. The case's staff and the clinicians on its team record them; provider staff
/// record sessions of their own organisation's services for a family member referred to it. A clinical note is
/// written only by those who may read it back.
public struct SessionCommands: Sendable {
    let change: CaseChange
    public init(_ change: CaseChange) { self.change = change }
    var acting: Acting { change.acting }

    public func record(_ details: SessionDetails, clinicalNote: String?, in caseID: CaseID) async throws -> RecordedSession {
        let acting = self.acting
        let note = clinicalNote?.trimmingCharacters(in: .whitespacesAndNewlines)
        let clinical = (note ?? "").isEmpty ? nil : note
        let body: @Sendable (any Database) async throws -> (RecordedSession, CaseChange.Entry) = { tx in
            let facts = try await CaseFacts(tx, caseID)
            let objectives = Set(try await ServiceRecordsRepository(tx).plans(in: caseID).flatMap { $0.details.objectives.map(\.id) })
            try SessionRules.check(details, today: acting.today, members: Set(facts.members.map(\.personID)), objectives: objectives)
            if let serviceID = details.serviceID, try await ProviderRepository(tx).service(serviceID) == nil {
                throw ValidationFailure(field: "serviceId", "There is no service with id \(serviceID) in the directory")
            }
            let model = SessionModel(caseID: caseID, details, clinicalNote: clinical, recordedBy: acting.actor.id)
            try await model.create(on: tx)
            if clinical != nil {
                try await AuditRepository(tx).record(acting.auditEvent(.create, .clinicalNote, recordID: model.id, caseID: caseID,
                                                                       Worded(.audClinicalNote, each: { ["kind": details.kind.staffLabel($0).lowercased()] })))
            }
            let saved = RecordedSession(session: model.recorded, clinicalNote: clinical, recordedBy: acting.actor.id)
            return (saved, .init(model.id, .audSession, ["date": details.date.iso], each: { ["kind": details.kind.staffLabel($0).lowercased()] }))
        }
        if acting.actor.role == .provider {
            // Provider staff: a service of their organisation, for a family member with an open referral to it.
            guard let organisation = try await ProviderRepository(change.db).organisation(of: acting.actor.id),
                  let serviceID = details.serviceID,
                  let (_, providerID) = try await ProviderRepository(change.db).service(serviceID), providerID == organisation else {
                throw StoreError.noSuchCase
            }
            let referrals = try await ServiceRecordsRepository(change.db).referrals(in: caseID)
            let referred = Set(referrals.filter { $0.details.providerID == organisation && $0.details.status.takesSessions }
                .map(\.details.personID))
            guard details.participants.contains(where: { referred.contains($0.personID) }) else { throw StoreError.noSuchCase }
            return try await change.audited(.create, .serviceSession) { tx in
                let (value, entry) = try await body(tx)
                return (value, entry, caseID)
            }
        }
        if clinical != nil { try await change.authorize(.create, .clinicalNote, caseID: caseID) }
        return try await change.write(.create, .serviceSession, caseID: caseID, body)
    }
}
