/// The fields matching compares, each with its comparison levels from disagreement (0) to exact agreement.
public enum MatchField: String, CaseIterable, Sendable, Codable {
    case name, birthDate = "birth_date", sex, place, parents, identifier

    public var levels: [String] {
        switch self {
        case .name: ["different names", "names somewhat alike", "names alike in sound or spelling", "same names, some missing", "same names"]
        case .birthDate: ["different birth dates", "birth years within the age estimate", "one part of the date off", "day and month swapped", "same birth date"]
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

    public static func compare(_ a: PreparedRecord, _ b: PreparedRecord, ageTolerance: Int = 2) -> ComparisonVector {
        let sex: Int? = if let x = a.record.sex, let y = b.record.sex, x != .unknown, y != .unknown { x == y ? 1 : 0 } else { nil }
        let place: Int? = if let x = a.place, let y = b.place { x.hash == y.hash ? 2 : JaroWinkler.similarity(x.letters, y.letters) >= 0.88 ? 1 : 0 } else { nil }
        var identifier: Int?
        if let x = a.record.identifier, let y = b.record.identifier, !x.isEmpty, !y.isEmpty {
            identifier = SearchText.fold(x) == SearchText.fold(y) ? 1 : 0
        }
        return ComparisonVector(levels: [nameLevel(a, b), dateLevel(a, b, tolerance: ageTolerance), sex, place, parentsLevel(a, b), identifier])
    }

    static func sameWords(_ x: [Word], _ y: [Word]) -> Bool {
        x.count == y.count && x.allSatisfy { w in y.contains { $0.hash == w.hash } }
    }

    static func subset(_ small: [Word], of large: [Word]) -> Bool {
        small.allSatisfy { w in large.contains { $0.hash == w.hash } }
    }

    static func nameLevel(_ a: PreparedRecord, _ b: PreparedRecord) -> Int? {
        guard !a.words.isEmpty, !b.words.isEmpty else { return nil }
        if sameWords(a.words, b.words) { return 4 }
        let (small, large) = a.words.count <= b.words.count ? (a.words, b.words) : (b.words, a.words)
        if subset(small, of: large) { return 3 }
        var alike = true
        var total = 0.0
        for word in small {
            var best = 0.0
            var sounds = false
            for other in large {
                best = max(best, word.hash == other.hash ? 1 : JaroWinkler.similarity(word.letters, other.letters))
                if word.soundsLike(other) { sounds = true }
            }
            total += best
            if !(sounds || best >= 0.92) { alike = false }
        }
        if alike { return 2 }
        return total / Double(small.count) >= 0.8 ? 1 : 0
    }

    static func dateLevel(_ a: PreparedRecord, _ b: PreparedRecord, tolerance: Int) -> Int? {
        if let x = a.record.birthDate, let y = b.record.birthDate, x.month != nil && y.month != nil {
            if x == y && x.day != nil { return 4 }
            if let xm = x.month, let ym = y.month, let xd = x.day, let yd = y.day, x.year == y.year, xm == yd, xd == ym, xm != ym { return 3 }
            let parts = [x.year == y.year, x.month == y.month, x.day == y.day || x.day == nil || y.day == nil]
            if parts.filter({ !$0 }).count == 1 { return 2 }
            if x.year == y.year && (x.month == nil || y.month == nil || x.month == y.month) { return 2 }
        }
        guard let ra = a.birthYears, let rb = b.birthYears else { return nil }
        let near = ra.lowerBound - tolerance <= rb.upperBound && rb.lowerBound - tolerance <= ra.upperBound
        return near ? 1 : 0
    }

    /// Parents' names: the same when the shorter name's words all appear in the longer ("Fatima" and "Fatima
    /// Alhassan"), similar when each of its words is close in spelling or sound to one of the longer's.
    static func parentsLevel(_ a: PreparedRecord, _ b: PreparedRecord) -> Int? {
        guard !a.parents.isEmpty, !b.parents.isEmpty else { return nil }
        var best = 0
        for x in a.parents {
            for y in b.parents {
                let (short, long) = x.count <= y.count ? (x, y) : (y, x)
                if subset(short, of: long) { return 2 }
                let close = short.allSatisfy { word in
                    long.contains { $0.soundsLike(word) || JaroWinkler.similarity(word.letters, $0.letters) >= 0.9 }
                }
                if close { best = 1 }
            }
        }
        return best
    }
}
