import Foundation
import Vapor
import ReunifyDomain
import ReunifyStore

struct AssessmentDTO: Content {
    struct Finding: Content {
        let itemId: String
        let domainId: String
        let text: String
        let rating: Int
    }
    struct DomainSummary: Content {
        let domainId: String
        let title: String
        let overall: Int?
    }

    let id: UUID
    let instrument: String
    let point: String
    let status: String
    let assessedOn: String
    let assessorId: UUID
    let ratings: [String: Int]
    let notes: String?
    let domains: [DomainSummary]
    let strengths: [Finding]
    let problems: [Finding]
    let version: Int

    init(_ m: AssessmentModel, instrument: Instrument) {
        let ratings = m.ratingValues
        let result = AssessmentResult(instrument: instrument, ratings: ratings)
        let finding: (AssessmentResult.Finding) -> Finding = { Finding(itemId: $0.itemID, domainId: $0.domainID, text: $0.text, rating: $0.rating.rawValue) }
        id = m.id!
        self.instrument = m.instrumentKey
        point = m.point
        status = m.status
        assessedOn = m.assessedOn
        assessorId = m.assessorID
        self.ratings = ratings.mapValues(\.rawValue)
        notes = m.notes
        domains = result.domains.map { DomainSummary(domainId: $0.domainID, title: $0.title, overall: $0.overall?.rawValue) }
        strengths = result.strengths.map(finding)
        problems = result.problems.map(finding)
        version = m.version
    }
}

struct AssessmentInput: Content {
    /// "family-strengths-needs@1"; the newest version of the instrument id when no version is given.
    let instrument: String
    let point: String
    let ratings: [String: Int]?
    let notes: String?
    /// Complete now (every required rating present) rather than keep a draft.
    let complete: Bool?
    let version: Int?

    func ratingValues() throws -> [String: Rating] {
        var values: [String: Rating] = [:]
        var errors: [FieldError] = []
        for (id, raw) in ratings ?? [:] {
            if let rating = Rating(rawValue: raw) { values[id] = rating } else {
                errors.append(FieldError(id, "\(raw) is not on the scale; rate from -3 (serious problem) to +2 (clear strength), or leave it out"))
            }
        }
        try ValidationFailure.check(errors)
        return values
    }
}

struct ReviewRequest: Content {
    struct Risk: Content {
        let initialRiskLevel: String
        let newSubstantiatedReport: Bool
        let caregiverProgress: String
        let policyOverride: String?
        let discretionaryOverride: Int?
        let discretionaryReason: String?
    }
    struct Visitation: Content {
        let scheduled: Int
        let attended: Int
        let quality: String
    }
    struct Safety: Content {
        let decision: String
        let dangerIndicators: [String]?
        let safetyPlan: String?
    }
    let childId: UUID
    let risk: Risk
    let visitation: Visitation
    let safety: Safety
    let rationale: String?

    func input(monthsInCare: Int) throws -> ReviewInput {
        ReviewInput(
            risk: .init(initialRiskLevel: try InitialRiskLevel.api(risk.initialRiskLevel, field: "risk.initialRiskLevel"),
                        newSubstantiatedReport: risk.newSubstantiatedReport,
                        caregiverProgress: try CaregiverProgress.api(risk.caregiverProgress, field: "risk.caregiverProgress"),
                        policyOverride: try RiskPolicyOverride.api(risk.policyOverride, field: "risk.policyOverride"),
                        discretionaryOverride: risk.discretionaryOverride, discretionaryReason: risk.discretionaryReason),
            visitation: .init(scheduled: visitation.scheduled, attended: visitation.attended,
                              quality: try VisitQuality.api(visitation.quality, field: "visitation.quality")),
            safety: .init(decision: try SafetyDecision.api(safety.decision, field: "safety.decision"),
                          dangerIndicators: safety.dangerIndicators ?? [], safetyPlan: safety.safetyPlan),
            monthsInCare: monthsInCare, rationale: rationale)
    }
}

struct ReviewDTO: Content {
    let id: UUID
    let childId: UUID
    let reviewedOn: String
    let reviewerId: UUID
    let riskScore: Int
    let riskLevel: String
    let visitationStatus: String
    let safety: String
    let recommendation: String
    let finalRecommendation: String
    let overrideReason: String?
    let rationale: String?
    let reasons: [String]
    let policyVersion: String
    let approved: Bool
    /// A discretionary risk override waits for a supervisor's approval.
    let awaitingApproval: Bool
    let version: Int
    /// The figures the review used, and where they came from.
    let visitation: UsedVisitation?
    /// The day of the safety assessment the safety part was read from, if one was.
    let safetyAssessmentOn: String?

    struct UsedVisitation: Content {
        let scheduled: Int
        let attended: Int
        let quality: String
        let source: String
    }

    init(_ m: ReviewModel) {
        let outcome = m.reviewOutcome
        let input = m.reviewInput
        visitation = input.map {
            UsedVisitation(scheduled: $0.visitation.scheduled, attended: $0.visitation.attended, quality: $0.visitation.quality.rawValue,
                           source: ($0.visitationSource ?? .entered).rawValue)
        }
        safetyAssessmentOn = input?.safetyAssessmentOn?.iso
        id = m.id!
        childId = m.childID
        reviewedOn = m.reviewedOn
        reviewerId = m.reviewerID
        riskScore = outcome?.riskScore ?? 0
        riskLevel = outcome?.riskLevel.rawValue ?? ""
        visitationStatus = outcome?.visitationStatus.rawValue ?? ""
        safety = outcome?.safety.rawValue ?? ""
        recommendation = m.recommendation
        finalRecommendation = m.finalRecommendation
        overrideReason = m.overrideReason
        rationale = m.rationale
        reasons = outcome?.reasons ?? []
        policyVersion = m.policyVersion
        approved = m.approvedAt != nil
        awaitingApproval = m.awaitingApproval
        version = m.version
    }
}

struct OverrideRequest: Content {
    let recommendation: String
    let reason: String
    let version: Int
}

/// Instruments travel as the same JSON their definition files use.
extension Instrument: Content {}
