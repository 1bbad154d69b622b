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
/// gets its match probability. Work is spread over the machine's cores.
public struct Linker: Sendable {
    public var referenceYear: Int
    /// Blocks larger than this are too common a key to be useful and are skipped.
    public var maximumBlock: Int = 50
    /// Candidates whose known birth years lie further apart than this are not compared.
    public var yearTolerance: Int = 3
    /// Told what is being done, for progress on long runs (the command line prints it on standard error).
    public var progress: (@Sendable (String) -> Void)?

    public init(referenceYear: Int) { self.referenceYear = referenceYear }

    /// Keys that true matches are likely to share: each name word's sound with the birth year (and with the
    /// month, for blocks too big at the year), so swapped and misspelt names still meet, and an age estimate meets
    /// a birth date; the full birth date with each word's first two letters, so names misspelt beyond their sound
    /// still meet on a shared date; each pair of name sounds, so a wrong or missing date still meets; the identifier.
    func blockingKeys(_ r: PreparedRecord) -> [UInt64] {
        var keys: [UInt64] = []
        let sounds = r.sounds
        if let years = r.birthYears {
            // Restricted keys: they pair a record with no birth month (an age, a year) with others only.
            for s in sounds { for y in years { keys.append(Hashing.mix(s, UInt64(y)) | Self.restricted) } }
        }
        if let d = r.record.birthDate, let month = d.month {
            for s in sounds { keys.append(Hashing.mix(s, UInt64(d.year * 100 + month)) & ~Self.restricted) }
            if let day = d.day {
                let date = UInt64(d.year * 10_000 + month * 100 + day)
                for w in r.words where w.letters.count >= 2 {
                    keys.append(Hashing.mix(date, UInt64(w.letters[0]) << 8 | UInt64(w.letters[1]) | 0xDA7E0000) & ~Self.restricted)
                }
            }
        }
        // Pairs of sounds with each possible birth year (every year a child could have been born in, when nothing
        // about the birth is known).
        let years = r.birthYears ?? (referenceYear - 25)...referenceYear
        for i in 0..<sounds.count {
            for j in (i + 1)..<max(i + 1, sounds.count) {
                let pair = Hashing.mix(sounds[i], sounds[j] ^ 0x5EED)
                for y in years { keys.append(Hashing.mix(pair, UInt64(y)) & ~Self.restricted) }
            }
        }
        if let id = r.record.identifier, !id.isEmpty { keys.append(Hashing.mix(Hashing.fnv(Array(SearchText.fold(id).utf8)), 0x1D) & ~Self.restricted) }
        return keys
    }

    static let restricted: UInt64 = 1 << 63

    /// Whether a record knows its birth only to the year (or by an age): restricted blocks pair such records.
    static func vague(_ r: PreparedRecord) -> Bool { r.record.birthDate?.month == nil }

    /// Whether two postings under `key` make a candidate pair.
    @inline(__always) func allows(_ key: UInt64, _ a: PreparedRecord, _ b: PreparedRecord) -> Bool {
        key & Self.restricted == 0 || Self.vague(a) || Self.vague(b)
    }

    /// A cheap second rule after blocking: known birth years must be near. Without it, blocks on name sounds
    /// alone fill with namesakes, and EM learns "same name" as the mark of a match.
    func plausible(_ a: PreparedRecord, _ b: PreparedRecord) -> Bool {
        guard let x = a.birthYears, let y = b.birthYears else { return true }
        return x.lowerBound - yearTolerance <= y.upperBound && y.lowerBound - yearTolerance <= x.upperBound
    }

    /// Every (key, record) posting, sorted by key: equal keys form a block.
    func postings(_ records: [PreparedRecord]) -> [(key: UInt64, index: Int32)] {
        let perSlice: [(UInt64, Int32)] = Parallel.map(Array(records.indices)) { slice in
            var out: [(UInt64, Int32)] = []
            for i in slice { for key in Set(blockingKeys(records[i])) { out.append((key, Int32(i))) } }
            return out
        }
        return perSlice.map { (key: $0.0, index: $0.1) }.sorted { $0.key < $1.key }
    }

