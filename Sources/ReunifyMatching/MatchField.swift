/// The fields matching compares, each with its comparison levels from disagreement (0) to exact agreement.
public enum MatchField: String, CaseIterable, Sendable, Codable {
    case name, birthDate = "birth_date", sex, place, parents, identifier

    public var levels: [String] {
        switch self {
        case .name: ["different names", "names somewhat alike", "names alike in sound or spelling", "same names, some missing", "same names"]
        case .birthDate: ["different birth dates", "an age or year that does not fit", "an age or year that fits",
                          "birth years close", "one part of the date off", "day and month swapped", "same birth date"]
        case .sex: ["different sex", "same sex"]
        case .place: ["different places", "similar place names", "same place"]
        case .parents: ["different parents' names", "similar parents' names", "same parent's name"]
        case .identifier: ["different identifiers", "same identifier"]
        }
    }

    public var label: String {
        switch self {
        case .name: "Name"
        case .birthDate: "Birth date"
        case .sex: "Sex"
        case .place: "Place"
        case .parents: "Parents"
        case .identifier: "Identifier"
        }
    }
}

/// How two records compare, field by field: a level per field, nil where either side is missing it. Packed
/// four bits to a field, so millions of comparisons cost no allocations.
public struct ComparisonVector: Sendable, Equatable, Hashable {
    let packed: UInt32
    static let missing: UInt32 = 0xF

    public init(levels: [Int?]) {
        var p: UInt32 = 0
        for (f, level) in levels.enumerated() { p |= (level.map { UInt32($0) } ?? Self.missing) << (4 * UInt32(f)) }
        packed = p
    }

    @inline(__always) public func level(_ f: Int) -> Int? {
        let v = (packed >> (4 * UInt32(f))) & 0xF
        return v == Self.missing ? nil : Int(v)
    }

    public var levels: [Int?] { MatchField.allCases.indices.map(level) }

    public subscript(field: MatchField) -> Int? { level(MatchField.allCases.firstIndex(of: field)!) }

    func without(_ f: Int) -> ComparisonVector {
        var copy = levels
        copy[f] = nil
        return ComparisonVector(levels: copy)
    }

    /// Two records compared on their own (a test, an explanation): prepared together, then compared.
    public static func compare(_ a: MatchRecord, _ b: MatchRecord, referenceYear: Int) -> ComparisonVector {
        let both = PreparedRecords([a, b], referenceYear: referenceYear)
        return compare(both, 0, both, 1)
    }

    /// Record `i` of `x` against record `j` of `y` (the same set, or two sets).
    static func compare(_ x: PreparedRecords, _ i: Int, _ y: PreparedRecords, _ j: Int) -> ComparisonVector {
        compare(x, i, y, j, name: nameLevel(x, i, y, j), date: dateLevel(x.rows[i], y.rows[j]))
    }

    /// Years either side of an age estimate that still count as fitting: ages are given in whole years, and
    /// guessed.
    static let ageTolerance = 2

    /// The same, with the name and date levels already known.
    static func compare(_ x: PreparedRecords, _ i: Int, _ y: PreparedRecords, _ j: Int, name: Int?, date: Int?) -> ComparisonVector {
        let (a, b) = (x.rows[i], y.rows[j])
        let sex: Int? = a.sex != 0 && b.sex != 0 ? (a.sex == b.sex ? 1 : 0) : nil
        var place: Int?
        if a.place >= 0 && b.place >= 0 {
            place = x.words.hash[Int(a.place)] == y.words.hash[Int(b.place)] ? 2
                : x.words.jaroWinkler(a.place, y.words, b.place) >= 0.88 ? 1 : 0
        }
        let identifier: Int? = a.identifier != 0 && b.identifier != 0 ? (a.identifier == b.identifier ? 1 : 0) : nil
        // Four bits a field, in `MatchField` order.
        var p = level(name)
        p |= level(date) << 4
        p |= level(sex) << 8
        p |= level(place) << 12
        p |= level(parentsLevel(x, i, y, j)) << 16
        p |= level(identifier) << 20
        return ComparisonVector(packed: p)
    }

    @inline(__always) static func level(_ l: Int?) -> UInt32 { l.map { UInt32($0) } ?? missing }

    init(packed: UInt32) { self.packed = packed }

    /// Whether every word of `small` is among the words of `large`.
    static func subset(_ x: PreparedRecords, _ small: Range<Int>, _ y: PreparedRecords, _ large: Range<Int>) -> Bool {
        for k in small {
            let h = x.words.hash[Int(x.refs[k])]
            var found = false
            for l in large where y.words.hash[Int(y.refs[l])] == h {
                found = true
                break
            }
            if !found { return false }
        }
        return true
    }

