import Foundation

/// The review's result: the risk score and level, visitation status, safety, the recommendation, and the
/// reasons that decided it — in words a parent and a judge can read.
public struct ReviewOutcome: Sendable, Equatable, Codable {
    public let riskScore: Int
    /// The level the score gives, before any override.
    public let scoredRiskLevel: RiskLevel
    /// The level after policy and discretionary overrides.
    public let riskLevel: RiskLevel
    public let visitationStatus: VisitationStatus
    public let safety: SafetyDecision
    public let recommendation: Recommendation
    /// The recommendation needs the worker's written rationale before it is saved.
    public let rationaleRequired: Bool
    /// The reasons in English, as they were given when the review was run (kept for the API and for reviews recorded
    /// before `explanation`).
    public let reasons: [String]
    /// The same reasons as facts, for wording in the reader's language (nil on reviews recorded before it was kept).
    public let explanation: [ReviewReason]?
    public let policyVersion: String

    /// The reasons in a language; a review recorded before its reasons were kept as facts gives its English ones.
    public func reasons(_ language: UILanguage) -> [String] {
        explanation.map { $0.map { $0.text(language) } } ?? reasons
    }

    /// True when `reasons(_:)` comes in the language asked for.
    public func reasonsTranslated(_ language: UILanguage) -> Bool { explanation != nil || language == .english }
}

/// Scores a reunification review and recommends. Pure: the same inputs and policy always give the same outcome.
public enum ReunificationReview {
    public static func evaluate(_ input: ReviewInput, policy: ReunificationPolicy = .unitedStatesDefault) -> ReviewOutcome {
        var why: [ReviewReason] = []
        let risk = input.risk

        // 1. Risk reassessment.
        let initial = policy.initialRiskPoints[risk.initialRiskLevel] ?? 0
        let progress = policy.progressPoints[risk.caregiverProgress] ?? 0
        let report = risk.newSubstantiatedReport ? policy.newSubstantiatedReportPoints : 0
        let score = initial + progress + report
        let scored = policy.level(forScore: score)
        var level = scored
        why.append(.riskScored(score: score, level: scored, initial: risk.initialRiskLevel, initialPoints: initial,
                               progress: risk.caregiverProgress, progressPoints: progress,
                               reportPoints: risk.newSubstantiatedReport ? report : nil))
        if let override = risk.policyOverride {
            level = .veryHigh
            why.append(.policyOverride(override))
        } else if let step = risk.discretionaryOverride, step == 1 || step == -1 {
            level = scored.moved(by: step)
            why.append(.discretionaryOverride(up: step > 0, level: level, reason: risk.discretionaryReason ?? ""))
        }

        // 2. Visitation.
        let visits = input.visitation
        let rate = visits.scheduled > 0 ? Double(visits.attended) / Double(visits.scheduled) : 0
        let attendedEnough = visits.scheduled > 0 && rate >= policy.minimumAttendance
        let qualityOK = policy.acceptableQualities.contains(visits.quality)
        let visitation: VisitationStatus = attendedEnough && qualityOK ? .acceptable : .unacceptable
        if visits.scheduled == 0 {
            why.append(.noVisitsScheduled)
        } else {
            why.append(.visitation(status: visitation, attended: visits.attended, scheduled: visits.scheduled,
                                   percent: Int((rate * 100).rounded()), needed: Int((policy.minimumAttendance * 100).rounded()),
                                   quality: visits.quality, qualityEnough: qualityOK))
        }

        // 3. Safety.
        let safety = input.safety.decision
        switch safety {
        case .safe: why.append(.homeSafe)
        case .safeWithInterventions: why.append(.homeSafeWithInterventions)
        case .unsafe: why.append(.homeUnsafe(indicators: input.safety.dangerIndicators))
        }

        // 4. Recommendation.
        let riskOK = level.isLowOrModerate
        let visitsOK = visitation == .acceptable
        let recommendation: Recommendation
        var rationaleRequired = false
        switch (riskOK, visitsOK) {
        case (true, true) where safety != .unsafe:
            recommendation = .returnHome
            why.append(.returnHome(level: level, safety: safety))
        case (true, true):
            recommendation = .continueReunification
            rationaleRequired = true
            why.append(.homeUnsafeServicesContinue)
        case (true, false), (false, true):
            recommendation = .continueReunification
            rationaleRequired = true
            why.append(riskOK ? .visitationShort(level: level) : .riskTooHigh(level: level))
        case (false, false):
            if input.monthsInCare < policy.servicesMayContinueMonths {
                recommendation = .continueReunification
                rationaleRequired = true
                why.append(.withinServiceTime(level: level, months: input.monthsInCare, limit: policy.servicesMayContinueMonths))
            } else {
                recommendation = .changePermanencyGoal
                why.append(.changeGoal(level: level, months: input.monthsInCare))
            }
        }
        return ReviewOutcome(riskScore: score, scoredRiskLevel: scored, riskLevel: level, visitationStatus: visitation, safety: safety,
                             recommendation: recommendation, rationaleRequired: rationaleRequired,
                             reasons: why.map { $0.text(.english) }, explanation: why, policyVersion: policy.version)
    }

    /// Input problems, plus a missing rationale where the outcome needs one.
    public static func problems(_ input: ReviewInput, outcome: ReviewOutcome) -> [FieldError] {
        var errors = input.validate()
        if outcome.rationaleRequired && (input.rationale ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            errors.append(FieldError("rationale", .ruleReviewRationale))
        }
        return errors
    }

    static func signed(_ n: Int) -> String { n > 0 ? "+\(n)" : n == 0 ? "0" : "−\(-n)" }
}
