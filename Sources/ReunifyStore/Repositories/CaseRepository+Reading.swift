import FluentKit
import Foundation
import ReunifyDomain

extension CaseRepository {
    /// The case page's content: the one `kept` holds at the case's current records stamp, or else read from the
    /// database (and kept).
    public func overview(_ id: CaseID, kept: KeptOverviews? = nil) async throws -> CaseOverview? {
        guard let model = try await find(id) else { return nil }
        if let overview = kept?.valid(id.uuid, stamp: model.recordsStamp) { return overview }
        let overview = try await overview(model)
        kept?.keep(id.uuid, stamp: model.recordsStamp, overview)
        return overview
    }

    /// The case page's content, read from the database.
    func overview(_ model: CaseModel) async throws -> CaseOverview {
        let id = model.typedID
        let members = try await ModelRows.all(MemberModel.self, "case_id", in: [id.uuid], on: db)
        let persons = try await ModelRows.all(PersonModel.self, "id", in: members.map(\.personID), on: db)
        let personByID = Dictionary(persons.map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a })
        let episodes = try await ModelRows.all(RemovalEpisodeModel.self, "case_id", in: [id.uuid], order: "removal_date", on: db)
        let placements = try await ModelRows.all(PlacementModel.self, "case_id", in: [id.uuid], order: "start_date", on: db)
        let team = try await ModelRows.all(TeamMemberModel.self, "case_id", in: [id.uuid], on: db)
        let users = try await ModelRows.all(UserModel.self, "id", in: team.map(\.userID), on: db)
        let userByID = Dictionary(users.map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a })
        let roleOrder = MemberRole.allCases
        let memberRows = members.compactMap { m in
            personByID[m.personID].map { CaseOverview.Member(id: m.typedID, role: m.memberRole, person: $0.recorded, mergedInto: $0.mergedInto.map(PersonID.init)) }
        }.sorted {
            let a = roleOrder.firstIndex(of: $0.role)!, b = roleOrder.firstIndex(of: $1.role)!
            return a != b ? a < b : ($0.person.details.birthDate?.iso ?? "") < ($1.person.details.birthDate?.iso ?? "")
        }
        let lastReviews = try await ReviewRepository(db).lastReviewDates(caseIDs: [id.uuid])
        var overview = CaseOverview(
            caseFile: model.recorded,
            members: memberRows,
            relationships: try await ModelRows.all(RelationshipModel.self, "case_id", in: [id.uuid], on: db).map(\.recorded),
            episodes: episodes.map { e in
                CaseOverview.Episode(episode: e.recorded, childName: personByID[e.childID]?.details.fullName ?? "Unknown child",
                                     placements: placements.filter { $0.episodeID == e.id }.map(\.recorded))
            },
            goals: try await ModelRows.all(PermanencyGoalModel.self, "case_id", in: [id.uuid], on: db).map(\.recorded),
            lastReviews: Dictionary(lastReviews.map { (PersonID($0.key), $0.value) }, uniquingKeysWith: { a, _ in a }),
            team: team.compactMap { t in
                userByID[t.userID].map { CaseOverview.TeamEntry(role: t.teamRole, userID: $0.typedID, name: $0.name) }
            },
            plans: try await ServiceRecordsRepository(db).plans(in: id))
        overview.permanency = try await PermanencyRepository(db).records(in: id)
        return overview
    }

    /// Caseload lines for a page of cases: children with ages, days in care and what is due next. Nine queries
    /// whatever the number of cases, for the cases whose lines `kept` does not hold (none when it holds them all),
    /// and one for re-entries.
    public func caseloadRows(_ cases: [CaseModel], today: CalendarDate, policy: TimelinePolicy = .unitedStates,
                             kept: CaseloadLines? = nil) async throws -> [CaseloadRow] {
        guard !cases.isEmpty else { return [] }
        var lines = kept?.valid(cases.map { ($0.id!, $0.recordsStamp) }, today: today, policy: policy) ?? [:]
        let computed = try await computeLines(cases.filter { lines[$0.id!] == nil }, today: today, policy: policy)
        kept?.keep(computed)
        lines.merge(computed) { a, _ in a }
        let reEntered = try await CaseRecordsRepository(db).reEntries(cases.flatMap { lines[$0.id!]?.openEpisodes ?? [] }, policy: policy)
        return cases.map { model in
            let line = lines[model.id!]!
            return CaseloadRow(caseID: model.typedID, caseNumber: model.caseNumber, familyName: model.familyName,
                               stage: model.details.stage, caseworkerID: model.caseworkerID, children: line.children,
                               daysInCare: line.daysInCare, nextDue: line.nextDue, planDue: line.planDue, deadlines: line.deadlines,
                               reEntry: line.openEpisodes.contains { reEntered.contains($0.id) }, awaiting: line.awaiting, version: model.version)
        }
    }

    /// The lines of `cases` computed from their records.
    func computeLines(_ cases: [CaseModel], today: CalendarDate, policy: TimelinePolicy) async throws -> [UUID: CaseloadLines.Line] {
        let ids = cases.compactMap(\.id)
        guard !ids.isEmpty else { return [:] }
        let children = try await ModelRows.all(MemberModel.self, "case_id", in: ids, and: "role = \(bind: MemberRole.child.rawValue)", on: db)
        let persons = try await ModelRows.all(PersonModel.self, "id", in: children.map(\.personID), on: db)
        let personByID = Dictionary(persons.map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a })
        let episodes = try await ModelRows.all(RemovalEpisodeModel.self, "case_id", in: ids, on: db)
        let placements = try await ModelRows.all(PlacementModel.self, "case_id", in: ids, on: db)
        let reunifying = Set(try await ModelRows.all(PermanencyGoalModel.self, "case_id", in: ids, on: db)
            .filter(\.details.includesReunification).map(\.childID))
        let lastReviews = try await ReviewRepository(db).lastReviewDates(caseIDs: ids)
        let plans = try await ServiceRecordsRepository(db).plans(inCases: ids.map(CaseID.init))
        let records = try await PermanencyRepository(db).records(in: ids.map(CaseID.init))
        let levelChanges = try await FamilyTimeRepository(db).casesAwaitingSupervisor(ids.map(CaseID.init))
        let episodesByCase = Dictionary(grouping: episodes, by: \.caseID)
        let placementsByEpisode = Dictionary(grouping: placements.map { ($0.episodeID, $0.details) }, by: \.0).mapValues { $0.map(\.1) }
        let reviewedOn = Dictionary(lastReviews.map { (PersonID($0.key), $0.value) }, uniquingKeysWith: { a, _ in a })
        let clock = PermanencyClock(policy: policy)
        var lines: [UUID: CaseloadLines.Line] = [:]
        for model in cases {
            let caseEpisodes = episodesByCase[model.id!] ?? []
            let timeline = CaseTimeline(policy: policy, stage: model.details.stage, episodes: caseEpisodes.map { e in
                CaseTimeline.ChildEpisode(childName: personByID[e.childID]?.givenName ?? "child", episode: e.details,
                                          placements: placementsByEpisode[e.id!] ?? [],
                                          reunificationGoal: reunifying.contains(e.childID), lastReview: lastReviews[e.childID])
            }, plans: plans[model.typedID] ?? [])
            let facts = ClockFacts.children(
                episodes: caseEpisodes.map { e in (e.details, placementsByEpisode[e.id!] ?? []) },
                icwa: { personByID[$0.uuid]?.icwa ?? .unknown },
                planApprovedOn: (plans[model.typedID] ?? []).compactMap(\.approvedOn).min(),
                reunifying: { reunifying.contains($0.uuid) },
                lastReviews: reviewedOn, records: records[model.typedID] ?? PermanencyRecords())
            let open = facts.flatMap { clock.items($0, today: today) }.filter { !$0.status.isSettled }.sorted(by: ClockItem.soonestFirst)
            let kids: [CaseloadRow.Child] = children.filter { $0.caseID == model.id }.compactMap { member in
                guard let person = personByID[member.personID] else { return nil }
                let inCare = caseEpisodes.contains { $0.childID == member.personID && $0.dischargeDate == nil }
                return CaseloadRow.Child(id: PersonID(member.personID), name: person.givenName, age: person.birthCalendarDate?.age(on: today), inCare: inCare)
            }.sorted { ($0.age ?? 0) > ($1.age ?? 0) }
            lines[model.id!] = CaseloadLines.Line(
                version: .init(stamp: model.recordsStamp, today: today, policy: policy), children: kids,
                daysInCare: timeline.daysInCare(today: today), nextDue: timeline.nextDue(today: today), planDue: timeline.planDue(today: today),
                deadlines: open, openEpisodes: caseEpisodes.filter { $0.dischargeDate == nil }.map { ($0.id!, $0.details) },
                awaiting: CaseloadRow.Awaiting(
                    stepUp: levelChanges.stepUps.contains(model.typedID), stepDown: levelChanges.stepDowns.contains(model.typedID),
                    decision: (records[model.typedID]?.decisions ?? []).contains { $0.details.status == .awaitingApproval }))
        }
        return lines
    }
}
