import FluentKit
import Foundation
import ReunifyDomain

/// A case's relationships, removal episodes, placements and permanency goals. Every lookup is
/// confined to one case, so an id from another case is simply not found.
public struct CaseRecordsRepository: Sendable {
    let db: any Database
    public init(_ db: any Database) { self.db = db }

    public func relationship(_ id: UUID, in caseID: UUID) async throws -> RelationshipModel? {
        try await RelationshipModel.query(on: db).filter(\.$id == id).filter(\.$caseID == caseID).first()
    }

    public func addRelationship(_ details: RelationshipDetails, to caseID: UUID) async throws -> RelationshipModel {
        let model = RelationshipModel(caseID: caseID, details)
        try await model.create(on: db)
        return model
    }

    public func removeRelationship(_ model: RelationshipModel) async throws {
        try await model.delete(on: db)
    }

    public func episodes(of caseID: UUID) async throws -> [RemovalEpisodeModel] {
        try await RemovalEpisodeModel.query(on: db).filter(\.$caseID == caseID).sort(\.$removalDate).all()
    }

    public func episode(_ id: UUID, in caseID: UUID) async throws -> RemovalEpisodeModel? {
        try await RemovalEpisodeModel.query(on: db).filter(\.$id == id).filter(\.$caseID == caseID).first()
    }

    public func addEpisode(_ details: RemovalEpisodeDetails, to caseID: UUID) async throws -> RemovalEpisodeModel {
        let open = try await RemovalEpisodeModel.query(on: db).filter(\.$caseID == caseID)
            .filter(\.$childID == details.childID.uuid).filter(\.$dischargeDate == nil).first()
        if open != nil && details.dischargeDate == nil {
            throw StoreError.duplicate("This child already has an open removal episode; record its discharge first")
        }
        let model = RemovalEpisodeModel(caseID: caseID, details)
        try await model.create(on: db)
        return model
    }

    public func update(_ model: RemovalEpisodeModel, to details: RemovalEpisodeDetails, expectedVersion: Int) async throws {
        model.apply(details)
        try await model.saveChecked(expectedVersion: expectedVersion, on: db)
    }

    public func placements(of episodeID: UUID) async throws -> [PlacementModel] {
        try await PlacementModel.query(on: db).filter(\.$episodeID == episodeID).sort(\.$startDate).all()
    }

    public func placements(ofCase caseID: UUID) async throws -> [PlacementModel] {
        try await PlacementModel.query(on: db).filter(\.$caseID == caseID).sort(\.$startDate).all()
    }

    public func placement(_ id: UUID, in caseID: UUID) async throws -> PlacementModel? {
        try await PlacementModel.query(on: db).filter(\.$id == id).filter(\.$caseID == caseID).first()
    }

    /// Adds a placement; a current placement of the same episode that started earlier is ended the day
    /// the new one starts, so a child is never in two places at once.
    public func addPlacement(_ details: PlacementDetails, to episode: RemovalEpisodeModel) async throws -> PlacementModel {
        let model = PlacementModel(caseID: episode.caseID, episodeID: try episode.requireID(), details)
        try await db.transaction { tx in
            let current = try await PlacementModel.query(on: tx).filter(\.$episodeID == episode.id!).filter(\.$endDate == nil).all()
            for previous in current where previous.startDate <= details.startDate.iso {
                previous.endDate = details.startDate.iso
                previous.changeReason = previous.changeReason ?? "Moved to \(details.setting.label.lowercased())"
                try await previous.saveChecked(expectedVersion: previous.version, on: tx)
            }
            try await model.create(on: tx)
        }
        return model
    }

    public func update(_ model: PlacementModel, to details: PlacementDetails, expectedVersion: Int) async throws {
        model.apply(details)
        try await model.saveChecked(expectedVersion: expectedVersion, on: db)
    }

    public func goals(of caseID: UUID) async throws -> [PermanencyGoalModel] {
        try await PermanencyGoalModel.query(on: db).filter(\.$caseID == caseID).all()
    }

    public func goal(_ id: UUID, in caseID: UUID) async throws -> PermanencyGoalModel? {
        try await PermanencyGoalModel.query(on: db).filter(\.$id == id).filter(\.$caseID == caseID).first()
    }

    public func addGoal(_ details: PermanencyGoalDetails, to caseID: UUID) async throws -> PermanencyGoalModel {
        if try await PermanencyGoalModel.query(on: db).filter(\.$caseID == caseID).filter(\.$childID == details.childID.uuid).first() != nil {
            throw StoreError.duplicate("This child already has permanency goals; change them instead")
        }
        let model = PermanencyGoalModel(caseID: caseID, details)
        try await model.create(on: db)
        return model
    }

    public func update(_ model: PermanencyGoalModel, to details: PermanencyGoalDetails, expectedVersion: Int) async throws {
        model.apply(details)
        try await model.saveChecked(expectedVersion: expectedVersion, on: db)
    }
}
