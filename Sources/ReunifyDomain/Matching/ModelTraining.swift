import Foundation

/// Fits a Fellegi–Sunter model robustly when candidates are crowded with look-alikes (namesakes):
/// - u is measured on random pairs, which are nearly all different people;
/// - m is learned in two EM sessions with u held fixed: one among pairs sharing a birth date (learning every
///   field but the date), one among pairs sharing their name sounds (learning every field but the name). In each
///   session the non-matches differ at random on the fields being learned, as u assumes, so EM separates them;
/// - the prior (the share of all pairs that match) follows from the first session's expected matches, scaled up
///   by how often true matches share an exact birth date.
struct ModelTraining {
    let records: [PreparedRecord]
    var randomPairs = 30_000
    var sessionCap = 200_000

    func train() -> FellegiSunterModel? {
        guard records.count > 20 else { return nil }
        var rng = SeededGenerator(seed: UInt64(records.count) &* 2_654_435_761)
        var randomVectors: [ComparisonVector] = []
        for _ in 0..<randomPairs {
            let i = rng.int(0...(records.count - 1)), j = rng.int(0...(records.count - 1))
            if i != j { randomVectors.append(ComparisonVector.compare(records[i], records[j])) }
        }
        let u = FellegiSunterModel.uFromRandomPairs(randomVectors)
        let dateIndex = MatchField.allCases.firstIndex(of: .birthDate)!
        let nameIndex = MatchField.allCases.firstIndex(of: .name)!

        let (byDate, datePairs) = session { r in r.record.birthDate.flatMap { d in d.day.map { UInt64(d.year * 10_000 + (d.month ?? 0) * 100 + $0) } } }
        let (byName, _) = session { r in
            let sounds = r.sounds
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
        let allPairs = Double(records.count) * Double(records.count - 1) / 2
        model.prior = min(0.5, max(1e-9, expectedMatches / allPairs))
        return model
    }

    /// Comparisons of pairs that share a key, and how many such pairs there are in all. Past the cap a random
    /// sample of them is compared, so one huge block cannot swamp the session and the count stays exact.
    func session(_ key: (PreparedRecord) -> UInt64?) -> (vectors: [ComparisonVector], pairs: Int) {
        var groups: [UInt64: [Int32]] = [:]
        for (i, r) in records.enumerated() { if let k = key(r) { groups[k, default: []].append(Int32(i)) } }
        let lists = groups.values.filter { $0.count > 1 }.sorted { $0[0] < $1[0] }
        let total = lists.reduce(0) { $0 + $1.count * ($1.count - 1) / 2 }
        let keep = total <= sessionCap ? 1.0 : Double(sessionCap) / Double(total)
        var rng = SeededGenerator(seed: UInt64(total))
        var vectors: [ComparisonVector] = []
        for members in lists {
            for x in 0..<members.count {
                for y in (x + 1)..<members.count where keep >= 1 || rng.chance(keep) {
                    vectors.append(ComparisonVector.compare(records[Int(members[x])], records[Int(members[y])]))
                }
            }
        }
        return (vectors, total)
    }
}
