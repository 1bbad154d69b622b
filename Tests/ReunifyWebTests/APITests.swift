import Foundation
import Testing
import Vapor
import VaporTesting
import ReunifyDomain
import ReunifyStore
import Fluent
@testable import ReunifyWeb

@Suite("JSON API")
struct APITests {
    @Test("cases: page through, open one, read it, change it with its version")
    func cases() async throws {
        try await TestApp.run { app, _ in
            let api = try await APIClient.signIn(app, "caseworker@demo.reunify.test")
            let (status, page) = try await api.json(.GET, "/api/v1/cases?page=2&per=5")
            #expect(status == .ok)
            #expect(page["total"] as? Int == 20)
            #expect((page["items"] as? [[String: Any]])?.count == 5)
            let (created, body) = try await api.json(.POST, "/api/v1/cases", #"{"caseNumber":"API-1","familyName":"Okonkwo"}"#)
            #expect(created == .created)
            let id = try #require(body["id"] as? String)
            #expect(body["stage"] as? String == "intake")
            #expect(body["unit"] as? String == "North Unit")
            let (read, got) = try await api.json(.GET, "/api/v1/cases/\(id)")
            #expect(read == .ok && got["familyName"] as? String == "Okonkwo")
            let update = #"{"caseNumber":"API-1","familyName":"Okonkwo-Ade","stage":"assessment","unit":"North Unit","openedOn":"2026-11-23","version":1}"#
            let (changed, after) = try await api.json(.PUT, "/api/v1/cases/\(id)", update)
            #expect(changed == .ok && after["version"] as? Int == 2)
            let (stale, error) = try await api.json(.PUT, "/api/v1/cases/\(id)", update)
            #expect(stale == .conflict)
            #expect(error["currentVersion"] as? Int == 2)
            #expect((error["reason"] as? String)?.contains("Someone else saved") == true)
        }
    }

    @Test("the case list answers what the repository reads for the caller, and its query is read as a form sends it")
    func caseListDocument() async throws {
        try await TestApp.run { app, _ in
            let api = try await APIClient.signIn(app, "supervisor@demo.reunify.test")
            let (created, _) = try await api.json(.POST, "/api/v1/cases", #"{"caseNumber":"Q-1","familyName":"O'Brien-Núñez \"Bú\" 家"}"#)
            #expect(created == .created)
            let response = try await api.send(.GET, "/api/v1/cases?per=100&stage=intake")
            #expect(response.status == .ok)
            #expect(response.headers.contentType == .json)
            let got = try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as? NSDictionary
            let user = try #require(try await UserModel.query(on: app.db).filter(\.$email == "supervisor@demo.reunify.test").first())
            let scope = AccessPolicy().scope(for: Actor(id: UserID(user.id!), role: user.userRole, unit: user.unit))
            let (cases, total) = try await CaseRepository(app.db).list(scope, stage: .intake, page: 1, per: 100)
            let encoded = try JSONEncoder().encode(CasePage(items: cases.map(CaseDTO.init), page: 1, per: 100, total: total))
            let expected = try JSONSerialization.jsonObject(with: encoded) as? NSDictionary
            #expect(got != nil && got == expected)
            #expect(response.body.string.contains("O'Brien-Núñez \\\"Bú\\\" 家"))
            #expect((got?["items"] as? [[String: Any]])?.contains { $0["closedOn"] != nil } == false)

            // A stage written with percent escapes or given twice is read as a form sends it; a stage not on the list is refused.
            let (_, escaped) = try await api.json(.GET, "/api/v1/cases?stage=trial%5Fhome%5Fvisit&per=100")
            let stages = Set(((escaped["items"] as? [[String: Any]]) ?? []).compactMap { $0["stage"] as? String })
            #expect(stages == ["trial_home_visit"])
            let (_, twice) = try await api.json(.GET, "/api/v1/cases?per=2&per=50")
            #expect(twice["per"] as? Int == 2)
            let (refused, error) = try await api.json(.GET, "/api/v1/cases?stage=in+care")
            #expect(refused == .unprocessableEntity)
            #expect((error["reason"] as? String)?.contains("'in care'") == true, "\(error)")
        }
    }

    @Test("bad input is a 4xx with a message that says what to fix", arguments: [
        (#"{"familyName":"X"}"#, 400, "caseNumber"),
        (#"{"caseNumber":"B-1","familyName":"X","stage":"finished"}"#, 422, "not a known case stage"),
        (#"{"caseNumber":"B-1","familyName":"X","openedOn":"2026-13-01"}"#, 422, "YYYY-MM-DD"),
        (#"{"caseNumber":"B-1","familyName":"X","openedOn":"2027-01-01"}"#, 422, "today or in the past"),
        (#"{"caseNumber":"B 1!","familyName":"X"}"#, 422, "Case number may hold"),
        (#"not json"#, 400, "JSON"),
        (#"{"caseNumber":7,"familyName":"X"}"#, 400, "caseNumber"),
        (#"{"caseNumber":"B-1","familyName":"X\u0000Y"}"#, 422, "NUL character"),
        (#"{"caseNumber":"B-1","familyName":"X","stage":""}"#, 422, "not a known case stage"),
        (#"{"caseNumber":"B-1","familyName":"X","openedOn":""}"#, 422, "YYYY-MM-DD"),
    ])
    func badCases(body: String, status: UInt, fragment: String) async throws {
        try await TestApp.run { app, _ in
            let api = try await APIClient.signIn(app, "caseworker@demo.reunify.test")
            let (got, error) = try await api.json(.POST, "/api/v1/cases", body)
            #expect(got.code == status)
            #expect(error["error"] as? Bool == true)
            #expect((error["reason"] as? String)?.contains(fragment) == true, "\(error)")
            #expect(try await CaseModel.query(on: app.db).filter(\.$caseNumber == "B-1").count() == 0)
        }
    }

    @Test("members, episodes and placements: good input saved, bad input refused")
    func records() async throws {
        try await TestApp.run { app, _ in
            let api = try await APIClient.signIn(app, "caseworker@demo.reunify.test")
            let (_, c) = try await api.json(.POST, "/api/v1/cases", #"{"caseNumber":"API-2","familyName":"Haddad"}"#)
            let caseID = try #require(c["id"] as? String)
            let (future, fe) = try await api.json(.POST, "/api/v1/cases/\(caseID)/members",
                #"{"role":"child","person":{"givenName":"Lina","familyName":"Haddad","birthDate":"2030-01-01"}}"#)
            #expect(future == .unprocessableEntity)
            #expect((fe["reason"] as? String)?.contains("Birth date must be today or in the past") == true)
            let (badRole, _) = try await api.json(.POST, "/api/v1/cases/\(caseID)/members", #"{"role":"cousin","person":{"givenName":"A","familyName":"B"}}"#)
            #expect(badRole == .unprocessableEntity)
            let (added, member) = try await api.json(.POST, "/api/v1/cases/\(caseID)/members",
                #"{"role":"child","person":{"givenName":"Lina","familyName":"Haddad","birthDate":"2019-05-04","languages":["Arabic","English"]}}"#)
            #expect(added == .created)
            let childID = try #require((member["person"] as? [String: Any])?["id"] as? String)
            let (before, be) = try await api.json(.POST, "/api/v1/cases/\(caseID)/episodes",
                #"{"childId":"\#(childID)","removalDate":"2026-10-01","manner":"court_ordered","circumstances":["neglect"],"dischargeDate":"2026-09-01","dischargeReason":"reunification"}"#)
            #expect(before == .unprocessableEntity)
            #expect((be["reason"] as? String)?.contains("Discharge date must be on or after the removal date") == true)
            let (badCode, _) = try await api.json(.POST, "/api/v1/cases/\(caseID)/episodes",
                #"{"childId":"\#(childID)","removalDate":"2026-10-01","manner":"court_ordered","circumstances":["bad_luck"]}"#)
            #expect(badCode == .unprocessableEntity)
            let (ok, episode) = try await api.json(.POST, "/api/v1/cases/\(caseID)/episodes",
                #"{"childId":"\#(childID)","removalDate":"2026-10-01","manner":"court_ordered","circumstances":["neglect","homelessness"]}"#)
            #expect(ok == .created)
            #expect(episode["dateEnteredCare"] as? String == "2026-11-30")
            let episodeID = try #require(episode["id"] as? String)
            let (early, _) = try await api.json(.POST, "/api/v1/cases/\(caseID)/episodes/\(episodeID)/placements",
                #"{"setting":"foster_family_home","caregiverName":"Reed family","startDate":"2026-09-01"}"#)
            #expect(early == .unprocessableEntity)
            let (noReview, nr) = try await api.json(.POST, "/api/v1/cases/\(caseID)/episodes/\(episodeID)/placements",
                #"{"setting":"placed_at_home","caregiverName":"Home","startDate":"2026-10-01"}"#)
            #expect(noReview == .unprocessableEntity)
            #expect((nr["reason"] as? String)?.contains("reunification review") == true)
            let (placed, placement) = try await api.json(.POST, "/api/v1/cases/\(caseID)/episodes/\(episodeID)/placements",
                #"{"setting":"foster_family_home","caregiverName":"Reed family","startDate":"2026-10-01"}"#)
            #expect(placed == .created)
            let (_, list) = try await api.list("/api/v1/cases/\(caseID)/episodes/\(episodeID)/placements")
            #expect(list.count == 1)
            let placementID = try #require(placement["id"] as? String)
            let (noVersion, nv) = try await api.json(.PUT, "/api/v1/cases/\(caseID)/placements/\(placementID)",
                #"{"setting":"foster_family_home","caregiverName":"Reed family","startDate":"2026-10-02"}"#)
            #expect(noVersion == .unprocessableEntity)
            #expect((nv["reason"] as? String)?.contains("version") == true)
            // The removal day may not move past the placement's first day, on the edit path as on creation.
            let version = try #require(episode["version"] as? Int)
            let (movedRemoval, mr) = try await api.json(.PUT, "/api/v1/cases/\(caseID)/episodes/\(episodeID)",
                #"{"childId":"\#(childID)","removalDate":"2026-10-05","manner":"court_ordered","circumstances":["neglect"],"version":\#(version)}"#)
            #expect(movedRemoval == .unprocessableEntity)
            #expect((mr["reason"] as? String)?.contains("placement from 2026-10-01 begins before this removal day") == true)
            let (_, episodes) = try await api.list("/api/v1/cases/\(caseID)/episodes")
            let kept = try #require(episodes.first { $0["id"] as? String == episodeID })
            #expect(kept["removalDate"] as? String == "2026-10-01" && kept["version"] as? Int == version)
            let (person, p) = try await api.json(.GET, "/api/v1/persons/\(childID)")
            #expect(person == .ok && p["givenName"] as? String == "Lina")
            let outsider = try await APIClient.signIn(app, "caseworker2@demo.reunify.test")
            #expect(try await outsider.send(.GET, "/api/v1/persons/\(childID)").status == .notFound)
            #expect(try await outsider.send(.GET, "/api/v1/cases/\(caseID)/episodes").status == .notFound)
        }
    }

    @Test("the OpenAPI document describes every route registered under /api/v1, and nothing more")
    func openAPI() async throws {
        try await TestApp.run(demo: false) { app, _ in
            let response = try await app.testing().sendRequest(.GET, "/api/v1/openapi.json")
            #expect(response.status == .ok)
            let doc = try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
            #expect(doc["openapi"] as? String == "3.1.0")
            let paths = try #require(doc["paths"] as? [String: [String: Any]])
            var documented = Set<String>()
            for (path, operations) in paths { for method in operations.keys { documented.insert("\(method.uppercased()) \(path)") } }
            var registered = Set<String>()
            for route in app.routes.all where route.path.first?.description == "api" {
                let path = "/" + route.path.map { component -> String in
                    if case .parameter(let name) = component { return "{\(name)}" }
                    return component.description
                }.joined(separator: "/")
                registered.insert("\(route.method.rawValue) \(path)")
            }
            #expect(registered.subtracting(documented).isEmpty, "undocumented: \(registered.subtracting(documented).sorted())")
            #expect(documented.subtracting(registered).isEmpty, "documented but not served: \(documented.subtracting(registered).sorted())")
            let schemas = try #require((doc["components"] as? [String: Any])?["schemas"] as? [String: Any])
            let placementInput = try #require(schemas["PlacementInput"] as? [String: Any])
            let setting = try #require((placementInput["properties"] as? [String: Any])?["setting"] as? [String: Any])
            #expect((setting["enum"] as? [String])?.count == PlacementSetting.allCases.count)

            var operationIDs: [String] = []
            for (path, operations) in paths {
                for (method, value) in operations {
                    let operation = try #require(value as? [String: Any])
                    let id = operation["operationId"] as? String ?? ""
                    #expect(id.first?.isLetter == true && !id.contains("/"), "\(method) \(path) has no operationId")
                    #expect((operation["tags"] as? [String])?.count == 1, "\(method) \(path) has no tag")
                    operationIDs.append(id)
                    if operation["requestBody"] != nil {
                        #expect((operation["responses"] as? [String: Any])?["415"] != nil, "\(method) \(path) does not document 415")
                    }
                }
            }
            #expect(Set(operationIDs).count == operationIDs.count, "operationIds repeat")
        }
    }

    @Test("a method a path does not serve is answered 405 with the methods it does, not 404")
    func methodNotAllowed() async throws {
        try await TestApp.run(demo: false) { app, _ in
            let patch = try await app.testing().sendRequest(.PATCH, "/api/v1/cases")
            #expect(patch.status == .methodNotAllowed)
            #expect(Set(patch.headers.first(name: .allow)?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } ?? []) == ["GET", "POST"])
            let delete = try await app.testing().sendRequest(.DELETE, "/api/v1/cases/\(UUID())/members")
            #expect(delete.status == .methodNotAllowed)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/no-such-thing").status == .notFound)
        }
    }
}
