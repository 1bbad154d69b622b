import Foundation

/// Every distinct word once, while records are being prepared: its letters (one array for all), hash and sounds.
struct WordStore {
    var letters: [UInt8] = []
    /// Where each word's letters start; one more entry than words.
    var start: [Int32] = [0]
    var hash: [UInt64] = []
    /// The primary Double Metaphone code's hash (0 for none), and the alternate's.
    var sound: [UInt64] = []
    var alternate: [UInt64] = []

    var count: Int { hash.count }
}

/// The words of prepared records, read in place.
struct WordView {
    let letters: UnsafeBufferPointer<UInt8>
    let start: UnsafeBufferPointer<Int32>
    let hash: UnsafeBufferPointer<UInt64>
    let sound: UnsafeBufferPointer<UInt64>
    let alternate: UnsafeBufferPointer<UInt64>

    init(_ store: WordStore) {
        letters = PreparedRecords.owned(store.letters)
        start = PreparedRecords.owned(store.start)
        hash = PreparedRecords.owned(store.hash)
        sound = PreparedRecords.owned(store.sound)
        alternate = PreparedRecords.owned(store.alternate)
    }

    func deallocate() {
        letters.deallocate()
        start.deallocate()
        hash.deallocate()
        sound.deallocate()
        alternate.deallocate()
    }

    var count: Int { hash.count }

    /// Whether two words sound alike: their primary codes agree, or one's primary is the other's alternate.
    @inline(__always) func soundsLike(_ a: Int32, _ other: WordView, _ b: Int32) -> Bool {
        let (x, y) = (Int(a), Int(b))
        let s = sound[x]
        return s != 0 && (s == other.sound[y] || s == other.alternate[y] || (alternate[x] != 0 && alternate[x] == other.sound[y]))
    }

    /// The word's letters, in place.
    @inline(__always) func letters(_ w: Int32) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: letters[Int(start[Int(w)])..<Int(start[Int(w) + 1])])
    }

    @inline(__always) func jaroWinkler(_ a: Int32, _ other: WordView, _ b: Int32) -> Double {
        JaroWinkler.similarity(letters(a), other.letters(b))
    }

    /// Whether two words are one typing slip apart (two, for words of eight letters or more): a letter added,
    /// dropped, changed, or two neighbours swapped.
    func typoApart(_ a: Int32, _ other: WordView, _ b: Int32) -> Bool {
        let (x, y) = (letters(a), other.letters(b))
        return min(x.count, y.count) >= 4 && EditDistance.within(min(x.count, y.count) >= 8 ? 2 : 1, x, y)
    }
}

/// Builds a word store and the rows of one slice of records.
final class WordStoreBuilder {
    private(set) var store = WordStore()
    private var byHash: [UInt64: Int32] = [:]
    private var byName: [String: [Int32]] = [:]
    private var byPlace: [String: Int32] = [:]

    struct Part {
        let builder: WordStoreBuilder
        var rows: [PreparedRecords.Row]
        var refs: [Int32]

        /// Appends another slice's rows, renumbering its words into this store.
        mutating func append(_ other: Part) {
            let theirs = other.builder.store
            var renumber = [Int32](repeating: 0, count: theirs.count)
            for w in 0..<theirs.count {
                let letters = theirs.letters[Int(theirs.start[w])..<Int(theirs.start[w + 1])]
                renumber[w] = builder.add(letters: letters, hash: theirs.hash[w], sound: theirs.sound[w], alternate: theirs.alternate[w])
            }
            let shift = Int32(refs.count)
            refs.append(contentsOf: other.refs.map { renumber[Int($0)] })
            rows.append(contentsOf: other.rows.map { row in
                var r = row
                r.start += shift
                for path in [\PreparedRecords.Row.place, \.identifier, \.streetNumber, \.postcode, \.locality, \.region, \.country, \.phone, \.email]
                where r[keyPath: path] >= 0 {
                    r[keyPath: path] = renumber[Int(r[keyPath: path])]
                }
                return r
            })
        }
    }

