import Foundation
import Vapor
import ReunifyDomain

/// Every page's address in one place, so links cannot drift from routes.
enum SiteURL {
    case home
    case signIn
    case signOut
    case caseload
    case newCase
    case caseFile(CaseID)
    case editCase(CaseID)
    case newMember(CaseID)
    case existingMember(CaseID)
    case editPerson(CaseID, PersonID)
    case newRelationship(CaseID)
    case newEpisode(CaseID)
    case editEpisode(CaseID, EpisodeID)
    case newPlacement(CaseID, EpisodeID)
    case editPlacement(CaseID, PlacementID)
    case newGoal(CaseID)
    case editGoal(CaseID, GoalID)
    case auditTrail(CaseID)
    case newTeamMember(CaseID)
    case removeTeamMember(CaseID, UserID)
    case removeRelationship(CaseID, RelationshipID)
    case newAssessment(CaseID)
    case assessment(CaseID, AssessmentID)
    case editAssessment(CaseID, AssessmentID)
    case compareAssessments(CaseID)
    case newReview(CaseID)
    case review(CaseID, ReviewID)
    case overrideReview(CaseID, ReviewID)
    case approveReview(CaseID, ReviewID)
    case calibration
    case vignettes
    case newVignette
    case vignette(VignetteID)
    case rateVignette(VignetteID)
    case search
    case styles
    case tracing
    case newTracing
    case tracingRequest(TracingRequestID)
    case editTracing(TracingRequestID)
    case tracingActions(TracingRequestID)
    case verification(TracingRequestID)
    case candidate(TracingRequestID, CandidateID)
    case candidateDecision(TracingRequestID, CandidateID)
    case duplicates(PersonID)
    case merge(PersonID, PersonID)
    case services
    case referralInbox
    case newPlan(CaseID)
    case plan(CaseID, PlanID)
    case planAgreement(CaseID, PlanID)
    case approvePlan(CaseID, PlanID)
    case planSummary(CaseID, PlanID)
    case newReferral(CaseID)
    case referral(ReferralID)
    case moveReferral(ReferralID)
    case newSession(CaseID)
    case revokeConsent(ConsentID)
    case referralSession(ReferralID)
    case newVisitPlan(CaseID)
    case visitPlan(CaseID, VisitPlanID)
    case scheduleVisit(CaseID, VisitPlanID)
    case levelChange(CaseID, VisitPlanID)
    case approveLevelChange(CaseID, VisitPlanID, LevelChangeID)
    case recordVisit(CaseID, VisitID)
    case newSafetyAssessment(CaseID)
    case familyCalendarLink(CaseID)
    case calendar
    case calendarLink
    case revokeCalendarLink
    case newHearing(CaseID)
    case editHearing(CaseID, HearingID)
    case courtReport(CaseID, HearingID)
    case newDecision(CaseID)
    case approveDecision(CaseID, DecisionID)
    case newTPRException(CaseID)
    case newNotice(CaseID)
    case noticeReceived(CaseID, NoticeID)
    case newFollowUp(CaseID)
    case newPathStep(CaseID)
    case newAftercarePlan(CaseID)
    case editAftercarePlan(CaseID, AftercarePlanID)
    case overdue
    case outcomes
    case outcomeChildren
    case familyHome
    case familyPlan
    case familyPlanAnswer(PlanID)
    case familyVisits
    case familyServices
    case familyMessages
    case caseMessages(CaseID)
    case invitations(CaseID)

