import FluentKit
import Foundation
import ReunifyDomain
import SQLKit

/// Merges a duplicate person record into the one kept. Everything that pointed at the duplicate (case
/// memberships, relationships, removal episodes, goals, reviews, tracing links, a parent's account) moves to the
/// kept record, so both histories continue as one; the duplicate itself stays, marked as merged, so what was
/// recorded and audited under it can still be read.
public struct PersonMerge: Sendable {
    let db: any Database
    public init(_ db: any Database) { self.db = db }

    /// What the merge moved, for the audit entry.
    public struct Result: Sendable, Equatable {
        public var cases: [UUID]
        public var moved: Int
    }

    public func merge(_ duplicateID: UUID, into keptID: UUID) async throws -> Result {
        guard duplicateID != keptID else { throw StoreError.duplicate("A record cannot be merged into itself") }
        return try await db.transaction { tx in
            guard let kept = try await PersonModel.find(keptID, on: tx), kept.mergedInto == nil else { throw StoreError.notFound("person to keep") }
            guard let duplicate = try await PersonModel.find(duplicateID, on: tx), duplicate.mergedInto == nil else {
                throw StoreError.notFound("person to merge (it may have been merged already)")
            }
            let keptGoals = Set(try await PermanencyGoalModel.query(on: tx).filter(\.$childID == keptID).all(\.$caseID))
            let duplicateGoals = Set(try await PermanencyGoalModel.query(on: tx).filter(\.$childID == duplicateID).all(\.$caseID))
            if !keptGoals.isDisjoint(with: duplicateGoals) {
                throw StoreError.duplicate("Both records have permanency goals in the same case; change the goals so one remains, then merge")
            }
            let keptCases = Set(try await MemberModel.query(on: tx).filter(\.$personID == keptID).all(\.$caseID))
            let duplicateMembers = try await MemberModel.query(on: tx).filter(\.$personID == duplicateID).all()
            var moved = 0
            for member in duplicateMembers where keptCases.contains(member.caseID) {
                try await member.delete(on: tx)   // already a member there as the kept record
            }
            // Candidates for a request both records were proposed for: the kept record's stays.
            let keptRequests = try await MatchCandidateModel.query(on: tx).filter(\.$personID == keptID).all(\.$requestID)
            if !keptRequests.isEmpty {
                try await MatchCandidateModel.query(on: tx).filter(\.$personID == duplicateID).filter(\.$requestID ~~ keptRequests).delete()
            }
            guard let sql = tx as? any SQLDatabase else { fatalError("Reunify runs on SQL databases only") }
            let pointers: [(String, FieldKey)] = [
                (MemberModel.schema, .personID), (RelationshipModel.schema, .personID), (RelationshipModel.schema, .relatedPersonID),
                (RemovalEpisodeModel.schema, .childID), (PermanencyGoalModel.schema, .childID), (ReviewModel.schema, .childID),
                (MatchCandidateModel.schema, .personID), (TracingRequestModel.schema, .childID), (TracingRequestModel.schema, .linkedPersonID),
                (UserModel.schema, .personID), (ReferralModel.schema, .personID), (ConsentModel.schema, .personID),
            ]
            for (table, column) in pointers {
                let rows = try await sql.update(table)
                    .set(SQLIdentifier(column.description), to: SQLBind(keptID))
                    .where(SQLIdentifier(column.description), .equal, SQLBind(duplicateID))
                    .returning(SQLIdentifier(FieldKey.id.description))
                    .all()
                moved += rows.count
            }
            // A relationship between the two records would now join the kept person to themselves.
            try await RelationshipModel.query(on: tx).filter(\.$personID == keptID).filter(\.$relatedPersonID == keptID).delete()
            duplicate.mergedInto = keptID
            try await duplicate.saveChecked(expectedVersion: duplicate.version, on: tx)
            let cases = try await MemberModel.query(on: tx).filter(\.$personID == keptID).all(\.$caseID)
            return Result(cases: Array(Set(cases)).sorted { $0.uuidString < $1.uuidString }, moved: moved)
        }
    }
}
