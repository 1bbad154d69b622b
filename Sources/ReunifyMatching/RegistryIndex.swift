/// An in-memory index of registered people for answering one tracing request at a time: each person is filed
/// under their blocking keys once (a sorted list of keys), and a request compares only the people sharing a key.
public struct RegistryIndex: Sendable {
    let records: PreparedRecords
    let postings: Postings
    let linker: Linker
    public let matcher: TracingMatcher
    /// A key shared by more people than this is too common to narrow the search and is not followed.
    public var maximumPosting = 20_000

    public init(_ registered: [MatchRecord], referenceYear: Int, model: FellegiSunterModel) {
        linker = Linker(referenceYear: referenceYear)
        matcher = TracingMatcher(model: model, referenceYear: referenceYear)
        records = PreparedRecords(registered, referenceYear: referenceYear)
        postings = linker.postings(records, 0..<records.count)
    }

    public var count: Int { records.count }

    /// The first position of `key` among the sorted postings.
    func lowerBound(_ key: UInt64) -> Int {
        var lo = 0, hi = postings.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if postings.key(mid) < key { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The likeliest registered people for one sought person, best first.
    public func search(_ sought: MatchRecord, limit: Int = 10, keepAbove: Double = 0.01) -> [ScoredCandidate] {
        let s = PreparedRecords(sought, referenceYear: linker.referenceYear)
        var seen = Set<Int>()
        var model = matcher.model
        model.prior = min(0.5, 0.5 / Double(max(1, records.count)))
        var found: [ScoredCandidate] = []
        for key in linker.blockingKeys(s, 0) {
            let k = key & postings.mask
            let start = lowerBound(k)
            var end = start
            while end < postings.count && postings.key(end) == k { end += 1 }
            guard end - start <= maximumPosting else { continue }
            for posting in start..<end where seen.insert(postings.row(posting)).inserted {
                let r = postings.row(posting)
                guard linker.allows(k, s.rows[0], records.rows[r]) else { continue }
                let v = ComparisonVector.compare(s, 0, records, r)
                let p = model.probability(v)
                if p >= keepAbove { found.append(ScoredCandidate(registeredID: records.records[r].id, probability: p, evidence: MatchEvidence.list(model, v))) }
            }
        }
        return Array(found.sorted { ($1.probability, $0.registeredID) < ($0.probability, $1.registeredID) }.prefix(limit))
    }
}
