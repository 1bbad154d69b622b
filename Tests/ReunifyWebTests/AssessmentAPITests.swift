import Foundation
import Testing
import Vapor
import VaporTesting
import ReunifyDomain
import ReunifyStore
@testable import ReunifyWeb
import ReunifyDemo

@Suite("Assessments and reunification reviews over the API")
struct AssessmentAPITests {
    /// A family of the first caseworker's with a child in care whose goal is reunification.
    static func reviewable() -> (DemoAgency.Family, PersonID) {
        let agency = TestApp.agency
        let worker = agency.user("caseworker@demo.reunify.test")!.id
        for family in agency.families where family.details.caseworkerID == worker {
            for episode in family.episodes where episode.details.isOpen {
                if family.goals.contains(where: { $0.childID == episode.details.childID && $0.primary == .reunification }) {
                    return (family, episode.details.childID)
                }
            }
        }
        fatalError("the demo has no reviewable child")
    }

    @Test("instruments are listed; an administrator adds a new version, never replaces one")
    func instruments() async throws {
        try await TestApp.run(demo: true) { app, _ in
            let worker = try await APIClient.signIn(app, "caseworker@demo.reunify.test")
            let (status, _) = try await worker.list("/api/v1/instruments")
            #expect(status == .ok)
            let response = try await worker.send(.GET, "/api/v1/instruments")
            #expect(response.body.string.contains("family-strengths-needs"))
            let definition = #"{"id":"home-visit-check","version":1,"jurisdiction":"open","title":"Home visit check","points":["interim"],"domains":[{"id":"home","title":"Home","description":"d","overallRequired":true,"items":[{"id":"home.safe","text":"The home is safe.","required":true}]}]}"#
            #expect(try await worker.send(.POST, "/api/v1/instruments", json: definition).status == .forbidden)
            let admin = try await APIClient.signIn(app, "admin@demo.reunify.test")
            #expect(try await admin.send(.POST, "/api/v1/instruments", json: definition).status == .created)
            #expect(try await admin.send(.POST, "/api/v1/instruments", json: definition).status == .conflict)
            let shipped = #"{"id":"family-strengths-needs","version":1,"jurisdiction":"x","title":"Changed","points":["intake"],"domains":[{"id":"a","title":"A","description":"d","overallRequired":true,"items":[{"id":"a.b","text":"t","required":false}]}]}"#
            #expect(try await admin.send(.POST, "/api/v1/instruments", json: shipped).status == .conflict)
            #expect(try await admin.send(.POST, "/api/v1/instruments", json: #"{"id":"x"}"#).status == .unprocessableEntity)
        }
    }

