import Foundation
import ReunifyDomain

/// Case overviews (what the case page and the pages of a case's records show of it) kept between reads, each with the
/// records stamp it was read at. One is used again only while the case's stamp is that one; every change to a
/// record of the case, or to a person in it, raises the stamp in the change's own transaction, so a kept overview is
/// never older than what the database holds. An overview holds records only, nothing that depends on the day or on
/// who reads it: the pages apply the access policy to it on every read, as they did to one read afresh.
public final class KeptOverviews: @unchecked Sendable {
    private let kept: KeptRecords<Int, CaseOverview>
    /// How many overviews are kept at most; past it, all are let go and the next reads read them again.
    public var capacity: Int { kept.capacity }

    /// How many overviews were found kept and how many were read from the database, since the start.
    public var counts: (reused: Int, read: Int) {
        let counts = kept.counts
        return (counts.reused, counts.computed)
    }

    public init(capacity: Int = 2_000) {
        kept = KeptRecords(capacity: capacity)
    }

    func valid(_ id: UUID, stamp: Int) -> CaseOverview? {
        kept.valid([(id, stamp)])[id]
    }

    func keep(_ id: UUID, stamp: Int, _ overview: CaseOverview) {
        kept.keep([id: (stamp, overview)])
    }
}
