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

        let byDate = session { r in r.record.birthDate.flatMap { d in d.day.map { "\(d.year)-\(d.month ?? 0)-\($0)" } } }
        let byName = session { r in r.phonetic.isEmpty ? nil : r.phonetic.sorted().joined(separator: " ") }
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
        let expectedMatches = a.prior * Double(byDate.count) / shareWithExactDate
        let allPairs = Double(records.count) * Double(records.count - 1) / 2
        model.prior = min(0.5, max(1e-9, expectedMatches / allPairs))
        return model
    }

    /// Comparisons of pairs that share a key (capped, so one huge block cannot swamp the session).
    func session(_ key: (PreparedRecord) -> String?) -> [ComparisonVector] {
        var groups: [String: [Int]] = [:]
        for (i, r) in records.enumerated() { if let k = key(r) { groups[k, default: []].append(i) } }
        var vectors: [ComparisonVector] = []
        for members in groups.values where members.count > 1 {
            for x in 0..<members.count {
                for y in (x + 1)..<members.count {
                    vectors.append(ComparisonVector.compare(records[members[x]], records[members[y]]))
                    if vectors.count >= sessionCap { return vectors }
                }
            }
        }
        return vectors
    }
}
