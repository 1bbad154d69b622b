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
        all.reserveCapacity(items.count)
        for k in 0..<slices { all.append(contentsOf: out[k]) }
        return all
    }
}
