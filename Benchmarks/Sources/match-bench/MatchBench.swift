import ArgumentParser
import Foundation
import ReunifyMatching

/// Generates the synthetic data sets, and measures Reunify's matcher on them: quality against the generator's
/// truth, wall-clock time and the process's peak memory.
@main
struct MatchBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match-bench",
        abstract: "Benchmarks for Reunify's record matching.",
        subcommands: [Generate.self, Dedupe.self, Link.self, Query.self, Calibration.self])
}

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write a data set as CSV with its truth (id,person).")
    @Option(help: "dedupe or link") var kind: String
    @Option(help: "dedupe: records (about); link: requests on the left") var size: Int
    @Option(help: "link: registered people on the right") var registry: Int = 0
    @Option(help: "Folder to write into") var out: String
    @Option var seed: UInt64 = 2026

    func run() throws {
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let generator = SyntheticPeople(seed: seed, referenceYear: 2026)
        if kind == "dedupe" {
            // About 1.75 records per person at the default duplicate share.
            let data = generator.dedupeSet(people: Int(Double(size) / 1.75))
            try BenchCSV.people(data.records).write(toFile: out + "/people.csv", atomically: true, encoding: .utf8)
            try BenchCSV.truth(data.person).write(toFile: out + "/truth.csv", atomically: true, encoding: .utf8)
            print("wrote \(data.records.count) records")
        } else {
            let sets = generator.linkSets(registry: registry, requests: size)
            try BenchCSV.people(sets.left).write(toFile: out + "/left.csv", atomically: true, encoding: .utf8)
            try BenchCSV.people(sets.right).write(toFile: out + "/right.csv", atomically: true, encoding: .utf8)
            try BenchCSV.truth(sets.truth).write(toFile: out + "/truth.csv", atomically: true, encoding: .utf8)
            print("wrote \(sets.left.count) requests and \(sets.right.count) registered people")
        }
    }
}

struct Dedupe: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Dedupe people.csv and score against truth.csv.")
    @Option var data: String
    @Option var threshold: Double = 0.5
    @Option(help: "Print this many missed true pairs, to study") var misses: Int = 0
    @Option(help: "Print this many pairs found that are not one person, to study") var wrong: Int = 0
    @Flag(help: "Print m measured on the true pairs (with the labels), to set beside the m learned without them") var trueM = false

    func run() throws {
        let records = try BenchCSV.read(data + "/people.csv")
        if trueM { labelledM(records, truth: try BenchCSV.readTruth(data + "/truth.csv")) }
        let truth = try BenchCSV.readTruth(data + "/truth.csv")
        let truePairs = Dictionary(grouping: truth.values, by: { $0 }).values.map { $0.count * ($0.count - 1) / 2 }.reduce(0, +)
        measure("dedupe", count: records.count, records, truth: truth, truePairs: truePairs, misses: misses, wrong: wrong) { linker().dedupe(records, threshold: threshold) }
    }
}

struct Link: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Link left.csv against right.csv and score against truth.csv.")
    @Option var data: String
    @Option var threshold: Double = 0.5
    @Option(help: "Print this many missed true pairs, to study") var misses: Int = 0

    func run() throws {
        let left = try BenchCSV.read(data + "/left.csv"), right = try BenchCSV.read(data + "/right.csv")
        let truth = try BenchCSV.readTruth(data + "/truth.csv")
        let registered = Set(right.map { truth[$0.id]! })
        let truePairs = left.filter { registered.contains(truth[$0.id]!) }.count
        measure("link", count: left.count + right.count, left + right, truth: truth, truePairs: truePairs, misses: misses) { linker().link(left: left, right: right, threshold: threshold) }
    }
}

