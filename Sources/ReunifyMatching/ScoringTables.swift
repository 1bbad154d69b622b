import Foundation

/// A fitted model's weights held inline (no arrays to share between cores) for the scoring loop.
struct WeightTable {
    static let stride = 8
    var weights = InlineArray<128, Double>(repeating: 0)
    var counts = InlineArray<16, Int>(repeating: 0)
    /// u of each area and street level, for term-frequency adjustment.
    var areaU = InlineArray<8, Double>(repeating: 1)
    var streetU = InlineArray<8, Double>(repeating: 1)
    /// u of each name level, for term-frequency adjustment.
    var nameU = InlineArray<8, Double>(repeating: 1)
    let prior: Double
    static let fields = MatchField.allCases.count

    init(_ model: FellegiSunterModel) {
        prior = model.priorWeight
        let w = model.weights
        for f in w.indices {
            counts[f] = w[f].count
            for (level, x) in w[f].enumerated() { weights[f * Self.stride + level] = x }
        }
        for (level, u) in model.u[MatchField.name.index].enumerated() { nameU[level] = u }
        for (level, u) in model.u[MatchField.area.index].enumerated() { areaU[level] = u }
        for (level, u) in model.u[MatchField.street.index].enumerated() { streetU[level] = u }
    }

    @inline(__always) subscript(field: Int, level: Int) -> Double { weights[field * Self.stride + level] }

    func best(_ field: Int) -> Double { (0..<counts[field]).map { self[field, $0] }.max() ?? 0 }

    /// The prior's weight plus every recorded field's.
    @inline(__always) func total(_ v: ComparisonVector) -> Double {
        var sum = prior
        for f in 0..<Self.fields { if let level = v.level(f) { sum += self[f, level] } }
        return sum
    }
}

/// How common each name word and each name sound is, for term-frequency adjustment: two records agreeing on a rare
/// name (or misspelling one alike) are stronger evidence of one person than two agreeing on a common one. The
/// model's u for "same names" or "names alike" is an average over all names; for a given pair it is replaced by the
/// chance that a random record carries such a name.
struct WordFrequency {
    /// Records carrying each word of the store, among the counted rows.
    let counts: [Int32]
    let total: Double

    /// Records carrying a word that sounds like each word of the store (the same primary sound code).
    let soundCounts: [Int32]

    init(_ p: PreparedRecords, _ rows: Range<Int>) {
        var counts = [Int32](repeating: 0, count: p.words.count)
        for i in rows { for k in p.nameWords(p.rows[i]) { counts[Int(p.refs[k])] += 1 } }
        var bySound: [UInt64: Int32] = [:]
        for w in 0..<p.words.count where counts[w] > 0 && p.words.sound[w] != 0 { bySound[p.words.sound[w], default: 0] += counts[w] }
        soundCounts = (0..<p.words.count).map { w in max(counts[w], bySound[p.words.sound[w]] ?? 0) }
        self.counts = counts
        total = Double(max(1, rows.count))
    }

    /// log2 of (average u / this pair's u) for names the same or alike, bounded so one rare name cannot decide a
    /// match on its own. Both records belong to the set the counts were made from.
    func adjustment(_ x: PreparedRecords, _ i: Int, _ y: PreparedRecords, _ j: Int, averageU: Double) -> Double {
        let (a, b) = (x.nameWords(x.rows[i]), y.nameWords(y.rows[j]))
        let u = a.count <= b.count ? chance(x, a, y, b) : chance(y, b, x, a)
        let bounded = min(max(u, averageU / Self.largestFactor), averageU * Self.smallestFactor)
        return log2(averageU / bounded)
    }

    /// How much rarer (or commoner) than average a pair's names may count: at most 64 times the evidence, at
    /// least a sixteenth.
    static let largestFactor = 64.0
    static let smallestFactor = 16.0
    /// The most an adjustment adds, in bits.
    static let largestGain = log2(largestFactor)

    /// The chance that a stranger has a name like `small` (the words of `x` compared with the at least as many
    /// words `large` of `y`): each word's own frequency where the two agree exactly, its sound's frequency where they
    /// only sound or look alike.
    private func chance(_ x: PreparedRecords, _ small: Range<Int>, _ y: PreparedRecords, _ large: Range<Int>) -> Double {
        var u = 1.0
        for k in small {
            let w = Int(x.refs[k])
            var exact = false
            for l in large where y.words.hash[Int(y.refs[l])] == x.words.hash[w] {
                exact = true
                break
            }
            let n = w < counts.count ? (exact ? counts[w] : soundCounts[w]) : 1
            u *= Double(max(1, n)) / total
        }
        return u
    }
}

/// How common each postcode, locality and street is, for term-frequency adjustment: two records at the same
/// address in a small town are stronger evidence than two in a city's busiest postcode. As for names, the model's
/// average u for the level is replaced by the chance that a random record has this value, within bounds.
struct ValueFrequency {
    let postcodes: [Int32: Int32]
    let localities: [Int32: Int32]
    let streets: [UInt64: Int32]
    let total: Double

    init(_ p: PreparedRecords, _ rows: Range<Int>) {
        var postcodes: [Int32: Int32] = [:], localities: [Int32: Int32] = [:], streets: [UInt64: Int32] = [:]
        for i in rows {
            let r = p.rows[i]
            if r.postcode >= 0 { postcodes[r.postcode, default: 0] += 1 }
            if r.locality >= 0 { localities[r.locality, default: 0] += 1 }
            if r.streetKey != 0 { streets[r.streetKey, default: 0] += 1 }
        }
        (self.postcodes, self.localities, self.streets) = (postcodes, localities, streets)
        total = Double(max(1, rows.count))
    }

    static let largestGain = WordFrequency.largestGain

    /// The adjustment, in bits, for a pair agreeing exactly on a postcode, a locality or a street.
    @inline(__always) func adjustment(_ a: PreparedRecords.Row, _ b: PreparedRecords.Row, _ v: ComparisonVector, _ weights: WeightTable) -> Double {
        var sum = 0.0
        if let level = v[.area] {
            let count: Int32? = level >= 5 ? postcodes[a.postcode] : level == 4 ? localities[a.locality] : nil
            if let count { sum += Self.bits(averageU: weights.areaU[level], count: count, total: total) }
        }
        if v[.street] == 3, let count = streets[a.streetKey] {
            sum += Self.bits(averageU: weights.streetU[3], count: count, total: total)
        }
        return sum
    }

    @inline(__always) static func bits(averageU: Double, count: Int32, total: Double) -> Double {
        let u = Double(max(1, count)) / total
        let bounded = min(max(u, averageU / WordFrequency.largestFactor), averageU * WordFrequency.smallestFactor)
        return log2(averageU / bounded)
    }
}
