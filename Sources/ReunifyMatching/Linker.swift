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

    /// Keys that true matches are likely to share, in families, so that a pair damaged in any one or two fields
    /// still meets under some key:
    /// - names with dates: each name word's sound with each possible birth year and a word's first letter (these
    ///   keys pair only records that know no more than the year, so an age estimate meets a birth date); the full
    ///   birth date with each pair of words' first letters; each pair of name sounds with each possible year;
    /// - names without dates: each pair of name sounds, pairing records whose dates differ by one mistyped part;
    /// - dates without names: the full birth date, day and month in either order;
    /// - addresses: postcode with house number; each word naming the street with the house number, the postcode
    ///   and the locality; each name sound with the postcode and with the locality;
    /// - codes: the identifier, the phone number, the e-mail address.
    /// A key shared by more than `maximumBlock` records says too little and makes no pairs, so each family keeps
    /// what it finds on the data at hand: a key on dates alone pairs records when birth dates are spread over many
    /// years and is silent when they crowd into a few.
    func blockingKeys(_ p: PreparedRecords, _ i: Int) -> [UInt64] {
        var keys: [UInt64] = []
        let r = p.rows[i]
        let sounds = p.sounds(i)
        let initials = p.nameWords(r).map { UInt64(p.words.letters(p.refs[$0])[0]) }
        var firstLetters: [UInt64] = []
        for c in initials where !firstLetters.contains(c) { firstLetters.append(c) }
        func add(_ key: UInt64) { keys.append(key & ~(Self.restricted | Self.unchecked | Self.mistyped)) }
        /// A key on an address or a code: its pairs are compared whatever their birth dates (a date is often the
        /// field mistyped or replaced).
        func addUnchecked(_ key: UInt64) { keys.append(key & ~(Self.restricted | Self.mistyped) | Self.unchecked) }
        if r.hasYears {
            // Restricted keys: they pair a record with no birth month (an age, a year) with others only.
            for y in r.yearLow...r.yearHigh {
                for s in sounds {
                    for c in firstLetters { keys.append(Hashing.mix(s ^ 0x1A17, UInt64(y) << 8 | c) & ~(Self.unchecked | Self.mistyped) | Self.restricted) }
                }
            }
        }
        if !r.vague && r.day != 0 {
            // The date with each pair of words' first letters.
            for a in 0..<initials.count {
                for b in (a + 1)..<max(a + 1, initials.count) {
                    let pair = min(initials[a], initials[b]) << 8 | max(initials[a], initials[b])
                    add(Hashing.mix(UInt64(r.date), pair | 0xDA7F0000))
                }
            }
            // The date alone, day and month in either order.
            let (lo, hi) = (min(r.month, r.day), max(r.month, r.day))
            add(Hashing.mix(UInt64(r.year * 10_000 + lo * 100 + hi), 0xDA7E5))
        }
        // Pairs of sounds with each possible birth year (every year a child could have been born in, when nothing
        // about the birth is known), and alone.
        let years = r.hasYears ? Int(r.yearLow)...Int(r.yearHigh) : (referenceYear - 25)...referenceYear
        for a in 0..<sounds.count {
            for b in (a + 1)..<max(a + 1, sounds.count) {
                let pair = Hashing.mix(sounds[a], sounds[b] ^ 0x5EED)
                for y in years { add(Hashing.mix(pair, UInt64(y))) }
                keys.append(Hashing.mix(pair, 0x50D5) & ~(Self.restricted | Self.unchecked) | Self.mistyped)
            }
        }
        // Addresses. The street's words that name it (not "street", "place"), each with the house number and with
        // each name word's first letter: any one of them may be the word mistyped.
        let number = r.streetNumber >= 0 ? p.words.hash[Int(r.streetNumber)] : 0
        let postcode = r.postcode >= 0 ? p.words.hash[Int(r.postcode)] : 0
        let locality = r.locality >= 0 ? p.words.hash[Int(r.locality)] : 0
        if number != 0 && postcode != 0 { addUnchecked(Hashing.mix(postcode, number ^ 0xAD1)) }
        for k in p.streetWords(r) {
            let w = p.refs[k]
            let word = p.words.hash[Int(w)]
            guard p.words.letters(w).count >= 4, !WordStoreBuilder.streetTypes.contains(word) else { continue }
            if number != 0 { addUnchecked(Hashing.mix(word, number ^ 0xAD2)) }
            if postcode != 0 { addUnchecked(Hashing.mix(word, postcode ^ 0xAD3)) }
            if locality != 0 { addUnchecked(Hashing.mix(word, locality ^ 0xAD5)) }
        }
        for s in sounds {
            if postcode != 0 { addUnchecked(Hashing.mix(postcode, s ^ 0xAD4)) }
            if locality != 0 { addUnchecked(Hashing.mix(locality, s ^ 0xAD6)) }
        }
        // Codes.
        for (code, tag) in [(r.identifier, 0x1D as UInt64), (r.phone, 0x9E), (r.email, 0xE3)] where code >= 0 {
            addUnchecked(Hashing.mix(p.words.hash[Int(code)], tag))
        }
        keys.sort()
        return Linker.unique(keys)
    }

    static let restricted: UInt64 = 1 << 63
    static let unchecked: UInt64 = 1 << 62
    /// Keys on names alone: they pair records whose dates are alike but for one mistyped part, or that have no
    /// birth years at all (other keys pair names with fitting years).
    static let mistyped: UInt64 = 1 << 61

    /// Whether two postings under `key` make a candidate pair.
    @inline(__always) func allows(_ key: UInt64, _ a: PreparedRecords.Row, _ b: PreparedRecords.Row) -> Bool {
        if key & Self.unchecked != 0 { return true }
        if key & Self.mistyped != 0 { return !a.hasYears || !b.hasYears || (ComparisonVector.dateLevel(a, b) ?? 0) >= 4 }
        return (key & Self.restricted == 0 || a.vague || b.vague) && plausible(a, b)
    }

    /// A cheap second rule after blocking: known birth years must be near, or the dates alike but for one part (a
    /// year mistyped). Without it, blocks on name sounds alone fill with namesakes, and EM learns "same name" as the
    /// mark of a match.
    @inline(__always) func plausible(_ a: PreparedRecords.Row, _ b: PreparedRecords.Row) -> Bool {
        !(a.hasYears && b.hasYears) || a.yearsNear(b, tolerance: yearTolerance) || (ComparisonVector.dateLevel(a, b) ?? 0) >= 4
    }

    /// Every (key, record) posting of the rows in `range`, sorted: the key in the high bits, the row in the low
    /// `Postings.rowBits`. Equal keys form a block.
    func postings(_ p: PreparedRecords, _ range: Range<Int>) -> Postings {
        let bits = Postings.bits(for: p.count)
        let mask = ~UInt64(0) << UInt64(bits)
        let unsorted: [UInt64] = Parallel.map(Array(range)) { slice in
            var out: [UInt64] = []
            out.reserveCapacity(slice.count * 12)
            for i in slice { for key in blockingKeys(p, i) { out.append(key & mask | UInt64(i)) } }
            return out
        }
        return Postings(values: Parallel.sort(consume unsorted), rowBits: bits)
    }

    /// Candidate pairs within one set, each once.
    public func candidates(_ p: PreparedRecords) -> [(Int, Int)] { candidatePairs(p).map(Self.unpack) }

    /// Candidate pairs between the rows in `left` and those in `right`.
    public func candidates(_ p: PreparedRecords, left: Range<Int>, right: Range<Int>) -> [(Int, Int)] {
        candidatePairs(p, left: left, right: right).map(Self.unpack)
    }

    /// A pair packed in one number (its first row in the high half), so that millions of them take 8 bytes each.
    @inline(__always) static func unpack(_ pair: UInt64) -> (Int, Int) { (Int(pair >> 32), Int(pair & 0xFFFF_FFFF)) }

    /// Candidate pairs within one set, each once, packed.
    func candidatePairs(_ p: PreparedRecords) -> [UInt64] {
        let sorted = postings(p, 0..<p.count)
        let blocks = sorted.blocks()
        let found: [UInt64] = Parallel.map(blocks) { slice in
            var pairs: [UInt64] = []
            for block in slice where block.count > 1 && block.count <= maximumBlock {
                let key = sorted.key(block.lowerBound)
                for a in block {
                    let i = sorted.row(a)
                    for b in (a + 1)..<block.upperBound {
                        let j = sorted.row(b)
                        if allows(key, p.rows[i], p.rows[j]) {
                            pairs.append(UInt64(min(i, j)) << 32 | UInt64(max(i, j)))
                        }
                    }
                }
            }
            return pairs
        }
        return Self.unique(Parallel.sort(consume found))
    }

    /// Candidate pairs between the rows in `left` and those in `right`, packed.
    func candidatePairs(_ p: PreparedRecords, left: Range<Int>, right: Range<Int>) -> [UInt64] {
        let l = postings(p, left), r = postings(p, right)
        var pairs: [UInt64] = []
        var a = 0, b = 0
        while a < l.count && b < r.count {
            let (ka, kb) = (l.key(a), r.key(b))
            if ka < kb { a += 1; continue }
            if ka > kb { b += 1; continue }
            var aEnd = a, bEnd = b
            while aEnd < l.count && l.key(aEnd) == ka { aEnd += 1 }
            while bEnd < r.count && r.key(bEnd) == ka { bEnd += 1 }
            if bEnd - b <= maximumBlock && aEnd - a <= maximumBlock {
                for x in a..<aEnd {
                    let i = l.row(x)
                    for y in b..<bEnd {
                        let j = r.row(y)
                        if allows(ka, p.rows[i], p.rows[j]) {
                            pairs.append(UInt64(i) << 32 | UInt64(j))
                        }
                    }
                }
            }
            a = aEnd
            b = bEnd
        }
        return Self.unique(Parallel.sort(consume pairs))
    }

    func report(_ what: String, since start: Date) {
        progress?(String(format: "%7.2f s  ", Date().timeIntervalSince(start)) + what)
    }

    /// The sorted values, each once (in place: no second copy of millions of pairs).
    static func unique(_ sorted: consuming [UInt64]) -> [UInt64] {
        var values = sorted
        guard values.count > 1 else { return values }
        var kept = 1
        values.withUnsafeMutableBufferPointer { v in
            for k in 1..<v.count where v[k] != v[kept - 1] {
                v[kept] = v[k]
                kept += 1
            }
        }
        values.removeLast(values.count - kept)
        return values
    }

    /// Likely duplicates within one set, best first.
    public func dedupe(_ records: [MatchRecord], threshold: Double) -> (pairs: [ScoredPair], model: FellegiSunterModel) {
        let clock = Date()
        let prepared = PreparedRecords(records, referenceYear: referenceYear)
        report("prepared \(records.count) records", since: clock)
        let pairs = candidatePairs(prepared)
        report("\(pairs.count) candidate pairs from blocking", since: clock)
        let model = ModelTraining(records: prepared).train()
        report("model fitted", since: clock)
        let result = score(pairs, prepared, right: 0..<prepared.count, threshold: threshold, model: model)
        report("\(result.pairs.count) pairs scored at or above \(threshold)", since: clock)
        return result
    }

    /// Likely matches between two sets, best first. A few queries (one tracing request) give EM too little to
    /// learn from: pass a `model` fitted on the registry then.
    public func link(left: [MatchRecord], right: [MatchRecord], threshold: Double,
                     model: FellegiSunterModel? = nil) -> (pairs: [ScoredPair], model: FellegiSunterModel) {
        let clock = Date()
        let prepared = PreparedRecords(left + right, referenceYear: referenceYear)
        let (l, r) = (0..<left.count, left.count..<prepared.count)
        report("prepared \(left.count) + \(right.count) records", since: clock)
        let pairs = candidatePairs(prepared, left: l, right: r)
        report("\(pairs.count) candidate pairs from blocking", since: clock)
        let fitted = model ?? ModelTraining(records: prepared, split: left.count).train()
        report("model ready", since: clock)
        let result = score(pairs, prepared, right: r, threshold: threshold, model: fitted)
        report("\(result.pairs.count) pairs scored at or above \(threshold)", since: clock)
        return result
    }

    func score(_ pairs: [UInt64], _ p: PreparedRecords, right: Range<Int>, threshold: Double,
               model given: FellegiSunterModel? = nil) -> (pairs: [ScoredPair], model: FellegiSunterModel) {
        guard let model = given else {
            let vectors = Parallel.map(pairs) { slice in slice.map { let (i, j) = Self.unpack($0); return ComparisonVector.compare(p, i, p, j) } }
            let model = FellegiSunterModel.estimate(vectors)
            return (rank(zip(pairs, vectors).compactMap { pair, v in
                let probability = model.probability(v)
                let (i, j) = Self.unpack(pair)
                return probability >= threshold ? ScoredPair(left: p.records[i].id, right: p.records[j].id, probability: probability, vector: v) : nil
            }), model)
        }
        // A pair that cannot reach the threshold even if every field still to compare agreed is dropped without
        // comparing them: the date first, then the other fields, the name last.
        let needed = threshold <= 0 ? -Double.infinity : log2(threshold / (1 - threshold))
        let (nameIndex, dateIndex) = (MatchField.allCases.firstIndex(of: .name)!, MatchField.allCases.firstIndex(of: .birthDate)!)
        let weights = WeightTable(model)
        let best = (0..<MatchField.allCases.count).map { f in f == nameIndex || f == dateIndex ? 0 : max(0, weights.best(f)) }
        let restBound = best.reduce(0, +) + weights.prior + 2 * ValueFrequency.largestGain
        // The most a name can add: its best level's weight and the largest term-frequency adjustment.
        let bestName = max(0, weights.best(nameIndex)) + WordFrequency.largestGain
        let frequency = WordFrequency(p, right)
        let values = ValueFrequency(p, right)
        let scored: [ScoredPair] = Parallel.map(pairs) { slice in
            var out: [ScoredPair] = []
            for pair in slice {
                let (i, j) = Self.unpack(pair)
                // The date first (cheap): most candidates from names are namesakes born years apart.
                var bound = restBound
                let d = ComparisonVector.dateLevel(p.rows[i], p.rows[j])
                if let d { bound += weights[dateIndex, d] }
                guard bound + bestName >= needed else { continue }
                // Then every field but the name: most candidates from addresses are neighbours.
                let rest = ComparisonVector.compare(p, i, p, j, name: nil, date: d)
                let known = weights.total(rest) + values.adjustment(p.rows[i], p.rows[j], rest, weights)
                guard known + bestName >= needed else { continue }
                // The name last (the costly part).
                let n = ComparisonVector.nameLevel(p, i, p, j)
                var weight = known
                if let n {
                    weight += weights[nameIndex, n]
                    if n >= 2 { weight += frequency.adjustment(p, i, p, j, averageU: weights.nameU[n]) }
                }
                let probability = 1 / (1 + pow(2, -weight))
                if probability >= threshold {
                    out.append(ScoredPair(left: p.records[i].id, right: p.records[j].id, probability: probability, vector: rest.setting(.name, n)))
                }
            }
            return out
        }
        return (rank(scored), model)
    }

    func rank(_ pairs: [ScoredPair]) -> [ScoredPair] {
        pairs.sorted { ($1.probability, $0.left, $0.right) < ($0.probability, $1.left, $1.right) }
    }
}
