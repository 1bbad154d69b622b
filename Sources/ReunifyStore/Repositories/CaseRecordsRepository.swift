import FluentKit
import Foundation
import ReunifyDomain

/// Reads a case's relationships, removal episodes, placements and permanency goals. Every lookup is confined to one
/// case, so an id from another case is simply not found. Episodes, placements and goals change through
/// `RemovalCommands`.
public struct CaseRecordsRepository: Sendable {
    let db: any Database
    public init(_ db: any Database) { self.db = db }

    public func relationship(_ id: RelationshipID, in caseID: CaseID) async throws -> RelationshipModel? {
        try await RelationshipModel.query(on: db).filter(\.$id == id.uuid).filter(\.$caseID == caseID.uuid).first()
    }

    public func episodes(of caseID: CaseID) async throws -> [RemovalEpisodeModel] {
        try await ModelRows.all(RemovalEpisodeModel.self, "case_id", in: [caseID.uuid], order: "removal_date", on: db)
    }

    /// The episodes among `episodes` whose removal came within a year of an earlier discharge of the same child, in
    /// any case.
    public func reEntries(_ episodes: [RemovalEpisodeModel], policy: TimelinePolicy) async throws -> Set<UUID> {
        try await reEntries(episodes.map { ($0.id!, $0.details) }, policy: policy)
    }

    public func reEntries(_ episodes: [(id: UUID, details: RemovalEpisodeDetails)], policy: TimelinePolicy) async throws -> Set<UUID> {
        let children = Array(Set(episodes.map(\.details.childID.uuid)))
        guard !children.isEmpty else { return [] }
        let all = try await ModelRows.all(RemovalEpisodeModel.self, "child_id", in: children, on: db).map(\.details)
        let clock = PermanencyClock(policy: policy)
        return Set(episodes.filter { clock.isReEntry($0.details, among: all) }.map(\.id))
    }

    public func episode(_ id: EpisodeID, in caseID: CaseID) async throws -> RemovalEpisodeModel? {
        try await RemovalEpisodeModel.query(on: db).filter(\.$id == id.uuid).filter(\.$caseID == caseID.uuid).first()
    }

    public func placements(of episodeID: EpisodeID) async throws -> [PlacementModel] {
        try await PlacementModel.query(on: db).filter(\.$episodeID == episodeID.uuid).sort(\.$startDate).sort(\.$recordedAt).all()
    }

    public func placements(ofCase caseID: CaseID) async throws -> [PlacementModel] {
        try await ModelRows.all(PlacementModel.self, "case_id", in: [caseID.uuid], order: "start_date, recorded_at", on: db)
    }

    public func placement(_ id: PlacementID, in caseID: CaseID) async throws -> PlacementModel? {
        try await PlacementModel.query(on: db).filter(\.$id == id.uuid).filter(\.$caseID == caseID.uuid).first()
    }

    public func goals(of caseID: CaseID) async throws -> [PermanencyGoalModel] {
        try await ModelRows.all(PermanencyGoalModel.self, "case_id", in: [caseID.uuid], on: db)
    }

    public func goal(_ id: GoalID, in caseID: CaseID) async throws -> PermanencyGoalModel? {
        try await PermanencyGoalModel.query(on: db).filter(\.$id == id.uuid).filter(\.$caseID == caseID.uuid).first()
    }
}
