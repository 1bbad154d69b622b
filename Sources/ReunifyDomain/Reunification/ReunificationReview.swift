import Foundation

/// Where a review's visitation figures came from.
public enum VisitationSource: String, CodedValue {
    case recordedVisits = "recorded_visits"
    case entered
    public static let listName = "visitation source"
    public var label: String {
        switch self {
        case .recordedVisits: "computed from the visits recorded in the period"
        case .entered: "as entered (no visits recorded in the period)"
        }
    }
}

/// The inputs of one reunification review for one child, as the worker enters them.
public struct ReviewInput: Sendable, Equatable, Codable {
    public struct Risk: Sendable, Equatable, Codable {
        public var initialRiskLevel: InitialRiskLevel
        public var newSubstantiatedReport: Bool
        public var caregiverProgress: CaregiverProgress
        public var policyOverride: RiskPolicyOverride?
        /// A discretionary override moves the level one step (+1 up, −1 down), with a reason and a supervisor's approval.
        public var discretionaryOverride: Int?
        public var discretionaryReason: String?

        public init(initialRiskLevel: InitialRiskLevel, newSubstantiatedReport: Bool, caregiverProgress: CaregiverProgress,
                    policyOverride: RiskPolicyOverride? = nil, discretionaryOverride: Int? = nil, discretionaryReason: String? = nil) {
            self.initialRiskLevel = initialRiskLevel
            self.newSubstantiatedReport = newSubstantiatedReport
            self.caregiverProgress = caregiverProgress
            self.policyOverride = policyOverride
            self.discretionaryOverride = discretionaryOverride
            self.discretionaryReason = discretionaryReason
        }
    }

    public struct Visitation: Sendable, Equatable, Codable {
        public var scheduled: Int
        public var attended: Int
        public var quality: VisitQuality
        public init(scheduled: Int, attended: Int, quality: VisitQuality) {
            self.scheduled = scheduled
            self.attended = attended
            self.quality = quality
        }
    }

    public struct Safety: Sendable, Equatable, Codable {
        public var decision: SafetyDecision
        public var dangerIndicators: [String]
        public var safetyPlan: String?
        public init(decision: SafetyDecision, dangerIndicators: [String] = [], safetyPlan: String? = nil) {
            self.decision = decision
            self.dangerIndicators = dangerIndicators
            self.safetyPlan = safetyPlan
        }
    }

    public var risk: Risk
    public var visitation: Visitation
    public var safety: Safety
    /// Months the child has been in care in this episode, for the time gate.
    public var monthsInCare: Int
    public var rationale: String?
    /// Where the visitation figures came from: the visits recorded in the review's period, or the worker's entry
    /// (nil: entered, as every review before visits were recorded).
    public var visitationSource: VisitationSource?
    /// The safety assessment the safety part was read from, when one was recent enough.
    public var safetyAssessmentOn: CalendarDate?

    public init(risk: Risk, visitation: Visitation, safety: Safety, monthsInCare: Int, rationale: String? = nil,
                visitationSource: VisitationSource? = nil, safetyAssessmentOn: CalendarDate? = nil) {
        self.risk = risk
        self.visitation = visitation
        self.safety = safety
        self.monthsInCare = monthsInCare
        self.rationale = rationale
        self.visitationSource = visitationSource
        self.safetyAssessmentOn = safetyAssessmentOn
    }

    /// The review with its visitation part read from the visits recorded in its period, where there are any, and its
    /// safety part from a safety assessment of the child at most `LevelChangeRules.safetyAssessmentMaxAgeDays` old.
    public func reading(visits figures: VisitationFigures?, safety assessment: SafetyAssessmentDetails?, today: CalendarDate) -> ReviewInput {
        var next = self
        if let figures, figures.recorded > 0 {
            next.visitation = Visitation(scheduled: figures.scheduled, attended: figures.attended, quality: figures.quality ?? visitation.quality)
            next.visitationSource = .recordedVisits
        } else {
            next.visitationSource = .entered
        }
        if let assessment, assessment.date.days(until: today) <= LevelChangeRules.safetyAssessmentMaxAgeDays, assessment.date <= today {
            next.safety = assessment.reviewSafety
            next.safetyAssessmentOn = assessment.date
        }
        return next
    }

    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        if visitation.scheduled < 0 { errors.append(FieldError("visitation.scheduled", .ruleReviewScheduledNegative)) }
        if visitation.attended < 0 { errors.append(FieldError("visitation.attended", .ruleReviewAttendedNegative)) }
        if visitation.attended > visitation.scheduled {
            errors.append(FieldError("visitation.attended", .ruleReviewAttendedOver, ["attended": String(visitation.attended), "scheduled": String(visitation.scheduled)]))
        }
        if let step = risk.discretionaryOverride {
            if step != 1 && step != -1 { errors.append(FieldError("risk.discretionaryOverride", .ruleReviewOverrideStep)) }
            if (risk.discretionaryReason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                errors.append(FieldError("risk.discretionaryReason", .ruleReviewOverrideReason))
            }
        }
        if safety.decision == .safeWithInterventions && (safety.safetyPlan ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            errors.append(FieldError("safety.safetyPlan", .ruleReviewSafetyPlan))
        }
        if safety.decision != .safe && safety.dangerIndicators.isEmpty {
            errors.append(FieldError("safety.dangerIndicators", .ruleReviewIndicators))
        }
        if monthsInCare < 0 { errors.append(FieldError("monthsInCare", .ruleReviewMonthsNegative)) }
        return errors
    }
}
