import Foundation

/// Each worker's rating tendencies beside their unit's: the distribution of their domain ratings, their
/// recommendations, and whether their ratings lean strength-focused or deficit-focused (DOMAIN.md, "Why
/// judgement consistency matters").
public struct CalibrationReport: Sendable, Equatable {
    public struct WorkerInput: Sendable {
        public let id: UserID
        public let name: String
        /// Domain id → the overall ratings the worker gave it across their completed assessments.
        public let domainRatings: [String: [Rating]]
        public let recommendations: [Recommendation]
        public init(id: UserID, name: String, domainRatings: [String: [Rating]], recommendations: [Recommendation]) {
            self.id = id
            self.name = name
            self.domainRatings = domainRatings
            self.recommendations = recommendations
        }
    }

    public enum Tendency: String, Sendable, Equatable {
        case strengthFocused = "strength_focused"
        case deficitFocused = "deficit_focused"
        case inLine = "in_line"
        case tooFewRatings = "too_few_ratings"

        public var label: String {
            switch self {
            case .strengthFocused: "Tends to be strength-focused"
            case .deficitFocused: "Tends to be deficit-focused"
            case .inLine: "In line with the unit"
            case .tooFewRatings: "Too few ratings to tell"
            }
        }
    }

    public struct WorkerRow: Sendable, Equatable {
        public let id: UserID
        public let name: String
        public let ratingCount: Int
        public let mean: Double?
        /// The worker's mean minus the unit's.
        public let lean: Double?
        public let tendency: Tendency
        public let domainMeans: [String: Double]
        public let distribution: [Rating: Int]
        public let recommendations: [Recommendation: Int]
    }

    public struct Settings: Sendable, Equatable {
        /// How far a worker's mean may lean from the unit's before they are flagged.
        public var flagDistance: Double = 0.5
        /// Fewer ratings than this say nothing about a worker.
        public var minimumRatings: Int = 10
        public init() {}
    }

    public let workers: [WorkerRow]
    public let unitMean: Double?
    public let unitDomainMeans: [String: Double]
    public let unitDistribution: [Rating: Int]
    public let unitRecommendations: [Recommendation: Int]
    public let settings: Settings

    public init(_ inputs: [WorkerInput], settings: Settings = Settings()) {
        self.settings = settings
        let all = inputs.flatMap { $0.domainRatings.values.flatMap { $0 } }
        let unitMean = Self.mean(all)
        self.unitMean = unitMean
        var unitDomains: [String: [Rating]] = [:]
        for input in inputs { for (domain, ratings) in input.domainRatings { unitDomains[domain, default: []] += ratings } }
        unitDomainMeans = unitDomains.compactMapValues(Self.mean)
        unitDistribution = Self.count(all)
        unitRecommendations = Self.count(inputs.flatMap(\.recommendations))
        workers = inputs.map { input in
            let ratings = input.domainRatings.values.flatMap { $0 }
            let mean = Self.mean(ratings)
            let lean = mean.flatMap { m in unitMean.map { m - $0 } }
            let tendency: Tendency
            if ratings.count < settings.minimumRatings || lean == nil {
                tendency = .tooFewRatings
            } else if lean! >= settings.flagDistance {
                tendency = .strengthFocused
            } else if lean! <= -settings.flagDistance {
                tendency = .deficitFocused
            } else {
                tendency = .inLine
            }
            return WorkerRow(id: input.id, name: input.name, ratingCount: ratings.count, mean: mean, lean: lean, tendency: tendency,
                             domainMeans: input.domainRatings.compactMapValues(Self.mean), distribution: Self.count(ratings),
                             recommendations: Self.count(input.recommendations))
        }.sorted { $0.name < $1.name }
    }

    static func mean(_ ratings: [Rating]) -> Double? {
        ratings.isEmpty ? nil : Double(ratings.map(\.rawValue).reduce(0, +)) / Double(ratings.count)
    }

    static func count<T: Hashable>(_ values: [T]) -> [T: Int] {
        values.reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }
}
