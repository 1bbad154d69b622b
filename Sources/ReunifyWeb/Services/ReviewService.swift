import Fluent
import Vapor
import ReunifyDomain
import ReunifyStore

/// Running reunification reviews, for the pages and the API alike.
struct ReviewService {
    let req: Request
    var policy: ReunificationPolicy { .unitedStatesDefault }

    /// A review is for a child of the case who is in care with reunification as a goal; returns the months in care.
    func monthsInCare(caseID: UUID, childID: UUID) async throws -> Int {
        let members = try await PersonRepository(req.db).members(of: caseID)
        guard members.contains(where: { $0.personID == childID && $0.memberRole == .child }) else {
            throw ValidationFailure(field: "childId", "childId must be a child who is a member of this case")
        }
        let records = CaseRecordsRepository(req.db)
        guard let episode = try await records.episodes(of: caseID).first(where: { $0.childID == childID && $0.dischargeDate == nil }) else {
            throw ValidationFailure(field: "childId", "This child is not in care; a reunification review is for a child in care")
        }
        let goal = try await records.goals(of: caseID).first { $0.childID == childID }?.details
        guard goal?.includesReunification == true else {
            throw ValidationFailure(field: "childId", "Reunification is not among this child's permanency goals; set the goals first")
        }
        return episode.details.removalDate.wholeMonths(until: req.today)
    }

    /// Scores, checks and saves a review. Bad input or a missing rationale throws before anything is saved.
    func create(caseID: UUID, childID: UUID, input: (Int) throws -> ReviewInput) async throws -> ReviewModel {
        let months = try await monthsInCare(caseID: caseID, childID: childID)
        let reviewInput = try input(months)
        let outcome = ReunificationReview.evaluate(reviewInput, policy: policy)
        try ValidationFailure.check(ReunificationReview.problems(reviewInput, outcome: outcome))
        let model = ReviewModel(caseID: caseID, childID: childID, reviewerID: try req.requireSignedIn().user.requireID(),
                                reviewedOn: req.today, input: reviewInput, outcome: outcome)
        try await ReviewRepository(req.db).create(model)
        try await req.audit(.create, .reunificationReview, recordID: model.id, caseID: caseID,
                            "reviewed: \(outcome.recommendation.label.lowercased()) (risk \(outcome.riskLevel.label), visitation \(outcome.visitationStatus.label))")
        return model
    }

    /// A supervisor overrides the recommendation with a reason; the initial one is kept.
    func override(_ model: ReviewModel, to recommendation: Recommendation, reason: String, expectedVersion: Int) async throws {
        let signedIn = try req.requireSignedIn()
        guard req.policy.maySupervise(signedIn.actor) else {
            throw Abort(.forbidden, reason: "A supervisor approves an override of the recommendation")
        }
        try await ReviewRepository(req.db).override(model, to: recommendation, reason: reason, by: try signedIn.user.requireID(),
                                                    expectedVersion: expectedVersion, now: req.now)
        try await req.audit(.update, .reunificationReview, recordID: model.id, caseID: model.caseID,
                            "overrode the recommendation to \(recommendation.label.lowercased()): \(reason)")
    }

    /// A supervisor approves a review whose risk level was overridden at the worker's discretion.
    func approve(_ model: ReviewModel, expectedVersion: Int) async throws {
        let signedIn = try req.requireSignedIn()
        guard req.policy.maySupervise(signedIn.actor) else { throw Abort(.forbidden, reason: "A supervisor approves reviews") }
        guard model.approvedAt == nil else { throw Abort(.conflict, reason: "This review is already approved") }
        try await ReviewRepository(req.db).approve(model, by: try signedIn.user.requireID(), expectedVersion: expectedVersion, now: req.now)
        try await req.audit(.update, .reunificationReview, recordID: model.id, caseID: model.caseID, "approved the review")
    }
}
