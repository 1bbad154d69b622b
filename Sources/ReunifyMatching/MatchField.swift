/// The fields matching compares, each with its comparison levels from disagreement (0) to exact agreement.
///
/// Postcode, locality and region are one field, `area`: among strangers, agreeing on a postcode makes agreeing on
/// its locality and region near certain, so counted apart they would tell the same thing three times over.
public enum MatchField: String, CaseIterable, Sendable, Codable {
    case name, birthDate = "birth_date", sex, place, parents, identifier
    case streetNumber = "street_number", street, area, country, phone, email

    public var levels: [String] {
        switch self {
        case .name: ["different names", "names somewhat alike", "names alike in sound or spelling", "same names, some missing", "same names"]
        case .birthDate: ["different birth dates", "an age or year that does not fit", "an age or year that fits",
                          "birth years close", "one part of the date off", "day and month swapped", "same birth date"]
        case .sex: ["different sex", "same sex"]
        case .place: ["different places", "similar place names", "same place"]
        case .parents: ["different parents' names", "similar parents' names", "same parent's name"]
        case .identifier: ["different identifiers", "identifiers one slip apart", "same identifier"]
        case .streetNumber: ["different house numbers", "house numbers one slip apart", "same house number"]
        case .street: ["different streets", "street names alike in spelling", "one street's words among the other's", "same street"]
        case .area: ["different areas", "same region only", "postcodes two slips apart", "postcodes one slip apart or localities alike",
                     "same locality", "same postcode, locality different or not given", "same postcode and locality"]
        case .country: ["different countries", "same country"]
        case .phone: ["different phone numbers", "phone numbers one slip apart", "same phone number"]
        case .email: ["different e-mail addresses", "e-mail addresses one slip apart", "same e-mail address"]
        }
    }

    public var label: String {
        switch self {
        case .name: "Name"
        case .birthDate: "Birth date"
        case .sex: "Sex"
        case .place: "Place of origin"
        case .parents: "Parents"
        case .identifier: "Identifier"
        case .streetNumber: "House number"
        case .street: "Street"
        case .area: "Postcode and locality"
        case .country: "Country"
        case .phone: "Phone"
        case .email: "E-mail"
        }
    }

    /// The field's position in a comparison vector.
    @inline(__always) var index: Int {
        switch self {
        case .name: 0
        case .birthDate: 1
        case .sex: 2
        case .place: 3
        case .parents: 4
        case .identifier: 5
        case .streetNumber: 6
        case .street: 7
        case .area: 8
        case .country: 9
        case .phone: 10
        case .email: 11
        }
    }
}

/// How two records compare, field by field: a level per field, nil where either side is missing it. Packed
/// four bits to a field, so millions of comparisons cost no allocations.
public struct ComparisonVector: Sendable, Equatable, Hashable {
    let packed: UInt64
    static let missing: UInt64 = 0xF
    /// Every field missing.
    static let none = ComparisonVector(packed: ~UInt64(0) >> UInt64(64 - 4 * MatchField.allCases.count))

    public init(levels: [Int?]) {
        var p: UInt64 = 0
        for (f, level) in levels.enumerated() { p |= (level.map { UInt64($0) } ?? Self.missing) << (4 * UInt64(f)) }
        packed = p
    }

    @inline(__always) public func level(_ f: Int) -> Int? {
        let v = (packed >> (4 * UInt64(f))) & 0xF
        return v == Self.missing ? nil : Int(v)
    }

    public var levels: [Int?] { MatchField.allCases.indices.map(level) }

    public subscript(field: MatchField) -> Int? { level(field.index) }

    func without(_ f: Int) -> ComparisonVector {
        ComparisonVector(packed: packed | Self.missing << (4 * UInt64(f)))
    }

    @inline(__always) func setting(_ field: MatchField, _ l: Int?) -> ComparisonVector {
        let shift = 4 * UInt64(field.index)
        return ComparisonVector(packed: packed & ~(Self.missing << shift) | Self.level(l) << shift)
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
        let (xw, yw) = (x.words, y.words)
        let sex: Int? = a.sex != 0 && b.sex != 0 ? (a.sex == b.sex ? 1 : 0) : nil
        var place: Int?
        if a.place >= 0 && b.place >= 0 {
            place = xw.hash[Int(a.place)] == yw.hash[Int(b.place)] ? 2 : xw.jaroWinkler(a.place, yw, b.place) >= 0.88 ? 1 : 0
        }
        // Four bits a field, in `MatchField` order.
        var p = level(name)
        p |= level(date) << 4
        p |= level(sex) << 8
        p |= level(place) << 12
        p |= level(parentsLevel(x, i, y, j)) << 16
        p |= level(slipLevel(xw, a.identifier, yw, b.identifier)) << 20
        p |= level(slipLevel(xw, a.streetNumber, yw, b.streetNumber)) << 24
        p |= level(streetLevel(x, i, y, j)) << 28
        p |= level(areaLevel(a, xw, b, yw)) << 32
        p |= level(a.country >= 0 && b.country >= 0 ? (xw.hash[Int(a.country)] == yw.hash[Int(b.country)] ? 1 : 0) : nil) << 36
        p |= level(slipLevel(xw, a.phone, yw, b.phone)) << 40
        p |= level(slipLevel(xw, a.email, yw, b.email)) << 44
        return ComparisonVector(packed: p)
    }

