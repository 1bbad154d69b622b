import Vapor
import ReunifyDomain
import ReunifyStore
import ReunifyMatching

/// The request's view of the tracing scorer (its database, its day).
struct TracingService {
    let req: Request

    var scorer: TracingScorer { TracingScorer(req.db, today: req.today, now: req.now) }
    var matcher: TracingMatcher { scorer.matcher }

    func rescore(_ request: TracingRequestModel) async throws { try await scorer.rescore(request) }
    func rescore(personID: PersonID) async throws { try await scorer.rescore(personID: personID.uuid) }
}
