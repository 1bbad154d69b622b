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
    public let reasons: [String]
    public let policyVersion: String
}

/// Scores a reunification review and recommends. Pure: the same inputs and policy always give the same outcome.
public enum ReunificationReview {
    public static func evaluate(_ input: ReviewInput, policy: ReunificationPolicy = .unitedStatesDefault) -> ReviewOutcome {
        var reasons: [String] = []
        let risk = input.risk

        // 1. Risk reassessment.
        let initial = policy.initialRiskPoints[risk.initialRiskLevel] ?? 0
        let progress = policy.progressPoints[risk.caregiverProgress] ?? 0
        let report = risk.newSubstantiatedReport ? policy.newSubstantiatedReportPoints : 0
        let score = initial + progress + report
        let scored = policy.level(forScore: score)
        var level = scored
        reasons.append("Risk scored \(score) (\(scored.label)): initial risk \(risk.initialRiskLevel.label.lowercased()) (\(signed(initial))), "
            + "the caregiver \(risk.caregiverProgress.label) (\(signed(progress))), "
            + (risk.newSubstantiatedReport ? "and a new substantiated report since the last review (\(signed(report)))." : "and no new substantiated report."))
        if let override = risk.policyOverride {
            level = .veryHigh
            reasons.append("Risk is very high by policy because of \(override.label).")
        } else if let step = risk.discretionaryOverride, step == 1 || step == -1 {
            level = scored.moved(by: step)
            reasons.append("A supervisor-approved override moved the risk \(step > 0 ? "up" : "down") to \(level.label): \(risk.discretionaryReason ?? "").")
        }

        // 2. Visitation.
        let visits = input.visitation
        let rate = visits.scheduled > 0 ? Double(visits.attended) / Double(visits.scheduled) : 0
        let attendedEnough = visits.scheduled > 0 && rate >= policy.minimumAttendance
        let qualityOK = policy.acceptableQualities.contains(visits.quality)
        let visitation: VisitationStatus = attendedEnough && qualityOK ? .acceptable : .unacceptable
        let percent = Int((rate * 100).rounded())
        if visits.scheduled == 0 {
            reasons.append("Visitation is unacceptable: no visits were scheduled in the period.")
        } else {
            let needed = Int((policy.minimumAttendance * 100).rounded())
            reasons.append("Visitation is \(visitation.label): \(visits.attended) of \(visits.scheduled) visits attended (\(percent)%, \(needed)% needed) "
                + "and their quality was \(visits.quality.label)\(qualityOK ? "" : ", which is not enough").")
        }

        // 3. Safety.
        let safety = input.safety.decision
        switch safety {
        case .safe: reasons.append("The home was assessed as safe.")
        case .safeWithInterventions: reasons.append("The home is safe with the interventions in the safety plan.")
        case .unsafe: reasons.append("The home was assessed as unsafe: \(input.safety.dangerIndicators.joined(separator: "; ")).")
        }

        // 4. Recommendation.
        let riskOK = level.isLowOrModerate
        let visitsOK = visitation == .acceptable
        let recommendation: Recommendation
        var rationaleRequired = false
        switch (riskOK, visitsOK) {
        case (true, true) where safety != .unsafe:
            recommendation = .returnHome
            reasons.append("Risk is \(level.label), visitation is acceptable and the home is \(safety.label): the child can return home.")
        case (true, true):
            recommendation = .continueReunification
            rationaleRequired = true
            reasons.append("Risk and visitation allow a return, but the home is unsafe: reunification services continue until it is safe.")
        case (true, false), (false, true):
            recommendation = .continueReunification
            rationaleRequired = true
            reasons.append(riskOK
                ? "Risk is \(level.label) but visitation is unacceptable: reunification services continue."
                : "Visitation is acceptable but risk is \(level.label): reunification services continue.")
        case (false, false):
            if input.monthsInCare < policy.servicesMayContinueMonths {
                recommendation = .continueReunification
                rationaleRequired = true
                reasons.append("Risk is \(level.label) and visitation is unacceptable, but the child has been in care \(input.monthsInCare) months, "
                    + "under the \(policy.servicesMayContinueMonths) months in which services may continue.")
            } else {
                recommendation = .changePermanencyGoal
                reasons.append("Risk is \(level.label) and visitation is unacceptable after \(input.monthsInCare) months in care: "
                    + "the permanency goal should change.")
            }
        }
        return ReviewOutcome(riskScore: score, scoredRiskLevel: scored, riskLevel: level, visitationStatus: visitation, safety: safety,
                             recommendation: recommendation, rationaleRequired: rationaleRequired, reasons: reasons,
                             policyVersion: policy.version)
    }

    /// Input problems, plus a missing rationale where the outcome needs one.
    public static func problems(_ input: ReviewInput, outcome: ReviewOutcome) -> [FieldError] {
        var errors = input.validate()
        if outcome.rationaleRequired && (input.rationale ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            errors.append(FieldError("rationale", "Write the rationale for continuing reunification: what must change, and by when"))
        }
        return errors
    }

    static func signed(_ n: Int) -> String { n > 0 ? "+\(n)" : n == 0 ? "0" : "−\(-n)" }
}
