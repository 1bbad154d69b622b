import FluentKit

struct CreateEpisodesAndPlacements: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(RemovalEpisodeModel.schema)
            .id()
            .field(.caseID, .uuid, .required, .references(CaseModel.schema, .id, onDelete: .cascade))
            .field(.childID, .uuid, .required, .references(PersonModel.schema, .id))
            .field(.removalDate, .string, .required)
            .field(.manner, .string, .required)
            .field(.circumstances, .string, .required)
            .field(.judicialFindingDate, .string)
            .field(.dischargeDate, .string)
            .field(.dischargeReason, .string)
            .field(.version, .int, .required)
            .create()
        try await database.schema(PlacementModel.schema)
            .id()
            .field(.caseID, .uuid, .required, .references(CaseModel.schema, .id, onDelete: .cascade))
            .field(.episodeID, .uuid, .required, .references(RemovalEpisodeModel.schema, .id, onDelete: .cascade))
            .field(.setting, .string, .required)
            .field(.caregiverName, .string, .required)
            .field(.startDate, .string, .required)
            .field(.endDate, .string)
            .field(.changeReason, .string)
            .field(.version, .int, .required)
            .create()
        try await database.schema(PermanencyGoalModel.schema)
            .id()
            .field(.caseID, .uuid, .required, .references(CaseModel.schema, .id, onDelete: .cascade))
            .field(.childID, .uuid, .required, .references(PersonModel.schema, .id))
            .field(.primaryPlan, .string, .required)
            .field(.primarySince, .string, .required)
            .field(.concurrentPlan, .string)
            .field(.concurrentSince, .string)
            .field(.version, .int, .required)
            .unique(on: .caseID, .childID)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PermanencyGoalModel.schema).delete()
        try await database.schema(PlacementModel.schema).delete()
        try await database.schema(RemovalEpisodeModel.schema).delete()
    }
}
