import FluentKit
import Foundation
import ReunifyDomain
import ReunifyMatching

/// The reference matching model, fitted once per reference year and shared.
public final class ReferenceModels: @unchecked Sendable {
    public static let shared = ReferenceModels()
    private let lock = NSLock()
    private var models: [Int: FellegiSunterModel] = [:]

    public func model(year: Int) -> FellegiSunterModel {
        lock.lock()
        defer { lock.unlock() }
        if let model = models[year] { return model }
        let model = TracingMatcher.reference(referenceYear: year)
        models[year] = model
        return model
    }
}

/// Keeps stored match candidates current: a request is scored against the registry when it is filed or changed,
/// and a child against every active request when their record changes.
public struct TracingScorer: Sendable {
    let db: any Database
    let today: CalendarDate
    let now: Date
    public let matcher: TracingMatcher

    public init(_ db: any Database, today: CalendarDate, now: Date) {
        self.db = db
        self.today = today
        self.now = now
        matcher = TracingMatcher(model: ReferenceModels.shared.model(year: today.year), referenceYear: today.year)
    }

    func soughtRecord(_ request: TracingRequestModel) -> MatchRecord {
        request.details.sought.matchRecord(id: request.id!.uuidString, filedOn: request.filedDate, today: today)
    }

    /// Scores an inquiry against every traceable child and stores the likeliest; decided candidates keep a fresh score.
    public func rescore(_ request: TracingRequestModel) async throws {
        try await rescore([request])
    }

    /// Scores inquiries against the registry, read and prepared once for all of them.
    func rescore(_ requests: [TracingRequestModel]) async throws {
        let inquiries = requests.filter { $0.kindValue == .inquiry }
        guard !inquiries.isEmpty else { return }
        let registry = try await TracingRegistry(db).traceableChildren()
        let prepared = matcher.prepare(registry.map(\.record))
        for request in inquiries { try await rescore(request, registry: registry, prepared: prepared) }
    }

    private func rescore(_ request: TracingRequestModel, registry: [(person: PersonModel, record: MatchRecord)], prepared: PreparedRecords) async throws {
        let repo = TracingRepository(db)
        let sought = soughtRecord(request)
        var scores: [UUID: ScoredCandidate] = [:]
        if request.statusValue.isActive {
            for c in matcher.candidates(for: sought, among: prepared) { scores[UUID(uuidString: c.registeredID)!] = c }
        }
        for c in try await repo.candidates(of: request.typedID) where c.decisionValue != .pending && scores[c.personID] == nil {
            if let r = registry.first(where: { $0.person.id == c.personID }) {
                scores[c.personID] = matcher.score(sought, r.record, registrySize: registry.count)
            }
        }
        try await repo.storeScores(for: request.id!, scores, at: now)
        try await repo.refreshStatus(request)
    }

    /// Re-scores one person against every active inquiry, after their record (or consent, or parents) changed.
    public func rescore(personID: UUID) async throws {
        let registry = TracingRegistry(db)
        let repo = TracingRepository(db)
        let mine = try await registry.traceableChildren(only: personID).first
        let wasCandidate = !(try await repo.candidates(forPerson: personID).isEmpty)
        guard mine != nil || wasCandidate else { return }
        let size = try await registry.count()
        for request in try await repo.active() {
            let score = mine.map { matcher.score(soughtRecord(request), $0.record, registrySize: size) }
            try await repo.storeScore(requestID: request.id!, personID: personID, score, keepAbove: matcher.keepAbove, at: now)
            try await repo.refreshStatus(request)
        }
    }

    /// Re-scores the active inquiries whose stored candidates were scored by an earlier version of the engine (after
    /// an upgrade), so the evidence shown is always the current engine's. Returns how many were re-scored.
    @discardableResult
    public func rescoreStale() async throws -> Int {
        let stale = Set(try await MatchCandidateModel.query(on: db).filter(\.$engineVersion != FellegiSunterModel.engineVersion)
            .all(\.$requestID))
        guard !stale.isEmpty else { return 0 }
        let requests = try await TracingRepository(db).active().filter { stale.contains($0.id!) }
        try await rescore(requests)
        return requests.count
    }

    /// Scores every active inquiry (after loading records in bulk).
    public func rescoreAll() async throws {
        try await rescore(try await TracingRepository(db).active())
    }
}
