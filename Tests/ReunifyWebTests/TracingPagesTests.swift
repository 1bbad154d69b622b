import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import ReunifyDomain
import ReunifyStore
@testable import ReunifyWeb

@Suite("Tracing pages and duplicate review")
struct TracingPagesTests {
    static func location(_ r: TestingHTTPResponse) -> String { r.headers.first(name: .location) ?? "" }

    @Test("a caseworker files an inquiry in Cyrillic on the form, sees the child on top and the evidence in words, and confirms it")
    func fileAndConfirm() async throws {
        try await TestApp.run { app, _ in
            var browser = try await Browser.signedIn(app, "caseworker@demo.reunify.test")
            #expect(try await browser.get("/tracing/new").status == .ok)
            let invalid = try await browser.post("/tracing/new", [("kind", "inquiry"), ("inquirerName", ""), ("givenName", ""), ("familyName", ""),
                                                                   ("birthDate", "March 2017")])
            #expect(invalid.status == .unprocessableEntity)
            #expect(invalid.body.string.contains("Enter the name of the person asking"))
            #expect(invalid.body.string.contains("Write the birth date as a year"))
            let filed = try await browser.post("/tracing/new", [
                ("kind", "inquiry"), ("inquirerName", "Галина Коваленко"), ("inquirerRelationship", "grandmother"),
                ("givenName", "Марія"), ("familyName", "Коваленко"), ("sex", "female"), ("birthDate", "2017"),
                ("placeOfOrigin", "Харків"), ("motherName", "Олена"),
            ])
            #expect(filed.status == .seeOther)
            let detailPath = Self.location(filed)
            let detail = try await browser.get(detailPath)
            #expect(detail.status == .ok)
            let html = detail.body.string
            #expect(html.contains("Looking for Марія Коваленко"))
            let mariia = try #require(html.range(of: "Mariia Kovalenko"))
            #expect(html.range(of: "Review the evidence").map { $0.lowerBound > mariia.lowerBound } == true)
            let reviewPath = try #require(html.components(separatedBy: "href=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
                .first { $0.contains("/candidates/") }).description
            let review = try await browser.get(reviewPath)
            #expect(review.status == .ok)
            #expect(review.body.string.contains("Name: names alike in sound or spelling"))
            let table = try #require(review.body.string.components(separatedBy: "id=\"side-by-side\"").last?.components(separatedBy: "</table>").first)
            #expect(table.contains("Марія Коваленко") && table.contains("Mariia Kovalenko"))
            let noReason = try await browser.post(reviewPath + "/decision", [("decision", "confirmed"), ("reason", "")])
            #expect(noReason.status == .unprocessableEntity)
            let confirmed = try await browser.post(reviewPath + "/decision", [("decision", "confirmed"), ("reason", "Grandmother's photo")])
            #expect(confirmed.status == .seeOther)
            let after = try await browser.get(detailPath).body.string
            #expect(after.contains("Verifying"))
            #expect(after.contains("Record the verification"))
            let action = try await browser.post(detailPath + "/actions", [("date-day", "20"), ("date-month", "11"), ("date-year", "2026"),
                                                                        ("type", "phone"), ("outcome", "Called the grandmother")])
            #expect(action.status == .seeOther)
            #expect(try await browser.get(detailPath).body.string.contains("Called the grandmother"))
        }
    }

    @Test("a child registered twice is found by duplicate review and merged, keeping both histories, audited in both cases")
    func duplicates() async throws {
        try await TestApp.run { app, _ in
            let api = try await APIClient.signIn(app, "caseworker@demo.reunify.test")
            let mohamed = try #require(try await PersonModel.query(on: app.db).filter(\.$givenName == "Mohamed").filter(\.$familyName == "Alhassan").first())
            let keptCase = try #require(try await MemberModel.query(on: app.db).filter(\.$personID == mohamed.id!).first()?.caseID)
            let (_, opened) = try await api.json(.POST, "/api/v1/cases", #"{"caseNumber":"DUP-1","familyName":"Al-Hassan"}"#)
            let otherCase = try #require(opened["id"] as? String)
            let (added, member) = try await api.json(.POST, "/api/v1/cases/\(otherCase)/members",
                #"{"role":"child","person":{"givenName":"Muhammad","familyName":"Al Hassan","sex":"male","birthDate":"\#(mohamed.birthDate!)","placeOfOrigin":"Aleppo"}}"#)
            #expect(added == .created)
            let duplicateID = try #require((member["person"] as? [String: Any])?["id"] as? String)
            let (listed, found) = try await api.list("/api/v1/persons/\(mohamed.id!.lower)/duplicates")
            #expect(listed == .ok)
            let top = try #require(found.first)
            #expect(((top["person"] as? [String: Any])?["id"] as? String)?.lowercased() == duplicateID.lowercased())
            #expect((top["probability"] as? Double ?? 0) > 0.5)

            var browser = try await Browser.signedIn(app, "caseworker@demo.reunify.test")
            let page = try await browser.get("/persons/\(mohamed.id!.lower)/duplicates")
            #expect(page.status == .ok && page.body.string.contains("Muhammad Al Hassan"))

            let (noReason, _) = try await api.json(.POST, "/api/v1/persons/\(mohamed.id!.lower)/merge", #"{"duplicateId":"\#(duplicateID)"}"#)
            #expect(noReason == .unprocessableEntity)
            let (merged, result) = try await api.json(.POST, "/api/v1/persons/\(mohamed.id!.lower)/merge",
                                                      #"{"duplicateId":"\#(duplicateID)","reason":"Same child, registered at the border and at the shelter"}"#)
            #expect(merged == .ok)
            #expect((result["cases"] as? [String])?.count == 2)
            let duplicate = try #require(try await PersonModel.find(UUID(uuidString: duplicateID), on: app.db))
            #expect(duplicate.mergedInto == mohamed.id)
            let memberships = try await MemberModel.query(on: app.db).filter(\.$personID == mohamed.id!).all(\.$caseID)
            #expect(Set(memberships) == [keptCase, UUID(uuidString: otherCase)!])
            for caseID in [keptCase, UUID(uuidString: otherCase)!] {
                let trail = try await AuditEventModel.query(on: app.db).filter(\.$caseID == caseID).all()
                #expect(trail.contains { $0.summary.hasPrefix("merged Muhammad Al Hassan") })
            }
            let (again, _) = try await api.json(.POST, "/api/v1/persons/\(mohamed.id!.lower)/merge", #"{"duplicateId":"\#(duplicateID)","reason":"again"}"#)
            #expect(again.code >= 400 && again.code < 500)
        }
    }
}
