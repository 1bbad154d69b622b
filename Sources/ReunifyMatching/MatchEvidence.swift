import Foundation

/// One field's part in a match score: how the two records compare and how much that moves the odds.
public struct MatchEvidence: Equatable, Sendable, Codable {
    public let field: MatchField
    /// The comparison level in words ("day and month swapped"), or "not recorded on both sides".
    public let level: String
    /// log₂ of the Bayes factor m/u: +3 makes a match 8 times likelier, −3 eight times less likely; nil when missing.
    public let weight: Double?

    public init(field: MatchField, level: String, weight: Double?) {
        self.field = field
        self.level = level
        self.weight = weight
    }

    /// The level's position among the field's levels (0 = disagreement), or nil when the field was not compared or
    /// the level's words are not among this engine's (evidence stored by an older engine). Pages word the level
    /// from its position in the reader's language.
    public var levelIndex: Int? {
        guard weight != nil else { return nil }
        return field.levels.firstIndex(of: level)
    }

    /// The level's words for a field that was not recorded on both sides.
    public static let notCompared = "not recorded on both sides"

    public static func list(_ model: FellegiSunterModel, _ vector: ComparisonVector) -> [MatchEvidence] {
        model.explain(vector).map { MatchEvidence(field: $0.field, level: $0.level, weight: $0.weight) }
    }
}

/// A proposed match between a sought child and a registered one, as the matcher scores it.
public struct ScoredCandidate: Equatable, Sendable {
    public let registeredID: String
    public let probability: Double
    public let evidence: [MatchEvidence]
}

/// Scores one sought child against the registered children who may be traced (consent given).
///
/// The model is fitted once, without labels, on the synthetic generator's registry with duplicates, most with an
/// address (the same way `reunify dedupe` fits one), so scores are absolute and the same on every screen; its prior is set for one
/// sought child among the registry: at most one of the registered children is them.
public struct TracingMatcher: Sendable {
    public let model: FellegiSunterModel
    public let referenceYear: Int
    /// Pairs below this are not kept as candidates.
    public var keepAbove = 0.01
    /// A pending candidate this likely moves an open request to "match found".
    public static let likelyMatch = 0.5
    public var maximumCandidates = 10

    public init(model: FellegiSunterModel, referenceYear: Int) {
        self.model = model
        self.referenceYear = referenceYear
    }

    /// The reference model: fitted by EM on a generated registry, so it is the same on every start.
    public static func reference(referenceYear: Int) -> FellegiSunterModel {
        var generator = SyntheticPeople(seed: 11, referenceYear: referenceYear)
        generator.addressShare = 0.6
        let data = generator.dedupeSet(people: 3_000)
        return Linker(referenceYear: referenceYear).dedupe(data.records, threshold: 1).model
    }

    /// The model with its prior set for one sought child among `registrySize` registered children: half of those
    /// sought are somewhere in the registry, and then as exactly one of its children.
    func model(registrySize: Int) -> FellegiSunterModel {
        var model = self.model
        model.prior = min(0.5, 0.5 / Double(max(1, registrySize)))
        return model
    }

    /// One sought child against one registered child, in a registry of `registrySize` children.
    public func score(_ sought: MatchRecord, _ registered: MatchRecord, registrySize: Int) -> ScoredCandidate {
        let model = model(registrySize: registrySize)
        let v = ComparisonVector.compare(sought, registered, referenceYear: referenceYear)
        return ScoredCandidate(registeredID: registered.id, probability: model.probability(v), evidence: MatchEvidence.list(model, v))
    }

    /// The likeliest registered children for one sought child, best first.
    public func candidates(for sought: MatchRecord, among registered: [MatchRecord]) -> [ScoredCandidate] {
        candidates(for: sought, among: prepare(registered))
    }

    /// The registered children made ready for comparing, once for many sought children.
    public func prepare(_ registered: [MatchRecord]) -> PreparedRecords {
        PreparedRecords(registered, referenceYear: referenceYear)
    }

    /// The likeliest of the prepared registered children for one sought child, best first.
    public func candidates(for sought: MatchRecord, among all: PreparedRecords) -> [ScoredCandidate] {
        let model = model(registrySize: all.count)
        let s = PreparedRecords(sought, referenceYear: referenceYear)
        let scored = (0..<all.count).map { j in
            let v = ComparisonVector.compare(s, 0, all, j)
            return ScoredCandidate(registeredID: all.records[j].id, probability: model.probability(v), evidence: MatchEvidence.list(model, v))
        }
        return Array(scored.filter { $0.probability >= keepAbove }
            .sorted { ($1.probability, $0.registeredID) < ($0.probability, $1.registeredID) }
            .prefix(maximumCandidates))
    }
}
