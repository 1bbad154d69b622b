import Foundation
import Plot
import ReunifyDomain

/// The reunification review as a form: risk reassessment, visitation, safety, rationale.
enum ReviewForm {
    static func fields(_ v: FormView, children: [(String, String)], evidence: [String] = []) -> [Node<HTML.FormContext>] {
        let t = v.t, language = v.language
        return [
            v.select("childId", t(.rvfChild, [:]), options: children, hint: t(.rvfChildHint, [:])),
            .h2(.text(t(.rvfRiskHeading, [:]))),
            v.select("risk.initialRiskLevel", t(.rvfInitial, [:]), InitialRiskLevel.self),
            v.select("risk.newSubstantiatedReport", t(.rvfNewReport, [:]),
                     options: [("no", t(.no, [:])), ("yes", t(.yes, [:]))], blank: nil),
            v.select("risk.caregiverProgress", t(.rvfProgress, [:]), CaregiverProgress.self, hint: t(.rvfProgressHint, [:])),
            .if(!evidence.isEmpty, .div(.class("evidence"), .id("plan-evidence"),
                .p(.strong(.text(t(.rvfEvidence, [:])))),
                .ul(.class("plain"), .forEach(evidence) { .li(.text($0)) }))),
            v.select("risk.policyOverride", t(.rvfPolicy, [:]), RiskPolicyOverride.self, blank: t(.rvfPolicyNone, [:]),
                     hint: t(.rvfPolicyHint, [:])),
            v.select("risk.discretionaryOverride", t(.rvfOverride, [:]),
                     options: [("1", t(.rvfOverrideUp, [:])), ("-1", t(.rvfOverrideDown, [:]))],
                     blank: t(.rvfOverrideNone, [:]), hint: t(.rvfOverrideHint, [:])),
            v.textarea("risk.discretionaryReason", t(.rvfOverrideReason, [:])),
            .h2(.text(t(.rvfVisitsHeading, [:]))),
            .p(.class("hint"), .text(t(.rvfVisitsHint, [:]))),
            v.text("visitation.scheduled", t(.rvfScheduled, [:]), width: "w4"),
            v.text("visitation.attended", t(.rvfAttended, [:]), width: "w4"),
            v.select("visitation.quality", t(.rvfQuality, [:]),
                     options: VisitQuality.allCases.map { ($0.rawValue, $0.staffLabel(language).capitalizedFirst) }),
            .h2(.text(t(.rvfSafetyHeading, [:]))),
            .p(.class("hint"), .text(t(.rvfSafetyHint, ["days": String(LevelChangeRules.safetyAssessmentMaxAgeDays)]))),
            v.select("safety.decision", t(.rvfSafety, [:]), SafetyDecision.self),
            v.textarea("safety.dangerIndicators", t(.rvfIndicators, [:]), hint: t(.rvfOnePerLine, [:])),
            v.textarea("safety.safetyPlan", t(.rvfSafetyPlan, [:]), hint: t(.rvfSafetyPlanHint, [:])),
            .h2(.text(t(.rvfRationaleHeading, [:]))),
            v.textarea("rationale", t(.rvfRationale, [:]), hint: t(.rvfRationaleHint, [:])),
        ]
    }

    /// Reads the form into the review's input; codes are checked here, the rest by the review's rules.
    static func read(_ form: FormData, monthsInCare: Int) throws -> ReviewInput {
        var r = FormReader(form)
        let initial = r.code(InitialRiskLevel.self, "risk.initialRiskLevel", required: .rvfNeedInitial)
        let progress = r.code(CaregiverProgress.self, "risk.caregiverProgress", required: .rvfNeedProgress)
        let override = r.optionalCode(RiskPolicyOverride.self, "risk.policyOverride")
        let quality = r.code(VisitQuality.self, "visitation.quality", required: .rvfNeedQuality)
        let safety = r.code(SafetyDecision.self, "safety.decision", required: .rvfNeedSafety)
        func count(_ key: String) -> Int {
            guard let n = Int(form.string(key)) else {
                r.errors.append(FieldError(key, .rvfNeedCount))
                return 0
            }
            return n
        }
        let scheduled = count("visitation.scheduled"), attended = count("visitation.attended")
        guard let initial, let progress, let quality, let safety, r.errors.isEmpty else { throw ValidationFailure(r.errors) }
        let lines = form.string("safety.dangerIndicators").split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return ReviewInput(
            risk: .init(initialRiskLevel: initial, newSubstantiatedReport: form.string("risk.newSubstantiatedReport") == "yes",
                        caregiverProgress: progress, policyOverride: override,
                        discretionaryOverride: Int(form.string("risk.discretionaryOverride")),
                        discretionaryReason: form.optional("risk.discretionaryReason")),
            visitation: .init(scheduled: scheduled, attended: attended, quality: quality),
            safety: .init(decision: safety, dangerIndicators: lines, safetyPlan: form.optional("safety.safetyPlan")),
            monthsInCare: monthsInCare, rationale: form.optional("rationale"))
    }
}
