import Fluent
import Vapor
import ReunifyDomain
import ReunifyStore

/// Finding an assessment's instrument, and handing a taken or completed assessment to `AssessmentCommands`, for the pages
/// and the API alike.
struct AssessmentService {
    let req: Request

    /// "id@version", or "id" for its newest version.
    func instrument(_ key: String) async throws -> Instrument {
        let catalog = InstrumentCatalog(req.db)
        let parts = key.split(separator: "@")
        let found: Instrument?
        if parts.count == 2, let version = Int(parts[1]) {
            found = try await catalog.find(id: String(parts[0]), version: version)
        } else {
            found = try await catalog.latest(id: key)
        }
        guard let found else {
            let known = try await catalog.all().map(\.key).joined(separator: ", ")
            throw ValidationFailure(field: "instrument", "'\(key)' is not a known instrument; use one of: \(known)")
        }
        return found
    }

    func instrument(of model: AssessmentModel) async throws -> Instrument {
        try await instrument(model.instrumentKey)
    }

    func instrument(of details: AssessmentDetails) async throws -> Instrument {
        try await instrument(details.instrumentKey)
    }

    func create(caseID: CaseID, instrumentKey: String, point: AssessmentPoint, ratings: [String: Rating], notes: String?,
                complete: Bool) async throws -> (AssessmentModel, Instrument) {
        let instrument = try await instrument(instrumentKey)
        let model = try await AssessmentCommands(req.change()).start(in: caseID, instrument: instrument, point: point,
                                                                     ratings: ratings, notes: notes, complete: complete)
        return (model, instrument)
    }

    func update(_ id: AssessmentID, in caseID: CaseID, instrumentKey: String, ratings: [String: Rating], notes: String?, complete: Bool,
                expectedVersion: Int) async throws -> (AssessmentModel, Instrument) {
        let instrument = try await instrument(instrumentKey)
        let saved = try await AssessmentCommands(req.change()).save(id, in: caseID, instrument: instrument, ratings: ratings,
                                                                    notes: notes, complete: complete, expectedVersion: expectedVersion)
        return (saved, instrument)
    }
}
