import Dispatch
import Foundation

/// Work split across the machine's cores in contiguous slices; results come back in order. The work must only
/// read what it shares (each slice writes its own result), which is why the unchecked box below is sound.
enum Parallel {
    static var cores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    private final class Job<T, R>: @unchecked Sendable {
        let items: [T]
        let work: (ArraySlice<T>) -> [R]
        init(_ items: [T], _ work: @escaping (ArraySlice<T>) -> [R], slices: Int) {
            self.items = items
            self.work = work
        }
        func run(_ k: Int, size: Int) -> [R] {
            let lo = k * size, hi = min(items.count, lo + size)
            return lo < hi ? work(items[lo..<hi]) : []
        }
    }

    static func map<T, R>(_ items: [T], minimumSlice: Int = 2_048, slicesPerCore: Int = 4,
                          _ work: @escaping (ArraySlice<T>) -> [R]) -> [R] {
        let slices = min(cores * slicesPerCore, max(1, items.count / minimumSlice))
        guard slices > 1 else { return work(items[...]) }
        let size = (items.count + slices - 1) / slices
        let job = Job(items, work, slices: slices)
        let out = UnsafeMutablePointer<[R]>.allocate(capacity: slices)
        out.initialize(repeating: [], count: slices)
        defer {
            out.deinitialize(count: slices)
            out.deallocate()
        }
        let address = Int(bitPattern: out)
        DispatchQueue.concurrentPerform(iterations: slices) { k in
            let result = job.run(k, size: size)
            UnsafeMutablePointer<[R]>(bitPattern: address)!.advanced(by: k).pointee = result
        }
        var all: [R] = []
        all.reserveCapacity((0..<slices).reduce(0) { $0 + out[$1].count })
        for k in 0..<slices {
            all.append(contentsOf: out[k])
            out[k] = []
        }
        return all
    }
}

extension Parallel {
    /// Runs `count` jobs, each on a core of its own while cores last; the results come back in order.
    static func jobs<R>(_ count: Int, _ work: @escaping (Int) -> R) -> [R] {
        map(Array(0..<count), minimumSlice: 1, slicesPerCore: max(1, (count + cores - 1) / cores)) { $0.map(work) }
    }

    /// Sorts on every core: each core sorts a run, then the runs are merged. The input is let go of as soon as the
    /// runs are made, so that sorting millions of values holds as few copies of them as it can.
    static func sort(_ input: consuming [UInt64]) -> [UInt64] {
        let values = input
        let runsCount = values.count < 65_536 ? 1 : cores
        guard runsCount > 1 else { return radixSorted(values[...]) }
        let size = (values.count + runsCount - 1) / runsCount
        let count = values.count
        var runs = jobs(runsCount) { k in radixSorted(values[min(count, k * size)..<min(count, (k + 1) * size)]) }
        _ = consume values
        while runs.count > 1 {
            var next: [[UInt64]] = []
            for k in stride(from: 0, to: runs.count, by: 2) {
                next.append(k + 1 < runs.count ? merge(runs[k], runs[k + 1]) : runs[k])
            }
            runs = next
        }
        return runs[0]
    }

    /// Least-significant-digit radix sort, a byte at a time; a byte on which all values agree costs no pass.
    static func radixSorted(_ input: ArraySlice<UInt64>) -> [UInt64] {
        var values = Array(input)
        guard values.count > 256 else { return values.sorted() }
        var counts = [Int](repeating: 0, count: 8 * 256)
        for v in values { for d in 0..<8 { counts[d * 256 + Int((v >> UInt64(d * 8)) & 0xFF)] += 1 } }
        var scratch = [UInt64](repeating: 0, count: values.count)
        for d in 0..<8 where !counts[(d * 256)..<(d * 256 + 256)].contains(values.count) {
            var offsets = [Int](repeating: 0, count: 256)
            var sum = 0
            for b in 0..<256 {
                offsets[b] = sum
                sum += counts[d * 256 + b]
            }
            let shift = UInt64(d * 8)
            values.withUnsafeBufferPointer { from in
                scratch.withUnsafeMutableBufferPointer { to in
                    offsets.withUnsafeMutableBufferPointer { offsets in
                        for v in from {
                            let b = Int((v >> shift) & 0xFF)
                            to[offsets[b]] = v
                            offsets[b] += 1
                        }
                    }
                }
            }
            swap(&values, &scratch)
        }
        return values
    }

    static func merge(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        var out: [UInt64] = []
        out.reserveCapacity(a.count + b.count)
        var (i, j) = (0, 0)
        while i < a.count && j < b.count {
            if a[i] <= b[j] { out.append(a[i]); i += 1 } else { out.append(b[j]); j += 1 }
        }
        out.append(contentsOf: a[i...])
        out.append(contentsOf: b[j...])
        return out
    }
}

/// Blocking postings, sorted: each value holds a key in its high bits and a record's row in the low `rowBits`.
struct Postings {
    let values: [UInt64]
    let rowBits: Int

    var count: Int { values.count }
    var mask: UInt64 { ~UInt64(0) << UInt64(rowBits) }

    /// Bits enough to number `rows` rows.
    static func bits(for rows: Int) -> Int { max(1, Int.bitWidth - max(1, rows).leadingZeroBitCount) }

    @inline(__always) func key(_ k: Int) -> UInt64 { values[k] & mask }
    @inline(__always) func row(_ k: Int) -> Int { Int(values[k] & ~mask) }

    /// The runs of two or more equal keys.
    func blocks() -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        while start < values.count {
            var end = start + 1
            while end < values.count && key(end) == key(start) { end += 1 }
            if end - start > 1 { out.append(start..<end) }
            start = end
        }
        return out
    }
}
