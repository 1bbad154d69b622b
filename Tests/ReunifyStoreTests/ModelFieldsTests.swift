import FluentKit
import Foundation
import SQLKit
import Testing
import ReunifyDomain
@testable import ReunifyStore

/// Every model lists its fields for Fluent (`properties`), which otherwise finds them by reflection on every row read
/// or written — measured as about a third of the caseload page's time. A field left out of a list would silently
/// never be read or saved, so each list is checked here against what reflection finds.
@Suite("Models list their fields")
struct ModelFieldsTests {
    static let models: [any Model.Type] = [
        AssessmentModel.self, AuditEventModel.self, AuthSessionModel.self, CaseMessageModel.self, CaseModel.self,
        VisitPlanModel.self, LevelChangeModel.self, SafetyAssessmentModel.self, VisitModel.self, CalendarFeedModel.self,
        InstrumentDefinitionModel.self, InvitationModel.self, MemberModel.self, PermanencyGoalModel.self,
        PermanencyRecordModel.self, PersonModel.self, PlacementModel.self, RelationshipModel.self, RemovalEpisodeModel.self,
        ReviewModel.self, ProviderModel.self, ProviderServiceModel.self, ConsentModel.self, ReferralModel.self,
        CasePlanModel.self, SessionModel.self, SignInFailureModel.self, TeamMemberModel.self, TracingRequestModel.self,
        TracingActionModel.self, MatchCandidateModel.self, UserModel.self, VignetteModel.self, VignetteRatingModel.self,
    ]

    /// The property wrappers of a model as reflection finds them, in declaration order.
    static func reflected(_ model: any Fields) -> [ObjectIdentifier] {
        Mirror(reflecting: model).children.compactMap { $0.value as? any AnyProperty }.map { ObjectIdentifier($0 as AnyObject) }
    }

    @Test("each model's list holds exactly the fields it declares, in order")
    func listsMatchReflection() {
        for type in Self.models {
            let model = type.init()
            let listed = model.properties.map { ObjectIdentifier($0 as AnyObject) }
            #expect(!listed.isEmpty, "\(type)")
            #expect(listed == Self.reflected(model), "\(type) lists \(listed.count) of \(Self.reflected(model).count) fields")
        }
    }

    @Test("every table the migrations create belongs to a model checked here")
    func everyTableChecked() async throws {
        try await StoreHarness.withDatabase { db in
            let sql = try #require(db as? any SQLDatabase)
            struct Name: Decodable { let name: String }
            let query: SQLQueryString = sql.dialect.name == "sqlite"
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                : "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()"
            let tables = Set(try await sql.raw(query).all(decoding: Name.self).map(\.name)).subtracting(["_fluent_migrations"])
            let schemas = Set(Self.models.map { $0.schema })
            #expect(tables.subtracting(schemas).isEmpty, "tables without a checked model: \(tables.subtracting(schemas).sorted())")
        }
    }

    @Test("a row written and read back through a listed model keeps every field")
    func roundTrip() async throws {
        try await StoreHarness.withDatabase { db in
            let userID = UUID(), recordID = UUID(), caseID = UUID()
            let written = AuditEventModel(occurredAt: Date(timeIntervalSince1970: 1_800_000_000), userID: userID, userEmail: "a@example.test",
                                          action: "view", recordKind: "case", recordID: recordID, caseID: caseID,
                                          summary: Worded.stored(english: "read the case", others: nil), address: "10.0.0.1")
            try await written.create(on: db)
            let read = try #require(try await AuditEventModel.find(written.id, on: db))
            #expect(read.occurredAt == written.occurredAt && read.userID == userID && read.userEmail == "a@example.test")
            #expect(read.action == "view" && read.recordKind == "case" && read.recordID == recordID && read.caseID == caseID)
            #expect(read.summary == "read the case" && read.address == "10.0.0.1" && read.wording == written.wording)
        }
    }
}
