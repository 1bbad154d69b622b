import Foundation
import Testing
import Vapor
import ReunifyDomain
@testable import ReunifyWeb

@Suite("Addresses")
struct SiteURLTests {
    static let (a, b) = (UUID(), UUID())
    /// A typed id of whatever kind the address wants, from one of the two UUIDs.
    static func idA<S>() -> Identifier<S> { Identifier(a) }
    static func idB<S>() -> Identifier<S> { Identifier(b) }
    static let every: [SiteURL] = [
        .home, .signIn, .signOut, .caseload, .newCase, .caseFile(idA()), .editCase(idA()), .newMember(idA()), .existingMember(idA()), .editPerson(idA(), idB()),
        .newRelationship(idA()), .newEpisode(idA()), .editEpisode(idA(), idB()), .newPlacement(idA(), idB()), .editPlacement(idA(), idB()), .newGoal(idA()), .editGoal(idA(), idB()),
        .auditTrail(idA()), .newTeamMember(idA()), .removeTeamMember(idA(), idB()), .removeRelationship(idA(), idB()), .newAssessment(idA()), .assessment(idA(), idB()),
        .editAssessment(idA(), idB()), .compareAssessments(idA()), .newReview(idA()), .review(idA(), idB()), .overrideReview(idA(), idB()), .approveReview(idA(), idB()),
        .calibration, .vignettes, .newVignette, .vignette(idA()), .rateVignette(idA()), .search, .styles, .tracing, .newTracing,
        .tracingRequest(idA()), .editTracing(idA()), .tracingActions(idA()), .verification(idA()), .candidate(idA(), idB()), .candidateDecision(idA(), idB()),
        .duplicates(idA()), .merge(idA(), idB()), .services, .referralInbox, .newPlan(idA()), .plan(idA(), idB()), .planAgreement(idA(), idB()),
        .approvePlan(idA(), idB()), .planSummary(idA(), idB()), .newReferral(idA()), .referral(idA()), .moveReferral(idA()), .newSession(idA()), .revokeConsent(idA()), .referralSession(idA()),
        .newVisitPlan(idA()), .visitPlan(idA(), idB()), .scheduleVisit(idA(), idB()), .levelChange(idA(), idB()), .approveLevelChange(idA(), idB(), idB()),
        .recordVisit(idA(), idB()), .newSafetyAssessment(idA()), .familyCalendarLink(idA()), .calendar, .calendarLink, .revokeCalendarLink,
        .newHearing(idA()), .editHearing(idA(), idB()), .courtReport(idA(), idB()), .newDecision(idA()), .approveDecision(idA(), idB()),
        .newTPRException(idA()), .newNotice(idA()), .noticeReceived(idA(), idB()), .newFollowUp(idA()), .newPathStep(idA()), .newAftercarePlan(idA()), .editAftercarePlan(idA(), idB()), .overdue, .outcomes, .outcomeChildren,
    ]

    @Test("every address is served by the route made from it, and its link fills that route's parameters with the ids")
    func servedFromOnePlace() async throws {
        try await TestApp.run { app, _ in
            let served = Set(app.routes.all.map { "/" + $0.path.map(\.description).joined(separator: "/") })
            for url in Self.every {
                let route = "/" + url.route.map(\.description).joined(separator: "/")
                #expect(served.contains(route), "\(route) is not served")
                // The link is the route with its parameters filled in order: the first id, then the second (and again).
                var ids = [Self.a, Self.b, Self.b].makeIterator()
                let filled = url.route.map { $0.description.hasPrefix(":") ? ids.next()!.uuidString.lowercased() : $0.description }
                let expected = "/" + filled.joined(separator: "/")
                #expect(url.path == expected)
            }
        }
    }
}
