import FluentKit
import Foundation
import ReunifyDomain

/// The one write path for a case's removal episodes, their placements and the children's permanency goals: pages and
/// the API both call these, so creation and edit obey the same rules (`EpisodeRules`, `PlacementRules`, `GoalRules`).
public struct RemovalCommands: Sendable {
    let change: CaseChange
    public init(_ change: CaseChange) { self.change = change }

    var acting: Acting { change.acting }

    // MARK: episodes

    public func addEpisode(_ details: RemovalEpisodeDetails, to caseID: CaseID) async throws -> RemovalEpisodeModel {
        let rules = EpisodeRules(today: acting.today)
        return try await change.write(.create, .removalEpisode, caseID: caseID) { tx in
            let facts = try await CaseFacts(tx, caseID)
            try rules.check(details, editing: nil, members: facts.members, childBirthDate: try await facts.birthDate(of: details.childID),
                            siblings: try await facts.episodes())
            let model = RemovalEpisodeModel(caseID: caseID.uuid, details)
            try await model.create(on: tx)
            return (model, .init(model.id, .audRemoval, ["name": try await facts.name(of: details.childID)]))
        }
    }

    public func changeEpisode(_ id: EpisodeID, in caseID: CaseID, to details: RemovalEpisodeDetails,
                              expectedVersion: Int) async throws -> RemovalEpisodeModel {
        let rules = EpisodeRules(today: acting.today)
        return try await change.write(.update, .removalEpisode, caseID: caseID) { tx in
            let facts = try await CaseFacts(tx, caseID)
            let model = try await facts.episode(id)
            try rules.check(details, editing: id, members: facts.members, childBirthDate: try await facts.birthDate(of: details.childID),
                            siblings: try await facts.episodes())
            let placements = try await facts.placements(of: id)
            let endings = try rules.dischargeEndings(details, placements: placements.map(\.sibling))
            model.apply(details)
            try await model.saveChecked(expectedVersion: expectedVersion, on: tx)
            for ending in endings {
                guard let placement = placements.first(where: { $0.id == ending.id.uuid }) else { continue }
                placement.endDate = ending.endDate.iso
                placement.changeReason = ending.changeReason
                try await placement.saveChecked(expectedVersion: placement.version, on: tx)
            }
            let name = try await facts.name(of: details.childID)
            if let day = details.dischargeDate, !endings.isEmpty {
                return (model, .init(model.id, .audDischarged, ["name": name, "date": day.iso], each: { ["reason": details.dischargeReason?.staffLabel($0).lowercased() ?? Catalogue.text(.audNoReason, $0)] }))
            }
            return (model, .init(model.id, .audRemovalChanged, ["name": name]))
        }
    }

    // MARK: placements

    public func addPlacement(_ details: PlacementDetails, to episodeID: EpisodeID, in caseID: CaseID) async throws -> PlacementModel {
        let rules = PlacementRules(today: acting.today, timelines: acting.timelines)
        return try await change.write(.create, .placement, caseID: caseID) { tx in
            try await Self.place(details, in: episodeID, of: caseID, rules: rules, on: tx)
        }
    }

    /// Checks and writes a new placement inside a change's transaction, ending the one it follows. Recording a
    /// placement and stepping family time up to a trial home visit both place a child through here: one rule.
    static func place(_ details: PlacementDetails, in episodeID: EpisodeID, of caseID: CaseID, rules: PlacementRules,
                      on tx: any Database, dryRun: Bool = false) async throws -> (PlacementModel, CaseChange.Entry) {
        let facts = try await CaseFacts(tx, caseID)
        let episode = try await facts.episode(episodeID)
        let siblings = try await facts.placements(of: episodeID)
        let endings = try rules.check(details, editing: nil, episode: episode.details, siblings: siblings.map(\.sibling),
                                      lastReview: try await facts.lastReview(of: episode.childID))
        let model = PlacementModel(caseID: caseID.uuid, episodeID: episodeID.uuid, details)
        let name = try await facts.name(of: PersonID(episode.childID))
        let entry = CaseChange.Entry(nil, .audPlaced, ["name": name, "date": details.startDate.iso], each: { ["setting": details.setting.staffLabel($0).lowercased()] })
        if dryRun { return (model, entry) }
        for ending in endings {
            guard let previous = siblings.first(where: { $0.id == ending.id.uuid }) else { continue }
            previous.endDate = ending.endDate.iso
            previous.changeReason = ending.changeReason
            try await previous.saveChecked(expectedVersion: previous.version, on: tx)
        }
        try await model.create(on: tx)
        return (model, .init(model.id, entry.summary))
    }