    /// The address's segments, each id written by `id(name, value)`: its value in a link, `:name` in a route. The one
    /// place a path is written.
    private func segments(_ id: (String, any CustomStringConvertible) -> String) -> [String] {
        switch self {
        case .home: []
        case .signIn: ["sign-in"]
        case .signOut: ["sign-out"]
        case .caseload: ["cases"]
        case .newCase: ["cases", "new"]
        case .caseFile(let c): ["cases", id("caseID", c)]
        case .editCase(let c): ["cases", id("caseID", c), "edit"]
        case .newMember(let c): ["cases", id("caseID", c), "members", "new"]
        case .existingMember(let c): ["cases", id("caseID", c), "members", "existing"]
        case .editPerson(let c, let p): ["cases", id("caseID", c), "persons", id("personID", p), "edit"]
        case .newRelationship(let c): ["cases", id("caseID", c), "relationships", "new"]
        case .newEpisode(let c): ["cases", id("caseID", c), "episodes", "new"]
        case .editEpisode(let c, let e): ["cases", id("caseID", c), "episodes", id("episodeID", e), "edit"]
        case .newPlacement(let c, let e): ["cases", id("caseID", c), "episodes", id("episodeID", e), "placements", "new"]
        case .editPlacement(let c, let p): ["cases", id("caseID", c), "placements", id("placementID", p), "edit"]
        case .newGoal(let c): ["cases", id("caseID", c), "goals", "new"]
        case .editGoal(let c, let g): ["cases", id("caseID", c), "goals", id("goalID", g), "edit"]
        case .auditTrail(let c): ["cases", id("caseID", c), "audit"]
        case .newTeamMember(let c): ["cases", id("caseID", c), "team", "new"]
        case .removeTeamMember(let c, let u): ["cases", id("caseID", c), "team", id("userID", u), "remove"]
        case .removeRelationship(let c, let r): ["cases", id("caseID", c), "relationships", id("relationshipID", r), "remove"]
        case .newAssessment(let c): ["cases", id("caseID", c), "assessments", "new"]
        case .assessment(let c, let a): ["cases", id("caseID", c), "assessments", id("assessmentID", a)]
        case .editAssessment(let c, let a): ["cases", id("caseID", c), "assessments", id("assessmentID", a), "edit"]
        case .compareAssessments(let c): ["cases", id("caseID", c), "assessments", "compare"]
        case .newReview(let c): ["cases", id("caseID", c), "reviews", "new"]
        case .review(let c, let r): ["cases", id("caseID", c), "reviews", id("reviewID", r)]
        case .overrideReview(let c, let r): ["cases", id("caseID", c), "reviews", id("reviewID", r), "override"]
        case .approveReview(let c, let r): ["cases", id("caseID", c), "reviews", id("reviewID", r), "approve"]
        case .calibration: ["calibration"]
        case .vignettes: ["vignettes"]
        case .newVignette: ["vignettes", "new"]
        case .vignette(let v): ["vignettes", id("vignetteID", v)]
        case .rateVignette(let v): ["vignettes", id("vignetteID", v), "rate"]
        case .search: ["search"]
        case .styles: ["styles.css"]
        case .tracing: ["tracing"]
        case .newTracing: ["tracing", "new"]
        case .tracingRequest(let t): ["tracing", id("requestID", t)]
        case .editTracing(let t): ["tracing", id("requestID", t), "edit"]
        case .tracingActions(let t): ["tracing", id("requestID", t), "actions"]
        case .verification(let t): ["tracing", id("requestID", t), "verification"]
        case .candidate(let t, let c): ["tracing", id("requestID", t), "candidates", id("candidateID", c)]
        case .candidateDecision(let t, let c): ["tracing", id("requestID", t), "candidates", id("candidateID", c), "decision"]
        case .duplicates(let p): ["persons", id("personID", p), "duplicates"]
        case .merge(let p, let d): ["persons", id("personID", p), "duplicates", id("otherID", d), "merge"]
        case .services: ["services"]
        case .referralInbox: ["referrals"]
        case .newPlan(let c): ["cases", id("caseID", c), "plans", "new"]
        case .plan(let c, let p): ["cases", id("caseID", c), "plans", id("planID", p)]
        case .planAgreement(let c, let p): ["cases", id("caseID", c), "plans", id("planID", p), "agreement"]
        case .approvePlan(let c, let p): ["cases", id("caseID", c), "plans", id("planID", p), "approve"]
        case .planSummary(let c, let p): ["cases", id("caseID", c), "plans", id("planID", p), "family-summary"]
        case .newReferral(let c): ["cases", id("caseID", c), "referrals", "new"]
        case .referral(let r): ["referrals", id("referralID", r)]
        case .moveReferral(let r): ["referrals", id("referralID", r), "move"]
        case .newSession(let c): ["cases", id("caseID", c), "sessions", "new"]
        case .revokeConsent(let c): ["consents", id("consentID", c), "revoke"]
        case .referralSession(let r): ["referrals", id("referralID", r), "sessions"]
        case .newVisitPlan(let c): ["cases", id("caseID", c), "visit-plans", "new"]
        case .visitPlan(let c, let p): ["cases", id("caseID", c), "visit-plans", id("planID", p)]
        case .scheduleVisit(let c, let p): ["cases", id("caseID", c), "visit-plans", id("planID", p), "visits"]
        case .levelChange(let c, let p): ["cases", id("caseID", c), "visit-plans", id("planID", p), "level-changes"]
        case .approveLevelChange(let c, let p, let l): ["cases", id("caseID", c), "visit-plans", id("planID", p), "level-changes", id("changeID", l), "approve"]
        case .recordVisit(let c, let v): ["cases", id("caseID", c), "visits", id("visitID", v), "record"]
        case .newSafetyAssessment(let c): ["cases", id("caseID", c), "safety-assessments", "new"]
        case .familyCalendarLink(let c): ["cases", id("caseID", c), "calendar-link"]
        case .calendar: ["calendar"]
        case .calendarLink: ["calendar", "link"]
        case .revokeCalendarLink: ["calendar", "link", "revoke"]
        case .newHearing(let c): ["cases", id("caseID", c), "hearings", "new"]
        case .editHearing(let c, let h): ["cases", id("caseID", c), "hearings", id("hearingID", h), "edit"]
        case .courtReport(let c, let h): ["cases", id("caseID", c), "hearings", id("hearingID", h), "report"]
        case .newDecision(let c): ["cases", id("caseID", c), "decisions", "new"]
        case .approveDecision(let c, let d): ["cases", id("caseID", c), "decisions", id("decisionID", d), "approve"]
        case .newTPRException(let c): ["cases", id("caseID", c), "tpr-exceptions", "new"]
        case .newNotice(let c): ["cases", id("caseID", c), "icwa-notices", "new"]
        case .noticeReceived(let c, let n): ["cases", id("caseID", c), "icwa-notices", id("noticeID", n), "received"]
        case .newFollowUp(let c): ["cases", id("caseID", c), "follow-ups", "new"]
        case .newPathStep(let c): ["cases", id("caseID", c), "permanency-steps", "new"]
        case .newAftercarePlan(let c): ["cases", id("caseID", c), "aftercare-plans", "new"]
        case .editAftercarePlan(let c, let p): ["cases", id("caseID", c), "aftercare-plans", id("planID", p), "edit"]
        case .overdue: ["overdue"]
        case .outcomes: ["outcomes"]
        case .outcomeChildren: ["outcomes", "children"]
        case .familyHome: ["family"]
        case .familyPlan: ["family", "plan"]
        case .familyPlanAnswer(let p): ["family", "plan", id("planID", p), "answer"]
        case .familyVisits: ["family", "visits"]
        case .familyServices: ["family", "services"]
        case .familyMessages: ["family", "messages"]
        case .caseMessages(let c): ["cases", id("caseID", c), "messages"]
        case .invitations(let c): ["cases", id("caseID", c), "invitations"]
        }
    }

    /// Is `candidate` a path on this site, safe to redirect to (never another host: no `//`, no backslash, no line
    /// break)? Where a form names the page to go to next (sign-in, the language switch).
    static func isLocal(_ candidate: String) -> Bool {
        candidate.hasPrefix("/") && !candidate.hasPrefix("//") && !candidate.contains("\\") && !candidate.contains(where: { $0.isNewline })
    }

    /// The address, for links, redirects and form actions.
    var path: String { "/" + segments { $1.description }.joined(separator: "/") }

    /// The route that serves this address, its ids as named parameters (`:caseID`), for registering handlers:
    /// `routes.get(SiteURL.caseFile(.any).route, use: show)`.
    var route: [PathComponent] { segments { name, _ in ":" + name }.map { PathComponent(stringLiteral: $0) } }
}

extension UUID {
    var lower: String { uuidString.lowercased() }
}

extension Identifier {
    /// Any id, where a `SiteURL` stands for its route rather than one address.
    static var any: Self { Identifier(UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))) }
}
