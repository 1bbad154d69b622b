import FluentKit
import SQLKit
import Foundation
import ReunifyDomain

/// Removal episodes and placements as the outcome measures and the exports read them: the agency's, or one unit's
/// (the episodes of its cases), in pages ordered by id so a long export never sits in memory.
public struct OutcomesRepository: Sendable {
    let db: any Database
    public init(_ db: any Database) { self.db = db }

    /// One row of the episodes export.
    public struct EpisodeRow: Sendable {
        public let id: UUID
        public let childID: UUID
        public let birthDate: String?
        public let removalDate: String
        public let dischargeDate: String?
        public let dischargeReason: String?
        public let unit: String
        public let caseID: UUID
    }

    /// One row of the placements export.
    public struct PlacementRow: Sendable {
        public let id: UUID
        public let childID: UUID
        public let episodeID: UUID
        public let startDate: String
        public let endDate: String?
        public let setting: String
    }

    func episodeQuery(_ scope: OutcomesScope) -> QueryBuilder<RemovalEpisodeModel> {
        let q = RemovalEpisodeModel.query(on: db).join(CaseModel.self, on: \RemovalEpisodeModel.$caseID == \CaseModel.$id)
        if let unit = scope.unit { q.filter(CaseModel.self, \.$unit == unit) }
        return q
    }

    /// A page of the episodes in scope, after the episode `after` in id order.
    public func episodes(_ scope: OutcomesScope, after: UUID?, limit: Int) async throws -> [EpisodeRow] {
        let q = episodeQuery(scope)
        if let after { q.filter(\.$id > after) }
        return try await rows(try await q.sort(\.$id).limit(limit).all())
    }

    func rows(_ models: [RemovalEpisodeModel]) async throws -> [EpisodeRow] {
        let births = try await birthDates(Array(Set(models.map(\.childID))))
        return try models.map { m in
            EpisodeRow(id: m.id!, childID: m.childID, birthDate: births[m.childID] ?? nil, removalDate: m.removalDate, dischargeDate: m.dischargeDate,
                       dischargeReason: m.dischargeReason, unit: try m.joined(CaseModel.self).unit, caseID: m.caseID)
        }
    }

    func birthDates(_ persons: [UUID]) async throws -> [UUID: String?] {
        var out: [UUID: String?] = [:]
        for chunk in stride(from: 0, to: persons.count, by: 500).map({ Array(persons[$0..<min($0 + 500, persons.count)]) }) {
            for p in try await PersonModel.query(on: db).filter(\.$id ~~ chunk).field(\.$id).field(\.$birthDate).all() { out[p.id!] = p.birthDate }
        }
        return out
    }

    /// The placements of a page of episodes, each episode's by start date, then as recorded.
    public func placements(of episodes: [EpisodeRow]) async throws -> [PlacementRow] {
        guard !episodes.isEmpty else { return [] }
        let child = Dictionary(episodes.map { ($0.id, $0.childID) }, uniquingKeysWith: { a, _ in a })
        var rows: [PlacementRow] = []
        for chunk in stride(from: 0, to: episodes.count, by: 500).map({ Array(episodes[$0..<min($0 + 500, episodes.count)]) }) {
            let models = try await PlacementModel.query(on: db).filter(\.$episodeID ~~ chunk.map(\.id))
                .sort(\.$episodeID).sort(\.$startDate).sort(\.$recordedAt).sort(\.$id).all()
            rows += models.map { PlacementRow(id: $0.id!, childID: child[$0.episodeID]!, episodeID: $0.episodeID, startDate: $0.startDate,
                                              endDate: $0.endDate, setting: $0.setting) }
        }
        return rows
    }

    /// Every episode in scope with its placements, as the measures read them.
    public func outcomeEpisodes(_ scope: OutcomesScope, pageSize: Int = 5_000) async throws -> [OutcomeEpisode] {
        var out: [OutcomeEpisode] = []
        var after: UUID?
        while true {
            let page = try await episodes(scope, after: after, limit: pageSize)
            guard let last = page.last else { break }
            out += try await outcomeEpisodes(page)
            if page.count < pageSize { break }
            after = last.id
        }
        return out
    }

    /// The episodes a period's figures read (`OutcomeMeasures.episodesRead`): those of the children removed in the period,
    /// from its first day on. The entry cohort is made of them, and a re-entry is a later removal of the same child;
    /// a child's earlier episodes, and children not removed in the period, change no figure.
    ///
    /// A state's period holds hundreds of thousands of episodes and a million placements, so this read is two SQL
    /// statements (the episodes with their child's birth date and case's unit; their placements in the measures'
    /// order) whose rows are decoded column by column as they arrive, not a model per row.
    public func outcomeEpisodes(_ scope: OutcomesScope, removedFrom start: CalendarDate, to end: CalendarDate) async throws -> [OutcomeEpisode] {
        try await db.withConnection { connection in
            // On SQLite both statements run on one connection that maps the file into memory and sorts in memory:
            // measured on a state's history (Benchmarks/README.md), reading its pages one system call at a time and
            // sorting in temporary files took most of the time.
            let sql = connection.sql
            if sql.dialect.name == "sqlite" {
                try await sql.raw("PRAGMA temp_store = MEMORY").run()
                try await sql.raw("PRAGMA mmap_size = \(unsafeRaw: String(DatabaseTarget.sqliteMappedBytes))").run()
            }
            return try await OutcomesRepository(connection).read(scope, removedFrom: start, to: end)
        }
    }

