import FluentKit
import Foundation
import ReunifyDomain

/// Practice vignettes and their ratings. Nothing here touches a real case.
public struct VignetteRepository: Sendable {
    let db: any Database
    public init(_ db: any Database) { self.db = db }

    /// Vignettes of a unit; every vignette when the unit is nil (staff who work across units).
    public func list(unit: String?) async throws -> [Vignette] {
        let query = VignetteModel.query(on: db).sort(\.$publishedOn, .descending)
        if let unit { query.filter(\.$unit == unit) }
        return try await query.all().map(\.vignette)
    }

    public func find(_ id: VignetteID) async throws -> Vignette? { try await VignetteModel.find(id.uuid, on: db)?.vignette }

    /// Writes a new vignette; `PracticeCommands.publish` is the one caller.
    func publish(_ model: VignetteModel) async throws -> Vignette {
        try await model.create(on: db)
        return model.vignette
    }

    public func ratings(of vignetteID: VignetteID) async throws -> [VignetteRating] {
        try await VignetteRatingModel.query(on: db).filter(\.$vignetteID == vignetteID.uuid).all().map(\.rating)
    }

    /// The ratings of several vignettes in one query.
    public func ratings(ofAll ids: [VignetteID]) async throws -> [VignetteRating] {
        guard !ids.isEmpty else { return [] }
        return try await VignetteRatingModel.query(on: db).filter(\.$vignetteID ~~ ids.map(\.uuid)).all().map(\.rating)
    }

    /// Saves a worker's ratings, replacing their earlier ones for the same vignette; `PracticeCommands.rate` is the one caller.
    func rate(vignetteID: UUID, userID: UUID, ratings: [String: Rating]) async throws {
        let json = AssessmentModel.json(ratings)
        if let existing = try await VignetteRatingModel.query(on: db).filter(\.$vignetteID == vignetteID).filter(\.$userID == userID).first() {
            existing.ratings = json
            try await existing.update(on: db)
        } else {
            try await VignetteRatingModel(vignetteID: vignetteID, userID: userID, ratings: json).create(on: db)
        }
    }
}
