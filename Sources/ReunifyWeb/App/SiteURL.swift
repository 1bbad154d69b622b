import Foundation

/// Every page's address in one place, so links cannot drift from routes.
enum SiteURL {
    case home
    case signIn
    case signOut
    case caseload
    case newCase
    case caseFile(UUID)
    case editCase(UUID)
    case newMember(UUID)
    case existingMember(UUID)
    case editPerson(UUID, UUID)
    case newRelationship(UUID)
    case newEpisode(UUID)
    case editEpisode(UUID, UUID)
    case newPlacement(UUID, UUID)
    case editPlacement(UUID, UUID)
    case newGoal(UUID)
    case editGoal(UUID, UUID)
    case auditTrail(UUID)
    case newTeamMember(UUID)
    case removeTeamMember(UUID, UUID)
    case removeRelationship(UUID, UUID)
    case newAssessment(UUID)
    case assessment(UUID, UUID)
    case editAssessment(UUID, UUID)
    case compareAssessments(UUID)
    case newReview(UUID)
    case review(UUID, UUID)
    case overrideReview(UUID, UUID)
    case calibration
    case vignettes
    case newVignette
    case vignette(UUID)
    case rateVignette(UUID)
    case search
    case styles
    case tracing
    case newTracing
    case tracingRequest(UUID)
    case editTracing(UUID)
    case tracingActions(UUID)
    case verification(UUID)
    case candidate(UUID, UUID)
    case candidateDecision(UUID, UUID)
    case duplicates(UUID)
    case merge(UUID, UUID)

    var path: String {
        switch self {
        case .home: "/"
        case .signIn: "/sign-in"
        case .signOut: "/sign-out"
        case .caseload: "/cases"
        case .newCase: "/cases/new"
        case .caseFile(let c): "/cases/\(c.lower)"
        case .editCase(let c): "/cases/\(c.lower)/edit"
        case .newMember(let c): "/cases/\(c.lower)/members/new"
        case .existingMember(let c): "/cases/\(c.lower)/members/existing"
        case .editPerson(let c, let p): "/cases/\(c.lower)/persons/\(p.lower)/edit"
        case .newRelationship(let c): "/cases/\(c.lower)/relationships/new"
        case .newEpisode(let c): "/cases/\(c.lower)/episodes/new"
        case .editEpisode(let c, let e): "/cases/\(c.lower)/episodes/\(e.lower)/edit"
        case .newPlacement(let c, let e): "/cases/\(c.lower)/episodes/\(e.lower)/placements/new"
        case .editPlacement(let c, let p): "/cases/\(c.lower)/placements/\(p.lower)/edit"
        case .newGoal(let c): "/cases/\(c.lower)/goals/new"
        case .editGoal(let c, let g): "/cases/\(c.lower)/goals/\(g.lower)/edit"
        case .auditTrail(let c): "/cases/\(c.lower)/audit"
        case .newTeamMember(let c): "/cases/\(c.lower)/team/new"
        case .removeTeamMember(let c, let u): "/cases/\(c.lower)/team/\(u.lower)/remove"
        case .removeRelationship(let c, let r): "/cases/\(c.lower)/relationships/\(r.lower)/remove"
        case .newAssessment(let c): "/cases/\(c.lower)/assessments/new"
        case .assessment(let c, let a): "/cases/\(c.lower)/assessments/\(a.lower)"
        case .editAssessment(let c, let a): "/cases/\(c.lower)/assessments/\(a.lower)/edit"
        case .compareAssessments(let c): "/cases/\(c.lower)/assessments/compare"
        case .newReview(let c): "/cases/\(c.lower)/reviews/new"
        case .review(let c, let r): "/cases/\(c.lower)/reviews/\(r.lower)"
        case .overrideReview(let c, let r): "/cases/\(c.lower)/reviews/\(r.lower)/override"
        case .calibration: "/calibration"
        case .vignettes: "/vignettes"
        case .newVignette: "/vignettes/new"
        case .vignette(let v): "/vignettes/\(v.lower)"
        case .rateVignette(let v): "/vignettes/\(v.lower)/rate"
        case .search: "/search"
        case .styles: "/styles.css"
        case .tracing: "/tracing"
        case .newTracing: "/tracing/new"
        case .tracingRequest(let t): "/tracing/\(t.lower)"
        case .editTracing(let t): "/tracing/\(t.lower)/edit"
        case .tracingActions(let t): "/tracing/\(t.lower)/actions"
        case .verification(let t): "/tracing/\(t.lower)/verification"
        case .candidate(let t, let c): "/tracing/\(t.lower)/candidates/\(c.lower)"
        case .candidateDecision(let t, let c): "/tracing/\(t.lower)/candidates/\(c.lower)/decision"
        case .duplicates(let p): "/persons/\(p.lower)/duplicates"
        case .merge(let p, let d): "/persons/\(p.lower)/duplicates/\(d.lower)/merge"
        }
    }
}

extension UUID {
    var lower: String { uuidString.lowercased() }
}
