/// Records made ready for comparing: normalised once, compared many times. Every distinct word of every name and
/// place is stored once (its letters, a hash for equality and the hashes of its two Double Metaphone codes), and
/// each record is a small row of numbers pointing at its words — so the millions of comparisons of a large run
/// read plain numbers from memory this object owns, and never copy strings or count references (which, on
/// objects shared by every core, costs more than the comparing).
///
/// Unchecked sendability: everything is written once in `init` and only read afterwards.
public final class PreparedRecords: @unchecked Sendable {
    public let records: [MatchRecord]
    let rows: UnsafeBufferPointer<Row>
    /// Word numbers of every row's name, then its mother's and its father's name, then its street's (see `Row`).
    let refs: UnsafeBufferPointer<Int32>
    let words: WordView

    /// One record as numbers.
    struct Row: Sendable {
        /// Where the row's words start in `refs`: `nameCount` name words, then the mother's, then the father's, then
        /// the street's.
        var start: Int32 = 0
        var nameCount: UInt8 = 0
        var motherCount: UInt8 = 0
        var fatherCount: UInt8 = 0
        var streetCount: UInt8 = 0
        /// 0 when unknown, else 1 + the sex's position among `MatchSex.allCases`.
        var sex: UInt8 = 0
        /// year × 10 000 + month × 100 + day, with 0 for an unknown month or day; -1 when there is no date.
        var date: Int32 = -1
        /// The years the person may have been born in (from the date, or from an age estimate); low > high when unknown.
        var yearLow: Int16 = 1
        var yearHigh: Int16 = 0
        /// The place of origin's word, or -1; so for each of the codes and parts of the address below.
        var place: Int32 = -1
        var identifier: Int32 = -1
        var streetNumber: Int32 = -1
        var postcode: Int32 = -1
        var locality: Int32 = -1
        var region: Int32 = -1
        var country: Int32 = -1
        var phone: Int32 = -1
        var email: Int32 = -1
        /// The street's words, hashed together in any order (0 for none): how common a street is.
        var streetKey: UInt64 = 0

        var hasYears: Bool { yearLow <= yearHigh }
        var year: Int32 { date / 10_000 }
        var month: Int32 { date / 100 % 100 }
        var day: Int32 { date % 100 }
        /// Known only to the year, by an age estimate, or not at all: restricted blocks pair such records.
        var vague: Bool { date < 0 || month == 0 }

        /// Whether both know their possible birth years and these lie within `tolerance` years of each other.
        @inline(__always) func yearsNear(_ other: Row, tolerance: Int) -> Bool {
            let t = Int16(tolerance)
            return hasYears && other.hasYears && yearLow - t <= other.yearHigh && other.yearLow - t <= yearHigh
        }
    }

    public var count: Int { rows.count }

    /// Prepares many records on every core; each slice normalises its names with its own cache and the slices'
    /// words are then merged into one store.
    public init(_ records: [MatchRecord], referenceYear: Int) {
        self.records = records
        let slices = records.count < 4_096 ? 1 : Parallel.cores
        let size = max(1, (records.count + slices - 1) / slices)
        let parts = Parallel.jobs(slices) { k in
            WordStoreBuilder().part(records[min(records.count, k * size)..<min(records.count, (k + 1) * size)], referenceYear: referenceYear)
        }
        var merged = parts.first ?? WordStoreBuilder().part([], referenceYear: referenceYear)
        for part in parts.dropFirst() { merged.append(part) }
        rows = Self.owned(merged.rows)
        refs = Self.owned(merged.refs)
        words = WordView(merged.builder.store)
    }

    deinit {
        rows.deallocate()
        refs.deallocate()
        words.deallocate()
    }

    /// A copy of `array` in memory this object owns.
    static func owned<T>(_ array: [T]) -> UnsafeBufferPointer<T> {
        let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(1, array.count))
        _ = buffer.initialize(from: array)
        return UnsafeBufferPointer(rebasing: buffer[0..<array.count])
    }

    /// One record, prepared on its own (a tracing request).
    public convenience init(_ record: MatchRecord, referenceYear: Int) {
        self.init([record], referenceYear: referenceYear)
    }

    @inline(__always) func nameWords(_ r: Row) -> Range<Int> { Int(r.start)..<Int(r.start) + Int(r.nameCount) }

    @inline(__always) func streetWords(_ r: Row) -> Range<Int> {
        let from = Int(r.start) + Int(r.nameCount) + Int(r.motherCount) + Int(r.fatherCount)
        return from..<from + Int(r.streetCount)
    }

    /// Each parent's words (the mother's first), skipping a parent not named.
    func parents(_ r: Row) -> ParentNames {
        let mother = Int(r.start) + Int(r.nameCount)
        let father = mother + Int(r.motherCount)
        return ParentNames(mother: mother..<father, father: father..<father + Int(r.fatherCount))
    }

    /// The sounds of a row's name words, each once, sorted.
    func sounds(_ i: Int) -> [UInt64] {
        var out: [UInt64] = []
        for k in nameWords(rows[i]) {
            let s = words.sound[Int(refs[k])]
            if s != 0 && !out.contains(s) { out.append(s) }
        }
        return out.sorted()
    }
}

/// The words of a record's mother's and father's names, as a collection of the names given.
struct ParentNames: Sequence {
    let mother: Range<Int>
    let father: Range<Int>

    var isEmpty: Bool { mother.isEmpty && father.isEmpty }

    struct Iterator: IteratorProtocol {
        let names: ParentNames
        var position = 0

        mutating func next() -> Range<Int>? {
            while position < 2 {
                let words = position == 0 ? names.mother : names.father
                position += 1
                if !words.isEmpty { return words }
            }
            return nil
        }
    }

    func makeIterator() -> Iterator { Iterator(names: self) }
}