    public func changePlacement(_ id: PlacementID, in caseID: CaseID, to details: PlacementDetails,
                                expectedVersion: Int) async throws -> PlacementModel {
        let rules = PlacementRules(today: acting.today, timelines: acting.timelines)
        return try await change.write(.update, .placement, caseID: caseID) { tx in
            let facts = try await CaseFacts(tx, caseID)
            let model = try await facts.placement(id)
            let episode = try await facts.episode(EpisodeID(model.episodeID))
            _ = try rules.check(details, editing: id, episode: episode.details,
                                siblings: try await facts.placements(of: EpisodeID(model.episodeID)).map(\.sibling),
                                lastReview: try await facts.lastReview(of: episode.childID))
            model.apply(details)
            try await model.saveChecked(expectedVersion: expectedVersion, on: tx)
            let name = try await facts.name(of: PersonID(episode.childID))
            return (model, .init(model.id, .audPlacementChanged, ["name": name, "date": details.startDate.iso], each: { ["setting": details.setting.staffLabel($0).lowercased()] }))
        }
    }

    // MARK: permanency goals

    public func setGoals(_ details: PermanencyGoalDetails, in caseID: CaseID) async throws -> PermanencyGoalModel {
        let rules = GoalRules(today: acting.today)
        return try await change.write(.create, .permanencyGoal, caseID: caseID) { tx in
            let facts = try await CaseFacts(tx, caseID)
            try rules.check(details, editing: nil, members: facts.members, siblings: try await facts.goals(),
                            childBirthDate: try await facts.birthDate(of: details.childID))
            let model = PermanencyGoalModel(caseID: caseID.uuid, details)
            try await model.create(on: tx)
            return (model, .init(model.id, .audGoalsSet, ["name": try await facts.name(of: details.childID)]))
        }
    }

    public func changeGoals(_ id: GoalID, in caseID: CaseID, to details: PermanencyGoalDetails,
                            expectedVersion: Int) async throws -> PermanencyGoalModel {
        let rules = GoalRules(today: acting.today)
        return try await change.write(.update, .permanencyGoal, caseID: caseID) { tx in
            let facts = try await CaseFacts(tx, caseID)
            guard let model = try await CaseRecordsRepository(tx).goal(id, in: caseID) else {
                throw StoreError.absent("There are no such goals in this case")
            }
            try rules.check(details, editing: id, members: facts.members, siblings: try await facts.goals(),
                            childBirthDate: try await facts.birthDate(of: details.childID))
            model.apply(details)
            try await model.saveChecked(expectedVersion: expectedVersion, on: tx)
            return (model, .init(model.id, .audGoalsChanged, ["name": try await facts.name(of: details.childID)]))
        }
    }
}

/// What the rules need to know of one case, read inside the change's transaction.
struct CaseFacts {
    let db: any Database
    let caseID: CaseID
    let members: [CaseMembership]

    init(_ db: any Database, _ caseID: CaseID) async throws {
        self.db = db
        self.caseID = caseID
        members = try await PersonRepository(db).members(of: caseID)
            .map { CaseMembership(personID: PersonID($0.personID), role: $0.memberRole) }
    }

    func birthDate(of person: PersonID) async throws -> CalendarDate? {
        guard members.contains(where: { $0.personID == person }) else { return nil }
        return try await PersonRepository(db).find(person)?.details.birthDate
    }

    func name(of person: PersonID) async throws -> String {
        try await PersonRepository(db).find(person)?.details.fullName ?? "unknown person"
    }

    func episode(_ id: EpisodeID) async throws -> RemovalEpisodeModel {
        guard let model = try await CaseRecordsRepository(db).episode(id, in: caseID) else {
            throw StoreError.absent("There is no removal episode \(id) in this case")
        }
        return model
    }

    func episodes() async throws -> [(id: EpisodeID, details: RemovalEpisodeDetails)] {
        try await CaseRecordsRepository(db).episodes(of: caseID).map { (EpisodeID($0.id!), $0.details) }
    }

    func placement(_ id: PlacementID) async throws -> PlacementModel {
        guard let model = try await CaseRecordsRepository(db).placement(id, in: caseID) else {
            throw StoreError.absent("There is no placement \(id) in this case")
        }
        return model
    }

    func placements(of episode: EpisodeID) async throws -> [PlacementModel] {
        try await CaseRecordsRepository(db).placements(of: episode)
    }

    func lastReview(of child: UUID) async throws -> CalendarDate? {
        try await ReviewRepository(db).lastReviewDates(caseIDs: [caseID.uuid])[child]
    }

    func goals() async throws -> [(id: GoalID, childID: PersonID)] {
        try await CaseRecordsRepository(db).goals(of: caseID).map { (GoalID($0.id!), PersonID($0.childID)) }
    }
}

extension PlacementModel {
    var sibling: PlacementRules.Sibling { .init(id: PlacementID(id!), details: details) }
}
