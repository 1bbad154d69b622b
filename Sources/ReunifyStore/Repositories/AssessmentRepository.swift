import FluentKit
import Foundation
import ReunifyDomain

public struct AssessmentRepository: Sendable {
    let db: any Database
    public init(_ db: any Database) { self.db = db }

    public func list(caseID: CaseID) async throws -> [AssessmentModel] {
        try await ModelRows.all(AssessmentModel.self, "case_id", in: [caseID.uuid], order: "assessed_on", on: db)
    }

    public func find(_ id: AssessmentID, in caseID: CaseID) async throws -> AssessmentModel? {
        try await AssessmentModel.query(on: db).filter(\.$id == id.uuid).filter(\.$caseID == caseID.uuid).first()
    }

    /// Starts an assessment (a draft) or records a completed one in one go.
    public func create(caseID: UUID, instrument: Instrument, point: AssessmentPoint, assessorID: UUID, on day: CalendarDate,
                       ratings: [String: Rating], notes: String?, complete: Bool, now: Date) async throws -> AssessmentModel {
        try ValidationFailure.check(AssessmentResult.validate(ratings, instrument: instrument, completing: complete))
        let model = AssessmentModel(caseID: caseID, instrument: instrument, point: point, assessorID: assessorID, assessedOn: day)
        model.ratingValues = ratings
        model.notes = notes
        if complete {
            model.status = AssessmentModel.Status.completed.rawValue
            model.completedAt = now
        }
        try await model.create(on: db)
        return model
    }

    /// Saves more ratings on a draft, and completes it when asked. A completed assessment is not changed.
    public func update(_ model: AssessmentModel, instrument: Instrument, ratings: [String: Rating], notes: String?, complete: Bool,
                       expectedVersion: Int, now: Date) async throws {
        guard !model.isCompleted else {
            throw ValidationFailure(field: "status", "This assessment is completed and cannot be changed; start a new one")
        }
        try ValidationFailure.check(AssessmentResult.validate(ratings, instrument: instrument, completing: complete))
        model.ratingValues = ratings
        model.notes = notes
        if complete {
            model.status = AssessmentModel.Status.completed.rawValue
            model.completedAt = now
        }
        try await model.saveChecked(expectedVersion: expectedVersion, on: db)
    }

    /// Completed assessments of the cases given, for the calibration report.
    public func completed(inCases caseIDs: [CaseID]) async throws -> [AssessmentModel] {
        guard !caseIDs.isEmpty else { return [] }
        return try await AssessmentModel.query(on: db).filter(\.$caseID ~~ caseIDs.map(\.uuid))
            .filter(\.$status == AssessmentModel.Status.completed.rawValue).all()
    }
}
