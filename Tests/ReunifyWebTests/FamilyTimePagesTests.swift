import Foundation
import Testing
import Vapor
import VaporTesting
import ReunifyDomain
import ReunifyStore
@testable import ReunifyWeb
import ReunifyDemo

@Suite("Family time pages")
struct FamilyTimePagesTests {
    @Test("a plan made on its page, visits scheduled weekly, a clash shown beside the field, a visit recorded, a step up approved on the page")
    func pages() async throws {
        try await TestApp.run { app, clock in
            let (family, child, parent) = FamilyTimeAPITests.family()
            let supervisorID = try await FamilyTimeAPITests.userID(app, "supervisor@demo.reunify.test")
            var worker = try await Browser.signedIn(app, "caseworker@demo.reunify.test")
            let casePage = try await worker.get(SiteURL.caseFile(family.caseID).path).body.string
            #expect(casePage.contains("Family time") && casePage.contains("Make a visit plan"))
            #expect(try await worker.get(SiteURL.newVisitPlan(family.caseID).path).status == .ok)
            let missing = try await worker.post(SiteURL.newVisitPlan(family.caseID).path, [("childId", child.description), ("level", "supervised"),
                                                                                           ("durationMinutes", "60")])
            #expect(missing.status == .unprocessableEntity && missing.body.string.contains("Name at least one family member"))
            let saved = try await worker.post(SiteURL.newVisitPlan(family.caseID).path, [
                ("childId", child.description), ("participants", parent.description), ("level", "supervised"), ("frequency", "weekly"),
                ("durationMinutes", "60"), ("location", "Family Center room 9"), ("supervisorId", supervisorID),
            ])
            #expect(saved.status == .seeOther)
            let planPath = try #require(saved.headers.first(name: .location))
            let planID = try #require(VisitPlanID(String(planPath.split(separator: "/").last!)))

            // Three weekly visits at 10:00 in the agency's zone (Los Angeles), from the day after tomorrow.
            let day = TestApp.today.adding(days: 2)
            let fields = [("date-day", String(day.day)), ("date-month", String(day.month)), ("date-year", String(day.year)),
                          ("start-time", "10:00"), ("end-time", "11:00")]
            #expect(try await worker.post(SiteURL.scheduleVisit(family.caseID, planID).path, fields + [("weeks", "3")]).status == .seeOther)
            let visits = try await FamilyTimeRepository(app.db).visits(in: family.caseID).filter { $0.details.planID == planID }
            #expect(visits.count == 3)
            #expect(visits.map { APIDateTime.format($0.details.start, offsetMinutes: $0.details.utcOffsetMinutes) }.first == "\(day.iso)T10:00:00-08:00")
            let clash = try await worker.post(SiteURL.scheduleVisit(family.caseID, planID).path,
                                              fields.dropLast(2) + [("start-time", "10:30"), ("end-time", "11:30")])
            #expect(clash.status == .conflict && clash.body.string.contains("visit 10:00–11:00 that day"))

            // Step up refused without a fresh safety assessment; recorded on its page; asked again; approved by the supervisor.
            let up = [("to", "monitored"), ("reason", "Visits go well")]
            let refused = try await worker.post(SiteURL.levelChange(family.caseID, planID).path, up)
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("safety assessment"))
            #expect(try await worker.get(SiteURL.newSafetyAssessment(family.caseID).path + "?childId=\(child)").status == .ok)
            let assessed = try await worker.post(SiteURL.newSafetyAssessment(family.caseID).path, [
                ("childId", child.description), ("date-day", String(TestApp.today.day)), ("date-month", String(TestApp.today.month)),
                ("date-year", String(TestApp.today.year)), ("decision", "safe"), ("protectiveCapacities", "Grandmother nearby"),
            ])
            #expect(assessed.status == .seeOther)
            #expect(try await worker.post(SiteURL.levelChange(family.caseID, planID).path, up).status == .seeOther)
            let waiting = try await worker.get(planPath).body.string
            #expect(waiting.contains("Waiting for a supervisor") && !waiting.contains("Approve the step up"))
            let change = try #require(try await FamilyTimeRepository(app.db).levelChanges(in: family.caseID).last { $0.details.planID == planID })
            #expect(try await worker.post(SiteURL.approveLevelChange(family.caseID, planID, change.id).path, []).status == .forbidden)
            var supervisor = try await Browser.signedIn(app, "supervisor@demo.reunify.test")
            let caseload = try await supervisor.get(SiteURL.caseload.path).body.string + (try await supervisor.get(SiteURL.caseload.path + "?page=2").body.string)
            #expect(caseload.contains("step up to approve"))
            #expect(try await supervisor.get(planPath).body.string.contains("Approve the step up"))
            #expect(try await supervisor.post(SiteURL.approveLevelChange(family.caseID, planID, change.id).path, []).status == .seeOther)
            #expect(try await supervisor.get(planPath).body.string.contains("<dd id=\"plan-level\">Monitored</dd>"))
            // The flag goes with the approval, although the caseload keeps its lines between reads.
            let after = try await supervisor.get(SiteURL.caseload.path).body.string + (try await supervisor.get(SiteURL.caseload.path + "?page=2").body.string)
            #expect(after.components(separatedBy: "step up to approve").count == caseload.components(separatedBy: "step up to approve").count - 1)

            // Once the first visit has started, the supervisor records it.
            clock.advance(2 * 86_400 + 10 * 3600)
            supervisor = try await Browser.signedIn(app, "supervisor@demo.reunify.test")
            worker = try await Browser.signedIn(app, "caseworker@demo.reunify.test")
            let first = visits[0]
            let form = try await supervisor.get(SiteURL.recordVisit(family.caseID, first.id).path)
            #expect(form.status == .ok)
            let recorded = try await supervisor.post(SiteURL.recordVisit(family.caseID, first.id).path,
                                                     first.details.people.map { ("attendance-\($0)", "attended") } + [("quality", "adequate"), ("wentWell", "Board game")])
            #expect(recorded.status == .seeOther)
            #expect(try await supervisor.get(planPath).body.string.contains("Took place: adequate"))

            // The worker's week shows the coming visits, with their calendar link once made.
            let week = try await worker.get(SiteURL.calendar.path + "?week=\(day.adding(days: 7).iso)").body.string
            #expect(week.contains("10:00–11:00") && week.contains("\(family.details.familyName) family"))
            #expect(try await worker.post(SiteURL.calendarLink.path, []).status == .seeOther)
            #expect(try await worker.get(SiteURL.calendar.path).body.string.contains("/calendar/"))
            var parentBrowser = try await Browser.signedIn(app, "parent@demo.reunify.test")
            #expect(try await parentBrowser.get(SiteURL.calendar.path).headers.first(name: .location) == SiteURL.familyVisits.path)
            #expect(try await parentBrowser.get(SiteURL.familyVisits.path).body.string.contains("Coming visits"))
        }
    }
}
