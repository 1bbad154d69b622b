/// Typing slips between two words: letters added, dropped or changed, and two neighbouring letters swapped (the
/// optimal-string-alignment form of Damerau–Levenshtein distance). Jaro–Winkler undervalues one changed letter
/// in a long word ("varyurbrennim"/"vaiyurbrennim" scores 0.90); a count of slips does not.
public enum EditDistance {
    public static func distance(_ a: String, _ b: String) -> Int {
        let (x, y) = (Array(a.utf8), Array(b.utf8))
        return x.withUnsafeBufferPointer { x in y.withUnsafeBufferPointer { y in bounded(x, y, limit: max(x.count, y.count)) } }
    }

    /// Whether `x` and `y` are at most `limit` slips apart.
    static func within(_ limit: Int, _ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
        abs(x.count - y.count) <= limit && bounded(x, y, limit: limit) <= limit
    }

    /// The distance, or `limit + 1` as soon as it is known to exceed `limit`.
    static func bounded(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>, limit: Int) -> Int {
        let (n, m) = (x.count, y.count)
        if n == 0 || m == 0 { return min(limit + 1, max(n, m)) }
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * (m + 1)) { buffer in
            // Three rows: two back (for swaps), one back, and the current one.
            var before = buffer.baseAddress!, previous = before + (m + 1), current = previous + (m + 1)
            for j in 0...m { previous[j] = j; before[j] = j }
            for i in 1...n {
                current[0] = i
                var rowBest = i
                for j in 1...m {
                    let cost = x[i - 1] == y[j - 1] ? 0 : 1
                    var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                    if i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1] { d = min(d, before[j - 2] + 1) }
                    current[j] = d
                    rowBest = min(rowBest, d)
                }
                if rowBest > limit { return limit + 1 }
                (before, previous, current) = (previous, current, before)
            }
            return min(previous[m], limit + 1)
        }
    }
}
