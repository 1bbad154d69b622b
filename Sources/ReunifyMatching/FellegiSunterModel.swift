import Foundation

/// The Fellegi–Sunter record-linkage model: for each field and level, m = P(level | same person) and
/// u = P(level | different people). A pair's match weight is the sum of log2(m/u) over its fields plus the
/// prior's log-odds; its probability follows from the weight. m, u and the prior are estimated from the
/// data itself with expectation–maximisation: no labelled pairs are needed.
public struct FellegiSunterModel: Sendable, Equatable, Codable {
    public static let engineVersion = "reunify-fs-3"

    public var m: [[Double]]
    public var u: [[Double]]
    /// The share of candidate pairs that are true matches.
    public var prior: Double

    /// A starting point: agreement likely for matches, disagreement likely for non-matches.
    public static func initial() -> FellegiSunterModel {
        func ramp(_ count: Int, towardsTop: Bool) -> [Double] {
            let raw = (0..<count).map { towardsTop ? pow(4.0, Double($0)) : pow(4.0, Double(count - 1 - $0)) }
            let sum = raw.reduce(0, +)
            return raw.map { $0 / sum }
        }
        return FellegiSunterModel(m: MatchField.allCases.map { ramp($0.levels.count, towardsTop: true) },
                                  u: MatchField.allCases.map { ramp($0.levels.count, towardsTop: false) }, prior: 0.1)
    }

    public func weight(_ field: MatchField, level: Int) -> Double {
        let f = MatchField.allCases.firstIndex(of: field)!
        return log2(m[f][level] / u[f][level])
    }

    /// log2(m/u) for every field and level.
    var weights: [[Double]] { zip(m, u).map { zip($0, $1).map { log2($0 / $1) } } }

    /// The prior's log2 odds.
    var priorWeight: Double { log2(prior / (1 - prior)) }

    /// The match weight (log2 odds) of a comparison.
    public func matchWeight(_ v: ComparisonVector) -> Double {
        var w = log2(prior / (1 - prior))
        for f in 0..<m.count {
            guard let level = v.level(f) else { continue }
            w += log2(m[f][level] / u[f][level])
        }
        return w
    }

    public func probability(_ v: ComparisonVector) -> Double {
        1 / (1 + pow(2, -matchWeight(v)))
    }

    func probability(_ v: ComparisonVector, ignoring field: Int?) -> Double {
        guard let field else { return probability(v) }
        return probability(v.without(field))
    }

    /// u measured directly: the share of each level among comparisons of random pairs.
    public static func uFromRandomPairs(_ vectors: [ComparisonVector]) -> [[Double]] {
        var counts = MatchField.allCases.map { [Double](repeating: 0.5, count: $0.levels.count) }
        for v in vectors { for (f, level) in v.levels.enumerated() { if let level { counts[f][level] += 1 } } }
        return counts.map { row in let s = row.reduce(0, +); return row.map { $0 / s } }
    }

    /// Estimates m, u and the prior from comparison vectors of candidate pairs by EM. Identical vectors are
    /// counted once with their multiplicity, so a million pairs cost little more than their distinct patterns.
    ///
    /// With `fixedU`, u stays as measured on random pairs and EM fits only m and the prior; `ignoring` leaves out
    /// a field that the session's pairs agree on by construction.
    public static func estimate(_ vectors: [ComparisonVector], iterations: Int = 40, start: FellegiSunterModel = .initial(),
                                fixedU: [[Double]]? = nil, ignoring: Int? = nil) -> FellegiSunterModel {
        var patterns: [ComparisonVector: Double] = [:]
        for v in vectors { patterns[v, default: 0] += 1 }
        let distinct = Array(patterns)
        let total = Double(vectors.count)
        guard total > 0 else { return start }
        var model = start
        if let fixedU { model.u = fixedU }
        let smoothing = 0.5
        for _ in 0..<iterations {
            var mCounts = MatchField.allCases.map { [Double](repeating: smoothing, count: $0.levels.count) }
            var uCounts = mCounts
            var matchMass = 0.0
            for (v, count) in distinct {
                let p = model.probability(v, ignoring: ignoring)
                matchMass += p * count
                for (f, level) in v.levels.enumerated() {
                    guard let level else { continue }
                    mCounts[f][level] += p * count
                    uCounts[f][level] += (1 - p) * count
                }
            }
            var next = model
            next.prior = min(0.999, max(1e-6, matchMass / total))
            next.m = mCounts.map { row in let s = row.reduce(0, +); return row.map { $0 / s } }
            next.u = fixedU ?? uCounts.map { row in let s = row.reduce(0, +); return row.map { $0 / s } }
            let change = zip(next.m.joined(), model.m.joined()).map { abs($0 - $1) }.max() ?? 0
            model = next
            if change < 1e-6 { break }
        }
        return model
    }

    /// Each field's level and weight for one pair, in words, for the page that shows the evidence.
    public func explain(_ v: ComparisonVector) -> [(field: MatchField, level: String, weight: Double?)] {
        MatchField.allCases.enumerated().map { f, field in
            guard let level = v.levels[f] else { return (field, MatchEvidence.notCompared, nil) }
            return (field, field.levels[level], log2(m[f][level] / u[f][level]))
        }
    }
}