    func part(_ records: ArraySlice<MatchRecord>, referenceYear: Int) -> Part {
        var rows: [PreparedRecords.Row] = []
        var refs: [Int32] = []
        rows.reserveCapacity(records.count)
        refs.reserveCapacity(records.count * 4)
        for r in records {
            var row = PreparedRecords.Row()
            row.start = Int32(refs.count)
            for part in [r.givenName, r.familyName] + r.otherNames where !part.isEmpty && refs.count - Int(row.start) < Self.maximumWords {
                appendWords(of: part, to: &refs, since: Int(row.start))
            }
            row.nameCount = UInt8(refs.count - Int(row.start))
            let mother = refs.count
            if let name = r.motherName { appendWords(of: name, to: &refs, since: mother) }
            let father = refs.count
            if let name = r.fatherName { appendWords(of: name, to: &refs, since: father) }
            row.motherCount = UInt8(father - mother)
            row.fatherCount = UInt8(refs.count - father)
            address(r.address, into: &row, refs: &refs)
            if let sex = r.sex { row.sex = UInt8(1 + MatchSex.allCases.firstIndex(of: sex)!) }
            if let d = r.birthDate {
                row.date = Int32(d.year * 10_000 + (d.month ?? 0) * 100 + (d.day ?? 0))
                (row.yearLow, row.yearHigh) = (Int16(d.year), Int16(d.year))
            } else if let age = r.age, (0...150).contains(age) {
                (row.yearLow, row.yearHigh) = (Int16(referenceYear - age - 1), Int16(referenceYear - age))
            }
            if let p = r.place { row.place = place(p) }
            if let id = r.identifier { row.identifier = code(id) }
            if let phone = r.phone {
                // The number without its country or trunk prefix: its last nine digits, when it has six or more.
                let digits = phone.unicodeScalars.filter { ("0"..."9").contains($0) }
                if digits.count >= 6 { row.phone = plain(String(String.UnicodeScalarView(digits.suffix(9)))) }
            }
            if let email = r.email?.trimmingCharacters(in: .whitespaces).lowercased(), email.contains("@") { row.email = plain(email) }
            rows.append(row)
        }
        return Part(builder: self, rows: rows, refs: refs)
    }

    /// Words kept of one name (or of given, family and other names together).
    static let maximumWords = 16

