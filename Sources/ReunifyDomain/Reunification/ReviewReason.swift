import Foundation

/// One reason a review gives for its recommendation, as facts. Each language words it from the catalogue; the English
/// wording is the one the review has always given (the API's `reasons`).
public enum ReviewReason: Sendable, Equatable, Codable {
    /// How the risk was scored; `reportPoints` is nil when there was no new substantiated report.
    case riskScored(score: Int, level: RiskLevel, initial: InitialRiskLevel, initialPoints: Int, progress: CaregiverProgress,
                    progressPoints: Int, reportPoints: Int?)
    case policyOverride(RiskPolicyOverride)
    case discretionaryOverride(up: Bool, level: RiskLevel, reason: String)
    case noVisitsScheduled
    case visitation(status: VisitationStatus, attended: Int, scheduled: Int, percent: Int, needed: Int, quality: VisitQuality,
                    qualityEnough: Bool)
    case homeSafe
    case homeSafeWithInterventions
    case homeUnsafe(indicators: [String])
    case returnHome(level: RiskLevel, safety: SafetyDecision)
    case homeUnsafeServicesContinue
    case visitationShort(level: RiskLevel)
    case riskTooHigh(level: RiskLevel)
    case withinServiceTime(level: RiskLevel, months: Int, limit: Int)
    case changeGoal(level: RiskLevel, months: Int)

    /// The reason in a language: the figures as they are, the coded values in the language's staff terms.
    public func text(_ language: UILanguage) -> String {
        func t(_ id: Msg, _ values: [String: String]) -> String { Catalogue.text(id, language, values) }
        func level(_ l: RiskLevel) -> String { l.staffLabel(language) }
        switch self {
        case let .riskScored(score, scored, initial, initialPoints, progress, progressPoints, reportPoints):
            var values = ["score": String(score), "level": level(scored), "initial": initial.staffLabel(language).lowercased(),
                          "initialPoints": ReunificationReview.signed(initialPoints), "progress": progress.staffLabel(language),
                          "progressPoints": ReunificationReview.signed(progressPoints)]
            guard let reportPoints else { return t(.rvWhyRiskNoReport, values) }
            values["reportPoints"] = ReunificationReview.signed(reportPoints)
            return t(.rvWhyRiskReport, values)
        case let .policyOverride(override):
            return t(.rvWhyPolicy, ["override": override.staffLabel(language)])
        case let .discretionaryOverride(up, l, reason):
            return t(up ? .rvWhyOverrideUp : .rvWhyOverrideDown, ["level": level(l), "reason": reason])
        case .noVisitsScheduled:
            return t(.rvWhyNoVisits, [:])
        case let .visitation(status, attended, scheduled, percent, needed, quality, enough):
            return t(enough ? .rvWhyVisits : .rvWhyVisitsPoor,
                     ["status": status.staffLabel(language), "attended": String(attended), "scheduled": String(scheduled),
                      "percent": String(percent), "needed": String(needed), "quality": quality.staffLabel(language)])
        case .homeSafe:
            return t(.rvWhySafe, [:])
        case .homeSafeWithInterventions:
            return t(.rvWhySafeWithInterventions, [:])
        case let .homeUnsafe(indicators):
            return t(.rvWhyUnsafe, ["indicators": indicators.joined(separator: "; ")])
        case let .returnHome(l, safety):
            return t(.rvWhyReturnHome, ["level": level(l), "safety": safety.staffLabel(language)])
        case .homeUnsafeServicesContinue:
            return t(.rvWhyUnsafeContinue, [:])
        case let .visitationShort(l):
            return t(.rvWhyVisitsShort, ["level": level(l)])
        case let .riskTooHigh(l):
            return t(.rvWhyRiskHigh, ["level": level(l)])
        case let .withinServiceTime(l, months, limit):
            return t(.rvWhyWithinTime, ["level": level(l), "months": String(months), "limit": String(limit)])
        case let .changeGoal(l, months):
            return t(.rvWhyChangeGoal, ["level": level(l), "months": String(months)])
        }
    }
}
