import Foundation

/// Fits a Fellegi–Sunter model robustly when candidates are crowded with look-alikes (namesakes):
/// - u is measured on random pairs, which are nearly all different people;
/// - m is learned in two EM sessions with u held fixed: one among pairs sharing a birth date (learning every
///   field but the date), one among pairs sharing their name sounds (learning every field but the name). In each
///   session the non-matches differ at random on the fields being learned, as u assumes, so EM separates them;
/// - the prior (the share of all pairs that match) follows from the first session's expected matches, scaled up
///   by how often true matches share an exact birth date.
///
/// Linking two sets (records before `split` against those after) fits the model on the pairs that linking scores:
/// one record from each side, so the prior is the share of matches among those pairs.
struct ModelTraining {
    let records: PreparedRecords
    var split: Int?
    var randomPairs = 30_000
    var sessionCap = 200_000

    init(records: PreparedRecords, split: Int? = nil) {
        self.records = records
        self.split = split.flatMap { (1..<records.count).contains($0) ? $0 : nil }
    }

    /// Whether the pair (i, j) is one the model is fitted for.
    @inline(__always) func counts(_ i: Int, _ j: Int) -> Bool {
        guard let split else { return i != j }
        return (i < split) != (j < split)
    }

    func train() -> FellegiSunterModel? {
        guard records.count > 20 else { return nil }
        var rng = SeededGenerator(seed: UInt64(records.count) &* 2_654_435_761)
        var random: [(Int, Int)] = []
        for _ in 0..<randomPairs {
            let i = rng.int(0...((split ?? records.count) - 1)), j = rng.int((split ?? 0)...(records.count - 1))
            if counts(i, j) { random.append((i, j)) }
        }
        let records = self.records
        let randomVectors = Parallel.map(random) { slice in slice.map { ComparisonVector.compare(records, $0.0, records, $0.1) } }
        let u = FellegiSunterModel.uFromRandomPairs(randomVectors)
        let dateIndex = MatchField.allCases.firstIndex(of: .birthDate)!
        let nameIndex = MatchField.allCases.firstIndex(of: .name)!

        let (byDate, datePairs) = session { i in
            let r = records.rows[i]
            return r.date >= 0 && r.day != 0 ? Hashing.mix(UInt64(r.date), 0xDA7E) : nil
        }
        let (byName, _) = session { i in
            let sounds = records.sounds(i)
            return sounds.isEmpty ? nil : sounds.reduce(UInt64(sounds.count)) { Hashing.mix($0, $1) }
        }
        guard byDate.count >= 20, byName.count >= 20 else { return nil }
        let a = FellegiSunterModel.estimate(byDate, fixedU: u, ignoring: dateIndex)
        let b = FellegiSunterModel.estimate(byName, fixedU: u, ignoring: nameIndex)

        var model = FellegiSunterModel.initial()
        model.u = u
        model.m = MatchField.allCases.indices.map { f in
            if f == dateIndex { return b.m[f] }
            if f == nameIndex { return a.m[f] }
            return zip(a.m[f], b.m[f]).map { ($0 + $1) / 2 }
        }
        // Matches expected among all pairs: those found sharing a date, over the share of matches that do.
        let exactDate = MatchField.birthDate.levels.count - 1
        let shareWithExactDate = max(0.05, model.m[dateIndex][exactDate])
        let expectedMatches = a.prior * Double(datePairs) / shareWithExactDate
        let allPairs = split.map { Double($0) * Double(records.count - $0) } ?? Double(records.count) * Double(records.count - 1) / 2
        model.prior = min(0.5, max(1e-9, expectedMatches / allPairs))
        return model
    }

    /// Comparisons of pairs that share a key, and how many such pairs there are in all. Past the cap a random
    /// sample of them is compared, so one huge block cannot swamp the session and the count stays exact.
    func session(_ key: @escaping @Sendable (Int) -> UInt64?) -> (vectors: [ComparisonVector], pairs: Int) {
        let bits = Postings.bits(for: records.count)
        let mask = ~UInt64(0) << UInt64(bits)
        let keyed: [UInt64] = Parallel.map(Array(0..<records.count)) { slice in
            slice.compactMap { i in key(i).map { $0 & mask | UInt64(i) } }
        }
        let sorted = Postings(values: Parallel.sort(keyed), rowBits: bits)
        let blocks = sorted.blocks()
        let total = blocks.reduce(0) { sum, block in
            guard let split else { return sum + block.count * (block.count - 1) / 2 }
            let left = block.filter { sorted.row($0) < split }.count
            return sum + left * (block.count - left)
        }
        let keep = total <= sessionCap ? 1.0 : Double(sessionCap) / Double(total)
        var rng = SeededGenerator(seed: UInt64(total))
        var pairs: [(Int, Int)] = []
        for block in blocks {
            for x in block {
                for y in (x + 1)..<block.upperBound where counts(sorted.row(x), sorted.row(y)) && (keep >= 1 || rng.chance(keep)) {
                    pairs.append((sorted.row(x), sorted.row(y)))
                }
            }
        }
        let vectors = Parallel.map(pairs) { slice in slice.map { ComparisonVector.compare(records, $0.0, records, $0.1) } }
        return (vectors, total)
    }
}
