import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import ReunifyDomain
import ReunifyStore
@testable import ReunifyWeb
import ReunifyMatching

@Suite("Tracing and matching")
struct TracingTests {
    static let arabicInquiry = #"""
    {"inquirer":{"name":"أمينة","relationship":"aunt","contact":"+90 555 0100","language":"Arabic"},
     "sought":{"givenName":"محمد","familyName":"الحسن","sex":"male","ageEstimate":11,"placeOfOrigin":"Aleppo","motherName":"فاطمة"}}
    """#

    static func child(_ app: Application, _ given: String, _ family: String) async throws -> PersonModel {
        try #require(try await PersonModel.query(on: app.db).filter(\.$givenName == given).filter(\.$familyName == family).first())
    }

    @Test("an inquiry in Arabic script finds the registered child on top, with evidence in words; confirming is audited")
    func arabicInquiry() async throws {
        try await TestApp.run { app, _ in
            let api = try await APIClient.signIn(app, "caseworker2@demo.reunify.test")
            let (created, request) = try await api.json(.POST, "/api/v1/tracing-requests", Self.arabicInquiry)
            #expect(created == .created)
            let id = try #require(request["id"] as? String)
            #expect(request["status"] as? String == "match_found")
            let (listed, candidates) = try await api.list("/api/v1/tracing-requests/\(id)/candidates")
            #expect(listed == .ok)
            let top = try #require(candidates.first)
            let child = top["child"] as? [String: Any]
            #expect(child?["givenName"] as? String == "Mohamed")
            #expect(child?["familyName"] as? String == "Alhassan")
            #expect((top["probability"] as? Double ?? 0) > 0.8)
            #expect(top["engineVersion"] as? String == FellegiSunterModel.engineVersion)
            let evidence = top["evidence"] as? [[String: Any]] ?? []
            let name = evidence.first { $0["field"] as? String == "name" }
            #expect((name?["explanation"] as? String)?.hasPrefix("Name: names alike in sound or spelling") == true)
            #expect(candidates.dropFirst().allSatisfy { ($0["probability"] as? Double ?? 1) < 0.1 })

            let candidateID = try #require(top["id"] as? String)
            let decision = "/api/v1/tracing-requests/\(id)/candidates/\(candidateID)/decision"
            let (noReason, why) = try await api.json(.POST, decision, #"{"decision":"confirmed"}"#)
            #expect(noReason == .unprocessableEntity)
            #expect((why["reason"] as? String)?.contains("Say why") == true)
            let (unknown, _) = try await api.json(.POST, decision, #"{"decision":"maybe","reason":"x"}"#)
            #expect(unknown == .unprocessableEntity)
            let (confirmed, after) = try await api.json(.POST, decision, #"{"decision":"confirmed","reason":"Aunt named the mother and the scar"}"#)
            #expect(confirmed == .ok)
            #expect(after["decision"] as? String == "confirmed")
            let (again, _) = try await api.json(.POST, decision, #"{"decision":"rejected","reason":"changed my mind"}"#)
            #expect(again == .conflict)

            let mohamed = try await Self.child(app, "Mohamed", "Alhassan")
            let (_, linked) = try await api.json(.GET, "/api/v1/tracing-requests/\(id)")
            #expect(linked["status"] as? String == "verifying")
            #expect((linked["linkedPersonId"] as? String)?.lowercased() == mohamed.id!.lower)
            let caseID = try #require(try await MemberModel.query(on: app.db).filter(\.$personID == mohamed.id!).first()?.caseID)
            let audit = try await AuditEventModel.query(on: app.db).filter(\.$recordKind == "match_candidate").filter(\.$caseID == caseID).all()
            #expect(audit.contains { $0.summary.hasPrefix("confirmed match") && $0.userEmail == "caseworker2@demo.reunify.test" && $0.summary.contains("scar") })
        }
    }

    @Test("a child is matched only with tracing consent, and is re-scored when their record changes")
    func consent() async throws {
        try await TestApp.run { app, _ in
            let api = try await APIClient.signIn(app, "caseworker@demo.reunify.test")
            let agency = TestApp.agency
            let family = try #require(agency.families.first { f in
                f.details.caseworkerID?.uuid == agency.user("caseworker@demo.reunify.test")!.id.uuid
                    && f.persons.contains { $0.role == .child && !$0.details.tracingConsent } })
            let kid = try #require(family.persons.first { $0.role == .child && !$0.details.tracingConsent })
            let body = #"{"inquirer":{"name":"Ann","relationship":"grandmother"},"sought":{"givenName":"\#(kid.details.givenName)","familyName":"\#(kid.details.familyName)","birthDate":"\#(kid.details.birthDate!.iso)"}}"#
            let (_, request) = try await api.json(.POST, "/api/v1/tracing-requests", body)
            let id = try #require(request["id"] as? String)
            let (_, before) = try await api.list("/api/v1/tracing-requests/\(id)/candidates")
            #expect(!before.contains { (($0["child"] as? [String: Any])?["personId"] as? String)?.lowercased() == kid.id.description })
            #expect(request["status"] as? String == "open")

            var person = try await api.json(.GET, "/api/v1/persons/\(kid.id)").1
            person["tracingConsent"] = true
            let update = String(decoding: try JSONSerialization.data(withJSONObject: person), as: UTF8.self)
            let (changed, _) = try await api.json(.PUT, "/api/v1/persons/\(kid.id)", update)
            #expect(changed == .ok)
            let (_, after) = try await api.list("/api/v1/tracing-requests/\(id)/candidates")
            let top = try #require(after.first)
            #expect(((top["child"] as? [String: Any])?["personId"] as? String)?.lowercased() == kid.id.description)
            #expect((top["probability"] as? Double ?? 0) > 0.9)
            let (_, now) = try await api.json(.GET, "/api/v1/tracing-requests/\(id)")
            #expect(now["status"] as? String == "match_found")
        }
    }

    @Test("an inquiry that shares only the last known address and a misspelt name finds the registered child, and says why")
    func byAddress() async throws {
        try await TestApp.run { app, _ in
            let api = try await APIClient.signIn(app, "caseworker@demo.reunify.test")
            let agency = TestApp.agency
            let mine = agency.user("caseworker@demo.reunify.test")!.id.uuid
            let family = try #require(agency.families.first { f in
                f.details.caseworkerID?.uuid == mine && f.persons.contains { $0.role == .child && $0.details.tracingConsent } })
            let kid = try #require(family.persons.first { $0.role == .child && $0.details.tracingConsent })
            var person = try await api.json(.GET, "/api/v1/persons/\(kid.id)").1
            person["address"] = "27 Tullaroop Street, Willaroo 4011"
            let update = String(decoding: try JSONSerialization.data(withJSONObject: person), as: UTF8.self)
            #expect(try await api.json(.PUT, "/api/v1/persons/\(kid.id)", update).0 == .ok)

            // One letter dropped from each name, no birth date or age: only the names' likeness and the address.
            func slip(_ name: String) -> String { var c = Array(name); if c.count > 3 { c.remove(at: c.count - 2) }; return String(c) }
            let body = #"{"inquirer":{"name":"Ann","relationship":"grandmother"},"sought":{"givenName":"\#(slip(kid.details.givenName))","familyName":"\#(slip(kid.details.familyName))","lastKnownAddress":"27 Tullaroop St, Willaroo 4011"}}"#
            let (created, request) = try await api.json(.POST, "/api/v1/tracing-requests", body)
            #expect(created == .created)
            #expect((request["sought"] as? [String: Any])?["lastKnownAddress"] as? String == "27 Tullaroop St, Willaroo 4011")
            let id = try #require(request["id"] as? String)
            let (_, candidates) = try await api.list("/api/v1/tracing-requests/\(id)/candidates")
            let top = try #require(candidates.first)
            #expect(((top["child"] as? [String: Any])?["personId"] as? String)?.lowercased() == kid.id.description)
            #expect((top["probability"] as? Double ?? 0) >= 0.5)
            let counted = (top["evidence"] as? [[String: Any]] ?? []).filter { ($0["weight"] as? Double ?? 0) > 0 }.compactMap { $0["field"] as? String }
            #expect(Set(counted).isSuperset(of: ["name", "street_number", "street", "area"]))
        }
    }

    @Test("a decision without its reason is refused by page and API in the same words; nothing is decided or audited")
    func decisionNeedsReasonOnBothSurfaces() async throws {
        try await TestApp.run { app, _ in
            let api = try await APIClient.signIn(app, "caseworker2@demo.reunify.test")
            let (_, request) = try await api.json(.POST, "/api/v1/tracing-requests", Self.arabicInquiry)
            let id = try #require(request["id"] as? String)
            let (_, candidates) = try await api.list("/api/v1/tracing-requests/\(id)/candidates")
            let candidateID = try #require(candidates.first?["id"] as? String)
            let (status, why) = try await api.json(.POST, "/api/v1/tracing-requests/\(id)/candidates/\(candidateID)/decision",
                                                   #"{"decision":"confirmed","reason":"   "}"#)
            #expect(status == .unprocessableEntity)
            let reason = try #require((why["fields"] as? [[String: Any]])?.first?["message"] as? String)
            #expect(reason.hasPrefix("Say why"))

            var browser = try await Browser.signedIn(app, "caseworker2@demo.reunify.test")
            let page = try await browser.post("/tracing/\(id)/candidates/\(candidateID)/decision", [("decision", "confirmed"), ("reason", " ")])
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.string.contains(reason.replacingOccurrences(of: "'", with: "&#39;")) || page.body.string.contains("Say why"))

            let (_, after) = try await api.list("/api/v1/tracing-requests/\(id)/candidates")
            #expect(after.first?["decision"] as? String == "pending")
            let decided = try await AuditEventModel.query(on: app.db).filter(\.$recordKind == RecordKind.matchCandidate.rawValue)
                .filter(\.$action == AuditAction.update.rawValue).count()
            #expect(decided == 0)
            let (_, again) = try await api.json(.GET, "/api/v1/tracing-requests/\(id)")
            #expect(again["status"] as? String == "match_found")
        }
    }

    @Test("changing the request re-scores it; verification gates 'reunified'; stale versions are refused")
    func lifecycle() async throws {
        try await TestApp.run { app, _ in
            let api = try await APIClient.signIn(app, "caseworker@demo.reunify.test")
            let (_, request) = try await api.json(.POST, "/api/v1/tracing-requests",
                #"{"inquirer":{"name":"Galyna","relationship":"grandmother"},"sought":{"givenName":"Nobody","familyName":"Zzyzx","ageEstimate":5}}"#)
            let id = try #require(request["id"] as? String)
            #expect(try await api.list("/api/v1/tracing-requests/\(id)/candidates").1.isEmpty)
            let cyrillic = #"{"inquirer":{"name":"Галина","relationship":"grandmother"},"sought":{"givenName":"Марія","familyName":"Коваленко","sex":"female","birthDate":"2017-07-03","placeOfOrigin":"Kharkiv"},"version":1}"#
            let (changed, after) = try await api.json(.PUT, "/api/v1/tracing-requests/\(id)", cyrillic)
            // The change is version 2; the scores it brought made the request "match found", version 3.
            #expect(changed == .ok && after["version"] as? Int == 3 && after["status"] as? String == "match_found")
            let (stale, _) = try await api.json(.PUT, "/api/v1/tracing-requests/\(id)", cyrillic)
            #expect(stale == .conflict)
            let (_, candidates) = try await api.list("/api/v1/tracing-requests/\(id)/candidates")
            let top = try #require(candidates.first)
            #expect((top["child"] as? [String: Any])?["givenName"] as? String == "Mariia")
            let dateEvidence = (top["evidence"] as? [[String: Any]])?.first { $0["field"] as? String == "birth_date" }
            #expect(dateEvidence?["level"] as? String == "day and month swapped")

            let (early, why) = try await api.json(.PUT, "/api/v1/tracing-requests/\(id)/verification",
                #"{"willingAndAble":"yes","childKnowsThem":"yes","childWantsToGo":"yes","accountsAgree":"yes","version":3}"#)
            #expect(early == .conflict && (why["reason"] as? String)?.contains("Confirm a match") == true)
            let cid = try #require(top["id"] as? String)
            _ = try await api.json(.POST, "/api/v1/tracing-requests/\(id)/candidates/\(cid)/decision", #"{"decision":"confirmed","reason":"Photo matches"}"#)
            var (_, current) = try await api.json(.GET, "/api/v1/tracing-requests/\(id)")
            let version = try #require(current["version"] as? Int)
            var reunified = current
            reunified["status"] = "reunified"
            let body = String(decoding: try JSONSerialization.data(withJSONObject: reunified), as: UTF8.self)
            let (refused, reason) = try await api.json(.PUT, "/api/v1/tracing-requests/\(id)", body)
            #expect(refused == .unprocessableEntity && (reason["reason"] as? String)?.contains("verification") == true)
            let (noNotes, _) = try await api.json(.PUT, "/api/v1/tracing-requests/\(id)/verification",
                #"{"willingAndAble":"yes","childKnowsThem":"no","childWantsToGo":"yes","accountsAgree":"yes","version":\#(version)}"#)
            #expect(noNotes == .unprocessableEntity)
            let (verified, _) = try await api.json(.PUT, "/api/v1/tracing-requests/\(id)/verification",
                #"{"willingAndAble":"yes","childKnowsThem":"yes","childWantsToGo":"yes","accountsAgree":"yes","notes":"Met twice","version":\#(version)}"#)
            #expect(verified == .ok)
            (_, current) = try await api.json(.GET, "/api/v1/tracing-requests/\(id)")
            reunified = current
            reunified["status"] = "reunified"
            let done = String(decoding: try JSONSerialization.data(withJSONObject: reunified), as: UTF8.self)
            let (ok, final) = try await api.json(.PUT, "/api/v1/tracing-requests/\(id)", done)
            #expect(ok == .ok && final["status"] as? String == "reunified")

            let (added, action) = try await api.json(.POST, "/api/v1/tracing-requests/\(id)/actions",
                #"{"date":"2026-11-20","type":"phone","outcome":"Grandmother confirmed the birth date"}"#)
            #expect(added == .created && action["type"] as? String == "phone")
            let (badAction, _) = try await api.json(.POST, "/api/v1/tracing-requests/\(id)/actions", #"{"date":"2026-11-20","type":"phone","outcome":""}"#)
            #expect(badAction == .unprocessableEntity)
            #expect(try await api.list("/api/v1/tracing-requests/\(id)/actions").1.count == 1)
        }
    }

    @Test("tracing is refused to parents, providers and clinicians", arguments: ["parent@demo.reunify.test", "provider@demo.reunify.test", "clinician@demo.reunify.test"])
    func refused(email: String) async throws {
        try await TestApp.run { app, _ in
            let api = try await APIClient.signIn(app, email)
            #expect(try await api.json(.GET, "/api/v1/tracing-requests").0 == .forbidden)
            #expect(try await api.json(.POST, "/api/v1/tracing-requests", Self.arabicInquiry).0 == .forbidden)
            var browser = try await Browser.signedIn(app, email)
            #expect(try await browser.get("/tracing").status == .forbidden)
        }
    }

    @Test("the demo's inquiries already show their children: other spellings, other scripts")
    func demo() async throws {
        try await TestApp.run { app, _ in
            let api = try await APIClient.signIn(app, "supervisor@demo.reunify.test")
            let (_, requests) = try await api.list("/api/v1/tracing-requests")
            #expect(requests.count == TestApp.agency.tracingRequests.count)
            var found: [String] = []
            for r in requests where r["kind"] as? String == "inquiry" {
                let (_, candidates) = try await api.list("/api/v1/tracing-requests/\(r["id"] as! String)/candidates")
                if let top = candidates.first, (top["probability"] as? Double ?? 0) > 0.5, let c = top["child"] as? [String: Any] {
                    found.append("\(c["givenName"] as? String ?? "") \(c["familyName"] as? String ?? "")")
                }
            }
            #expect(found.contains("Mohamed Alhassan"))
            #expect(found.contains("Mariia Kovalenko"))
            #expect(found.count == 3, "\(found)")
        }
    }

    @Test("candidates scored by an earlier engine are scored again when the database is brought up to date")
    func staleEngine() async throws {
        try await TestApp.run { app, _ in
            let before = try await MatchCandidateModel.query(on: app.db).all()
            #expect(!before.isEmpty)
            for c in before {
                c.engineVersion = "reunify-fs-0"
                try await c.save(on: app.db)
            }
            try await migrate(app)
            let active = Set(try await TracingRepository(app.db).active().map { $0.id! })
            let after = try await MatchCandidateModel.query(on: app.db).all().filter { active.contains($0.requestID) }
            #expect(!after.isEmpty)
            #expect(after.allSatisfy { $0.engineVersion == FellegiSunterModel.engineVersion })
            // Nothing is left to renew: only closed requests keep the evidence they were decided on.
            #expect(try await TracingScorer(app.db, today: app.reunify.time.today(), now: app.reunify.time.now()).rescoreStale() == 0)
        }
    }
}
