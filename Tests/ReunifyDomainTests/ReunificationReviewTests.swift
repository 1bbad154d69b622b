import Foundation
import Testing
@testable import ReunifyDomain
import ReunifyMatching
import ReunifyDemo

@Suite("Reunification review")
struct ReunificationReviewTests {
    // The issue's numbers, written out again here so the rules' code is checked against the text, not itself.
    static let initialPoints: [InitialRiskLevel: Int] = [.low: 0, .moderate: 3, .high: 4, .veryHigh: 5, .none: 4]
    static let progressPoints: [CaregiverProgress: Int] = [.all: -2, .most: -1, .some: 0, .minimal: 2, .refuses: 4]
    static func expectedLevel(_ score: Int) -> RiskLevel { score <= 1 ? .low : score <= 3 ? .moderate : score <= 5 ? .high : .veryHigh }

    static let visitSets: [(Int, Int)] = [(0, 0), (4, 2), (4, 3), (4, 4), (8, 5), (8, 6)]

    @Test("the decision table, exhaustively")
    func decisionTable() {
        var count = 0
        for initial in InitialRiskLevel.allCases {
            for report in [false, true] {
                for progress in CaregiverProgress.allCases {
                    for override in [nil] + RiskPolicyOverride.allCases.map(Optional.some) {
                        for (scheduled, attended) in Self.visitSets {
                            for quality in VisitQuality.allCases {
                                for safety in SafetyDecision.allCases {
                                    for months in [3, 11, 12, 20] {
                                        let input = ReviewInput(
                                            risk: .init(initialRiskLevel: initial, newSubstantiatedReport: report, caregiverProgress: progress,
                                                        policyOverride: override),
                                            visitation: .init(scheduled: scheduled, attended: attended, quality: quality),
                                            safety: .init(decision: safety, dangerIndicators: safety == .safe ? [] : ["x"], safetyPlan: "plan"),
                                            monthsInCare: months)
                                        let outcome = ReunificationReview.evaluate(input)
                                        let score = Self.initialPoints[initial]! + Self.progressPoints[progress]! + (report ? 6 : 0)
                                        let level = override == nil ? Self.expectedLevel(score) : .veryHigh
                                        let visitsOK = scheduled > 0 && Double(attended) / Double(scheduled) >= 0.75
                                            && (quality == .strong || quality == .adequate)
                                        let riskOK = level == .low || level == .moderate
                                        let expected: Recommendation
                                        if riskOK && visitsOK && safety != .unsafe { expected = .returnHome }
                                        else if riskOK || visitsOK { expected = .continueReunification }
                                        else { expected = months < 12 ? .continueReunification : .changePermanencyGoal }
                                        #expect(outcome.riskScore == score)
                                        #expect(outcome.riskLevel == level)
                                        #expect(outcome.visitationStatus == (visitsOK ? .acceptable : .unacceptable))
                                        #expect(outcome.recommendation == expected, "\(input)")
                                        #expect(outcome.rationaleRequired == (expected == .continueReunification))
                                        #expect(!outcome.reasons.isEmpty)
                                        count += 1
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        #expect(count == 5 * 2 * 5 * 5 * 6 * 4 * 3 * 4)
    }

    @Test("score bands: ≤1 low, 2–3 moderate, 4–5 high, ≥6 very high")
    func bands() {
        let policy = ReunificationPolicy()
        #expect([-2, 1, 2, 3, 4, 5, 6, 15].map(policy.level(forScore:)) == [.low, .low, .moderate, .moderate, .high, .high, .veryHigh, .veryHigh])
    }

    @Test("a discretionary override moves the level one step; the reason is kept among the reasons")
    func discretionary() {
        var input = Self.sample()
        input.risk.discretionaryOverride = -1
        input.risk.discretionaryReason = "Father has left the home"
        let outcome = ReunificationReview.evaluate(input)
        #expect(outcome.scoredRiskLevel == .moderate)
        #expect(outcome.riskLevel == .low)
        #expect(outcome.reasons.contains { $0.contains("Father has left the home") })
        input.risk.discretionaryOverride = 2
        #expect(input.validate().contains { $0.field == "risk.discretionaryOverride" })
    }

    @Test("the reasons name the inputs that decided, in plain words")
    func reasons() {
        let outcome = ReunificationReview.evaluate(Self.sample())
        #expect(outcome.reasons[0] == "Risk scored 3 (moderate): initial risk moderate (+3), the caregiver has met some of the plan's objectives (0), and no new substantiated report.")
        #expect(outcome.reasons.contains { $0.contains("3 of 4 visits attended (75%, 75% needed)") })
        #expect(outcome.recommendation == .returnHome)
    }

    @Test("continuing reunification needs a written rationale; a safe-with-interventions home needs its plan")
    func requiredWriting() {
        var input = Self.sample()
        input.visitation.attended = 1
        let outcome = ReunificationReview.evaluate(input)
        #expect(outcome.recommendation == .continueReunification)
        #expect(ReunificationReview.problems(input, outcome: outcome).map(\.field) == ["rationale"])
        input.rationale = "Visits must reach three a week by March"
        #expect(ReunificationReview.problems(input, outcome: outcome).isEmpty)
        input.safety = .init(decision: .safeWithInterventions, dangerIndicators: ["Unsafe heating"], safetyPlan: " ")
        #expect(input.validate().map(\.field) == ["safety.safetyPlan"])
        input.visitation = .init(scheduled: 2, attended: 3, quality: .strong)
        #expect(input.validate().contains { $0.field == "visitation.attended" })
    }

    @Test("another jurisdiction's policy changes the outcome without touching the code")
    func otherPolicy() {
        var strict = ReunificationPolicy()
        strict.minimumAttendance = 0.9
        strict.version = "strict-1"
        let outcome = ReunificationReview.evaluate(Self.sample(), policy: strict)
        #expect(outcome.visitationStatus == .unacceptable)
        #expect(outcome.policyVersion == "strict-1")
    }

    @Test("same inputs, same outcome — whoever enters them, in whatever order", arguments: 0..<200)
    func deterministic(seed: Int) {
        var rng = SeededGenerator(seed: UInt64(seed) &* 7919 &+ 1)
        let input = ReviewInput(
            risk: .init(initialRiskLevel: rng.pick(InitialRiskLevel.allCases), newSubstantiatedReport: rng.chance(0.3),
                        caregiverProgress: rng.pick(CaregiverProgress.allCases),
                        policyOverride: rng.chance(0.1) ? rng.pick(RiskPolicyOverride.allCases) : nil),
            visitation: .init(scheduled: rng.int(0...12), attended: 0, quality: rng.pick(VisitQuality.allCases)),
            safety: .init(decision: rng.pick(SafetyDecision.allCases), dangerIndicators: ["x"], safetyPlan: "p"),
            monthsInCare: rng.int(0...30))
        var copy = input
        copy.visitation.attended = min(input.visitation.scheduled, rng.int(0...12))
        let a = ReunificationReview.evaluate(copy)
        let b = ReunificationReview.evaluate(try! JSONDecoder().decode(ReviewInput.self, from: JSONEncoder().encode(copy)))
        #expect(a == b)
        // Worse progress never lowers the risk score; a new report never lowers it either.
        var worse = copy
        if let next = CaregiverProgress.allCases.firstIndex(of: copy.risk.caregiverProgress).map({ $0 + 1 }), next < CaregiverProgress.allCases.count {
            worse.risk.caregiverProgress = CaregiverProgress.allCases[next]
            #expect(ReunificationReview.evaluate(worse).riskScore >= a.riskScore)
        }
        worse = copy
        worse.risk.newSubstantiatedReport = true
        #expect(ReunificationReview.evaluate(worse).riskLevel >= a.riskLevel)
    }

    static func sample() -> ReviewInput {
        ReviewInput(risk: .init(initialRiskLevel: .moderate, newSubstantiatedReport: false, caregiverProgress: .some),
                    visitation: .init(scheduled: 4, attended: 3, quality: .adequate),
                    safety: .init(decision: .safe), monthsInCare: 8)
    }
}

@Suite("Assessment instruments")
struct InstrumentTests {
    let fsn = BundledInstruments.familyStrengthsAndNeeds

    @Test("the bundled instrument is well formed over the ten domains")
    func bundled() {
        #expect(fsn.validate().isEmpty)
        #expect(fsn.domains.count == 10)
        #expect(fsn.key == "family-strengths-needs@1")
        #expect(fsn.domains.allSatisfy { $0.overallRequired && $0.items.count >= 3 })
        let safety = fsn.domains.first { $0.id == "family_safety" }!
        #expect(safety.items.allSatisfy { $0.required })
    }

    @Test("the scale is data: a definition may use fewer steps, and ratings off its scale are refused")
    func scale() throws {
        #expect(fsn.scale.map(\.value) == [2, 1, 0, -1, -2, -3])
        let json = #"{"id":"three-step","version":1,"jurisdiction":"x","title":"Three","points":["interim"],"scale":[{"value":1,"label":"Good"},{"value":0,"label":"Fair"},{"value":-2,"label":"Poor"}],"domains":[{"id":"d","title":"D","description":"","overallRequired":true,"items":[{"id":"d.i","text":"t","required":false}]}]}"#
        let three = try JSONDecoder().decode(Instrument.self, from: Data(json.utf8))
        #expect(three.validate().isEmpty)
        #expect(three.label(.moderateProblem) == "Poor")
        #expect(AssessmentResult.validate(["d.i": .seriousProblem], instrument: three, completing: false).map(\.field) == ["d.i"])
        #expect(AssessmentResult.validate(["d.i": .moderateProblem], instrument: three, completing: false).isEmpty)
        let bad = try JSONDecoder().decode(Instrument.self, from: Data(json.replacingOccurrences(of: #""value":1"#, with: #""value":7"#).utf8))
        #expect(bad.validate().map(\.field) == ["scale"])
    }

    @Test("an instrument carries its wording in other languages: the bundled one in Spanish, complete; a partial translation is refused")
    func translations() throws {
        let (spanish, tag) = fsn.worded(.spanish)
        #expect(tag == "es" && spanish.title == "Fortalezas y necesidades de la familia")
        #expect(fsn.worded(.english).instrument == fsn && fsn.worded(.english).tag == "en")
        // Every domain and item is worded, none left in English; what is rated is the same.
        #expect(spanish.ratingIDs == fsn.ratingIDs && spanish.scale.map(\.value) == fsn.scale.map(\.value))
        for (es, en) in zip(spanish.domains, fsn.domains) {
            #expect(es.title != en.title && es.description != en.description)
            for (a, b) in zip(es.items, en.items) { #expect(a.text != b.text && a.required == b.required) }
        }
        #expect(spanish.label(.seriousProblem) == "Problema grave")
        #expect(spanish.itemText("family_safety.overall", .spanish) == "Seguridad: valoración general")
        // A rule names the domain in each language's wording.
        let missing = AssessmentResult.validate([:], instrument: fsn, completing: true).first { $0.field == "family_safety.overall" }
        #expect(missing?.message == "Give Safety an overall rating" && missing?.text(.spanish) == "Dé una valoración general a Seguridad")

        let json = #"{"id":"two","version":1,"jurisdiction":"x","title":"Two","points":["interim"],"domains":[{"id":"d","title":"Home","description":"The home","overallRequired":true,"items":[{"id":"d.i","text":"Safe","required":false},{"id":"d.j","text":"Clean","required":false}]}],"translations":{"es":{"title":"Dos","domains":{"d":{"title":"Hogar","description":"El hogar"}},"items":{"d.i":"Seguro","d.j":"Limpio"}}}}"#
        let two = try JSONDecoder().decode(Instrument.self, from: Data(json.utf8))
        #expect(two.validate().isEmpty && two.worded(.spanish).instrument.domains[0].items.map(\.text) == ["Seguro", "Limpio"])
        #expect(two.worded(.spanish).instrument.label(.mildStrength) == "Fortaleza leve")
        let partial = try JSONDecoder().decode(Instrument.self, from: Data(json.replacingOccurrences(of: #","d.j":"Limpio""#, with: "").utf8))
        #expect(partial.validate().map(\.field) == ["translations.es"] && partial.validate()[0].message.contains("d.j"))
        let stray = try JSONDecoder().decode(Instrument.self, from: Data(json.replacingOccurrences(of: #""d.j":"Limpio""#, with: #""d.j":"Limpio","d.k":"Otro""#).utf8))
        #expect(stray.validate().map(\.field) == ["translations.es"])
        // A definition without translations reads as written, marked with its own language.
        let plain = try JSONDecoder().decode(Instrument.self, from: Data(json.replacingOccurrences(of: #","translations":{"es":{"title":"Dos","domains":{"d":{"title":"Hogar","description":"El hogar"}},"items":{"d.i":"Seguro","d.j":"Limpio"}}}"#, with: "").utf8))
        #expect(plain.translations == nil && plain.worded(.spanish).instrument == plain && plain.worded(.spanish).tag == "en")
    }

    @Test("a draft may be partial; a completed assessment needs every required rating; unknown items are refused")
    func validation() {
        var ratings: [String: Rating] = ["environment.housing_stability": .mildProblem]
        #expect(AssessmentResult.validate(ratings, instrument: fsn, completing: false).isEmpty)
        let missing = AssessmentResult.validate(ratings, instrument: fsn, completing: true)
        #expect(missing.count == 10 + 5)
        ratings["made.up"] = .baseline
        #expect(AssessmentResult.validate(ratings, instrument: fsn, completing: false).map(\.field) == ["made.up"])
    }

    @Test("strengths are ≥ +1, problems ≤ −1 with serious problems first; the overall is never computed")
    func result() {
        let ratings: [String: Rating] = [
            "environment.housing_stability": .mildProblem, "environment.housing_safety": .seriousProblem,
            "parental_capabilities.bonding": .baseline, "family_interactions.bonding": .clearStrength,
            "family_health.child_health": .moderateProblem, "readiness.family_time": .mildStrength,
        ]
        let result = AssessmentResult(instrument: fsn, ratings: ratings)
        #expect(result.problems.map(\.rating) == [.seriousProblem, .moderateProblem, .mildProblem])
        #expect(result.strengths.map(\.itemID) == ["family_interactions.bonding", "readiness.family_time"])
        #expect(result.domains.first { $0.domainID == "environment" }?.overall == nil)
        #expect(result.domains.first { $0.domainID == "environment" }?.rated == 2)
    }

    @Test("change between two assessments, item by item and domain by domain")
    func change() {
        let before: [String: Rating] = ["environment.housing_stability": .seriousProblem, "environment.overall": .moderateProblem]
        let after: [String: Rating] = ["environment.housing_stability": .mildStrength, "environment.overall": .baseline,
                                       "readiness.family_time": .clearStrength]
        let change = AssessmentChange(instrument: fsn, before: before, after: after)
        #expect(change.items.first { $0.id == "environment.housing_stability" }?.change == 4)
        #expect(change.domains.first { $0.id == "environment.overall" }?.change == 2)
        #expect(change.items.first { $0.id == "readiness.family_time" }?.change == nil)
        #expect(change.improved.count == 1 && change.worsened.isEmpty)
    }
}

@Suite("The review's reasons in each language")
struct ReviewReasonLanguageTests {
    static let input = ReviewInput(
        risk: .init(initialRiskLevel: .moderate, newSubstantiatedReport: true, caregiverProgress: .most,
                    discretionaryOverride: -1, discretionaryReason: "Grandmother moved in"),
        visitation: .init(scheduled: 10, attended: 9, quality: .adequate),
        safety: .init(decision: .safeWithInterventions, dangerIndicators: ["Stairs unguarded"], safetyPlan: "Gate fitted"),
        monthsInCare: 7, rationale: "Keep going")

    @Test("each reason is worded in Spanish from the same facts as the English, which stays as it was")
    func spanishReasons() throws {
        let outcome = ReunificationReview.evaluate(Self.input)
        let english = outcome.reasons(.english), spanish = outcome.reasons(.spanish)
        #expect(english == outcome.reasons && english.count == spanish.count && outcome.reasonsTranslated(.spanish))
        #expect(english[0].hasPrefix("Risk scored ") && english[0].contains("the caregiver has met most of the plan's objectives"))
        #expect(spanish[0].hasPrefix("Puntuación de riesgo \(outcome.riskScore) (\(outcome.scoredRiskLevel.spanish))"))
        #expect(spanish[0].contains("la persona cuidadora ha cumplido la mayoría de los objetivos del plan") && spanish[0].contains("un nuevo informe comprobado"))
        #expect(spanish[1] == "Un ajuste aprobado por un/a supervisor/a bajó el riesgo a \(outcome.riskLevel.spanish): Grandmother moved in.")
        #expect(spanish[2] == "El resultado de las visitas es aceptable: 9 de 10 visitas con asistencia (90 %, se necesita el 75 %) y su calidad fue adecuada.")
        #expect(spanish[3] == "El hogar es seguro con las intervenciones del plan de seguridad.")
        for (e, s) in zip(english, spanish) { #expect(e != s) }
    }

    @Test("a review recorded before its reasons were kept as facts gives its English reasons, and says they are English")
    func recordedBefore() throws {
        let outcome = ReunificationReview.evaluate(Self.input)
        var json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(outcome)) as! [String: Any]
        json["explanation"] = nil
        let old = try JSONDecoder().decode(ReviewOutcome.self, from: JSONSerialization.data(withJSONObject: json))
        #expect(old.explanation == nil && old.reasons(.spanish) == outcome.reasons && !old.reasonsTranslated(.spanish))
        #expect(old.reasonsTranslated(.english))
    }
}
