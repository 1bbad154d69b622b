import Foundation
import Testing
import Vapor
import VaporTesting
import ReunifyDomain
import ReunifyStore
@testable import ReunifyWeb
import ReunifyDemo

/// The test clock's today is 2026-11-23.
@Suite("Permanency over the API: hearings move the clock, exceptions, ICWA notices, the team's decision, discharge, aftercare and re-entry")
struct PermanencyAPITests {
    /// A new case of the first caseworker with one child (born 2019) removed on `removal`; the case's and child's ids.
    static func caseWithChild(_ api: APIClient, number: String, removal: String, judicialFinding: String? = nil,
                              icwa: String = "not_applicable", birth: String = "2019-05-04") async throws -> (caseID: String, childID: String, episodeID: String) {
        let (_, c) = try await api.json(.POST, "/api/v1/cases", #"{"caseNumber":"\#(number)","familyName":"Haddad"}"#)
        let caseID = try #require(c["id"] as? String)
        let (added, member) = try await api.json(.POST, "/api/v1/cases/\(caseID)/members",
            #"{"role":"child","person":{"givenName":"Lina","familyName":"Haddad","birthDate":"\#(birth)","icwaStatus":"\#(icwa)"}}"#)
        #expect(added == .created, "\(member)")
        let childID = try #require((member["person"] as? [String: Any])?["id"] as? String)
        let finding = judicialFinding.map { #","judicialFindingDate":"\#($0)""# } ?? ""
        let (ok, episode) = try await api.json(.POST, "/api/v1/cases/\(caseID)/episodes",
            #"{"childId":"\#(childID)","removalDate":"\#(removal)","manner":"court_ordered","circumstances":["neglect"]\#(finding)}"#)
        #expect(ok == .created, "\(episode)")
        return (caseID, childID, try #require(episode["id"] as? String))
    }

    static func items(_ api: APIClient, _ caseID: String, _ kind: String) async throws -> [[String: Any]] {
        let (status, body) = try await api.json(.GET, "/api/v1/cases/\(caseID)/timeline")
        #expect(status == .ok)
        return (body["items"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == kind }
    }

    @Test("a permanency hearing held makes the overdue item done and the next one due 12 months later; a future one is scheduled, without findings")
    func hearingMovesTheClock() async throws {
        try await TestApp.run { app, _ in
            let api = try await APIClient.signIn(app, "caseworker@demo.reunify.test")
            let (caseID, childID, _) = try await Self.caseWithChild(api, number: "PH-1", removal: "2025-09-01", judicialFinding: "2025-09-10")
            let before = try await Self.items(api, caseID, "permanency_hearing")
            #expect(before.count == 1 && before[0]["due"] as? String == "2026-09-10" && before[0]["status"] as? String == "overdue", "\(before)")

            let (future, refused) = try await api.json(.POST, "/api/v1/cases/\(caseID)/hearings",
                #"{"childIds":["\#(childID)"],"kind":"review","date":"2027-01-15","findings":"Reasonable efforts made"}"#)
            #expect(future == .unprocessableEntity)
            #expect((refused["reason"] as? String)?.contains("once it has been held") == true, "\(refused)")
            let (held, hearing) = try await api.json(.POST, "/api/v1/cases/\(caseID)/hearings",
                #"{"childIds":["\#(childID)"],"kind":"permanency","date":"2026-11-20","court":"Judge Alvarez","attended":["mother with counsel","caseworker"],"findings":{"text":"Efforts to finalise the plan made","reasonableEfforts":"made"},"orders":["Continue reunification","Unsupervised day visits"],"nextDate":"2027-05-20"}"#)
            #expect(held == .created, "\(hearing)")
            #expect(hearing["status"] as? String == "held" && hearing["reasonableEfforts"] as? String == "made")
            #expect(hearing["orders"] as? String == "Continue reunification\nUnsupervised day visits")
            let after = try await Self.items(api, caseID, "permanency_hearing")
            #expect(after.contains { $0["due"] as? String == "2026-09-10" && $0["status"] as? String == "done" }, "\(after)")
            #expect(after.contains { $0["due"] as? String == "2027-11-20" && $0["status"] as? String == "upcoming" }, "\(after)")

            let (scheduled, next) = try await api.json(.POST, "/api/v1/cases/\(caseID)/hearings",
                #"{"childIds":["\#(childID)"],"kind":"review","date":"2027-05-20"}"#)
            #expect(scheduled == .created && next["status"] as? String == "scheduled", "\(next)")
            let (_, list) = try await api.list("/api/v1/cases/\(caseID)/hearings")
            #expect(list.map { $0["date"] as? String } == ["2026-11-20", "2027-05-20"])

            // Its findings wait until it is held; a version from before a change is refused.
            let nextID = try #require(next["id"] as? String)
            let (stale, _) = try await api.json(.PUT, "/api/v1/cases/\(caseID)/hearings/\(nextID)",
                #"{"childIds":["\#(childID)"],"kind":"review","date":"2027-05-21","version":7}"#)
            #expect(stale == .conflict)
            let (moved, m) = try await api.json(.PUT, "/api/v1/cases/\(caseID)/hearings/\(nextID)",
                #"{"childIds":["\#(childID)"],"kind":"review","date":"2027-05-21","version":1}"#)
            #expect(moved == .ok && m["date"] as? String == "2027-05-21" && m["version"] as? Int == 2, "\(m)")

            let legal = try await APIClient.signIn(app, "caseworker2@demo.reunify.test")
            #expect(try await legal.send(.GET, "/api/v1/cases/\(caseID)/hearings").status == .notFound)
        }
    }

    @Test("past 15 of 22 months: no exception is overdue; a relative placement exception needs the relative placement, then excepts it with who and why")
    func tprException() async throws {
        try await TestApp.run { app, _ in
            let api = try await APIClient.signIn(app, "caseworker@demo.reunify.test")
            let (caseID, childID, episodeID) = try await Self.caseWithChild(api, number: "TPR-1", removal: "2025-06-01")
            // Entered care 2025-07-31 (60 days after removal); day 457 of care is 2026-10-30.
            let tpr = try await Self.items(api, caseID, "tpr_filing")
            #expect(tpr.first?["due"] as? String == "2026-10-30" && tpr.first?["status"] as? String == "overdue", "\(tpr)")
            let (_, placed) = try await api.json(.POST, "/api/v1/cases/\(caseID)/episodes/\(episodeID)/placements",
                #"{"setting":"foster_family_home","caregiverName":"Reed family","startDate":"2025-06-01"}"#)
            #expect(placed["id"] != nil)
            let body = #"{"childId":"\#(childID)","reason":"relative_placement","note":"Placed with her aunt, who wants guardianship"}"#
            let (notYet, why) = try await api.json(.POST, "/api/v1/cases/\(caseID)/tpr-exceptions", body)
            #expect(notYet == .unprocessableEntity)
            #expect((why["reason"] as? String)?.contains("not with a relative") == true, "\(why)")
            _ = try await api.json(.POST, "/api/v1/cases/\(caseID)/episodes/\(episodeID)/placements",
                #"{"setting":"relative_foster_home","caregiverName":"Aunt Rania","startDate":"2026-02-01"}"#)
            let (made, exception) = try await api.json(.POST, "/api/v1/cases/\(caseID)/tpr-exceptions", body)
            #expect(made == .created, "\(exception)")
            #expect(exception["recordedByName"] as? String == "Alex Rivera" && exception["recordedOn"] as? String == "2026-11-23")
            let after = try await Self.items(api, caseID, "tpr_filing")
            #expect(after.first?["status"] as? String == "excepted", "\(after)")
            #expect((after.first?["basis"] as? String)?.contains("Placed with her aunt") == true)
            #expect((after.first?["basis"] as? String)?.contains("Alex Rivera") == true)
            let (empty, _) = try await api.json(.POST, "/api/v1/cases/\(caseID)/tpr-exceptions",
                #"{"childId":"\#(childID)","reason":"compelling_reason","note":"  "}"#)
            #expect(empty == .unprocessableEntity)
        }
    }

    @Test("an ICWA notice is due 10 days before each scheduled hearing and is met by a receipt in time")
    func icwaNotice() async throws {
        try await TestApp.run { app, _ in
            let api = try await APIClient.signIn(app, "caseworker@demo.reunify.test")
            let (caseID, childID, _) = try await Self.caseWithChild(api, number: "ICWA-1", removal: "2026-10-01", icwa: "reason_to_know")
            let (_, hearing) = try await api.json(.POST, "/api/v1/cases/\(caseID)/hearings",
                #"{"childIds":["\#(childID)"],"kind":"disposition","date":"2026-12-20"}"#)
            let hearingID = try #require(hearing["id"] as? String)
            let pending = try await Self.items(api, caseID, "icwa_notice")
            #expect(pending.count == 1 && pending[0]["due"] as? String == "2026-12-10" && pending[0]["status"] as? String == "due_soon", "\(pending)")
            let (bad, _) = try await api.json(.POST, "/api/v1/cases/\(caseID)/icwa-notices",
                #"{"childId":"\#(childID)","hearingId":"\#(hearingID)","recipient":"Tribe","sent":"2026-11-20","received":"2026-11-19"}"#)
            #expect(bad == .unprocessableEntity)
            let (sent, notice) = try await api.json(.POST, "/api/v1/cases/\(caseID)/icwa-notices",
                #"{"childId":"\#(childID)","hearingId":"\#(hearingID)","recipient":"Navajo Nation ICWA program","sent":"2026-11-20"}"#)
            #expect(sent == .created, "\(notice)")
            #expect(try await Self.items(api, caseID, "icwa_notice").first?["status"] as? String == "due_soon")
            let noticeID = try #require(notice["id"] as? String)
            let (received, r) = try await api.json(.PUT, "/api/v1/cases/\(caseID)/icwa-notices/\(noticeID)",
                #"{"childId":"\#(childID)","hearingId":"\#(hearingID)","recipient":"Navajo Nation ICWA program","sent":"2026-11-20","received":"2026-11-22","version":1}"#)
            #expect(received == .ok && r["received"] as? String == "2026-11-22", "\(r)")
            let done = try await Self.items(api, caseID, "icwa_notice")
            #expect(done.first?["status"] as? String == "done" && (done.first?["basis"] as? String)?.contains("received 2026-11-22") == true, "\(done)")
        }
    }

    @Test("the team records a decision with each position; a caseworker cannot approve it, the supervisor does, and the concurrent goal becomes the goal")
    func decision() async throws {
        try await TestApp.run { app, _ in
            let api = try await APIClient.signIn(app, "caseworker@demo.reunify.test")
            let (caseID, childID, _) = try await Self.caseWithChild(api, number: "TD-1", removal: "2025-06-01")
            let (goals, g) = try await api.json(.POST, "/api/v1/cases/\(caseID)/goals",
                #"{"childId":"\#(childID)","primary":"reunification","primarySince":"2025-06-10","concurrent":"guardianship","concurrentSince":"2026-01-10"}"#)
            #expect(goals == .created, "\(g)")
            let participants = #"[{"name":"Alex Rivera","role":"caseworker","position":"Change the goal to guardianship","reason":"No progress on the plan in 17 months"},{"name":"Maria Haddad","role":"parents","position":"Continue reunification","reason":"She has started treatment again"},{"name":"Sam Ortiz","role":"child's advocate","position":"Guardianship with her aunt","reason":"Lina asks to stay with her aunt"}]"#
            let (few, _) = try await api.json(.POST, "/api/v1/cases/\(caseID)/decisions",
                #"{"date":"2026-11-20","participants":[{"name":"Alex Rivera","role":"caseworker","position":"x","reason":"y"}],"decision":"close_case","rationale":"r"}"#)
            #expect(few == .unprocessableEntity)
            let (made, decision) = try await api.json(.POST, "/api/v1/cases/\(caseID)/decisions",
                #"{"date":"2026-11-20","participants":\#(participants),"decision":"change_permanency_goal","rationale":"Seventeen months in care without the progress the plan needs; the aunt's home is stable","familyInformed":{"date":"2026-11-21","how":"in person, with an interpreter","language":"ar"}}"#)
            #expect(made == .created, "\(decision)")
            #expect(decision["status"] as? String == "awaiting_approval")
            let roles = (decision["participants"] as? [[String: Any]])?.compactMap { $0["role"] as? String }
            #expect(roles == ["caseworker", "parent", "child_advocate"])
            let decisionID = try #require(decision["id"] as? String)
            #expect(try await api.send(.POST, "/api/v1/cases/\(caseID)/decisions/\(decisionID)/approve").status == .forbidden)
            let supervisor = try await APIClient.signIn(app, "supervisor@demo.reunify.test")
            let (approved, a) = try await supervisor.json(.POST, "/api/v1/cases/\(caseID)/decisions/\(decisionID)/approve")
            #expect(approved == .ok && a["status"] as? String == "approved" && a["approvedOn"] as? String == "2026-11-23", "\(a)")
            let (_, goalList) = try await api.list("/api/v1/cases/\(caseID)/goals")
            #expect(goalList.first?["primary"] as? String == "guardianship", "\(goalList)")
            #expect(goalList.first?["concurrent"] == nil || goalList.first?["concurrent"] is NSNull)
            let (again, _) = try await supervisor.json(.POST, "/api/v1/cases/\(caseID)/decisions/\(decisionID)/approve")
            #expect(again == .conflict)

            // A youth under 16 cannot be given a planned permanent living arrangement.
            let (ppla, p) = try await api.json(.POST, "/api/v1/cases/\(caseID)/decisions",
                #"{"date":"2026-11-22","participants":\#(participants),"decision":"change_permanency_goal","rationale":"r","newGoal":"planned_permanent_living_arrangement"}"#)
            #expect(ppla == .unprocessableEntity)
            #expect((p["reason"] as? String)?.contains("16") == true, "\(p)")
        }
    }

    @Test("discharge home ends the placement; follow-ups fall due at 30, 60, 90, 180 and 365 days; a removal two months later is a re-entry")
    func dischargeAftercareReEntry() async throws {
        try await TestApp.run { app, _ in
            let api = try await APIClient.signIn(app, "caseworker@demo.reunify.test")
            let (caseID, childID, episodeID) = try await Self.caseWithChild(api, number: "AC-1", removal: "2025-11-01")
            _ = try await api.json(.POST, "/api/v1/cases/\(caseID)/episodes/\(episodeID)/placements",
                #"{"setting":"foster_family_home","caregiverName":"Reed family","startDate":"2025-11-01"}"#)
            let (early, _) = try await api.json(.POST, "/api/v1/cases/\(caseID)/follow-ups",
                #"{"childId":"\#(childID)","date":"2026-06-01","seen":true,"wellbeing":"Doing well"}"#)
            #expect(early == .unprocessableEntity)
            let (discharged, d) = try await api.json(.PUT, "/api/v1/cases/\(caseID)/episodes/\(episodeID)",
                #"{"childId":"\#(childID)","removalDate":"2025-11-01","manner":"court_ordered","circumstances":["neglect"],"dischargeDate":"2026-05-01","dischargeReason":"reunification","version":1}"#)
            #expect(discharged == .ok, "\(d)")
            let (_, placements) = try await api.list("/api/v1/cases/\(caseID)/episodes/\(episodeID)/placements")
            #expect(placements.first?["endDate"] as? String == "2026-05-01", "\(placements)")

            let due = try await Self.items(api, caseID, "aftercare_follow_up")
            #expect(due.compactMap { $0["due"] as? String } == ["2026-05-31", "2026-06-30", "2026-07-30", "2026-10-28", "2027-05-01"], "\(due)")
            let (seen, f) = try await api.json(.POST, "/api/v1/cases/\(caseID)/follow-ups",
                #"{"childId":"\#(childID)","date":"2026-05-29","seen":true,"wellbeing":"Settled at home, back at school","servicesNeeded":["family therapy"]}"#)
            #expect(seen == .created && f["servicesNeeded"] as? String == "family therapy", "\(f)")
            let after = try await Self.items(api, caseID, "aftercare_follow_up")
            #expect(after.first?["status"] as? String == "done" && after[1]["status"] as? String == "overdue", "\(after)")

            let (again, episode) = try await api.json(.POST, "/api/v1/cases/\(caseID)/episodes",
                #"{"childId":"\#(childID)","removalDate":"2026-07-01","manner":"court_ordered","circumstances":["neglect"]}"#)
            #expect(again == .created && episode["reEntry"] as? Bool == true, "\(episode)")
            let (_, episodes) = try await api.list("/api/v1/cases/\(caseID)/episodes")
            #expect(episodes.map { $0["reEntry"] as? Bool } == [false, true])
            let supervisor = try await Browser.signedIn(app, "supervisor@demo.reunify.test")
            var s = supervisor
            let page = try await s.get("/overdue")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("AC-1") && page.body.string.contains("Re-entry"))
        }
    }

    @Test("concurrent planning: a path is worked only when it is a goal, its steps in order; a relative search starts a family search; adoption waits for the TPR hearing")
    func paths() async throws {
        try await TestApp.run { app, _ in
            let api = try await APIClient.signIn(app, "caseworker@demo.reunify.test")
            let (caseID, childID, _) = try await Self.caseWithChild(api, number: "CP-1", removal: "2025-06-01")
            let step = { (step: String, status: String, date: String, extra: String) in
                try await api.json(.POST, "/api/v1/cases/\(caseID)/permanency-steps",
                                   #"{"childId":"\#(childID)","step":"\#(step)","status":"\#(status)","date":"\#(date)"\#(extra)}"#)
            }
            let (noGoal, n) = try await step("relative_search", "started", "2026-10-01", "")
            #expect(noGoal == .unprocessableEntity && (n["reason"] as? String)?.contains("goals first") == true, "\(n)")
            _ = try await api.json(.POST, "/api/v1/cases/\(caseID)/goals",
                #"{"childId":"\#(childID)","primary":"reunification","primarySince":"2025-06-10","concurrent":"live_with_relatives","concurrentSince":"2026-01-10"}"#)
            let (notGoal, _) = try await step("termination_of_rights", "started", "2026-10-01", "")
            #expect(notGoal == .unprocessableEntity)
            let (started, s) = try await step("relative_search", "started", "2026-10-01", #","note":"Maternal aunt in Fresno named by the mother","startTracing":true"#)
            #expect(started == .created, "\(s)")
            let traceID = try #require(s["tracingRequestId"] as? String)
            let (_, trace) = try await api.json(.GET, "/api/v1/tracing-requests/\(traceID)")
            #expect(trace["kind"] as? String == "family_search", "\(trace)")
            let (outOfOrder, o) = try await step("home_approval", "done", "2026-11-01", "")
            #expect(outOfOrder == .unprocessableEntity && (o["reason"] as? String)?.contains("comes first") == true, "\(o)")
            let (noReason, _) = try await step("home_assessment", "ruled_out", "2026-11-01", "")
            #expect(noReason == .unprocessableEntity)
            let (found, f) = try await step("relative_search", "done", "2026-10-20", #","note":"Aunt found and willing""#)
            #expect(found == .created, "\(f)")
            #expect(try await step("home_assessment", "done", "2026-11-05", "").0 == .created)
            let (_, paths) = try await api.json(.GET, "/api/v1/cases/\(caseID)/permanency-paths")
            let path = try #require(((paths["children"] as? [[String: Any]])?.first?["paths"] as? [[String: Any]])?.first)
            #expect(path["plan"] as? String == "live_with_relatives" && path["role"] as? String == "concurrent" && path["state"] as? String == "underway")
            #expect(path["next"] as? String == "home_approval", "\(path)")
            let statuses = (path["steps"] as? [[String: Any]])?.compactMap { $0["status"] as? String }
            #expect(statuses == ["done", "done", "not_started"], "\(String(describing: statuses))")

            // Adoption: parental rights are terminated by a court.
            _ = try await api.json(.PUT, "/api/v1/cases/\(caseID)/goals/\(try #require((try await api.list("/api/v1/cases/\(caseID)/goals").1.first?["id"]) as? String))",
                #"{"childId":"\#(childID)","primary":"reunification","primarySince":"2025-06-10","concurrent":"adoption","concurrentSince":"2026-11-10","version":1}"#)
            let (noHearing, h) = try await step("termination_of_rights", "done", "2026-11-20", "")
            #expect(noHearing == .unprocessableEntity && (h["reason"] as? String)?.contains("TPR hearing") == true, "\(h)")
            _ = try await api.json(.POST, "/api/v1/cases/\(caseID)/hearings", #"{"childIds":["\#(childID)"],"kind":"tpr","date":"2026-11-18"}"#)
            #expect(try await step("termination_of_rights", "done", "2026-11-20", "").0 == .created)
            let (early, _) = try await step("finalisation", "done", "2026-11-21", "")
            #expect(early == .unprocessableEntity)
            let (_, after) = try await api.json(.GET, "/api/v1/cases/\(caseID)/permanency-paths")
            let plans = ((after["children"] as? [[String: Any]])?.first?["paths"] as? [[String: Any]])?.compactMap { "\($0["plan"]!):\($0["role"]!)" }
            #expect(plans == ["live_with_relatives:former", "adoption:concurrent"], "\(String(describing: plans))")

            // A parent does not see the paths; another caseworker does not find the case.
            let parent = try await APIClient.signIn(app, "parent@demo.reunify.test")
            #expect(try await parent.send(.GET, "/api/v1/cases/\(caseID)/permanency-paths").status == .notFound)
            let other = try await APIClient.signIn(app, "caseworker2@demo.reunify.test")
            let (hidden, _) = try await other.json(.POST, "/api/v1/cases/\(caseID)/permanency-steps",
                #"{"childId":"\#(childID)","step":"home_approval","status":"started","date":"2026-11-20"}"#)
            #expect(hidden == .notFound)
        }
    }

    @Test("an aftercare plan follows a discharge home: services, who checks in, and the follow-up days met by the follow-ups")
    func aftercarePlan() async throws {
        try await TestApp.run { app, _ in
            let api = try await APIClient.signIn(app, "caseworker@demo.reunify.test")
            let (caseID, childID, episodeID) = try await Self.caseWithChild(api, number: "AP-1", removal: "2025-11-01")
            let body = #"{"childId":"\#(childID)","services":["Family therapy, Bridges Counseling","Parent support group"],"checkInBy":"Alex Rivera, caseworker","contact":"555-0134"}"#
            let (notYet, n) = try await api.json(.POST, "/api/v1/cases/\(caseID)/aftercare-plans", body)
            #expect(notYet == .unprocessableEntity && (n["reason"] as? String)?.contains("discharge") == true, "\(n)")
            _ = try await api.json(.PUT, "/api/v1/cases/\(caseID)/episodes/\(episodeID)",
                #"{"childId":"\#(childID)","removalDate":"2025-11-01","manner":"court_ordered","circumstances":["neglect"],"dischargeDate":"2026-09-01","dischargeReason":"reunification","version":1}"#)
            let (made, plan) = try await api.json(.POST, "/api/v1/cases/\(caseID)/aftercare-plans", body)
            #expect(made == .created, "\(plan)")
            #expect(plan["discharged"] as? String == "2026-09-01")
            let days = (plan["followUps"] as? [[String: Any]])?.compactMap { $0["due"] as? String }
            #expect(days == ["2026-10-01", "2026-10-31", "2026-11-30", "2027-02-28", "2027-09-01"], "\(String(describing: days))")
            #expect(try await api.json(.POST, "/api/v1/cases/\(caseID)/aftercare-plans", body).0 == .conflict)
            _ = try await api.json(.POST, "/api/v1/cases/\(caseID)/follow-ups", #"{"childId":"\#(childID)","date":"2026-09-28","seen":true,"wellbeing":"Well"}"#)
            let (_, plans) = try await api.list("/api/v1/cases/\(caseID)/aftercare-plans")
            let states = (plans.first?["followUps"] as? [[String: Any]])?.compactMap { $0["status"] as? String }
            #expect(states == ["done", "overdue", "due_soon", "upcoming", "upcoming"], "\(String(describing: states))")
            let planID = try #require(plan["id"] as? String)
            let (stale, _) = try await api.json(.PUT, "/api/v1/cases/\(caseID)/aftercare-plans/\(planID)",
                #"{"childId":"\#(childID)","services":"Family therapy","checkInBy":"Alex Rivera","version":5}"#)
            #expect(stale == .conflict)
            let (changed, c) = try await api.json(.PUT, "/api/v1/cases/\(caseID)/aftercare-plans/\(planID)",
                #"{"childId":"\#(childID)","services":"Family therapy\nHousing support","checkInBy":"","version":1}"#)
            #expect(changed == .unprocessableEntity, "\(c)")
            let (ok, d) = try await api.json(.PUT, "/api/v1/cases/\(caseID)/aftercare-plans/\(planID)",
                #"{"childId":"\#(childID)","services":"Family therapy\nHousing support","checkInBy":"Jordan Lee, family support worker","version":1}"#)
            #expect(ok == .ok && (d["services"] as? [String]) == ["Family therapy", "Housing support"] && d["version"] as? Int == 2, "\(d)")
        }
    }
}