struct Query: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Answer single tracing requests (left.csv) against an in-memory index of right.csv.")
    @Option var data: String
    @Option var queries: Int = 2_000

    func run() throws {
        let left = try BenchCSV.read(data + "/left.csv"), right = try BenchCSV.read(data + "/right.csv")
        let truth = try BenchCSV.readTruth(data + "/truth.csv")
        let buildStart = Date()
        let index = RegistryIndex(right, referenceYear: 2026, model: TracingMatcher.reference(referenceYear: 2026))
        let built = Date().timeIntervalSince(buildStart)
        var times: [Double] = []
        var hits = 0, sought = 0, ranked = 0
        for record in left.prefix(queries) {
            let t = Date()
            let found = index.search(record, limit: 10)
            times.append(Date().timeIntervalSince(t) * 1000)
            if right.indices.contains(truth[record.id]!) && truth[record.id]! < right.count {
                sought += 1
                if let top = found.first, truth[top.registeredID] == truth[record.id] {
                    ranked += 1
                    if top.probability >= 0.5 { hits += 1 }
                }
            }
        }
        times.sort()
        func pct(_ p: Double) -> Double { times[min(times.count - 1, Int(Double(times.count) * p))] }
        let mem = peakMemoryMiB()
        print(String(format: "{\"task\":\"query\",\"registry\":%d,\"queries\":%d,\"index_seconds\":%.2f,\"p50_ms\":%.2f,\"p95_ms\":%.2f,\"p99_ms\":%.2f,\"top1\":%.4f,\"top1_above_half\":%.4f,\"peak_mib\":%.0f}",
                     right.count, times.count, built, pct(0.5), pct(0.95), pct(0.99), Double(ranked) / Double(max(1, sought)),
                     Double(hits) / Double(max(1, sought)), mem))
    }
}

/// Whether the probabilities mean what they say: every pair scored at or above 0.01, in ten bins by probability,
/// with the share of each bin that is truly one person.
struct Calibration: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Bin scored pairs by probability and report the share of true pairs in each bin.")
    @Option var data: String
    @Option(help: "dedupe (people.csv) or link (left.csv and right.csv)") var kind: String = "dedupe"

    func run() throws {
        let truth = try BenchCSV.readTruth(data + "/truth.csv")
        let pairs: [ScoredPair]
        let records: Int
        if kind == "link" {
            let (left, right) = (try BenchCSV.read(data + "/left.csv"), try BenchCSV.read(data + "/right.csv"))
            records = left.count + right.count
            pairs = Linker(referenceYear: 2026).link(left: left, right: right, threshold: 0.01).pairs
        } else {
            let people = try BenchCSV.read(data + "/people.csv")
            records = people.count
            pairs = Linker(referenceYear: 2026).dedupe(people, threshold: 0.01).pairs
        }
        var bins: [String] = []
        for b in 0..<10 {
            let lo = Double(b) / 10, hi = Double(b + 1) / 10
            let inBin = pairs.filter { $0.probability >= lo && ($0.probability < hi || (b == 9 && $0.probability <= 1)) }
            guard !inBin.isEmpty else { continue }
            let predicted = inBin.map(\.probability).reduce(0, +) / Double(inBin.count)
            let observed = Double(inBin.filter { truth[$0.left] == truth[$0.right] }.count) / Double(inBin.count)
            bins.append(String(format: "{\"from\":%.1f,\"to\":%.1f,\"pairs\":%d,\"predicted\":%.3f,\"observed\":%.3f}", lo, hi, inBin.count, predicted, observed))
        }
        print("{\"task\":\"calibration\",\"kind\":\"\(kind)\",\"records\":\(records),\"bins\":[\(bins.joined(separator: ","))]}")
    }
}