    /// Names: the same words in any order (4), one name's words all within the other's (3), every word of the
    /// shorter name alike in sound, close in spelling or a typing slip from one of the longer's (2), somewhat
    /// alike on average (1), different (0).
    static func nameLevel(_ x: PreparedRecords, _ i: Int, _ y: PreparedRecords, _ j: Int) -> Int? {
        let (a, b) = (x.nameWords(x.rows[i]), y.nameWords(y.rows[j]))
        guard !a.isEmpty, !b.isEmpty else { return nil }
        return a.count <= b.count ? nameLevel(x, a, y, b) : nameLevel(y, b, x, a)
    }

    /// The name level of the words `a` of `x` against the at least as many words `b` of `y`. Spelling similarity
    /// (the costly part) is measured only when sound and exact agreement have not already decided the level.
    static func nameLevel(_ x: PreparedRecords, _ a: Range<Int>, _ y: PreparedRecords, _ b: Range<Int>) -> Int {
        var exact = 0, sounding = 0
        for k in a {
            let word = x.refs[k]
            let h = x.words.hash[Int(word)]
            var found = false, sounds = false
            for l in b {
                let other = y.refs[l]
                if y.words.hash[Int(other)] == h {
                    found = true
                    break
                }
                if !sounds && x.words.soundsLike(word, y.words, other) { sounds = true }
            }
            if found { exact += 1 } else if sounds { sounding += 1 }
        }
        if exact == a.count { return a.count == b.count ? 4 : 3 }
        if exact + sounding == a.count { return 2 }
        var alike = true
        var total = 0.0
        for k in a {
            let word = x.refs[k]
            var best = 0.0
            var close = false
            for l in b {
                let other = y.refs[l]
                if x.words.hash[Int(word)] == y.words.hash[Int(other)] {
                    best = 1
                    close = true
                    break
                }
                best = max(best, x.words.jaroWinkler(word, y.words, other))
                if !close && x.words.soundsLike(word, y.words, other) { close = true }
            }
            if !close && best < 0.92 {
                for l in b where x.words.typoApart(word, y.words, y.refs[l]) {
                    close = true
                    break
                }
            }
            total += best
            if !(close || best >= 0.92) { alike = false }
        }
        if alike { return 2 }
        return total / Double(a.count) >= 0.8 ? 1 : 0
    }

    /// Birth dates, both known to the month: the same (6), day and month swapped (5), one part off or the same year
    /// and month (4), birth years within the tolerance (3), further apart (0). When either side is known only by an
    /// age or a year, the comparison is of another kind — whether the estimate fits (2) or not (1) — and has its own
    /// weights: an exact date cannot agree with an age, so a fitting age is evidence for a match, not against.
    static func dateLevel(_ a: PreparedRecords.Row, _ b: PreparedRecords.Row) -> Int? {
        if !a.vague && !b.vague {
            if a.date == b.date && a.day != 0 { return 6 }
            if a.year == b.year, a.day != 0, b.day != 0, a.month == b.day, a.day == b.month, a.month != b.month { return 5 }
            let dayAgrees = a.day == b.day || a.day == 0 || b.day == 0
            let off = (a.year == b.year ? 0 : 1) + (a.month == b.month ? 0 : 1) + (dayAgrees ? 0 : 1)
            if off == 1 || (a.year == b.year && a.month == b.month) { return 4 }
        }
        guard a.hasYears, b.hasYears else { return nil }
        let near = a.yearsNear(b, tolerance: ageTolerance)
        if a.vague || b.vague { return near ? 2 : 1 }
        return near ? 3 : 0
    }

    /// Parents' names: the same when the shorter name's words all appear in the longer ("Fatima" and "Fatima
    /// Alhassan"), similar when each of its words is close in spelling or sound to one of the longer's.
    static func parentsLevel(_ x: PreparedRecords, _ i: Int, _ y: PreparedRecords, _ j: Int) -> Int? {
        let (pa, pb) = (x.parents(x.rows[i]), y.parents(y.rows[j]))
        guard !pa.isEmpty, !pb.isEmpty else { return nil }
        var best = 0
        for p in pa {
            for q in pb {
                let level = p.count <= q.count ? parentLevel(x, p, y, q) : parentLevel(y, q, x, p)
                if level == 2 { return 2 }
                best = max(best, level)
            }
        }
        return best
    }

    /// One parent's name `short` of `x` against a name `long` of `y` with at least as many words.
    static func parentLevel(_ x: PreparedRecords, _ short: Range<Int>, _ y: PreparedRecords, _ long: Range<Int>) -> Int {
        if subset(x, short, y, long) { return 2 }
        for k in short {
            let word = x.refs[k]
            var close = false
            for l in long {
                let other = y.refs[l]
                if x.words.soundsLike(word, y.words, other) || x.words.jaroWinkler(word, y.words, other) >= 0.9
                    || x.words.typoApart(word, y.words, other) {
                    close = true
                    break
                }
            }
            if !close { return 0 }
        }
        return 1
    }
}
