import Foundation
import Testing
import Vapor
import VaporTesting
import ReunifyDomain
import ReunifyStore
@testable import ReunifyWeb
import ReunifyDemo

@Suite("Family time over the API: plans, levels, safety, visits, clashes, visitation and calendar feeds")
struct FamilyTimeAPITests {
    /// A child of the first caseworker's in care with reunification as the goal, and a parent of theirs.
    static func family() -> (DemoAgency.Family, child: PersonID, parent: PersonID) {
        let (family, child) = AssessmentAPITests.reviewable()
        let parent = family.persons.first { $0.role == .parent }!.id
        return (family, child, parent)
    }

    static func userID(_ app: Application, _ email: String) async throws -> String {
        try #require(try await UserRepository(app.db).find(email: email)?.id).uuidString.lowercased()
    }

    /// 2026-11-24 (the day after the test clock's today) at `hour`:00 in California's winter offset.
    static func at(_ hour: Int, day: Int = 24) -> String { String(format: "2026-11-%02dT%02d:00:00-08:00", day, hour) }

    static func makePlan(_ api: APIClient, caseID: CaseID, child: PersonID, parent: PersonID, supervisor: String,
                         level: String = "supervised") async throws -> [String: Any] {
        let body = #"{"childId":"\#(child)","level":"\#(level)","participants":["\#(parent)"],"frequency":"twice a week","durationMinutes":60,"location":"Family Center room 2","supervisorId":"\#(supervisor)","conditions":"No visits while under the influence","logistics":{"transport":"bus pass","interpreterLanguage":"es"}}"#
        let (status, plan) = try await api.json(.POST, "/api/v1/cases/\(caseID)/visit-plans", body)
        #expect(status == .created, "\(plan)")
        return plan
    }

