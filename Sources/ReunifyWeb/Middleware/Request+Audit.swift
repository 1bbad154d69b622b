import Fluent
import Vapor
import ReunifyDomain
import ReunifyStore

extension Request {
    /// Adds an entry to the audit log for the signed-in user (or `user`, at sign-in), and returns once it is committed
    /// (written with the other requests' entries of the moment, in one transaction).
    func audit(_ action: AuditAction, _ kind: String, recordID: (any AnyRecordID)?, caseID: CaseID?, _ summary: Worded,
               as user: UserModel? = nil) async throws {
        let who = user ?? signedIn?.user
        try await application.auditBatcher.record(AuditEventModel(
            occurredAt: now, userID: who?.id, userEmail: who?.email ?? "anonymous", action: action.rawValue,
            recordKind: kind, recordID: recordID?.uuid, caseID: caseID?.uuid, summary: summary, address: clientAddress))
    }

    /// The same, its summary from the catalogue in every language.
    func audit(_ action: AuditAction, _ kind: String, recordID: (any AnyRecordID)?, caseID: CaseID?, _ key: Msg,
               _ values: [String: String] = [:], each: ((UILanguage) -> [String: String])? = nil, as user: UserModel? = nil) async throws {
        try await audit(action, kind, recordID: recordID, caseID: caseID, Worded(key, values, each: each), as: user)
    }

    func audit(_ action: AuditAction, _ kind: RecordKind, recordID: (any AnyRecordID)?, caseID: CaseID?, _ key: Msg,
               _ values: [String: String] = [:], each: ((UILanguage) -> [String: String])? = nil) async throws {
        try await audit(action, kind.rawValue, recordID: recordID, caseID: caseID, Worded(key, values, each: each))
    }
}
