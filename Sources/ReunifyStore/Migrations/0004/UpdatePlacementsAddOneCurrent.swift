import FluentKit
import SQLKit

/// A child lives in one place at a time and has one open removal episode at a time: the database holds to it too,
/// whatever path a write takes (partial unique indexes, written the same on SQLite and PostgreSQL).
struct UpdatePlacementsAddOneCurrent: AsyncMigration {
    static let onePlacement = "placements_one_current_per_episode"
    static let oneEpisode = "removal_episodes_one_open_per_child"

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("""
            CREATE UNIQUE INDEX \(unsafeRaw: Self.onePlacement) ON \(unsafeRaw: PlacementModel.schema) \
            (\(unsafeRaw: FieldKey.episodeID.description)) WHERE \(unsafeRaw: FieldKey.endDate.description) IS NULL
            """).run()
        try await sql.raw("""
            CREATE UNIQUE INDEX \(unsafeRaw: Self.oneEpisode) ON \(unsafeRaw: RemovalEpisodeModel.schema) \
            (\(unsafeRaw: FieldKey.caseID.description), \(unsafeRaw: FieldKey.childID.description)) \
            WHERE \(unsafeRaw: FieldKey.dischargeDate.description) IS NULL
            """).run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("DROP INDEX \(unsafeRaw: Self.onePlacement)").run()
        try await sql.raw("DROP INDEX \(unsafeRaw: Self.oneEpisode)").run()
    }
}
