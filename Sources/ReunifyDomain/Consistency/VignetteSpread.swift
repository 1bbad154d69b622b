import Foundation

/// How a team's ratings of one practice vignette spread, item by item, widest disagreement first — for a
/// team to talk through where and why they see the same family differently.
public struct VignetteSpread: Sendable, Equatable {
    public struct ItemSpread: Sendable, Equatable {
        public let id: String
        public let text: String
        /// Rater name → rating, for the raters who rated the item.
        public let ratings: [String: Rating]
        public var range: Int {
            guard let lo = ratings.values.min(), let hi = ratings.values.max() else { return 0 }
            return hi.rawValue - lo.rawValue
        }
        public var standardDeviation: Double {
            let values = ratings.values.map { Double($0.rawValue) }
            guard values.count > 1 else { return 0 }
            let mean = values.reduce(0, +) / Double(values.count)
            return (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)).squareRoot()
        }
    }

    public let items: [ItemSpread]
    public let raters: [String]

    /// `language` words the items (the instrument's translation where it has one).
    public init(instrument: Instrument, ratingsByRater: [String: [String: Rating]], language: UILanguage = .english) {
        raters = ratingsByRater.keys.sorted()
        let worded = instrument.worded(language).instrument
        let ids = instrument.ratingIDs
        items = ids.enumerated().compactMap { index, id -> (Int, ItemSpread)? in
            let ratings = ratingsByRater.compactMapValues { $0[id] }
            guard !ratings.isEmpty else { return nil }
            return (index, ItemSpread(id: id, text: worded.itemText(id, language) ?? id, ratings: ratings))
        }
        .sorted { ($1.1.range, $0.0) < ($0.1.range, $1.0) }
        .map(\.1)
    }
}

/// What a worker's ratings of a practice vignette must be.
public enum VignetteRules {
    /// At least one item rated, each with a rating on the instrument's scale.
    public static func check(_ ratings: [String: Rating], instrument: Instrument) throws(ValidationFailure) {
        guard !ratings.isEmpty else { throw ValidationFailure(field: "ratings", .ruleVignetteRateOne) }
        var errors: [FieldError] = []
        for (id, rating) in ratings.sorted(by: { $0.key < $1.key }) {
            if !instrument.ratingIDs.contains(id) {
                errors.append(FieldError(id, .ruleVignetteNoItem, ["id": id]))
            } else if !instrument.ratings.contains(rating) {
                errors.append(FieldError(id, .ruleAsmChooseRating))
            }
        }
        try ValidationFailure.check(errors)
    }
}
