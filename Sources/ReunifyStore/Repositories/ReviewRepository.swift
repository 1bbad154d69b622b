import FluentKit
import Foundation
import ReunifyDomain

public struct ReviewRepository: Sendable {
    let db: any Database
    public init(_ db: any Database) { self.db = db }

    public func list(caseID: CaseID) async throws -> [ReviewModel] {
        try await ModelRows.all(ReviewModel.self, "case_id", in: [caseID.uuid], order: "reviewed_on DESC", on: db)
    }

    public func find(_ id: ReviewID, in caseID: CaseID) async throws -> ReviewModel? {
        try await ReviewModel.query(on: db).filter(\.$id == id.uuid).filter(\.$caseID == caseID.uuid).first()
    }

    /// Records a supervisor's override of the recommendation; the initial recommendation stays as it was.
    public func override(_ model: ReviewModel, to recommendation: Recommendation, reason: String, by supervisor: UUID,
                         expectedVersion: Int, now: Date) async throws {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationFailure([FieldError("reason", .ruleReviewOverrideWhy)])
        }
        model.finalRecommendation = recommendation.rawValue
        model.overrideReason = reason
        model.overrideBy = supervisor
        model.approvedBy = supervisor
        model.approvedAt = now
        try await model.saveChecked(expectedVersion: expectedVersion, on: db)
    }

    /// A supervisor approves the review as it stands (needed when a discretionary risk override was used).
    public func approve(_ model: ReviewModel, by supervisor: UUID, expectedVersion: Int, now: Date) async throws {
        model.approvedBy = supervisor
        model.approvedAt = now
        try await model.saveChecked(expectedVersion: expectedVersion, on: db)
    }

    /// The latest review date per child of the cases given.
    public func lastReviewDates(caseIDs: [UUID]) async throws -> [UUID: CalendarDate] {
        guard !caseIDs.isEmpty else { return [:] }
        var latest: [UUID: CalendarDate] = [:]
        for review in try await ModelRows.all(ReviewModel.self, "case_id", in: caseIDs, on: db) {
            let day = review.reviewDate
            if latest[review.childID].map({ day > $0 }) ?? true { latest[review.childID] = day }
        }
        return latest
    }

    public func all(inCases caseIDs: [CaseID]) async throws -> [ReviewModel] {
        guard !caseIDs.isEmpty else { return [] }
        return try await ModelRows.all(ReviewModel.self, "case_id", in: caseIDs.map(\.uuid), on: db)
    }
}
