import FluentKit
import Foundation
import SQLKit
import Testing
import ReunifyDomain
@testable import ReunifyStore
import ReunifyDemo

@Suite("Store on a real database")
struct StoreTests {
    @Test("the demo agency loads once; a second load writes nothing")
    func demoLoadsOnce() async throws {
        try await StoreHarness.withDatabase(demo: true) { db in
            let agency = StoreHarness.agency()
            #expect(try await CaseModel.query(on: db).count() == agency.families.count)
            #expect(try await PersonModel.query(on: db).count() == agency.families.flatMap(\.persons).count)
            let loadedAgain = try await DemoLoader(db).load(agency, passwordHash: "x", today: StoreHarness.today)
            #expect(loadedAgain == false)
            #expect(try await CaseModel.query(on: db).count() == agency.families.count)
        }
    }

    @Test("a stale update is refused and the newer save is kept")
    func versionConflict() async throws {
        try await StoreHarness.withDatabase(demo: true) { db in
            let id = try #require(try await PersonModel.query(on: db).first()?.id)
            let member = try #require(try await MemberModel.query(on: db).filter(\.$personID == id).first())
            let unit = try #require(try await CaseModel.find(member.caseID, on: db)?.unit)
            let people = PersonCommands(CaseChange(db, StoreHarness.acting(unit: unit)))
            let first = try #require(try await PersonModel.find(id, on: db))
            let second = try #require(try await PersonModel.find(id, on: db))
            var mine = first.details
            mine.phone = "555-1111"
            _ = try await people.change(PersonID(id), via: CaseID(member.caseID), to: mine, expectedVersion: 1)
            var theirs = second.details
            theirs.phone = "555-2222"
            await #expect(throws: StoreError.versionConflict(currentVersion: 2)) {
                _ = try await people.change(PersonID(id), via: CaseID(member.caseID), to: theirs, expectedVersion: 1)
            }
            let saved = try #require(try await PersonModel.find(id, on: db))
            #expect(saved.phone == "555-1111")
            #expect(saved.version == 2)
        }
    }

    @Test("of many concurrent edits from the same version exactly one wins")
    func concurrentEdits() async throws {
        try await StoreHarness.withDatabase(demo: true) { db in
            let id = try #require(try await CaseModel.query(on: db).first()?.id)
            let outcomes = await withTaskGroup(of: Bool.self) { group in
                for n in 0..<6 {
                    group.addTask {
                        do {
                            let model = try await CaseModel.find(id, on: db)!
                            var d = model.details
                            d.familyName = "Edit \(n)"
                            _ = try await StoreHarness.cases(db, unit: model.unit).change(CaseID(id), to: d, expectedVersion: 1)
                            return true
                        } catch { return false }
                    }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1)
            #expect(try await CaseModel.find(id, on: db)?.version == 2)
        }
    }

    @Test("the audit log refuses updates and deletes")
    func auditAppendOnly() async throws {
        try await StoreHarness.withDatabase { db in
            try await AuditRepository(db).record(AuditEventModel(occurredAt: Date(), userID: nil, userEmail: "a@b.c", action: "view",
                                                                 recordKind: "case", recordID: nil, caseID: nil, summary: Worded.stored(english: "seen", others: nil), address: nil))
            let sql = try #require(db as? any SQLDatabase)
            await #expect(throws: (any Error).self) { try await sql.raw("UPDATE audit_events SET summary = 'changed'").run() }
            await #expect(throws: (any Error).self) { try await sql.raw("DELETE FROM audit_events").run() }
            #expect(try await AuditRepository(db).count() == 1)
            #expect(try await AuditEventModel.query(on: db).first()?.summary == "seen")
        }
    }

    @Test("each role's case scope lists what the policy allows")
    func scopes() async throws {
        try await StoreHarness.withDatabase(demo: true) { db in
            let agency = StoreHarness.agency()
            let repo = CaseRepository(db)
            let policy = AccessPolicy()
            func actor(_ email: String) -> Actor {
                let u = agency.user(email)!
                return Actor(id: u.id, role: u.role, unit: u.unit)
            }
            let own = try await repo.list(policy.scope(for: actor("caseworker@demo.reunify.test")), page: 1, per: 100)
            #expect(own.total == 20)
            #expect(own.cases.allSatisfy { $0.caseworkerID == agency.user("caseworker@demo.reunify.test")!.id.uuid })
            // The list reads its rows column by column (`RowColumns`): every field as Fluent reads the same case.
            for listed in own.cases {
                let found = try #require(try await CaseModel.find(listed.id, on: db))
                #expect(listed.caseNumber == found.caseNumber && listed.familyName == found.familyName && listed.stage == found.stage)
                #expect(listed.caseworkerID == found.caseworkerID && listed.supervisorID == found.supervisorID && listed.unit == found.unit)
                #expect(listed.openedOn == found.openedOn && listed.closedOn == found.closedOn && listed.version == found.version)
                #expect(listed.createdAt == found.createdAt && listed.updatedAt == found.updatedAt)
            }
            #expect(own.cases.contains { $0.supervisorID != nil } && own.cases.contains { $0.createdAt != nil })
            #expect(try await repo.list(policy.scope(for: actor("supervisor@demo.reunify.test")), page: 1, per: 100).total == agency.families.count)
            #expect(try await repo.list(policy.scope(for: actor("parent@demo.reunify.test")), page: 1, per: 100).total == 1)
            #expect(try await repo.list(policy.scope(for: actor("provider@demo.reunify.test")), page: 1, per: 100).total == 0)
            let clinicianCases = agency.families.filter { $0.team.contains { $0.0 == agency.user("clinician@demo.reunify.test")!.id } }.count
            #expect(try await repo.list(policy.scope(for: actor("clinician@demo.reunify.test")), page: 1, per: 100).total == clinicianCases)
            let page2 = try await repo.list(policy.scope(for: actor("supervisor@demo.reunify.test")), page: 2, per: 10)
            #expect(page2.cases.count == 10)
        }
    }

    @Test("the policy's facts name the family's parent account")
    func facts() async throws {
        try await StoreHarness.withDatabase(demo: true) { db in
            let agency = StoreHarness.agency()
            let parent = agency.user("parent@demo.reunify.test")!
            let family = agency.families.first { $0.persons.contains { $0.id == parent.personID } }!
            let facts = try #require(try await CaseRepository(db).facts(family.caseID))
            #expect(facts.familyAccounts == [parent.id])
            #expect(facts.caseworkerID == family.details.caseworkerID)
            #expect(try await CaseRepository(db).facts(CaseID(UUID())) == nil)
        }
    }

    @Test("people are found by name whatever the accents and capitals, only within the cases given")
    func search() async throws {
        try await StoreHarness.withDatabase { db in
            let opened = StoreHarness.today
            let a = try await StoreHarness.cases(db).open(CaseDetails(caseNumber: "T-1", familyName: "Núñez", unit: "U", openedOn: opened))
            // Case b is in another unit, its people added by that unit's supervisor.
            let b = try await StoreHarness.cases(db, unit: "W").open(CaseDetails(caseNumber: "T-2", familyName: "Other", unit: "W", openedOn: opened))
            let persons = PersonRepository(db)
            let people = PersonCommands(CaseChange(db, StoreHarness.acting()))
            let peopleW = PersonCommands(CaseChange(db, StoreHarness.acting(unit: "W")))
            let (joseLuis, _) = try await people.addNew(PersonDetails(givenName: "José Luis", familyName: "Núñez"), role: .parent, to: CaseID(a.id!))
            _ = try await peopleW.addNew(PersonDetails(givenName: "Jose", familyName: "Nunez", otherNames: ["Pepe"]), role: .parent, to: CaseID(b.id!))
            _ = try await peopleW.addKnown(joseLuis.typedID, role: .relative, to: b.typedID, visible: [a.typedID, b.typedID])
            #expect(try await persons.search("JOSE nunez", within: [a.typedID]).map(\.person.details.givenName) == ["José Luis"])
            // Each person found comes with their parts in the cases searched, and only those.
            let inA = try #require(try await persons.search("josé luis", within: [a.typedID]).first)
            #expect(inA.memberships.map(\.caseID) == [a.typedID] && inA.memberships.map(\.role) == [.parent])
            let inBoth = try #require(try await persons.search("josé luis", within: [a.typedID, b.typedID]).first)
            #expect(Set(inBoth.memberships.map(\.caseID)) == [a.typedID, b.typedID])
            #expect(try await persons.search("núñez", within: [a.typedID, b.typedID]).count == 2)
            #expect(try await persons.search("pepe", within: [a.typedID, b.typedID]).map(\.person.details.givenName) == ["Jose"])
            #expect(try await persons.search("pepe", within: []).isEmpty)
            #expect(inA.memberships == [.init(caseID: a.typedID, role: .parent, familyName: "Núñez", caseNumber: "T-1")])

            // Searched by a scope: the same people and parts as by the ids that scope sees, never a case outside it.
            let unitU = CaseScope.unit("U", UserID(UUID()))
            let byScope = try await persons.search("josé luis", scope: unitU)
            #expect(byScope.map(\.person.id) == [joseLuis.typedID])
            #expect(byScope.first?.memberships == inA.memberships)
            #expect(try await persons.search("pepe", scope: unitU).isEmpty)
            #expect(try await persons.search("nunez", scope: .unit("W", UserID(UUID()))).map(\.person.details.givenName).sorted() == ["Jose", "José Luis"])
            #expect(try await persons.search("nunez", scope: .unit(nil, UserID(UUID()))).isEmpty)
            #expect(try await persons.search("nunez", scope: .none).isEmpty)
            #expect(try await persons.search("  ", scope: .unit("W", UserID(UUID()))).isEmpty)
        }
    }

    @Test("a new placement ends the child's current one on the day it starts; each change is audited with it")
    func placementsFollowEachOther() async throws {
        try await StoreHarness.withDatabase { db in
            let c = try await StoreHarness.cases(db).open(CaseDetails(caseNumber: "T-3", familyName: "Lee", unit: "U", openedOn: StoreHarness.today))
            let (child, _) = try await PersonCommands(CaseChange(db, StoreHarness.acting())).addNew(PersonDetails(givenName: "Ava", familyName: "Lee"), role: .child, to: CaseID(c.id!))
            let commands = RemovalCommands(CaseChange(db, StoreHarness.acting()))
            let caseID = CaseID(c.id!)
            let removal = CalendarDate(iso: "2026-01-10")!
            let episode = RemovalEpisodeDetails(childID: PersonID(child.id!), removalDate: removal, manner: .courtOrdered, circumstances: [.neglect])
            let ep = try await commands.addEpisode(episode, to: caseID)
            _ = try await commands.addPlacement(PlacementDetails(setting: .fosterFamilyHome, caregiverName: "Reed family", startDate: removal),
                                                to: EpisodeID(ep.id!), in: caseID)
            _ = try await commands.addPlacement(PlacementDetails(setting: .relativeFosterHome, caregiverName: "Aunt Rosa",
                                                                 startDate: CalendarDate(iso: "2026-03-01")!), to: EpisodeID(ep.id!), in: caseID)
            let list = try await CaseRecordsRepository(db).placements(of: ep.typedID)
            #expect(list.map(\.endDate) == ["2026-03-01", nil])
            #expect(list[0].changeReason?.isEmpty == false)
            await #expect(throws: DuplicateRecord.self) { _ = try await commands.addEpisode(episode, to: caseID) }
            let trail = try await AuditRepository(db).trail(caseID: c.typedID, per: 500).entries
            #expect(trail.filter { $0.action == "create" }.map(\.recordKind).sorted() == ["case", "member", "placement", "placement", "removal_episode"])
            #expect(trail.allSatisfy { $0.userEmail == "supervisor@example.test" })
        }
    }

    @Test("the database itself holds a child to one current placement, whatever path a write takes")
    func oneCurrentPlacementByConstruction() async throws {
        try await StoreHarness.withDatabase { db in
            let c = try await StoreHarness.cases(db).open(CaseDetails(caseNumber: "T-4", familyName: "Lee", unit: "U", openedOn: StoreHarness.today))
            let (child, _) = try await PersonCommands(CaseChange(db, StoreHarness.acting())).addNew(PersonDetails(givenName: "Ava", familyName: "Lee"), role: .child, to: CaseID(c.id!))
            let removal = CalendarDate(iso: "2026-01-10")!
            let ep = RemovalEpisodeModel(caseID: c.id!, RemovalEpisodeDetails(childID: PersonID(child.id!), removalDate: removal,
                                                                              manner: .courtOrdered, circumstances: [.neglect]))
            try await ep.create(on: db)
            try await PlacementModel(caseID: c.id!, episodeID: ep.id!, PlacementDetails(setting: .fosterFamilyHome, caregiverName: "A", startDate: removal))
                .create(on: db)
            await #expect(throws: (any Error).self) {
                try await PlacementModel(caseID: c.id!, episodeID: ep.id!, PlacementDetails(setting: .relativeFosterHome, caregiverName: "B", startDate: removal))
                    .create(on: db)
            }
            await #expect(throws: (any Error).self) {
                try await RemovalEpisodeModel(caseID: c.id!, RemovalEpisodeDetails(childID: PersonID(child.id!), removalDate: removal,
                                                                                  manner: .courtOrdered, circumstances: [.neglect])).create(on: db)
            }
        }
    }

    @Test("case numbers are unique")
    func uniqueCaseNumbers() async throws {
        try await StoreHarness.withDatabase { db in
            _ = try await StoreHarness.cases(db).open(CaseDetails(caseNumber: "T-9", familyName: "A", unit: "U", openedOn: StoreHarness.today))
            await #expect(throws: DuplicateRecord.self) {
                _ = try await StoreHarness.cases(db).open(CaseDetails(caseNumber: "T-9", familyName: "B", unit: "U", openedOn: StoreHarness.today))
            }
        }
    }

    @Test("DATABASE_URL chooses the database")
    func targets() throws {
        #expect(try DatabaseTarget.from(environmentValue: nil) == .sqlite(path: "data/reunify.sqlite"))
        #expect(try DatabaseTarget.from(environmentValue: "sqlite:///tmp/x.sqlite") == .sqlite(path: "/tmp/x.sqlite"))
        #expect(try DatabaseTarget.from(environmentValue: "postgres://u:p@h:5432/d") == .postgres(url: "postgres://u:p@h:5432/d"))
        #expect(throws: DatabaseTarget.ParseError.self) { try DatabaseTarget.from(environmentValue: "mysql://x") }
    }
}
