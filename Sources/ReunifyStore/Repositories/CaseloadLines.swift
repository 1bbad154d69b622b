import Foundation
import ReunifyDomain

/// Caseload lines kept between reads. A line is what a case's records give for one day (its children, days in care,
/// what is due); it is used again only for the same case, day and timeline policy, and only while the case's records
/// stamp is the one it was computed at. Every change to a record of a case raises that stamp in the change's own
/// transaction (`CaseRepository.touchRecords`), so a kept line is never older than what the database holds, and
/// servers that share a database need not share their lines. Whether a child came back into care is not kept: it
/// depends on the child's episodes in other cases, and is read each time.
public final class CaseloadLines: @unchecked Sendable {
    struct Line {
        /// What the line was computed from.
        let version: Version
        let children: [CaseloadRow.Child]
        let daysInCare: Int?
        let nextDue: DueItem?
        let planDue: DueItem?
        let deadlines: [ClockItem]
        /// The case's episodes still open, for the re-entry check.
        let openEpisodes: [(id: UUID, details: RemovalEpisodeDetails)]
        /// What in the case waits for a supervisor (records of the case, so kept with the line).
        let awaiting: CaseloadRow.Awaiting
    }

    /// What a line was computed from: the case's records stamp, the day and the timeline policy.
    struct Version: Equatable {
        let stamp: Int
        let today: CalendarDate
        let policy: TimelinePolicy
    }

    private let kept: KeptRecords<Version, Line>
    /// How many lines are kept at most; past it, all are let go and the next reads compute them again.
    public var capacity: Int { kept.capacity }

    /// How many lines were found kept and how many were computed, since the start (for tests and benchmarks).
    public var counts: (reused: Int, computed: Int) { kept.counts }

    public init(capacity: Int = 20_000) {
        kept = KeptRecords(capacity: capacity)
    }

    /// The kept lines that still hold for these cases (id and current stamp), on `today` under `policy`.
    func valid(_ cases: [(id: UUID, stamp: Int)], today: CalendarDate, policy: TimelinePolicy) -> [UUID: Line] {
        kept.valid(cases.map { ($0.id, Version(stamp: $0.stamp, today: today, policy: policy)) })
    }

    func keep(_ new: [UUID: Line]) {
        kept.keep(new.mapValues { ($0.version, $0) })
    }
}
