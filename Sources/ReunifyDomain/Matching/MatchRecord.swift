/// A person as matching sees them: a registered child, a sought child of a tracing request, a CSV row.
public struct MatchRecord: Sendable, Equatable {
    public var id: String
    public var givenName: String
    public var familyName: String
    public var otherNames: [String]
    public var sex: Sex?
    public var birthDate: PartialDate?
    /// An age estimate in years on the reference date, when the birth date is unknown.
    public var age: Int?
    public var place: String?
    public var identifier: String?
    public var motherName: String?
    public var fatherName: String?

    public init(id: String, givenName: String = "", familyName: String = "", otherNames: [String] = [], sex: Sex? = nil,
                birthDate: PartialDate? = nil, age: Int? = nil, place: String? = nil, identifier: String? = nil,
                motherName: String? = nil, fatherName: String? = nil) {
        self.id = id
        self.givenName = givenName
        self.familyName = familyName
        self.otherNames = otherNames
        self.sex = sex
        self.birthDate = birthDate
        self.age = age
        self.place = place
        self.identifier = identifier
        self.motherName = motherName
        self.fatherName = fatherName
    }
}

/// A normalised word of a name or place: its letters, a hash for equality, and the hash of its sound.
struct Word: Sendable {
    let letters: [UInt8]
    let hash: UInt64
    /// The primary Double Metaphone code's hash (0 for none), and the alternate's.
    let sound: UInt64
    let alternate: UInt64

    init(_ text: String) {
        letters = Array(text.utf8)
        hash = Hashing.fnv(letters)
        let codes = DoubleMetaphone.codes(text)
        sound = codes.primary.isEmpty ? 0 : Hashing.fnv(Array(codes.primary.utf8)) | 1
        alternate = codes.alternate.isEmpty ? 0 : Hashing.fnv(Array(codes.alternate.utf8)) | 1
    }

    /// Whether two words sound alike: their primary codes agree, or one's primary is the other's alternate.
    func soundsLike(_ other: Word) -> Bool {
        sound != 0 && (sound == other.sound || sound == other.alternate || (alternate != 0 && alternate == other.sound))
    }
}

enum Hashing {
    /// FNV-1a, 64 bits: stable across runs (Swift's own hashing is seeded per process).
    static func fnv(_ bytes: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return h
    }

    static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var x = a ^ (b &+ 0x9E3779B97F4A7C15 &+ (a << 6) &+ (a >> 2))
        x = (x ^ (x >> 30)) &* 0xbf58476d1ce4e5b9
        x = (x ^ (x >> 27)) &* 0x94d049bb133111eb
        return x ^ (x >> 31)
    }
}

/// Names and places seen before, normalised once: large files repeat the same names many times.
final class WordCache {
    private var names: [String: [Word]] = [:]
    private var tokens: [String: Word] = [:]
    private var places: [String: Word] = [:]

    /// The words of several names (given, family, other names), in order, each once.
    func words(_ names: [String]) -> [Word] {
        var out: [Word] = []
        for name in names where !name.isEmpty {
            for w in words(of: name) where !out.contains(where: { $0.hash == w.hash }) { out.append(w) }
        }
        return out
    }

    func words(of name: String) -> [Word] {
        if let hit = names[name] { return hit }
        let words = NameNormalizer.tokens(name).map { token in
            if let hit = tokens[token] { return hit }
            let word = Word(token)
            tokens[token] = word
            return word
        }
        names[name] = words
        return words
    }

    func place(_ text: String) -> Word? {
        if let hit = places[text] { return hit }
        let folded = SearchText.fold(Transliteration.toLatin(text))
        let word = folded.isEmpty ? nil : Word(folded)
        if let word { places[text] = word }
        return word
    }
}

/// A record made ready for comparing: normalised once, compared many times.
public struct PreparedRecord: Sendable {
    public let record: MatchRecord
    /// The name's words in written order, without repeats.
    let words: [Word]
    let birthYears: ClosedRange<Int>?
    let place: Word?
    /// Each parent's name as normalised words.
    let parents: [[Word]]

    public init(_ r: MatchRecord, referenceYear: Int) {
        self.init(r, referenceYear: referenceYear, cache: WordCache())
    }

    init(_ r: MatchRecord, referenceYear: Int, cache: WordCache) {
        record = r
        words = cache.words([r.givenName, r.familyName] + r.otherNames)
        if let d = r.birthDate {
            birthYears = d.year...d.year
        } else if let age = r.age {
            birthYears = (referenceYear - age - 1)...(referenceYear - age)
        } else {
            birthYears = nil
        }
        place = r.place.flatMap { cache.place($0) }
        parents = [r.motherName, r.fatherName].compactMap { $0 }.map { cache.words([$0]) }.filter { !$0.isEmpty }
    }

    /// The sounds of the name's words, each once, sorted.
    var sounds: [UInt64] { Array(Set(words.map(\.sound).filter { $0 != 0 })).sorted() }

    /// Prepares many records, on every core, sharing normalisation work within each slice.
    static func prepare(_ records: [MatchRecord], referenceYear: Int) -> [PreparedRecord] {
        Parallel.map(records, slicesPerCore: 1) { slice in
            let cache = WordCache()
            return slice.map { PreparedRecord($0, referenceYear: referenceYear, cache: cache) }
        }
    }
}