    @inline(__always) static func level(_ l: Int?) -> UInt64 { l.map { UInt64($0) } ?? missing }

    init(packed: UInt64) { self.packed = packed }

    /// Codes (an identifier, a house number, a phone number, an e-mail address): the same (2), one typing slip
    /// apart (1), different (0). Two one-character codes are never "one slip apart": any two digits would be.
    static func slipLevel(_ x: WordView, _ a: Int32, _ y: WordView, _ b: Int32) -> Int? {
        guard a >= 0, b >= 0 else { return nil }
        if x.hash[Int(a)] == y.hash[Int(b)] { return 2 }
        let (p, q) = (x.letters(a), y.letters(b))
        guard max(p.count, q.count) >= 2 else { return 0 }
        return EditDistance.within(1, p, q) ? 1 : 0
    }

    /// Postcode, locality and region together (see `MatchField.area`).
    static func areaLevel(_ a: PreparedRecords.Row, _ x: WordView, _ b: PreparedRecords.Row, _ y: WordView) -> Int? {
        // Postcode: 3 the same, 2 one slip apart, 1 two slips apart, 0 different, -1 not on both sides.
        var postcode = -1
        if a.postcode >= 0 && b.postcode >= 0 {
            if x.hash[Int(a.postcode)] == y.hash[Int(b.postcode)] {
                postcode = 3
            } else {
                let (p, q) = (x.letters(a.postcode), y.letters(b.postcode))
                let d = min(p.count, q.count) >= 3 ? EditDistance.bounded(p, q, limit: 2) : 3
                postcode = d == 1 ? 2 : d == 2 && p.count == q.count ? 1 : 0
            }
        }
        // Locality: 2 the same, 1 alike in spelling, 0 different, -1 not on both sides.
        var locality = -1
        if a.locality >= 0 && b.locality >= 0 {
            locality = x.hash[Int(a.locality)] == y.hash[Int(b.locality)] ? 2
                : x.jaroWinkler(a.locality, y, b.locality) >= 0.88 || x.typoApart(a.locality, y, b.locality) ? 1 : 0
        }
        if postcode == 3 { return locality >= 1 ? 6 : 5 }
        if locality == 2 { return 4 }
        if postcode == 2 || locality == 1 { return 3 }
        if postcode == 1 { return 2 }
        let region: Int? = a.region >= 0 && b.region >= 0 ? (x.hash[Int(a.region)] == y.hash[Int(b.region)] ? 1 : 0) : nil
        if postcode < 0 && locality < 0 { return region.map { $0 == 1 ? 1 : 0 } }
        return region == 1 ? 1 : 0
    }

    /// Streets: the same words (3), the shorter's words all among the longer's (2), every word of the shorter
    /// alike in spelling to one of the longer's (1), different (0).
    static func streetLevel(_ x: PreparedRecords, _ i: Int, _ y: PreparedRecords, _ j: Int) -> Int? {
        let (a, b) = (x.streetWords(x.rows[i]), y.streetWords(y.rows[j]))
        guard !a.isEmpty, !b.isEmpty else { return nil }
        return a.count <= b.count ? streetLevel(x, a, y, b) : streetLevel(y, b, x, a)
    }

    static func streetLevel(_ x: PreparedRecords, _ short: Range<Int>, _ y: PreparedRecords, _ long: Range<Int>) -> Int {
        if subset(x, short, y, long) { return short.count == long.count ? 3 : 2 }
        for k in short {
            let word = x.refs[k]
            var close = false
            for l in long {
                let other = y.refs[l]
                if x.words.hash[Int(word)] == y.words.hash[Int(other)] || x.words.jaroWinkler(word, y.words, other) >= 0.88
                    || x.words.typoApart(word, y.words, other) {
                    close = true
                    break
                }
            }
            if !close { return 0 }
        }
        return 1
    }

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
