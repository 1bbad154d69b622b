import FluentKit
import Foundation
import ReunifyDomain

/// The one write path for assessments: starting one (a draft, or completed in one go) and saving or completing a
/// draft, each checked against its instrument and written with its audit entry in the same transaction.
public struct AssessmentCommands: Sendable {
    let change: CaseChange
    public init(_ change: CaseChange) { self.change = change }

    var acting: Acting { change.acting }

    public func start(in caseID: CaseID, instrument: Instrument, point: AssessmentPoint, ratings: [String: Rating], notes: String?,
                      complete: Bool) async throws -> AssessmentModel {
        if let problem = instrument.problem(takenAt: point) { throw ValidationFailure([problem]) }
        let acting = self.acting
        return try await change.write(.create, .assessment, caseID: caseID) { tx in
            let model = try await AssessmentRepository(tx).create(
                caseID: caseID.uuid, instrument: instrument, point: point, assessorID: acting.actor.id.uuid, on: acting.today,
                ratings: ratings, notes: notes, complete: complete, now: acting.now)
            return (model, .init(model.id, complete ? .audAssessmentCompleted : .audAssessmentStarted, each: { ["instrument": instrument.worded($0).instrument.title, "point": point.staffLabel($0).lowercased()] }))
        }
    }

    public func save(_ assessmentID: AssessmentID, in caseID: CaseID, instrument: Instrument, ratings: [String: Rating], notes: String?,
                     complete: Bool, expectedVersion: Int) async throws -> AssessmentModel {
        let acting = self.acting
        return try await change.write(.update, .assessment, caseID: caseID) { tx in
            let repo = AssessmentRepository(tx)
            guard let model = try await repo.find(assessmentID, in: caseID) else {
                throw StoreError.absent("There is no such assessment in this case")
            }
            try await repo.update(model, instrument: instrument, ratings: ratings, notes: notes, complete: complete,
                                  expectedVersion: expectedVersion, now: acting.now)
            return (model, .init(model.id, complete ? .audAssessmentDone : .audAssessmentDraft))
        }
    }
}
