/// Jaro–Winkler similarity of two strings, 0 (nothing alike) to 1 (the same), favouring a shared start —
/// how typed names usually differ.
public enum JaroWinkler {
    public static func similarity(_ a: String, _ b: String) -> Double {
        genericSimilarity(Array(a), Array(b))
    }

    static func genericSimilarity<C: Equatable>(_ s: [C], _ t: [C]) -> Double {
        if s.isEmpty && t.isEmpty { return 1 }
        if s.isEmpty || t.isEmpty { return 0 }
        let window = max(0, max(s.count, t.count) / 2 - 1)
        var sMatched = [Bool](repeating: false, count: s.count)
        var tMatched = [Bool](repeating: false, count: t.count)
        var matches = 0
        for i in 0..<s.count {
            let lo = max(0, i - window), hi = min(t.count - 1, i + window)
            guard lo <= hi else { continue }
            for j in lo...hi where !tMatched[j] && s[i] == t[j] {
                sMatched[i] = true
                tMatched[j] = true
                matches += 1
                break
            }
        }
        guard matches > 0 else { return 0 }
        var transpositions = 0
        var k = 0
        for i in 0..<s.count where sMatched[i] {
            while !tMatched[k] { k += 1 }
            if s[i] != t[k] { transpositions += 1 }
            k += 1
        }
        return combine(matches: matches, transpositions: transpositions, s, t)
    }

    /// The same measure on bytes, without allocating: the matcher's inner loop.
    static func similarity(_ s: [UInt8], _ t: [UInt8]) -> Double {
        s.withUnsafeBufferPointer { s in t.withUnsafeBufferPointer { t in similarity(s, t) } }
    }

    static func similarity(_ s: UnsafeBufferPointer<UInt8>, _ t: UnsafeBufferPointer<UInt8>) -> Double {
        if s.isEmpty && t.isEmpty { return 1 }
        if s.isEmpty || t.isEmpty { return 0 }
        guard s.count <= 64, t.count <= 64 else { return genericSimilarity(Array(s), Array(t)) }
        let window = max(0, max(s.count, t.count) / 2 - 1)
        var sMatched: UInt64 = 0, tMatched: UInt64 = 0
        var matches = 0
        for i in 0..<s.count {
            let lo = max(0, i - window), hi = min(t.count - 1, i + window)
            guard lo <= hi else { continue }
            for j in lo...hi where tMatched & (1 << UInt64(j)) == 0 && s[i] == t[j] {
                sMatched |= 1 << UInt64(i)
                tMatched |= 1 << UInt64(j)
                matches += 1
                break
            }
        }
        guard matches > 0 else { return 0 }
        var transpositions = 0
        var k = 0
        for i in 0..<s.count where sMatched & (1 << UInt64(i)) != 0 {
            while tMatched & (1 << UInt64(k)) == 0 { k += 1 }
            if s[i] != t[k] { transpositions += 1 }
            k += 1
        }
        return combine(matches: matches, transpositions: transpositions, s, t)
    }

    /// Jaro from the matches and transpositions, raised by Winkler's bonus for a shared start of up to four.
    static func combine<S: RandomAccessCollection>(matches: Int, transpositions: Int, _ s: S, _ t: S) -> Double
        where S.Element: Equatable, S.Index == Int {
        let m = Double(matches)
        let jaro = (m / Double(s.count) + m / Double(t.count) + (m - Double(transpositions) / 2) / m) / 3
        var prefix = 0
        while prefix < min(4, s.count, t.count) && s[prefix] == t[prefix] { prefix += 1 }
        return jaro + Double(prefix) * 0.1 * (1 - jaro)
    }
}
