/// An in-memory index of registered people for answering one tracing request at a time: each person is filed
/// under their blocking keys once (a sorted list of keys), and a request compares only the people sharing a key.
public struct RegistryIndex: Sendable {
    let records: [PreparedRecord]
    let keys: [UInt64]
    let people: [Int32]
    let linker: Linker
    public let matcher: TracingMatcher
    /// A key shared by more people than this is too common to narrow the search and is not followed.
    public var maximumPosting = 20_000

    public init(_ registered: [MatchRecord], referenceYear: Int, model: FellegiSunterModel) {
        linker = Linker(referenceYear: referenceYear)
        matcher = TracingMatcher(model: model, referenceYear: referenceYear)
        records = PreparedRecord.prepare(registered, referenceYear: referenceYear)
        let postings = linker.postings(records)
        keys = postings.map(\.key)
        people = postings.map(\.index)
    }

    public var count: Int { records.count }

    /// The first position of `key` in the sorted keys.
    func lowerBound(_ key: UInt64) -> Int {
        var lo = 0, hi = keys.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if keys[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The likeliest registered people for one sought person, best first.
    public func search(_ sought: MatchRecord, limit: Int = 10, keepAbove: Double = 0.01) -> [ScoredCandidate] {
        let s = PreparedRecord(sought, referenceYear: linker.referenceYear)
        var seen = Set<Int32>()
        var model = matcher.model
        model.prior = min(0.5, 0.5 / Double(max(1, records.count)))
        var found: [ScoredCandidate] = []
        for key in Set(linker.blockingKeys(s)) {
            let start = lowerBound(key)
            var end = start
            while end < keys.count && keys[end] == key { end += 1 }
            guard end - start <= maximumPosting else { continue }
            for k in start..<end where seen.insert(people[k]).inserted {
                let r = records[Int(people[k])]
                guard linker.allows(key, s, r), linker.plausible(s, r) else { continue }
                let v = ComparisonVector.compare(s, r)
                let p = model.probability(v)
                if p >= keepAbove { found.append(ScoredCandidate(registeredID: r.record.id, probability: p, evidence: MatchEvidence.list(model, v))) }
            }
        }
        return Array(found.sorted { ($1.probability, $0.registeredID) < ($0.probability, $1.registeredID) }.prefix(limit))
    }
}
