import Foundation
import Testing
@testable import ReunifyDomain
import ReunifyDemo

@Suite("Consistency across workers")
struct ConsistencyTests {
    let a = UserID(UUID()), b = UserID(UUID()), c = UserID(UUID())

    func ratings(_ values: [Int]) -> [String: [Rating]] { ["environment": values.map { Rating(rawValue: $0)! }] }

    @Test("workers leaning from the unit's mean are flagged strength- or deficit-focused")
    func tendencies() {
        let report = CalibrationReport([
            .init(id: a, name: "A", domainRatings: ratings(Array(repeating: 1, count: 12)), recommendations: [.returnHome, .returnHome]),
            .init(id: b, name: "B", domainRatings: ratings(Array(repeating: -2, count: 12)), recommendations: [.changePermanencyGoal]),
            .init(id: c, name: "C", domainRatings: ratings(Array(repeating: 0, count: 12) + [-1]), recommendations: []),
        ])
        let rows = Dictionary(uniqueKeysWithValues: report.workers.map { ($0.name, $0) })
        #expect(report.unitMean != nil && abs(report.unitMean! - (-13.0 / 37.0)) < 1e-9)
        #expect(rows["A"]?.tendency == .strengthFocused)
        #expect(rows["B"]?.tendency == .deficitFocused)
        #expect(rows["C"]?.tendency == .inLine)
        #expect(rows["A"]?.distribution[.mildStrength] == 12)
        #expect(report.unitRecommendations[.returnHome] == 2)
    }

    @Test("too few ratings say nothing about a worker")
    func tooFew() {
        let report = CalibrationReport([.init(id: a, name: "A", domainRatings: ratings([2, 2]), recommendations: []),
                                        .init(id: b, name: "B", domainRatings: ratings(Array(repeating: -3, count: 20)), recommendations: [])])
        #expect(report.workers.first { $0.name == "A" }?.tendency == .tooFewRatings)
    }

    @Test("a vignette's spread puts the widest disagreement first")
    func spread() {
        let fsn = BundledInstruments.familyStrengthsAndNeeds
        let spread = VignetteSpread(instrument: fsn, ratingsByRater: [
            "Ann": ["environment.housing_stability": .mildProblem, "family_safety.physical_harm": .clearStrength],
            "Bo": ["environment.housing_stability": .mildProblem, "family_safety.physical_harm": .seriousProblem],
        ])
        #expect(spread.items.first?.id == "family_safety.physical_harm")
        #expect(spread.items.first?.range == 5)
        #expect(spread.items.last?.range == 0)
        #expect(spread.raters == ["Ann", "Bo"])
    }

    @Test("the demo's practice data: assessments at several points, reviews, and two caseworkers who differ")
    func demoPractice() {
        let today = CalendarDate(iso: "2026-11-23")!
        let agency = DemoAgencyGenerator(today: today).generate()
        let practice = DemoPracticeGenerator(agency: agency, today: today).generate()
        #expect(practice == DemoPracticeGenerator(agency: agency, today: today).generate())
        #expect(Set(practice.assessments.map(\.point)) == Set(AssessmentPoint.allCases))
        #expect(practice.reviews.count >= 8)
        for a in practice.assessments {
            #expect(AssessmentResult.validate(a.ratings, instrument: BundledInstruments.familyStrengthsAndNeeds, completing: true).isEmpty)
            #expect(a.day <= today)
        }
        for r in practice.reviews { #expect(ReunificationReview.problems(r.input, outcome: r.outcome).isEmpty) }
        var inputs: [CalibrationReport.WorkerInput] = []
        for email in ["caseworker@demo.reunify.test", "caseworker2@demo.reunify.test"] {
            let id = agency.user(email)!.id
            var domains: [String: [Rating]] = [:]
            for a in practice.assessments where a.assessor == id {
                for d in BundledInstruments.familyStrengthsAndNeeds.domains { domains[d.id, default: []].append(a.ratings[d.overallID]!) }
            }
            inputs.append(.init(id: id, name: email, domainRatings: domains, recommendations: []))
        }
        let tendencies = Set(CalibrationReport(inputs).workers.map(\.tendency))
        #expect(tendencies == [.strengthFocused, .deficitFocused])
    }
}
