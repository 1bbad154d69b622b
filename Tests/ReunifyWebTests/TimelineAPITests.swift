import Foundation
import Testing
import Vapor
import VaporTesting
import ReunifyDomain
import ReunifyStore
@testable import ReunifyWeb
import ReunifyDemo

@Suite("The case's deadlines over the API")
struct TimelineAPITests {
    @Test("the timeline gives each child's deadlines from the recorded facts, with status and basis")
    func timeline() async throws {
        try await TestApp.run { app, _ in
            let (family, child) = AssessmentAPITests.reviewable()
            let api = try await APIClient.signIn(app, "caseworker@demo.reunify.test")
            let (status, body) = try await api.json(.GET, "/api/v1/cases/\(family.caseID)/timeline")
            #expect(status == .ok)
            let items = try #require(body["items"] as? [[String: Any]])
            let mine = items.filter { ($0["childId"] as? String)?.lowercased() == child.description }
            let entered = family.episodes.first { $0.details.childID == child && $0.details.isOpen }!.details.dateEnteredCare
            let hearing = mine.first { $0["kind"] as? String == "permanency_hearing" }
            #expect(hearing?["due"] as? String == entered.adding(months: 12).iso, "\(mine)")
            #expect(Set(items.compactMap { $0["status"] as? String }).isSubset(of: Set(ClockStatus.allCases.map(\.rawValue))))
            #expect(mine.contains { $0["kind"] as? String == "tpr_filing" && ($0["basis"] as? String)?.contains("457 days") == true })
            let dues = items.compactMap { $0["due"] as? String }
            #expect(dues == dues.sorted())
            let other = try await APIClient.signIn(app, "caseworker2@demo.reunify.test")
            #expect(try await other.send(.GET, "/api/v1/cases/\(family.caseID)/timeline").status == .notFound)
        }
    }
}