    /// The period's episodes and their placements in two statements whose rows are read as they arrive. Measured on a
    /// state's history of a million episodes (`Benchmarks/README.md`): SQLite answers a pass over the episodes
    /// removed since the period's start, and over the placements begun since, several times faster than looking up
    /// the period's children and episodes one by one by their text ids, so the chosen children and episodes are picked
    /// here. A placement begins on or after its episode's removal, on every write path (`PlacementDetails.validate`,
    /// `EpisodeRules.dischargeEndings`), so the placements of episodes removed since the start begin since the start.
    /// One unit's read goes through its cases instead (an index on the unit), which is the shorter way for a part.
    func read(_ scope: OutcomesScope, removedFrom start: CalendarDate, to end: CalendarDate) async throws -> [OutcomeEpisode] {
        let inUnit: SQLQueryString = scope.unit.map { "AND c.unit = \(bind: $0)" } ?? ""
        let episodes = RowsRead<EpisodeRow>()
        try await RowColumns.run("""
            SELECT e.id, e.child_id, p.birth_date, e.removal_date, e.discharge_date, e.discharge_reason, c.unit, e.case_id
            FROM removal_episodes e JOIN cases c ON c.id = e.case_id LEFT JOIN persons p ON p.id = e.child_id
            WHERE e.removal_date >= \(bind: start.iso) \(inUnit)
            """, on: db) { r in
            episodes.add(try? EpisodeRow(
                id: r.uuid("id"), childID: r.uuid("child_id"), birthDate: r.optionalString("birth_date"),
                removalDate: r.string("removal_date"), dischargeDate: r.optionalString("discharge_date"),
                dischargeReason: r.optionalString("discharge_reason"), unit: r.string("unit"), caseID: r.uuid("case_id")))
        }
        try episodes.check()
        // The children removed in the period, and all their episodes from its start on.
        let chosen = OutcomeMeasures(start: start, end: end).episodesRead(episodes.rows.compactMap { $0.measured(placements: []) })
        let chosenIDs = Set(chosen.map(\.id))

        let placements = RowsRead<ReadPlacement>()
        let placementsSQL: SQLQueryString = scope.unit.map { unit in """
            SELECT pl.id, pl.episode_id, pl.start_date, pl.end_date, pl.setting, pl.recorded_at
            FROM placements pl JOIN removal_episodes e ON e.id = pl.episode_id JOIN cases c ON c.id = e.case_id
            WHERE c.unit = \(bind: unit) AND e.removal_date >= \(bind: start.iso)
            """ } ?? """
            SELECT pl.id, pl.episode_id, pl.start_date, pl.end_date, pl.setting, pl.recorded_at
            FROM placements pl WHERE pl.start_date >= \(bind: start.iso)
            """
        try await RowColumns.run(placementsSQL, on: db) { r in
            guard let episode = try? r.uuid("episode_id") else { return placements.add(nil) }
            guard chosenIDs.contains(episode) else { return }
            guard let startISO = try? r.string("start_date"), let begins = CalendarDate(iso: startISO) else { return placements.add(nil) }
            placements.add(try? ReadPlacement(episode: episode, recordedAt: r.optionalDate("recorded_at"), placement: OutcomePlacement(
                id: r.uuid("id"), start: begins, end: r.optionalString("end_date").flatMap(CalendarDate.init(iso:)),
                setting: PlacementSetting(rawValue: r.string("setting")) ?? .fosterFamilyHome)))
        }
        try placements.check()
        let byEpisode = Dictionary(grouping: placements.rows, by: \.episode).mapValues { $0.sorted(by: ReadPlacement.inOrder).map(\.placement) }
        return chosen.map { $0.with(placements: byEpisode[$0.id] ?? []) }
    }

    /// A placement as the period's read gathers it, with what orders an episode's placements.
    struct ReadPlacement {
        let episode: UUID
        let recordedAt: Date?
        let placement: OutcomePlacement

        /// By start date, then by when recorded (those recorded before this was kept first), then by id.
        static func inOrder(_ a: ReadPlacement, _ b: ReadPlacement) -> Bool {
            if a.placement.start != b.placement.start { return a.placement.start < b.placement.start }
            let x = a.recordedAt ?? .distantPast, y = b.recordedAt ?? .distantPast
            if x != y { return x < y }
            return a.placement.id.uuidString < b.placement.id.uuidString
        }
    }

    func outcomeEpisodes(_ page: [EpisodeRow]) async throws -> [OutcomeEpisode] {
        let placements = Dictionary(grouping: try await placements(of: page), by: \.episodeID)
        return page.compactMap { e in
            e.measured(placements: (placements[e.id] ?? []).compactMap { p in
                CalendarDate(iso: p.startDate).map {
                    OutcomePlacement(id: p.id, start: $0, end: p.endDate.flatMap(CalendarDate.init(iso:)),
                                     setting: PlacementSetting(rawValue: p.setting) ?? .fosterFamilyHome)
                }
            })
        }
    }
}

extension OutcomesRepository.EpisodeRow {
    /// The episode as the measures read it, with its placements; nil when its removal date is unreadable.
    func measured(placements: [OutcomePlacement]) -> OutcomeEpisode? {
        guard let removal = CalendarDate(iso: removalDate) else { return nil }
        return OutcomeEpisode(id: id, childID: childID, birthDate: birthDate.flatMap(CalendarDate.init(iso:)), removal: removal,
                              discharge: dischargeDate.flatMap(CalendarDate.init(iso:)), reason: dischargeReason.flatMap(DischargeReason.init(rawValue:)),
                              unit: unit, caseID: caseID, placements: placements)
    }
}
