import Foundation
import Plot
import ReunifyDomain

/// The reunification review as a form: risk reassessment, visitation, safety, rationale.
enum ReviewForm {
    static func fields(_ v: FormView, children: [(String, String)], evidence: [String] = []) -> [Node<HTML.FormContext>] {
        [
            v.select("childId", "Child", options: children, hint: "Children in care whose goals include reunification"),
            .h2("1. Risk reassessment"),
            v.select("risk.initialRiskLevel", "Risk level from the latest investigation", InitialRiskLevel.self),
            v.select("risk.newSubstantiatedReport", "A new substantiated report since the last review?",
                     options: [("no", "No"), ("yes", "Yes")], blank: nil),
            v.select("risk.caregiverProgress", "Progress of the caregiver who has progressed least", CaregiverProgress.self,
                     hint: "Judge by changed behaviour, not by attendance"),
            .if(!evidence.isEmpty, .div(.class("evidence"), .id("plan-evidence"),
                .p(.strong("What the case plan's records show")),
                .ul(.class("plain"), .forEach(evidence) { .li(.text($0)) }))),
            v.select("risk.policyOverride", "Does any of these apply?", RiskPolicyOverride.self, blank: "None of these",
                     hint: "Any of them makes the risk very high"),
            v.select("risk.discretionaryOverride", "Override the risk level", options: [("1", "One level higher"), ("-1", "One level lower")],
                     blank: "No override", hint: "Needs a written reason and a supervisor's approval"),
            v.textarea("risk.discretionaryReason", "Reason for the override"),
            .h2("2. Family time in the period"),
            .p(.class("hint"), "Where visits of the child are recorded in Reunify since the last review, the review counts them instead of these figures, and says so."),
            v.text("visitation.scheduled", "Visits scheduled", width: "w4"),
            v.text("visitation.attended", "Visits attended", width: "w4"),
            v.select("visitation.quality", "Quality of the visits", options: VisitQuality.allCases.map { ($0.rawValue, $0.label.capitalized) }),
            .h2("3. Safety"),
            .p(.class("hint"), .text("A safety assessment of the child at most \(LevelChangeRules.safetyAssessmentMaxAgeDays) days old, where one is recorded, answers this part instead.")),
            v.select("safety.decision", "Safety decision", SafetyDecision.self),
            v.textarea("safety.dangerIndicators", "Danger indicators found", hint: "One per line"),
            v.textarea("safety.safetyPlan", "Safety plan", hint: "Required when the home is safe with interventions"),
            .h2("4. Rationale"),
            v.textarea("rationale", "Rationale", hint: "Required when reunification services are to continue: what must change, and by when"),
        ]
    }

    /// Reads the form into the review's input; codes are checked here, the rest by the review's rules.
    static func read(_ form: FormData, monthsInCare: Int) throws -> ReviewInput {
        var r = FormReader(form)
        let initial = r.code(InitialRiskLevel.self, "risk.initialRiskLevel", required: "Choose the initial risk level")
        let progress = r.code(CaregiverProgress.self, "risk.caregiverProgress", required: "Choose the caregiver's progress")
        let override = r.optionalCode(RiskPolicyOverride.self, "risk.policyOverride")
        let quality = r.code(VisitQuality.self, "visitation.quality", required: "Choose the quality of the visits")
        let safety = r.code(SafetyDecision.self, "safety.decision", required: "Choose the safety decision")
        func count(_ key: String) -> Int {
            guard let n = Int(form.string(key)) else {
                r.errors.append(FieldError(key, "Enter a number of visits, 0 or more"))
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