    /// Candidate pairs within one set, each once.
    public func candidates(_ records: [PreparedRecord]) -> [(Int, Int)] {
        let sorted = postings(records)
        var pairs: [UInt64] = []
        var start = 0
        while start < sorted.count {
            var end = start + 1
            while end < sorted.count && sorted[end].key == sorted[start].key { end += 1 }
            let size = end - start
            if size > 1 && size <= maximumBlock {
                let key = sorted[start].key
                for a in start..<end {
                    for b in (a + 1)..<end where allows(key, records[Int(sorted[a].index)], records[Int(sorted[b].index)]) {
                        let (i, j) = (min(sorted[a].index, sorted[b].index), max(sorted[a].index, sorted[b].index))
                        pairs.append(UInt64(UInt32(i)) << 32 | UInt64(UInt32(j)))
                    }
                }
            }
            start = end
        }
        return unique(pairs).compactMap { p in
            let (i, j) = (Int(p >> 32), Int(p & 0xFFFF_FFFF))
            return plausible(records[i], records[j]) ? (i, j) : nil
        }
    }

    /// Candidate pairs between two sets.
    public func candidates(left: [PreparedRecord], right: [PreparedRecord]) -> [(Int, Int)] {
        let l = postings(left), r = postings(right)
        var pairs: [UInt64] = []
        var a = 0, b = 0
        while a < l.count && b < r.count {
            if l[a].key < r[b].key { a += 1; continue }
            if l[a].key > r[b].key { b += 1; continue }
            let key = l[a].key
            var aEnd = a, bEnd = b
            while aEnd < l.count && l[aEnd].key == key { aEnd += 1 }
            while bEnd < r.count && r[bEnd].key == key { bEnd += 1 }
            if bEnd - b <= maximumBlock && aEnd - a <= maximumBlock {
                for x in a..<aEnd {
                    for y in b..<bEnd where allows(key, left[Int(l[x].index)], right[Int(r[y].index)]) {
                        pairs.append(UInt64(UInt32(l[x].index)) << 32 | UInt64(UInt32(r[y].index)))
                    }
                }
            }
            a = aEnd
            b = bEnd
        }
        return unique(pairs).compactMap { p in
            let (i, j) = (Int(p >> 32), Int(p & 0xFFFF_FFFF))
            return plausible(left[i], right[j]) ? (i, j) : nil
        }
    }

    func report(_ what: String, since start: Date) {
        progress?(String(format: "%7.2f s  ", Date().timeIntervalSince(start)) + what)
    }

    func unique(_ pairs: [UInt64]) -> [UInt64] {
        var sorted = pairs
        sorted.sort()
        var out: [UInt64] = []
        out.reserveCapacity(sorted.count)
        for p in sorted where out.last != p { out.append(p) }
        return out
    }

    /// Likely duplicates within one set, best first.
    public func dedupe(_ records: [MatchRecord], threshold: Double) -> (pairs: [ScoredPair], model: FellegiSunterModel) {
        let clock = Date()
        let prepared = PreparedRecord.prepare(records, referenceYear: referenceYear)
        report("prepared \(records.count) records", since: clock)
        let pairs = candidates(prepared)
        report("\(pairs.count) candidate pairs from blocking", since: clock)
        let model = ModelTraining(records: prepared).train()
        report("model fitted", since: clock)
        let result = score(pairs, prepared, prepared, threshold: threshold, model: model)
        report("\(result.pairs.count) pairs scored at or above \(threshold)", since: clock)
        return result
    }

    /// Likely matches between two sets, best first. A few queries (one tracing request) give EM too little to
    /// learn from: pass a `model` fitted on the registry then.
    public func link(left: [MatchRecord], right: [MatchRecord], threshold: Double,
                     model: FellegiSunterModel? = nil) -> (pairs: [ScoredPair], model: FellegiSunterModel) {
        let clock = Date()
        let l = PreparedRecord.prepare(left, referenceYear: referenceYear)
        let r = PreparedRecord.prepare(right, referenceYear: referenceYear)
        report("prepared \(left.count) + \(right.count) records", since: clock)
        let pairs = candidates(left: l, right: r)
        report("\(pairs.count) candidate pairs from blocking", since: clock)
        let fitted = model ?? ModelTraining(records: l + r).train()
        report("model ready", since: clock)
        let result = score(pairs, l, r, threshold: threshold, model: fitted)
        report("\(result.pairs.count) pairs scored at or above \(threshold)", since: clock)
        return result
    }

