import Foundation
import ReunifyDomain
import ReunifyMatching

/// The demo agency's assessments, reviews and practice vignette: plain values, generated from the families.
public struct DemoPractice: Sendable, Equatable {
    public struct Assessment: Sendable, Equatable {
        public let caseID: CaseID
        public let assessor: UserID
        public let point: AssessmentPoint
        public let day: CalendarDate
        public let ratings: [String: Rating]
    }

    public struct Review: Sendable, Equatable {
        public let caseID: CaseID
        public let childID: PersonID
        public let reviewer: UserID
        public let day: CalendarDate
        public let input: ReviewInput
        public let outcome: ReviewOutcome
    }

    public struct Vignette: Sendable, Equatable {
        public let title: String
        public let story: String
        public let publishedBy: UserID
        public let ratings: [UserID: [String: Rating]]
    }

    public let assessments: [Assessment]
    public let reviews: [Review]
    public let vignette: Vignette
}

/// Generates the practice data. Each caseworker has a rating tendency — the first leans towards strengths,
/// the second towards deficits — so that the calibration report has a real difference to show, as it
/// would in an agency.
public struct DemoPracticeGenerator: Sendable {
    public let agency: DemoAgency
    public let today: CalendarDate
    public let seed: UInt64

    public init(agency: DemoAgency, today: CalendarDate, seed: UInt64 = 20_261_124) {
        self.agency = agency
        self.today = today
        self.seed = seed
    }

    public static let instrument = BundledInstruments.familyStrengthsAndNeeds

    func lean(_ worker: UserID) -> Double {
        if worker == agency.user("caseworker@demo.reunify.test")?.id { return 0.8 }
        if worker == agency.user("caseworker2@demo.reunify.test")?.id { return -0.8 }
        return 0
    }

    /// Ratings for a family at a given progress (0 at intake … 1 ready to go home), as a worker with `lean` sees it.
    func ratings(progress: Double, lean: Double, rng: inout SeededGenerator) -> [String: Rating] {
        var out: [String: Rating] = [:]
        for domain in Self.instrument.domains {
            let base = -1.6 + 2.6 * progress + Double(rng.int(-10...10)) / 10
            func rate(_ shift: Double) -> Rating {
                Rating(rawValue: Int((base + lean + shift).rounded()).clamped(to: -3...2))!
            }
            out[domain.overallID] = rate(0)
            for item in domain.items where item.required || rng.chance(0.7) {
                out[item.id] = rate(Double(rng.int(-8...8)) / 10)
            }
        }
        return out
    }

    public func generate() -> DemoPractice {
        var rng = SeededGenerator(seed: seed)
        var assessments: [DemoPractice.Assessment] = []
        var reviews: [DemoPractice.Review] = []
        let stageProgress: [CaseStage: Double] = [.assessment: 0.1, .planning: 0.2, .services: 0.4, .familyTime: 0.65,
                                                   .trialHomeVisit: 0.85, .aftercare: 0.9, .closed: 0.95]
        for family in agency.families {
            guard let worker = family.details.caseworkerID, let progress = stageProgress[family.details.stage],
                  let removal = family.episodes.map(\.details.removalDate).min() else { continue }
            let span = removal.days(until: today)
            var points: [(AssessmentPoint, Int, Double)] = [(.intake, min(span, 14), 0)]
            if progress >= 0.4 { points.append((.interim, span / 2, progress / 2)) }
            if progress >= 0.65 { points.append((.reunification, max(span - 30, span * 3 / 4), progress)) }
            if family.details.stage == .closed { points.append((.closure, span - 10, 1)) }
            for (point, offset, p) in points {
                assessments.append(.init(caseID: family.caseID, assessor: worker, point: point, day: removal.adding(days: max(1, offset)),
                                         ratings: ratings(progress: p, lean: lean(worker), rng: &rng)))
            }
            guard [.services, .familyTime, .trialHomeVisit].contains(family.details.stage) else { continue }
            for episode in family.episodes where episode.details.isOpen {
                guard family.goals.contains(where: { $0.childID == episode.details.childID && $0.primary == .reunification }) else { continue }
                let day = today.adding(days: -rng.int(5...40))
                guard day > removal else { continue }
                let months = removal.wholeMonths(until: day)
                let progressCode: CaregiverProgress = family.details.stage == .services ? rng.pick([.some, .minimal, .most])
                    : family.details.stage == .familyTime ? rng.pick([.most, .some]) : rng.pick([.all, .most])
                let scheduled = rng.int(6...12)
                let attended = family.details.stage == .services ? rng.int(scheduled / 2...scheduled) : rng.int(scheduled * 3 / 4...scheduled)
                let quality: VisitQuality = attended * 4 >= scheduled * 3 ? rng.pick([.strong, .adequate]) : rng.pick([.adequate, .limited])
                let unsafe = rng.chance(0.1)
                var input = ReviewInput(
                    risk: .init(initialRiskLevel: rng.pick([.moderate, .high, .low, .moderate]), newSubstantiatedReport: rng.chance(0.08),
                                caregiverProgress: progressCode),
                    visitation: .init(scheduled: scheduled, attended: attended, quality: quality),
                    safety: unsafe ? .init(decision: .unsafe, dangerIndicators: ["Caregiver's partner with a history of violence is back in the home"])
                        : .init(decision: .safe),
                    monthsInCare: months)
                var outcome = ReunificationReview.evaluate(input)
                if outcome.rationaleRequired {
                    input.rationale = "Continue reunification: \(progressCode == .all || progressCode == .most ? "visits must become regular" : "the parent must show the changes the plan asks for") before the next review."
                    outcome = ReunificationReview.evaluate(input)
                }
                reviews.append(.init(caseID: family.caseID, childID: episode.details.childID, reviewer: worker, day: day, input: input, outcome: outcome))
            }
        }
        var vignetteRatings: [UserID: [String: Rating]] = [:]
        for email in ["caseworker@demo.reunify.test", "caseworker2@demo.reunify.test", "clinician@demo.reunify.test"] {
            guard let user = agency.user(email) else { continue }
            vignetteRatings[user.id] = ratings(progress: 0.5, lean: lean(user.id), rng: &rng)
        }
        let vignette = DemoPractice.Vignette(
            title: "The Marsh family (practice)",
            story: """
            Kim Marsh, 29, has two children, Tyler (7) and Bella (3), who have lived with their grandmother for five months after \
            neighbours reported the children were often left alone at night. Kim has attended nine of twelve parenting sessions \
            and says she has stopped drinking; two of her last three tests were clear. She rents a one-bedroom flat and works \
            part-time shifts. Visits happen twice a week; Tyler is eager, Bella sometimes cries at the end. Kim's new partner \
            has no known history with the agency but has not met the worker.
            """,
            publishedBy: agency.user("supervisor@demo.reunify.test")!.id,
            ratings: vignetteRatings)
        return DemoPractice(assessments: assessments, reviews: reviews, vignette: vignette)
    }
}

extension Int {
    func clamped(to range: ClosedRange<Int>) -> Int { Swift.min(range.upperBound, Swift.max(range.lowerBound, self)) }
}
