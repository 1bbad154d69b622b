import FluentKit
import Foundation
import ReunifyDomain

/// The one write path for reunification reviews: running one, a supervisor's override of its recommendation, and a
/// supervisor's approval, each with its audit entry in the same transaction.
public struct ReviewCommands: Sendable {
    let change: CaseChange
    let policy: ReunificationPolicy

    public init(_ change: CaseChange, policy: ReunificationPolicy = .unitedStatesDefault) {
        self.change = change
        self.policy = policy
    }

    var acting: Acting { change.acting }

    /// Scores, checks and saves a review. `input` reads the worker's answers once the months in care are known; bad
    /// input or a missing rationale throws before anything is saved.
    public func run(for child: PersonID, in caseID: CaseID,
                    input: @escaping @Sendable (Int) throws -> ReviewInput) async throws -> ReviewModel {
        let acting = self.acting, policy = self.policy
        return try await change.write(.create, .reunificationReview, caseID: caseID) { tx in
            let facts = try await CaseFacts(tx, caseID)
            let open = try await facts.episodes().first { $0.details.childID == child && $0.details.isOpen }?.details
            let goals = try await CaseRecordsRepository(tx).goals(of: caseID).first { $0.childID == child.uuid }?.details
            let months = try ReviewRules.monthsInCare(child, members: facts.members, openEpisode: open, goals: goals, today: acting.today)
            let entered = try input(months)
            let repo = FamilyTimeRepository(tx)
            let since = VisitRules.reviewPeriodStart(lastReview: try await facts.lastReview(of: child.uuid), removal: open?.removalDate,
                                                     today: acting.today)
            let visits = try await repo.visits(in: caseID).map { (id: $0.id, details: $0.details) }
            let figures = VisitationFigures.of(visits, childID: child, from: since, to: acting.today, now: acting.now).figures
            let reviewInput = entered.reading(visits: figures, safety: try await repo.latestSafety(of: child, in: caseID)?.details, today: acting.today)
            let outcome = ReunificationReview.evaluate(reviewInput, policy: policy)
            try ValidationFailure.check(ReunificationReview.problems(reviewInput, outcome: outcome))
            let model = ReviewModel(caseID: caseID.uuid, childID: child.uuid, reviewerID: acting.actor.id.uuid, reviewedOn: acting.today,
                                    input: reviewInput, outcome: outcome)
            try await model.create(on: tx)
            return (model, .init(model.id, .audReviewed, each: { ["recommendation": outcome.recommendation.staffLabel($0).lowercased(), "risk": outcome.riskLevel.staffLabel($0), "visits": outcome.visitationStatus.staffLabel($0)] }))
        }
    }

    /// A supervisor overrides the recommendation with a reason; the initial one is kept.
    public func override(_ reviewID: ReviewID, in caseID: CaseID, to recommendation: Recommendation, reason: String,
                         expectedVersion: Int) async throws -> ReviewModel {
        guard acting.policy.maySupervise(acting.actor) else {
            throw StoreError.refused(.accSupervisorOverride)
        }
        let acting = self.acting
        return try await change.write(.update, .reunificationReview, caseID: caseID) { tx in
            let model = try await Self.review(reviewID, in: caseID, on: tx)
            try await ReviewRepository(tx).override(model, to: recommendation, reason: reason, by: acting.actor.id.uuid,
                                                    expectedVersion: expectedVersion, now: acting.now)
            return (model, .init(model.id, .audOverride, ["reason": reason], each: { ["recommendation": recommendation.staffLabel($0).lowercased()] }))
        }
    }

    /// A supervisor approves a review whose risk level was overridden at the worker's discretion.
    public func approve(_ reviewID: ReviewID, in caseID: CaseID, expectedVersion: Int) async throws -> ReviewModel {
        guard acting.policy.maySupervise(acting.actor) else { throw StoreError.refused(.accSupervisorReviews) }
        let acting = self.acting
        return try await change.write(.update, .reunificationReview, caseID: caseID) { tx in
            let model = try await Self.review(reviewID, in: caseID, on: tx)
            guard model.approvedAt == nil else { throw DuplicateRecord("version", .ruleReviewApproved) }
            try await ReviewRepository(tx).approve(model, by: acting.actor.id.uuid, expectedVersion: expectedVersion, now: acting.now)
            return (model, .init(model.id, .audReviewApproved))
        }
    }

    static func review(_ id: ReviewID, in caseID: CaseID, on db: any Database) async throws -> ReviewModel {
        guard let model = try await ReviewRepository(db).find(id, in: caseID) else {
            throw StoreError.absent("There is no reunification review \(id) in this case")
        }
        return model
    }
}