    @Test("an assessment is saved as a draft, resumed, completed, and then frozen")
    func assessmentLifecycle() async throws {
        try await TestApp.run { app, _ in
            let (family, _) = Self.reviewable()
            let api = try await APIClient.signIn(app, "caseworker@demo.reunify.test")
            let path = "/api/v1/cases/\(family.caseID)/assessments"
            let (badRating, be) = try await api.json(.POST, path, #"{"instrument":"family-strengths-needs","point":"interim","ratings":{"environment.housing_stability":5}}"#)
            #expect(badRating == .unprocessableEntity)
            #expect((be["reason"] as? String)?.contains("not on the scale") == true)
            let (badItem, _) = try await api.json(.POST, path, #"{"instrument":"family-strengths-needs@1","point":"interim","ratings":{"no.such":1}}"#)
            #expect(badItem == .unprocessableEntity)
            let (incomplete, ie) = try await api.json(.POST, path, #"{"instrument":"family-strengths-needs@1","point":"interim","complete":true,"ratings":{}}"#)
            #expect(incomplete == .unprocessableEntity)
            #expect((ie["fields"] as? [[String: Any]])?.count == 15)
            let (created, draft) = try await api.json(.POST, path,
                #"{"instrument":"family-strengths-needs@1","point":"interim","ratings":{"environment.housing_safety":-3,"family_interactions.bonding":2}}"#)
            #expect(created == .created)
            #expect(draft["status"] as? String == "draft")
            let id = try #require(draft["id"] as? String)
            #expect((draft["problems"] as? [[String: Any]])?.first?["itemId"] as? String == "environment.housing_safety")
            var all: [String: Int] = [:]
            for domain in BundledInstruments.familyStrengthsAndNeeds.domains {
                all[domain.overallID] = 0
                for item in domain.items where item.required { all[item.id] = 1 }
            }
            all["environment.housing_safety"] = -3
            let ratings = String(decoding: try JSONEncoder().encode(all), as: UTF8.self)
            let (badPoint, _) = try await api.json(.PUT, "\(path)/\(id)", #"{"instrument":"family-strengths-needs@1","point":"__not_a_point__","version":1}"#)
            #expect(badPoint == .unprocessableEntity)
            let (otherPoint, _) = try await api.json(.PUT, "\(path)/\(id)", #"{"instrument":"family-strengths-needs@1","point":"closure","version":1}"#)
            #expect(otherPoint == .unprocessableEntity)
            let (completed, done) = try await api.json(.PUT, "\(path)/\(id)",
                #"{"instrument":"family-strengths-needs@1","point":"interim","complete":true,"version":1,"ratings":\#(ratings)}"#)
            #expect(completed == .ok)
            #expect(done["status"] as? String == "completed")
            let (frozen, _) = try await api.json(.PUT, "\(path)/\(id)",
                #"{"instrument":"family-strengths-needs@1","point":"interim","complete":true,"version":2,"ratings":\#(ratings)}"#)
            #expect(frozen == .unprocessableEntity)
            let legal = try await APIClient.signIn(app, "legal@demo.reunify.test")
            let legalFamily = TestApp.agency.families.first { $0.team.contains { $0.0 == TestApp.agency.user("legal@demo.reunify.test")!.id } }!
            #expect(try await legal.send(.GET, "/api/v1/cases/\(legalFamily.caseID)/assessments").status == .ok)
            #expect(try await legal.send(.POST, "/api/v1/cases/\(legalFamily.caseID)/assessments",
                                         json: #"{"instrument":"family-strengths-needs","point":"interim"}"#).status == .forbidden)
            let clinician = try await APIClient.signIn(app, "clinician@demo.reunify.test")
            let clinicianFamily = TestApp.agency.families.first { $0.team.contains { $0.0 == TestApp.agency.user("clinician@demo.reunify.test")!.id } }!
            #expect(try await clinician.send(.POST, "/api/v1/cases/\(clinicianFamily.caseID)/assessments",
                                             json: #"{"instrument":"family-strengths-needs","point":"interim"}"#).status == .created)
        }
    }

    @Test("a review answers with its score, level, status, recommendation and reasons; bad input is refused")
    func review() async throws {
        try await TestApp.run { app, _ in
            let (family, child) = Self.reviewable()
            let api = try await APIClient.signIn(app, "caseworker@demo.reunify.test")
            let path = "/api/v1/cases/\(family.caseID)/reunification-reviews"
            let (_, before) = try await api.list(path)
            func body(_ progress: String, attended: Int, safety: String = "safe", rationale: String? = nil, level: String = "moderate") -> String {
                #"{"childId":"\#(child)","risk":{"initialRiskLevel":"\#(level)","newSubstantiatedReport":false,"caregiverProgress":"\#(progress)"},"visitation":{"scheduled":8,"attended":\#(attended),"quality":"adequate"},"safety":{"decision":"\#(safety)"}\#(rationale.map { #","rationale":"\#($0)""# } ?? "")}"#
            }
            let (status, review) = try await api.json(.POST, path, body("most", attended: 7))
            #expect(status == .created)
            #expect(review["riskScore"] as? Int == 2)
            #expect(review["riskLevel"] as? String == "moderate")
            #expect(review["visitationStatus"] as? String == "acceptable")
            #expect(review["recommendation"] as? String == "return_home")
            #expect((review["reasons"] as? [String])?.count ?? 0 >= 4)
            let (missing, me) = try await api.json(.POST, path, body("minimal", attended: 7))
            #expect(missing == .unprocessableEntity)
            #expect((me["reason"] as? String)?.contains("rationale") == true)
            let (continued, c) = try await api.json(.POST, path, body("minimal", attended: 7, rationale: "Housing must be secured by March"))
            #expect(continued == .created)
            #expect(c["recommendation"] as? String == "continue_reunification")
            let (badCode, _) = try await api.json(.POST, path, body("most", attended: 7, level: "extreme"))
            #expect(badCode == .unprocessableEntity)
            let (tooMany, _) = try await api.json(.POST, path, body("most", attended: 9))
            #expect(tooMany == .unprocessableEntity)
            let (unsafeNoIndicators, _) = try await api.json(.POST, path, body("most", attended: 7, safety: "unsafe", rationale: "x"))
            #expect(unsafeNoIndicators == .unprocessableEntity)
            let id = try #require(c["id"] as? String)
            let override = #"{"recommendation":"return_home","reason":"Housing secured today","version":1}"#
            #expect(try await api.send(.POST, "\(path)/\(id)/override", json: override).status == .forbidden)
            let supervisor = try await APIClient.signIn(app, "supervisor@demo.reunify.test")
            let (overridden, o) = try await supervisor.json(.POST, "\(path)/\(id)/override", override)
            #expect(overridden == .ok)
            #expect(o["recommendation"] as? String == "continue_reunification")
            #expect(o["finalRecommendation"] as? String == "return_home")
            #expect(try await supervisor.send(.POST, "\(path)/\(id)/override", json: override).status == .conflict)
            let (listed, list) = try await api.list(path)
            #expect(listed == .ok && list.count == before.count + 2)
            let other = try await APIClient.signIn(app, "caseworker2@demo.reunify.test")
            #expect(try await other.send(.GET, path).status == .notFound)
            // The review just made opens the way home: a trial home visit may now begin.
            let episode = try #require(try await CaseRecordsRepository(app.db).episodes(of: family.caseID).first { $0.childID == child.uuid && $0.dischargeDate == nil })
            let (home, _) = try await api.json(.POST, "/api/v1/cases/\(family.caseID)/episodes/\(episode.id!.lower)/placements",
                #"{"setting":"placed_at_home","caregiverName":"Mother's home","startDate":"2026-11-23"}"#)
            #expect(home == .created)
        }
    }
}

@Suite("Discretionary overrides")
struct DiscretionaryOverrideTests {
    @Test("a discretionary risk override waits for a supervisor's approval")
    func approval() async throws {
        try await TestApp.run { app, _ in
            let (family, child) = AssessmentAPITests.reviewable()
            let api = try await APIClient.signIn(app, "caseworker@demo.reunify.test")
            let path = "/api/v1/cases/\(family.caseID)/reunification-reviews"
            let body = #"{"childId":"\#(child)","risk":{"initialRiskLevel":"high","newSubstantiatedReport":false,"caregiverProgress":"some","discretionaryOverride":-1,"discretionaryReason":"The violent partner has moved out of state"},"visitation":{"scheduled":4,"attended":4,"quality":"strong"},"safety":{"decision":"safe"}}"#
            let (created, review) = try await api.json(.POST, path, body)
            #expect(created == .created)
            #expect(review["riskLevel"] as? String == "moderate")
            #expect(review["recommendation"] as? String == "return_home")
            #expect(review["awaitingApproval"] as? Bool == true)
            let id = try #require(review["id"] as? String)
            #expect(try await api.send(.POST, "\(path)/\(id)/approve", json: #"{"version":1}"#).status == .forbidden)
            let supervisor = try await APIClient.signIn(app, "supervisor@demo.reunify.test")
            let (approved, after) = try await supervisor.json(.POST, "\(path)/\(id)/approve", #"{"version":1}"#)
            #expect(approved == .ok)
            #expect(after["awaitingApproval"] as? Bool == false)
            #expect(after["approved"] as? Bool == true)
        }
    }
}
