import FluentKit
import Foundation
import SQLKit
import Testing
import ReunifyDemo
@testable import ReunifyStore

@Suite("Models read through SQL")
struct ModelRowsTests {
    /// A model as JSON with its keys in order, for comparing two reads of it field by field.
    static func json(_ model: some Model) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(model), as: UTF8.self)
    }

    /// Every row of `M`'s table read both ways: the same models, every field the same.
    static func same<M: Model>(_ type: M.Type, on db: any Database) async throws -> Int where M.IDValue == UUID {
        let fluent = try await M.query(on: db).all()
        let read = try await ModelRows.all(M.self, where: "1 = 1", on: db)
        #expect(read.count == fluent.count, "\(M.schema)")
        let byID = Dictionary(uniqueKeysWithValues: try fluent.map { (try #require($0.id), try json($0)) })
        for model in read {
            let id = try #require(model.id)
            #expect(try json(model) == byID[id], "\(M.schema) \(id)")
            #expect(model._$idExists, "\(M.schema): a model read is one that exists")
        }
        return read.count
    }

    @Test("each kind of record the pages read comes back as Fluent reads it, on the demo agency with its practice")
    func sameAsFluent() async throws {
        try await StoreHarness.withDatabase { db in
            let agency = StoreHarness.agency()
            let practice = DemoPracticeGenerator(agency: agency, today: StoreHarness.today).generate()
            try await DemoLoader(db).load(agency, practice: practice, passwordHash: "not-a-real-hash", today: StoreHarness.today)
            var counts: [String: Int] = [:]
            counts["cases"] = try await Self.same(CaseModel.self, on: db)
            counts["members"] = try await Self.same(MemberModel.self, on: db)
            counts["persons"] = try await Self.same(PersonModel.self, on: db)
            counts["episodes"] = try await Self.same(RemovalEpisodeModel.self, on: db)
            counts["placements"] = try await Self.same(PlacementModel.self, on: db)
            counts["team"] = try await Self.same(TeamMemberModel.self, on: db)
            counts["users"] = try await Self.same(UserModel.self, on: db)
            counts["relationships"] = try await Self.same(RelationshipModel.self, on: db)
            counts["goals"] = try await Self.same(PermanencyGoalModel.self, on: db)
            counts["permanency"] = try await Self.same(PermanencyRecordModel.self, on: db)
            counts["reviews"] = try await Self.same(ReviewModel.self, on: db)
            counts["assessments"] = try await Self.same(AssessmentModel.self, on: db)
            counts["visit plans"] = try await Self.same(VisitPlanModel.self, on: db)
            counts["visits"] = try await Self.same(VisitModel.self, on: db)
            counts["level changes"] = try await Self.same(LevelChangeModel.self, on: db)
            counts["safety"] = try await Self.same(SafetyAssessmentModel.self, on: db)
            counts["case plans"] = try await Self.same(CasePlanModel.self, on: db)
            counts["consents"] = try await Self.same(ConsentModel.self, on: db)
            counts["referrals"] = try await Self.same(ReferralModel.self, on: db)
            counts["providers"] = try await Self.same(ProviderModel.self, on: db)
            counts["provider services"] = try await Self.same(ProviderServiceModel.self, on: db)
            // Each kind has rows in the demo agency, so each comparison above compared something.
            for (kind, count) in counts { #expect(count > 0, "no \(kind) in the demo agency") }
        }
    }

    @Test("a read by a list of ids gives the rows of those ids only, in the order asked for")
    func byIDs() async throws {
        try await StoreHarness.withDatabase(demo: true) { db in
            let cases = try await CaseModel.query(on: db).all().compactMap(\.id)
            let chosen = Array(cases.prefix(3))
            let placements = try await ModelRows.all(PlacementModel.self, "case_id", in: chosen, order: "start_date DESC", on: db)
            let expected = try await PlacementModel.query(on: db).filter(\.$caseID ~~ chosen).all()
            #expect(!placements.isEmpty)
            #expect(Set(placements.compactMap(\.id)) == Set(expected.compactMap(\.id)))
            #expect(placements.map(\.startDate) == placements.map(\.startDate).sorted(by: >))
            #expect(try await ModelRows.all(PlacementModel.self, "case_id", in: [], on: db).isEmpty)
            #expect(try await ModelRows.all(PlacementModel.self, "case_id", in: [UUID()], on: db).isEmpty)
        }
    }
}