/// Times one matching run and prints its report against the truth, and the true pairs it missed when asked.
/// The records are only gathered (after the timing) for the misses, so they do not count in the peak memory.
func measure(_ task: String, count: Int, _ records: @autoclosure () -> [MatchRecord], truth: [String: Int], truePairs: Int, misses: Int,
             wrong: Int = 0, _ match: () -> (pairs: [ScoredPair], model: FellegiSunterModel)) {
    let start = Date()
    let (pairs, model) = match()
    let seconds = Date().timeIntervalSince(start)
    if misses > 0 { Misses(records: records(), truth: truth, pairs: pairs, model: model).print(misses) }
    if wrong > 0 {
        let byID = Dictionary(uniqueKeysWithValues: records().map { ($0.id, $0) })
        for pair in pairs.filter({ truth[$0.left] != truth[$0.right] }).prefix(wrong) {
            print("WRONG p=\(String(format: "%.3f", pair.probability)) \(pair.vector.levels.map { $0.map(String.init) ?? "-" }.joined())")
            print("   \(byID[pair.left]!)")
            print("   \(byID[pair.right]!)")
        }
    }
    let found = pairs.filter { truth[$0.left] == truth[$0.right] }.count
    FileHandle.standardError.write(Data(String(format: "  model prior %.3g; m and u by field:\n", model.prior).utf8))
    for (f, field) in MatchField.allCases.enumerated() {
        let cells = zip(model.m[f], model.u[f]).map { String(format: "%.3f/%.4f", $0, $1) }.joined(separator: " ")
        FileHandle.standardError.write(Data("    \(field.rawValue): \(cells)\n".utf8))
    }
    Report(task: task, records: count, seconds: seconds, predicted: pairs.count, correct: found, truePairs: truePairs).print()
}

struct Report {
    let task: String, records: Int, seconds: Double, predicted: Int, correct: Int, truePairs: Int

    func print() {
        let precision = Double(correct) / Double(max(1, predicted)), recall = Double(correct) / Double(max(1, truePairs))
        let f1 = 2 * precision * recall / max(1e-9, precision + recall)
        Swift.print(String(format: "{\"engine\":\"reunify\",\"task\":\"%@\",\"records\":%d,\"seconds\":%.2f,\"precision\":%.4f,\"recall\":%.4f,\"f1\":%.4f,\"pairs\":%d,\"peak_mib\":%.0f}",
                           task, records, seconds, precision, recall, f1, predicted, peakMemoryMiB()))
    }
}

func peakMemoryMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024   // Linux reports kilobytes
}

/// The true pairs a run missed, with how they compare: what to improve next.
struct Misses {
    let records: [MatchRecord], truth: [String: Int], pairs: [ScoredPair], model: FellegiSunterModel

    func print(_ limit: Int) {
        let found = Set(pairs.map { "\($0.left)|\($0.right)" })
        let byPerson = Dictionary(grouping: records, by: { truth[$0.id]! })
        var shown = 0
        for group in byPerson.values where group.count > 1 {
            for a in 0..<group.count {
                for b in (a + 1)..<group.count where shown < limit {
                    let (x, y) = group[a].id < group[b].id ? (group[a], group[b]) : (group[b], group[a])
                    if found.contains("\(x.id)|\(y.id)") || found.contains("\(y.id)|\(x.id)") { continue }
                    let v = ComparisonVector.compare(x, y, referenceYear: 2026)
                    Swift.print("MISS p=\(String(format: "%.3f", model.probability(v))) \(v.levels.map { $0.map(String.init) ?? "-" }.joined())")
                    Swift.print("   \(x)")
                    Swift.print("   \(y)")
                    shown += 1
                }
            }
        }
    }
}

/// The linker, telling its progress on standard error.
func linker() -> Linker {
    var linker = Linker(referenceYear: 2026)
    linker.progress = { FileHandle.standardError.write(Data(("  " + $0 + String(format: " (peak so far %.0f MiB)", peakMemoryMiB()) + "\n").utf8)) }
    return linker
}

/// m for each field and level measured on every true pair: what EM should find without the labels.
func labelledM(_ records: [MatchRecord], truth: [String: Int]) {
    var counts = MatchField.allCases.map { [Int](repeating: 0, count: $0.levels.count) }
    for group in Dictionary(grouping: records, by: { truth[$0.id]! }).values where group.count > 1 {
        for a in 0..<group.count {
            for b in (a + 1)..<group.count {
                let v = ComparisonVector.compare(group[a], group[b], referenceYear: 2026)
                for (f, level) in v.levels.enumerated() { if let level { counts[f][level] += 1 } }
            }
        }
    }
    for (f, field) in MatchField.allCases.enumerated() {
        let total = max(1, counts[f].reduce(0, +))
        print("  true m \(field.rawValue): " + counts[f].map { String(format: "%.3f", Double($0) / Double(total)) }.joined(separator: " "))
    }
}
