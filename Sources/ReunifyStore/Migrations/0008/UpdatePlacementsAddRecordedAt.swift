import FluentKit

/// When each placement was recorded: placements that start on the same day are ordered by it (the outcome measures
/// read an episode's placements by start date, then as recorded). Placements recorded before this have none and come
/// first among those of their day.
struct UpdatePlacementsAddRecordedAt: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PlacementModel.schema).field(.recordedAt, .datetime).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PlacementModel.schema).deleteField(.recordedAt).update()
    }
}
