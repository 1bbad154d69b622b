import Fluent
import Vapor
import ReunifyDomain
import ReunifyStore

/// Taking and completing assessments, for the pages and the API alike.
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

    func create(caseID: UUID, instrumentKey: String, point: AssessmentPoint, ratings: [String: Rating], notes: String?,
                complete: Bool) async throws -> (AssessmentModel, Instrument) {
        let instrument = try await instrument(instrumentKey)
        guard instrument.points.contains(point) else {
            throw ValidationFailure(field: "point", "\(instrument.title) is not used at \(point.label.lowercased())")
        }
        let model = try await AssessmentRepository(req.db).create(
            caseID: caseID, instrument: instrument, point: point, assessorID: try req.requireSignedIn().user.requireID(), on: req.today,
            ratings: ratings, notes: notes, complete: complete, now: req.now)
        try await req.audit(.create, .assessment, recordID: model.id, caseID: caseID,
                            "\(complete ? "completed" : "started") \(instrument.title) (\(point.label.lowercased()))")
        return (model, instrument)
    }

    func update(_ model: AssessmentModel, ratings: [String: Rating], notes: String?, complete: Bool, expectedVersion: Int) async throws -> Instrument {
        let instrument = try await instrument(of: model)
        try await AssessmentRepository(req.db).update(model, instrument: instrument, ratings: ratings, notes: notes, complete: complete,
                                                      expectedVersion: expectedVersion, now: req.now)
        try await req.audit(.update, .assessment, recordID: model.id, caseID: model.caseID,
                            complete ? "completed the assessment" : "saved the draft assessment")
        return instrument
    }
}