    /// Appends a name's words, normalised as `NameNormalizer.tokens` does, to `refs`, skipping those already there
    /// since `start`. Names in plain ASCII (most, in large files) are read byte by byte without making strings.
    func appendWords(of name: String, to refs: inout [Int32], since start: Int) {
        var name = name
        let done: Bool? = name.withUTF8 { bytes -> Bool in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return false }
            scratch.removeAll(keepingCapacity: true)
            for b in bytes {
                switch b {
                case 0x41...0x5A: scratch.append(b + 0x20)
                case 0x61...0x7A, 0x30...0x39: scratch.append(b)
                default: flush(&refs, since: start)
                }
            }
            flush(&refs, since: start)
            return true
        }
        if done == true { return }
        for w in words(of: name) where refs.count - start < Self.maximumWords && !refs[start...].contains(w) { refs.append(w) }
    }

    private var scratch: [UInt8] = []
    private static let particles = Set(NameNormalizer.particles.map { Hashing.fnv(Array($0.utf8)) })
    private static let nicknames = Dictionary(uniqueKeysWithValues: NameNormalizer.nicknames.map { (Hashing.fnv(Array($0.key.utf8)), $0.value) })

    /// Ends the token in `scratch`: a particle is set aside, a nickname read as its name.
    private func flush(_ refs: inout [Int32], since start: Int) {
        guard !scratch.isEmpty else { return }
        defer { scratch.removeAll(keepingCapacity: true) }
        let hash = Hashing.fnv(scratch)
        if Self.particles.contains(hash) { return }
        let w: Int32
        if let full = Self.nicknames[hash] {
            w = add(full)
        } else if let hit = byHash[hash] {
            w = hit
        } else {
            w = add(String(decoding: scratch, as: UTF8.self))
        }
        if refs.count - start < Self.maximumWords && !refs[start...].contains(w) { refs.append(w) }
    }

    /// A name's words, normalised (see `NameNormalizer`), each once per name.
    func words(of name: String) -> [Int32] {
        if let hit = byName[name] { return hit }
        var out: [Int32] = []
        for token in NameNormalizer.tokens(name) {
            let w = add(token)
            if !out.contains(w) { out.append(w) }
        }
        byName[name] = out
        return out
    }

    /// Reads an address into the row: its street's words (after the row's other words in `refs`), and its house
    /// number, postcode, locality, region and country as words. A house number or postcode not given apart is
    /// read from the street line: its first token when that starts with a digit, its last token of four or more
    /// digits.
    func address(_ a: PostalAddress, into row: inout PreparedRecords.Row, refs: inout [Int32]) {
        guard !a.isEmpty else { return }
        var number = a.streetNumber.map(code) ?? -1
        var postcode = a.postcode.map(code) ?? -1
        let from = refs.count
        if let street = a.street {
            let tokens = SearchText.fold(Transliteration.toLatin(street)).split(separator: " ")
            var key: UInt64 = 0
            for (n, token) in tokens.enumerated() {
                // A house number is digits with at most one letter after them (12, 12a); "5coble" is a street mistyped.
                let digits = token.prefix { $0.isNumber }.count
                if digits > 0 && token.count - digits <= 1 {
                    if n == 0 && number < 0 { number = code(String(token)) }
                    else if n > 0 && postcode < 0 && token.count >= 4 && digits == token.count { postcode = code(String(token)) }
                    continue
                }
                let w = plain(Self.streetWords[String(token)] ?? String(token))
                if refs.count - from < Self.maximumStreetWords && !refs[from...].contains(w) {
                    refs.append(w)
                    key = key &+ Hashing.mix(store.hash[Int(w)], 0x57EE7)
                }
            }
            row.streetKey = key
        }
        row.streetCount = UInt8(refs.count - from)
        row.streetNumber = number
        row.postcode = postcode
        if let l = a.locality { row.locality = place(l) }
        if let r = a.region { row.region = place(r) }
        if let c = a.country { row.country = place(c) }
    }

    static let maximumStreetWords = 8

    /// Common abbreviations of street types, read as the word they stand for.
    static let streetWords = ["st": "street", "rd": "road", "ave": "avenue", "av": "avenue", "cres": "crescent", "cr": "crescent",
                              "pl": "place", "dr": "drive", "ct": "court", "cct": "circuit", "ln": "lane", "tce": "terrace",
                              "hwy": "highway", "pde": "parade", "cl": "close", "bvd": "boulevard", "blvd": "boulevard", "sq": "square"]

    /// The hashes of words that say what kind of street it is, not which.
    static let streetTypes = Set((Array(streetWords.values) + ["way", "grove", "row", "walk", "mews", "rise", "view", "loop", "track"])
        .map { plainHash(Array($0.utf8)) })

    static func plainHash(_ letters: [UInt8]) -> UInt64 { Hashing.mix(Hashing.fnv(letters), 0xC0DE) }

    /// A code (an identifier, a house number, a postcode) folded: letters and digits only, lower case.
    func code(_ text: String) -> Int32 {
        let folded = SearchText.fold(text).replacingOccurrences(of: " ", with: "")
        return folded.isEmpty ? -1 : plain(folded)
    }

    /// A word stored without its sounds (a code, a street word), apart from the same letters as a name (whose
    /// sounds are kept).
    func plain(_ token: String) -> Int32 {
        let letters = Array(token.utf8)
        return add(letters: letters[...], hash: Self.plainHash(letters), sound: 0, alternate: 0)
    }

    func place(_ text: String) -> Int32 {
        if let hit = byPlace[text] { return hit }
        let folded = SearchText.fold(Transliteration.toLatin(text))
        let w: Int32 = folded.isEmpty ? -1 : add(folded)
        byPlace[text] = w
        return w
    }

    func add(_ token: String) -> Int32 {
        let letters = Array(token.utf8)
        let hash = Hashing.fnv(letters)
        if let hit = byHash[hash] { return hit }
        let codes = DoubleMetaphone.codes(token)
        return add(letters: letters[...], hash: hash,
                   sound: codes.primary.isEmpty ? 0 : Hashing.fnv(Array(codes.primary.utf8)) | 1,
                   alternate: codes.alternate.isEmpty ? 0 : Hashing.fnv(Array(codes.alternate.utf8)) | 1)
    }

    func add(letters: ArraySlice<UInt8>, hash: UInt64, sound: UInt64, alternate: UInt64) -> Int32 {
        if let hit = byHash[hash] { return hit }
        let w = Int32(store.count)
        store.letters.append(contentsOf: letters)
        store.start.append(Int32(store.letters.count))
        store.hash.append(hash)
        store.sound.append(sound)
        store.alternate.append(alternate)
        byHash[hash] = w
        return w
    }
}
