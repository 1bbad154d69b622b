import Foundation

/// A scored pair of records.
public struct ScoredPair: Sendable, Equatable {
    public let left: String
    public let right: String
    public let probability: Double
    public let vector: ComparisonVector
}

/// Finds likely matches among records (dedupe) or between two sets (link): blocking proposes candidate pairs
/// cheaply, every candidate is compared field by field, EM fits the model to those comparisons, and each pair
/// gets its match probability.
public struct Linker: Sendable {
    public var referenceYear: Int
    /// Blocks larger than this are too common a key to be useful and are skipped.
    public var maximumBlock: Int = 2_000
    /// Candidates whose known birth years lie further apart than this are not compared.
    public var yearTolerance: Int = 3

    public init(referenceYear: Int) { self.referenceYear = referenceYear }

    /// Keys that true matches are likely to share: each name token's sound with the birth year (so swapped and
    /// misspelt names still meet), each pair of name sounds (for missing dates), and the identifier.
    public func blockingKeys(_ r: PreparedRecord) -> [String] {
        var keys: [String] = []
        let years = r.birthYears.map { Array($0) } ?? []
        let sounds = Array(Set(r.phonetic.filter { !$0.isEmpty }))
        for s in sounds {
            for y in years { keys.append("s:\(s)|y:\(y)") }
        }
        let sorted = sounds.sorted()
        for i in 0..<sorted.count { for j in (i + 1)..<max(i + 1, sorted.count) { keys.append("s:\(sorted[i])|s:\(sorted[j])") } }
        if let id = r.record.identifier, !id.isEmpty { keys.append("id:\(SearchText.fold(id))") }
        return keys
    }

    /// A cheap second rule after blocking: known birth years must be near. Without it, blocks on name sounds
    /// alone fill with namesakes, and EM learns "same name" as the mark of a match.
    func plausible(_ a: PreparedRecord, _ b: PreparedRecord) -> Bool {
        guard let x = a.birthYears, let y = b.birthYears else { return true }
        return x.lowerBound - yearTolerance <= y.upperBound && y.lowerBound - yearTolerance <= x.upperBound
    }

    func blocks(_ records: [PreparedRecord]) -> [String: [Int]] {
        var blocks: [String: [Int]] = [:]
        for (i, r) in records.enumerated() { for key in Set(blockingKeys(r)) { blocks[key, default: []].append(i) } }
        return blocks
    }

    /// Candidate pairs within one set, each once.
    public func candidates(_ records: [PreparedRecord]) -> [(Int, Int)] {
        var seen = Set<Int64>()
        var pairs: [(Int, Int)] = []
        for (_, members) in blocks(records) where members.count > 1 && members.count <= maximumBlock {
            for a in 0..<members.count {
                for b in (a + 1)..<members.count {
                    let (i, j) = (min(members[a], members[b]), max(members[a], members[b]))
                    if seen.insert(Int64(i) << 32 | Int64(j)).inserted && plausible(records[i], records[j]) { pairs.append((i, j)) }
                }
            }
        }
        return pairs
    }

    /// Candidate pairs between two sets.
    public func candidates(left: [PreparedRecord], right: [PreparedRecord]) -> [(Int, Int)] {
        let rightBlocks = blocks(right)
        var seen = Set<Int64>()
        var pairs: [(Int, Int)] = []
        for (i, r) in left.enumerated() {
            for key in Set(blockingKeys(r)) {
                guard let members = rightBlocks[key], members.count <= maximumBlock else { continue }
                for j in members where seen.insert(Int64(i) << 32 | Int64(j)).inserted && plausible(r, right[j]) { pairs.append((i, j)) }
            }
        }
        return pairs
    }

    /// Likely duplicates within one set, best first.
    public func dedupe(_ records: [MatchRecord], threshold: Double) -> (pairs: [ScoredPair], model: FellegiSunterModel) {
        let prepared = records.map { PreparedRecord($0, referenceYear: referenceYear) }
        let pairs = candidates(prepared)
        return score(pairs.map { (prepared[$0.0], prepared[$0.1]) }, threshold: threshold, model: ModelTraining(records: prepared).train())
    }

    /// Likely matches between two sets, best first. A few queries (one tracing request) give EM too little to
    /// learn from: pass a `model` fitted on the registry then.
    public func link(left: [MatchRecord], right: [MatchRecord], threshold: Double,
                     model: FellegiSunterModel? = nil) -> (pairs: [ScoredPair], model: FellegiSunterModel) {
        let l = left.map { PreparedRecord($0, referenceYear: referenceYear) }
        let r = right.map { PreparedRecord($0, referenceYear: referenceYear) }
        return score(candidates(left: l, right: r).map { (l[$0.0], r[$0.1]) }, threshold: threshold,
                     model: model ?? ModelTraining(records: l + r).train())
    }

    func score(_ pairs: [(PreparedRecord, PreparedRecord)], threshold: Double,
               model given: FellegiSunterModel? = nil) -> (pairs: [ScoredPair], model: FellegiSunterModel) {
        let vectors = pairs.map { ComparisonVector.compare($0.0, $0.1) }
        let model = given ?? FellegiSunterModel.estimate(vectors)
        let scored = zip(pairs, vectors).compactMap { pair, v -> ScoredPair? in
            let p = model.probability(v)
            return p >= threshold ? ScoredPair(left: pair.0.record.id, right: pair.1.record.id, probability: p, vector: v) : nil
        }
        return (scored.sorted { ($1.probability, $0.left, $0.right) < ($0.probability, $1.left, $1.right) }, model)
    }
}