    @Test("supervised visits are scheduled, a clash is refused naming it, the visit is recorded, and the review reads it")
    func scheduleClashRecordReview() async throws {
        try await TestApp.run { app, clock in
            let (family, child, parent) = Self.family()
            let worker = try await APIClient.signIn(app, "caseworker@demo.reunify.test")
            let supervisorID = try await Self.userID(app, "supervisor@demo.reunify.test")
            let plan = try await Self.makePlan(worker, caseID: family.caseID, child: child, parent: parent, supervisor: supervisorID)
            let planID = try #require(plan["id"] as? String)
            #expect(plan["level"] as? String == "supervised")
            let visits = "/api/v1/cases/\(family.caseID)/visits"
            let figuresPath = "/api/v1/cases/\(family.caseID)/visitation?childId=\(child)&from=2026-11-01&to=2026-11-30"
            let (_, demo) = try await worker.json(.GET, figuresPath)
            let demoScheduled = demo["scheduled"] as? Int ?? 0, demoAttended = demo["attended"] as? Int ?? 0

            let (made, visit) = try await worker.json(.POST, visits, #"{"planId":"\#(planID)","start":"\#(Self.at(10))","end":"\#(Self.at(11))"}"#)
            #expect(made == .created, "\(visit)")
            #expect(visit["start"] as? String == "2026-11-24T10:00:00-08:00")
            #expect(visit["location"] as? String == "Family Center room 2")
            #expect((visit["supervisorId"] as? String)?.lowercased() == supervisorID)
            let visitID = try #require(visit["id"] as? String)

            // Overlapping the same child and parent: refused, the clash named, nothing saved.
            let (_, before) = try await worker.list(visits)
            let (clash, refused) = try await worker.json(.POST, visits, #"{"planId":"\#(planID)","start":"\#(Self.at(10).replacingOccurrences(of: "10:00", with: "10:30"))","end":"\#(Self.at(12))","location":"Park"}"#)
            #expect(clash == .conflict)
            let conflicts = try #require(refused["conflicts"] as? [[String: Any]])
            #expect(conflicts.count == 1 && conflicts[0]["visitId"] as? String == visitID, "\(conflicts)")
            let parentName = family.persons.first { $0.id == parent }!.details.fullName
            let reason = refused["reason"] as? String ?? ""
            #expect(reason.contains(parentName) && reason.hasSuffix("have a visit 10:00–11:00 that day"), "\(refused)")
            let (_, after) = try await worker.list(visits)
            #expect(after.count == before.count)

            // The same room at the same hour, for another family's visit, clashes too.
            // A visit right after the first is fine.
            let (next, _) = try await worker.json(.POST, visits, #"{"planId":"\#(planID)","start":"\#(Self.at(11))","end":"\#(Self.at(12))"}"#)
            #expect(next == .created)

            // Recording before the start is refused; once it has passed the supervisor records it.
            let supervisor = try await APIClient.signIn(app, "supervisor@demo.reunify.test")
            let record = #"{"attendance":[{"personId":"\#(parent)","status":"attended"},{"personId":"\#(child)","status":"attended"}],"quality":"strong","observations":{"wentWell":"Read a story together","childReaction":"Smiled, asked when the next visit is"}}"#
            let early = try await supervisor.json(.PUT, "\(visits)/\(visitID)/record", record)
            #expect(early.0 == .unprocessableEntity)
            clock.advance(2 * 86_400)
            let (recorded, r) = try await supervisor.json(.PUT, "\(visits)/\(visitID)/record", record)
            #expect(recorded == .ok, "\(r)")
            #expect(r["status"] as? String == "took_place" && r["quality"] as? String == "strong")
            let (noQuality, _) = try await supervisor.json(.PUT, "\(visits)/\(visitID)/record",
                                                            #"{"attendance":[{"personId":"\#(parent)","status":"attended"}]}"#)
            #expect(noQuality == .unprocessableEntity)

            // A visit that happened but was never scheduled is entered afterwards, recorded at once.
            let (entered, e) = try await worker.json(.POST, visits, #"{"planId":"\#(planID)","start":"2026-11-20T15:00:00-08:00","end":"2026-11-20T16:00:00-08:00","attendance":[{"personId":"\#(parent)","status":"late"}],"quality":"adequate"}"#)
            #expect(entered == .created, "\(e)")
            #expect(e["enteredAfterwards"] as? Bool == true)
            let (pastUnrecorded, _) = try await worker.json(.POST, visits, #"{"planId":"\#(planID)","start":"2026-11-19T15:00:00-08:00","end":"2026-11-19T16:00:00-08:00"}"#)
            #expect(pastUnrecorded == .unprocessableEntity)

            let (_, figures) = try await worker.json(.GET, figuresPath)
            #expect(figures["scheduled"] as? Int == demoScheduled + 3)
            #expect(figures["attended"] as? Int == demoAttended + 2)
            #expect((figures["visits"] as? [[String: Any]])?.count == demoScheduled + 3)
            let (_, mine) = try await worker.json(.GET, "/api/v1/cases/\(family.caseID)/visitation?childId=\(child)&from=2026-11-19&to=2026-11-24")
            #expect(mine["quality"] as? String == "adequate")

            // The next review reads the recorded visits instead of typed-in figures.
            let review = #"{"childId":"\#(child)","risk":{"initialRiskLevel":"moderate","newSubstantiatedReport":false,"caregiverProgress":"most"},"visitation":{"scheduled":0,"attended":0,"quality":"harmful"},"safety":{"decision":"safe"},"rationale":"Visits go well; one was missed"}"#
            let (reviewed, rv) = try await worker.json(.POST, "/api/v1/cases/\(family.caseID)/reunification-reviews", review)
            #expect(reviewed == .created, "\(rv)")
            let used = try #require(rv["visitation"] as? [String: Any])
            #expect(used["source"] as? String == "recorded_visits")
            #expect(used["quality"] as? String == "adequate")
            #expect((used["scheduled"] as? Int ?? 0) >= 3)
        }
    }

    @Test("a step up needs a fresh safe safety assessment and a supervisor; a caseworker cannot approve; a step down is at once")
    func levels() async throws {
        try await TestApp.run { app, _ in
            let (family, child, parent) = Self.family()
            let worker = try await APIClient.signIn(app, "caseworker@demo.reunify.test")
            let supervisorID = try await Self.userID(app, "supervisor@demo.reunify.test")
            let plan = try await Self.makePlan(worker, caseID: family.caseID, child: child, parent: parent, supervisor: supervisorID)
            let changes = "/api/v1/cases/\(family.caseID)/visit-plans/\(plan["id"] as! String)/level-changes"
            let up = #"{"to":"unsupervised_day","reason":"Four strong supervised visits in a row"}"#
            let (refused, r) = try await worker.json(.POST, changes, up)
            #expect(refused == .unprocessableEntity)
            #expect((r["reason"] as? String)?.contains("safety assessment") == true)

            let safety = "/api/v1/cases/\(family.caseID)/safety-assessments"
            let (stale, _) = try await worker.json(.POST, safety, #"{"childId":"\#(child)","date":"2026-10-01","dangerIndicators":[],"decision":"safe"}"#)
            #expect(stale == .created)
            #expect(try await worker.json(.POST, changes, up).0 == .unprocessableEntity)
            let (unsafeWithout, _) = try await worker.json(.POST, safety, #"{"childId":"\#(child)","date":"2026-11-20","dangerIndicators":["Parent's partner with a violent history lives in the home"],"decision":"safe_with_plan"}"#)
            #expect(unsafeWithout == .unprocessableEntity)
            let (fresh, _) = try await worker.json(.POST, safety, #"{"childId":"\#(child)","date":"2026-11-20","dangerIndicators":["Parent's partner with a violent history lives in the home"],"protectiveCapacities":["Mother has a protective order"],"decision":"safe_with_plan","safetyPlan":"Partner is not present during visits"}"#)
            #expect(fresh == .created)

            let (asked, change) = try await worker.json(.POST, changes, up)
            #expect(asked == .created, "\(change)")
            #expect(change["status"] as? String == "awaiting_approval")
            let approve = "\(changes)/\(change["id"] as! String)/approve"
            #expect(try await worker.send(.POST, approve).status == .forbidden)
            let supervisor = try await APIClient.signIn(app, "supervisor@demo.reunify.test")
            let (approved, a) = try await supervisor.json(.POST, approve)
            #expect(approved == .ok && a["status"] as? String == "approved")
            #expect(try await supervisor.send(.POST, approve).status == .conflict)
            let (_, planNow) = try await worker.json(.GET, "/api/v1/cases/\(family.caseID)/visit-plans/\(plan["id"] as! String)")
            #expect(planNow["level"] as? String == "unsupervised_day")

            // The level cannot be edited around the rule.
            var edited = planNow
            edited["level"] = "overnight"
            let editBody = String(decoding: try JSONSerialization.data(withJSONObject: edited), as: UTF8.self)
            #expect(try await worker.send(.PUT, "/api/v1/cases/\(family.caseID)/visit-plans/\(plan["id"] as! String)", json: editBody).status == .unprocessableEntity)

            // A step down for safety is taken at once, and flagged for the supervisor until acknowledged.
            let (down, d) = try await worker.json(.POST, changes, #"{"to":"supervised","reason":"Parent arrived intoxicated"}"#)
            #expect(down == .created && d["status"] as? String == "approved" && d["acknowledged"] as? Bool == false)
            let (_, lowered) = try await worker.json(.GET, "/api/v1/cases/\(family.caseID)/visit-plans/\(plan["id"] as! String)")
            #expect(lowered["level"] as? String == "supervised")
            let (ack, k) = try await supervisor.json(.POST, "\(changes)/\(d["id"] as! String)/approve")
            #expect(ack == .ok && k["acknowledged"] as? Bool == true)
        }
    }

    @Test("the worker's and the family's calendar feeds are iCalendar, carry no child's full name, and stop when renewed")
    func feeds() async throws {
        try await TestApp.run { app, _ in
            let (family, child, parent) = Self.family()
            let worker = try await APIClient.signIn(app, "caseworker@demo.reunify.test")
            let supervisorID = try await Self.userID(app, "supervisor@demo.reunify.test")
            let plan = try await Self.makePlan(worker, caseID: family.caseID, child: child, parent: parent, supervisor: supervisorID)
            let (made, _) = try await worker.json(.POST, "/api/v1/cases/\(family.caseID)/visits",
                                                  #"{"planId":"\#(plan["id"] as! String)","start":"\#(Self.at(14))","end":"\#(Self.at(15))"}"#)
            #expect(made == .created)
            let childPerson = family.persons.first { $0.id == child }!.details

            for (owner, path) in [("worker", "/api/v1/calendar-feed"), ("family", "/api/v1/cases/\(family.caseID)/calendar-feed")] {
                let (status, link) = try await worker.json(.POST, path)
                #expect(status == .created, "\(owner): \(link)")
                let url = try #require(link["url"] as? String)
                let token = String(url.split(separator: "/").last!.dropLast(4))
                #expect(token.count >= 22 && FeedToken.isWellFormed(token))
                let feedPath = "/calendar/\(token).ics"
                let response = try await app.testing().sendRequest(.GET, feedPath)
                #expect(response.status == .ok)
                #expect(response.headers.contentType?.subType == "calendar")
                let text = response.body.string
                #expect(text.hasPrefix("BEGIN:VCALENDAR\r\n") && text.hasSuffix("END:VCALENDAR\r\n"))
                #expect(text.contains("DTSTART:20261124T220000Z"), "\(owner) feed lacks the visit")
                #expect(text.contains(childPerson.givenName))
                #expect(!text.contains(childPerson.fullName))
                #expect(text.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 75 })
                // Renewing the link ends the old one.
                let (_, renewed) = try await worker.json(.POST, path + "?renew=true")
                #expect(renewed["url"] as? String != url)
                #expect(try await app.testing().sendRequest(.GET, feedPath).status == .notFound)
            }
            #expect(try await app.testing().sendRequest(.GET, "/calendar/not-a-token.ics").status == .notFound)
            let parentAPI = try await APIClient.signIn(app, "parent@demo.reunify.test")
            #expect(try await parentAPI.send(.POST, "/api/v1/calendar-feed").status == .forbidden)
        }
    }

    @Test("a plan names a child, members who visit and a supervisor where the level needs one")
    func planRules() async throws {
        try await TestApp.run { app, _ in
            let (family, child, parent) = Self.family()
            let worker = try await APIClient.signIn(app, "caseworker@demo.reunify.test")
            let path = "/api/v1/cases/\(family.caseID)/visit-plans"
            let noSupervisor = #"{"childId":"\#(child)","level":"supervised","participants":["\#(parent)"],"frequency":"weekly","durationMinutes":60,"location":"Office"}"#
            let (status, body) = try await worker.json(.POST, path, noSupervisor)
            #expect(status == .unprocessableEntity)
            #expect((body["fields"] as? [[String: Any]])?.contains { $0["field"] as? String == "supervisorId" } == true)
            let strangers = #"{"childId":"\#(parent)","level":"unsupervised_day","participants":["\#(UUID())"],"frequency":"weekly","durationMinutes":60,"location":"Park"}"#
            let (s2, b2) = try await worker.json(.POST, path, strangers)
            #expect(s2 == .unprocessableEntity)
            let fields = Set((b2["fields"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String })
            #expect(fields.isSuperset(of: ["childId", "participants.0"]))
            let home = #"{"childId":"\#(child)","level":"trial_home_visit","participants":["\#(parent)"],"frequency":"daily","durationMinutes":60,"location":"Home"}"#
            #expect(try await worker.send(.POST, path, json: home).status == .unprocessableEntity)
            let other = try await APIClient.signIn(app, "caseworker2@demo.reunify.test")
            #expect(try await other.send(.GET, path).status == .notFound)
            let parentAPI = try await APIClient.signIn(app, "parent@demo.reunify.test")
            #expect(try await parentAPI.send(.POST, path, json: noSupervisor).status != .created)
        }
    }

    @Test("stepping up to a trial home visit places the child at home, under the placement rules: a recent review first")
    func trialHomeVisit() async throws {
        try await TestApp.run { app, clock in
            let (family, child, parent) = Self.family()
            let supervisorID = try await Self.userID(app, "supervisor@demo.reunify.test")
            let review = #"{"childId":"\#(child)","risk":{"initialRiskLevel":"low","newSubstantiatedReport":false,"caregiverProgress":"all"},"visitation":{"scheduled":8,"attended":8,"quality":"strong"},"safety":{"decision":"safe"},"rationale":"Ready for a trial home visit"}"#
            var worker = try await APIClient.signIn(app, "caseworker@demo.reunify.test")
            let plan = try await Self.makePlan(worker, caseID: family.caseID, child: child, parent: parent, supervisor: supervisorID)
            let changes = "/api/v1/cases/\(family.caseID)/visit-plans/\(plan["id"] as! String)/level-changes"
            #expect(try await worker.send(.POST, "/api/v1/cases/\(family.caseID)/reunification-reviews", json: review).status == .created)

            // Forty days on, the review is too old for a return home: the step up is refused with the placement's rule.
            clock.advance(40 * 86_400)
            worker = try await APIClient.signIn(app, "caseworker@demo.reunify.test")
            let today = CalendarDate(clock.now()).iso
            let safety = #"{"childId":"\#(child)","date":"\#(today)","dangerIndicators":[],"decision":"safe"}"#
            #expect(try await worker.send(.POST, "/api/v1/cases/\(family.caseID)/safety-assessments", json: safety).status == .created)
            let home = #"{"to":"trial_home_visit","reason":"Visits have gone well for months; the home is safe"}"#
            let (refused, r) = try await worker.json(.POST, changes, home)
            #expect(refused == .unprocessableEntity)
            #expect((r["reason"] as? String)?.contains("reunification review") == true, "\(r)")

            // With a fresh review it waits for the supervisor; approving it places the child at home.
            #expect(try await worker.send(.POST, "/api/v1/cases/\(family.caseID)/reunification-reviews", json: review).status == .created)
            let (asked, change) = try await worker.json(.POST, changes, home)
            #expect(asked == .created && change["status"] as? String == "awaiting_approval", "\(change)")
            let supervisor = try await APIClient.signIn(app, "supervisor@demo.reunify.test")
            let (approved, _) = try await supervisor.json(.POST, "\(changes)/\(change["id"] as! String)/approve")
            #expect(approved == .ok)
            let (_, episodes) = try await worker.list("/api/v1/cases/\(family.caseID)/episodes")
            let open = try #require(episodes.first { ($0["childId"] as? String)?.lowercased() == child.description && $0["dischargeDate"] == nil })
            let (_, placements) = try await worker.list("/api/v1/cases/\(family.caseID)/episodes/\(open["id"] as! String)/placements")
            let current = placements.filter { $0["endDate"] == nil || $0["endDate"] is NSNull }
            #expect(current.count == 1 && current.first?["setting"] as? String == "placed_at_home", "\(placements)")
            let (_, planNow) = try await worker.json(.GET, "/api/v1/cases/\(family.caseID)/visit-plans/\(plan["id"] as! String)")
            #expect(planNow["level"] as? String == "trial_home_visit")
            // The child lives at home now: no visits are scheduled on this plan.
            let start = APIDateTime.format(clock.now().addingTimeInterval(86_400), offsetMinutes: -480)
            let end = APIDateTime.format(clock.now().addingTimeInterval(90_000), offsetMinutes: -480)
            let (visit, _) = try await worker.json(.POST, "/api/v1/cases/\(family.caseID)/visits", #"{"planId":"\#(plan["id"] as! String)","start":"\#(start)","end":"\#(end)"}"#)
            #expect(visit == .unprocessableEntity)
        }
    }
}
