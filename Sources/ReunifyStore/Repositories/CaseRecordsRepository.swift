import FluentKit
import Foundation
import ReunifyDomain

/// Reads a case's relationships, removal episodes, placements and permanency goals. Every lookup is confined to one
/// case, so an id from another case is simply not found. Episodes, placements and goals change through
/// `RemovalCommands`.
public struct CaseRecordsRepository: Sendable {
    let db: any Database
    public init(_ db: any Database) { self.db = db }

    public func relationship(_ id: UUID, in caseID: UUID) async throws -> RelationshipModel? {
        try await RelationshipModel.query(on: db).filter(\.$id == id).filter(\.$caseID == caseID).first()
    }

    public func episodes(of caseID: UUID) async throws -> [RemovalEpisodeModel] {
        try await RemovalEpisodeModel.query(on: db).filter(\.$caseID == caseID).sort(\.$removalDate).all()
    }

    public func episode(_ id: UUID, in caseID: UUID) async throws -> RemovalEpisodeModel? {
        try await RemovalEpisodeModel.query(on: db).filter(\.$id == id).filter(\.$caseID == caseID).first()
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

    public func goals(of caseID: UUID) async throws -> [PermanencyGoalModel] {
        try await PermanencyGoalModel.query(on: db).filter(\.$caseID == caseID).all()
    }

    public func goal(_ id: UUID, in caseID: UUID) async throws -> PermanencyGoalModel? {
        try await PermanencyGoalModel.query(on: db).filter(\.$id == id).filter(\.$caseID == caseID).first()
    }
}