    func score(_ pairs: [(Int, Int)], _ left: [PreparedRecord], _ right: [PreparedRecord], threshold: Double,
               model given: FellegiSunterModel? = nil) -> (pairs: [ScoredPair], model: FellegiSunterModel) {
        guard let model = given else {
            let vectors = Parallel.map(pairs) { slice in slice.map { ComparisonVector.compare(left[$0.0], right[$0.1]) } }
            let model = FellegiSunterModel.estimate(vectors)
            return (rank(zip(pairs, vectors).compactMap { pair, v in
                let p = model.probability(v)
                return p >= threshold ? ScoredPair(left: left[pair.0].record.id, right: right[pair.1].record.id, probability: p, vector: v) : nil
            }), model)
        }
        // Names and dates first: a pair that cannot reach the threshold even if every other field agreed is dropped
        // without comparing the rest.
        let needed = threshold <= 0 ? -Double.infinity : log2(threshold / (1 - threshold))
        let (nameIndex, dateIndex) = (MatchField.allCases.firstIndex(of: .name)!, MatchField.allCases.firstIndex(of: .birthDate)!)
        let best = model.m.indices.map { f in f == nameIndex || f == dateIndex ? 0 : max(0, model.m[f].indices.map { log2(model.m[f][$0] / model.u[f][$0]) }.max() ?? 0) }
        let restBound = best.reduce(0, +) + log2(model.prior / (1 - model.prior))
        let frequency = WordFrequency(right)
        let scored: [ScoredPair] = Parallel.map(pairs) { slice in
            var out: [ScoredPair] = []
            for (i, j) in slice {
                let a = left[i], b = right[j]
                var bound = restBound
                let n = ComparisonVector.nameLevel(a, b)
                var adjustment = 0.0
                if let n {
                    bound += log2(model.m[nameIndex][n] / model.u[nameIndex][n])
                    if n >= 3 { adjustment = frequency.adjustment(a, b, averageU: model.u[nameIndex][n]) }
                    bound += adjustment
                }
                if let d = ComparisonVector.dateLevel(a, b, tolerance: 2) { bound += log2(model.m[dateIndex][d] / model.u[dateIndex][d]) }
                guard bound >= needed else { continue }
                let v = ComparisonVector.compare(a, b)
                let p = 1 / (1 + pow(2, -(model.matchWeight(v) + adjustment)))
                if p >= threshold { out.append(ScoredPair(left: a.record.id, right: b.record.id, probability: p, vector: v)) }
            }
            return out
        }
        return (rank(scored), model)
    }

    func rank(_ pairs: [ScoredPair]) -> [ScoredPair] {
        pairs.sorted { ($1.probability, $0.left, $0.right) < ($0.probability, $1.left, $1.right) }
    }
}

/// How common each name word is, for term-frequency adjustment: two records agreeing on a rare name are stronger
/// evidence of one person than two agreeing on a common one. The model's u for "same names" is an average over all
/// names; for a given pair it is replaced by the chance that a random record carries those same words.
struct WordFrequency {
    let counts: [UInt64: Int32]
    let total: Double

    init(_ records: [PreparedRecord]) {
        var counts: [UInt64: Int32] = [:]
        for r in records { for w in r.words { counts[w.hash, default: 0] += 1 } }
        self.counts = counts
        total = Double(max(1, records.count))
    }

    /// log2 of (average u / this pair's u), bounded so one rare name cannot decide a match on its own.
    func adjustment(_ a: PreparedRecord, _ b: PreparedRecord, averageU: Double) -> Double {
        let (small, large) = a.words.count <= b.words.count ? (a.words, b.words) : (b.words, a.words)
        var u = 1.0
        for w in small where large.contains(where: { $0.hash == w.hash }) {
            u *= Double(max(1, counts[w.hash] ?? 1)) / total
        }
        let bounded = min(max(u, averageU / 64), averageU * 16)
        return log2(averageU / bounded)
    }
}
