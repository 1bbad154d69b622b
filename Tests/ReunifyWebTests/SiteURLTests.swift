import Foundation
import Testing
import Vapor
@testable import ReunifyWeb

@Suite("Addresses")
struct SiteURLTests {
    static let (a, b) = (UUID(), UUID())
    static let every: [SiteURL] = [
        .home, .signIn, .signOut, .caseload, .newCase, .caseFile(a), .editCase(a), .newMember(a), .existingMember(a), .editPerson(a, b),
        .newRelationship(a), .newEpisode(a), .editEpisode(a, b), .newPlacement(a, b), .editPlacement(a, b), .newGoal(a), .editGoal(a, b),
        .auditTrail(a), .newTeamMember(a), .removeTeamMember(a, b), .removeRelationship(a, b), .newAssessment(a), .assessment(a, b),
        .editAssessment(a, b), .compareAssessments(a), .newReview(a), .review(a, b), .overrideReview(a, b), .approveReview(a, b),
        .calibration, .vignettes, .newVignette, .vignette(a), .rateVignette(a), .search, .styles, .tracing, .newTracing,
        .tracingRequest(a), .editTracing(a), .tracingActions(a), .verification(a), .candidate(a, b), .candidateDecision(a, b),
        .duplicates(a), .merge(a, b),
    ]

    @Test("every address is served by the route made from it, and its link fills that route's parameters with the ids")
    func servedFromOnePlace() async throws {
        try await TestApp.run { app, _ in
            let served = Set(app.routes.all.map { "/" + $0.path.map(\.description).joined(separator: "/") })
            for url in Self.every {
                let route = "/" + url.route.map(\.description).joined(separator: "/")
                #expect(served.contains(route), "\(route) is not served")
                // The link is the route with its parameters filled in order: the first id, then the second.
                var ids = [Self.a, Self.b].makeIterator()
                let filled = url.route.map { $0.description.hasPrefix(":") ? ids.next()!.lower : $0.description }
                let expected = "/" + filled.joined(separator: "/")
                #expect(url.path == expected)
            }
        }
    }
}
