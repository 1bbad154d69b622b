import Foundation

/// Values computed from a case's records, kept between reads by case id, each with the version of what it was
/// computed from (at least the case's records stamp, which every change to a record of the case raises in the
/// change's own transaction). A value is handed out again only while the version asked for is the one it was kept
/// with. At most `capacity` are kept; past it, all are let go and the next reads compute them again. The caseload's
/// lines and the case overviews are kept this way.
final class KeptRecords<Version: Equatable, Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [UUID: (version: Version, value: Value)] = [:]
    let capacity: Int
    private var reused = 0
    private var computed = 0

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// How many values were found kept and how many were computed, since the start.
    var counts: (reused: Int, computed: Int) {
        lock.lock()
        defer { lock.unlock() }
        return (reused, computed)
    }

    /// The kept values that still hold for these ids at these versions.
    func valid(_ wanted: [(id: UUID, version: Version)]) -> [UUID: Value] {
        lock.lock()
        defer { lock.unlock() }
        var found: [UUID: Value] = [:]
        for (id, version) in wanted {
            if let kept = values[id], kept.version == version { found[id] = kept.value }
        }
        reused += found.count
        return found
    }

    func keep(_ new: [UUID: (version: Version, value: Value)]) {
        lock.lock()
        defer { lock.unlock() }
        if values.count + new.count > capacity { values.removeAll(keepingCapacity: true) }
        values.merge(new) { _, latest in latest }
        computed += new.count
    }
}
