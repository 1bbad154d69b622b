import Fluent
import Vapor
import ReunifyDomain
import ReunifyStore

/// Members, persons, removal episodes and placements of a case.
struct CaseRecordsAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let c = routes.grouped("cases", ":caseID")
        c.get("members", use: listMembers)
        c.post("members", use: addMember)
        c.get("episodes", use: listEpisodes)
        c.post("episodes", use: addEpisode)
        c.put("episodes", ":episodeID", use: updateEpisode)
        c.get("episodes", ":episodeID", "placements", use: listPlacements)
        c.post("episodes", ":episodeID", "placements", use: addPlacement)
        c.put("placements", ":placementID", use: updatePlacement)
        c.get("goals", use: listGoals)
        c.post("goals", use: setGoals)
        c.put("goals", ":goalID", use: changeGoals)
        routes.get("persons", ":personID", use: readPerson)
        routes.put("persons", ":personID", use: updatePerson)
    }

    // MARK: members

    func listMembers(req: Request) async throws -> [MemberDTO] {
        let caseID = try req.caseIDParameter()
        try await req.authorize(.read, .member, caseID: caseID)
        guard let overview = try await CaseRepository(req.db).overview(caseID) else { throw Request.noSuchCase }
        try await req.audit(.view, .member, recordID: nil, caseID: caseID, .audAPIMembers)
        return overview.members.map { MemberDTO(id: $0.id.uuid, role: $0.role.rawValue, person: PersonDTO($0.person, mergedInto: $0.mergedInto)) }
    }

    func addMember(req: Request) async throws -> Response {
        let caseID = try req.caseIDParameter()
        try await req.authorize(.create, .member, caseID: caseID)
        let input = try req.content.decode(MemberInput.self)
        let role = try MemberRole.api(input.role, field: "role")
        let people = PersonCommands(try req.change())
        let person: PersonModel
        let member: MemberModel
        if let personID = input.personId {
            let visible = try await CaseRepository(req.db).visibleCaseIDs(try req.caseScope())
            (person, member) = try await people.addKnown(PersonID(personID), role: role, to: caseID, visible: visible)
        } else if let details = try input.person?.details(today: req.today) {
            (person, member) = try await people.addNew(details, role: role, to: caseID)
        } else {
            throw ValidationFailure(field: "person", "Send either 'personId' of a known person or 'person' with their details")
        }
        try await TracingService(req: req).rescore(personID: person.typedID)
        let response = Response(status: .created)
        try response.content.encode(MemberDTO(id: member.id!, role: member.role, person: PersonDTO(person)))
        return response
    }

    // MARK: persons

    /// The case through which the caller may reach a person, if any.
    func reachablePerson(_ req: Request, _ action: AccessAction) async throws -> (PersonModel, CaseID) {
        let personID: PersonID = try req.idParameter("personID", "person")
        let notFound = Abort(.notFound, reason: "There is no person with id \(personID) open to you")
        let signedIn = try req.requireSignedIn()
        let cases = CaseRepository(req.db)
        for caseID in try await PersonRepository(req.db).caseIDs(of: personID) {
            guard let facts = try await cases.facts(caseID) else { continue }
            if req.policy.decide(signedIn.actor, action, .person, in: facts).isAllowed,
               let person = try await PersonRepository(req.db).find(personID) {
                return (person, caseID)
            }
        }
        throw notFound
    }

    func readPerson(req: Request) async throws -> PersonDTO {
        let (person, caseID) = try await reachablePerson(req, .read)
        try await req.audit(.view, .person, recordID: person.id, caseID: caseID, .audAPIPerson)
        return PersonDTO(person)
    }

    func updatePerson(req: Request) async throws -> PersonDTO {
        let (person, caseID) = try await reachablePerson(req, .update)
        let input = try req.content.decode(PersonInput.self)
        let version = try requireVersion(input.version)
        let changed = try await PersonCommands(req.change()).change(person.typedID, via: caseID, to: try input.details(today: req.today),
                                                                    expectedVersion: version)
        try await TracingService(req: req).rescore(personID: person.typedID)
        return PersonDTO(changed)
    }

    // MARK: episodes

    func listEpisodes(req: Request) async throws -> [EpisodeDTO] {
        let caseID = try req.caseIDParameter()
        try await req.authorize(.read, .removalEpisode, caseID: caseID)
        try await req.audit(.view, .removalEpisode, recordID: nil, caseID: caseID, .audAPIEpisodes)
        let repo = CaseRecordsRepository(req.db)
        let episodes = try await repo.episodes(of: caseID)
        let reEntries = try await repo.reEntries(episodes, policy: req.reunify.timelines)
        return episodes.map { EpisodeDTO($0, reEntry: reEntries.contains($0.id!)) }
    }

    func addEpisode(req: Request) async throws -> Response {
        let caseID = try req.caseIDParameter()
        try await req.authorize(.create, .removalEpisode, caseID: caseID)
        let details = try req.content.decode(EpisodeInput.self).details()
        let model = try await RemovalCommands(req.change()).addEpisode(details, to: caseID)
        return try created(EpisodeDTO(model, reEntry: !(try await CaseRecordsRepository(req.db).reEntries([model], policy: req.reunify.timelines).isEmpty)))
    }

    func episode(_ req: Request, caseID: CaseID) async throws -> RemovalEpisodeModel {
        let id: EpisodeID = try req.idParameter("episodeID", "removal episode")
        guard let model = try await CaseRecordsRepository(req.db).episode(id, in: caseID) else {
            throw Abort(.notFound, reason: "There is no removal episode \(id) in this case")
        }
        return model
    }

    func updateEpisode(req: Request) async throws -> EpisodeDTO {
        let caseID = try req.caseIDParameter()
        try await req.authorize(.update, .removalEpisode, caseID: caseID)
        let id: EpisodeID = try req.idParameter("episodeID", "removal episode")
        let input = try req.content.decode(EpisodeInput.self)
        let version = try requireVersion(input.version)
        let model = try await RemovalCommands(req.change()).changeEpisode(id, in: caseID, to: try input.details(),
                                                                          expectedVersion: version)
        return EpisodeDTO(model, reEntry: !(try await CaseRecordsRepository(req.db).reEntries([model], policy: req.reunify.timelines).isEmpty))
    }

    // MARK: placements

    func listPlacements(req: Request) async throws -> [PlacementDTO] {
        let caseID = try req.caseIDParameter()
        try await req.authorize(.read, .placement, caseID: caseID)
        let ep = try await episode(req, caseID: caseID)
        try await req.audit(.view, .placement, recordID: nil, caseID: caseID, .audAPIPlacements)
        return try await CaseRecordsRepository(req.db).placements(of: ep.typedID).map(PlacementDTO.init)
    }

    func addPlacement(req: Request) async throws -> Response {
        let caseID = try req.caseIDParameter()
        try await req.authorize(.create, .placement, caseID: caseID)
        let ep = try await episode(req, caseID: caseID)
        let details = try req.content.decode(PlacementInput.self).details()
        let model = try await RemovalCommands(req.change()).addPlacement(details, to: EpisodeID(ep.id!), in: caseID)
        return try created(PlacementDTO(model))
    }

    func updatePlacement(req: Request) async throws -> PlacementDTO {
        let caseID = try req.caseIDParameter()
        try await req.authorize(.update, .placement, caseID: caseID)
        let id: PlacementID = try req.idParameter("placementID", "placement")
        let input = try req.content.decode(PlacementInput.self)
        let version = try requireVersion(input.version)
        let model = try await RemovalCommands(req.change()).changePlacement(id, in: caseID, to: try input.details(),
                                                                            expectedVersion: version)
        return PlacementDTO(model)
    }

    // MARK: permanency goals

    func listGoals(req: Request) async throws -> [GoalDTO] {
        let caseID = try req.caseIDParameter()
        try await req.authorize(.read, .permanencyGoal, caseID: caseID)
        try await req.audit(.view, .permanencyGoal, recordID: nil, caseID: caseID, .audAPIGoals)
        return try await CaseRecordsRepository(req.db).goals(of: caseID).map(GoalDTO.init)
    }

    func setGoals(req: Request) async throws -> Response {
        let caseID = try req.caseIDParameter()
        let details = try req.content.decode(GoalInput.self).details()
        return try created(GoalDTO(try await RemovalCommands(req.change()).setGoals(details, in: caseID)))
    }

    func changeGoals(req: Request) async throws -> GoalDTO {
        let caseID = try req.caseIDParameter()
        let id: GoalID = try req.idParameter("goalID", "permanency goals")
        let input = try req.content.decode(GoalInput.self)
        let version = try requireVersion(input.version)
        return GoalDTO(try await RemovalCommands(req.change()).changeGoals(id, in: caseID, to: try input.details(), expectedVersion: version))
    }
}
