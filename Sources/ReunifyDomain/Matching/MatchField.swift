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

/// How two records compare, field by field: a level per field, nil where either side is missing it.
public struct ComparisonVector: Sendable, Equatable, Hashable {
    public let levels: [Int?]

    public init(levels: [Int?]) { self.levels = levels }

    public subscript(field: MatchField) -> Int? { levels[MatchField.allCases.firstIndex(of: field)!] }

    public static func compare(_ a: PreparedRecord, _ b: PreparedRecord, ageTolerance: Int = 2) -> ComparisonVector {
        ComparisonVector(levels: MatchField.allCases.map { field in
            switch field {
            case .name: nameLevel(a, b)
            case .birthDate: dateLevel(a, b, tolerance: ageTolerance)
            case .sex:
                if let x = a.record.sex, let y = b.record.sex, x != .unknown, y != .unknown { x == y ? 1 : 0 } else { nil }
            case .place:
                if let x = a.place, let y = b.place { x == y ? 2 : JaroWinkler.similarity(x, y) >= 0.88 ? 1 : 0 } else { nil }
            case .parents: parentsLevel(a, b)
            case .identifier:
                if let x = a.record.identifier, let y = b.record.identifier, !x.isEmpty, !y.isEmpty {
                    SearchText.fold(x) == SearchText.fold(y) ? 1 : 0
                } else { nil }
            }
        })
    }

    static func nameLevel(_ a: PreparedRecord, _ b: PreparedRecord) -> Int? {
        guard !a.tokens.isEmpty, !b.tokens.isEmpty else { return nil }
        if a.tokenSet == b.tokenSet { return 4 }
        let (small, large) = a.tokens.count <= b.tokens.count ? (a, b) : (b, a)
        if small.tokenSet.isSubset(of: large.tokenSet) { return 3 }
        var alike = true
        var total = 0.0
        for (i, token) in small.tokens.enumerated() {
            var best = 0.0
            var sounds = false
            for (j, other) in large.tokens.enumerated() {
                best = max(best, JaroWinkler.similarity(token, other))
                if !small.phonetic[i].isEmpty && small.phonetic[i] == large.phonetic[j] { sounds = true }
            }
            total += best
            if !(sounds || best >= 0.92) { alike = false }
        }
        if alike { return 2 }
        return total / Double(small.tokens.count) >= 0.8 ? 1 : 0
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
                if Set(short).isSubset(of: Set(long)) { return 2 }
                let close = short.allSatisfy { word in
                    long.contains { JaroWinkler.similarity(word, $0) >= 0.9 || PhoneticKey.of(word) == PhoneticKey.of($0) }
                }
                if close { best = 1 }
            }
        }
        return best
    }
}
