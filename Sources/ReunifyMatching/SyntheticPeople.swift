import Foundation

/// Synthetic people with realistic corruption, for testing and benchmarking matching: every original may get
/// duplicates with typos, swapped names, nicknames, other scripts, missing fields, day/month swaps and ages
/// estimated instead of birth dates. The truth (which records are the same person) comes with them.
public struct SyntheticPeople: Sendable {
    public struct Dataset: Sendable {
        public let records: [MatchRecord]
        /// Record id → the person it is.
        public let person: [String: Int]

        public func isMatch(_ a: String, _ b: String) -> Bool { person[a] == person[b] }

        /// Every true pair within the set.
        public var truePairs: Int {
            Dictionary(grouping: person.values, by: { $0 }).values.map { $0.count * ($0.count - 1) / 2 }.reduce(0, +)
        }
    }

    public var seed: UInt64
    public var referenceYear: Int
    /// Chance that a record is corrupted in each way; "moderate" corruption by default.
    public var typo = 0.25, swap = 0.05, nickname = 0.1, script = 0.05, missing = 0.15, dayMonthSwap = 0.05, ageOnly = 0.1

    /// Share of people with an address (house number, street, locality, postcode, region). None by default, so the
    /// benchmark's sets stay as they were; the tracing reference model learns from a registry where most have one.
    public var addressShare = 0.0
    /// Chance that a copy gives another address (the family moved), when the original has one.
    public var moved = 0.1

    /// Share of names drawn from the short lists of common names; the rest come from thousands of made-up names,
    /// so that a large population has as many distinct names as a real one.
    public var commonShare = 0.3

    public init(seed: UInt64 = 7, referenceYear: Int = 2026) {
        self.seed = seed
        self.referenceYear = referenceYear
    }

    static let given = ["maria", "jose", "ana", "luis", "fatima", "mohamed", "amina", "ahmed", "olga", "ivan", "sofia", "mateo", "grace",
                        "james", "william", "elizabeth", "katherine", "michael", "robert", "daniela", "omar", "layla", "yusuf", "nadia",
                        "pedro", "carmen", "elena", "dmitry", "natalya", "hassan", "zainab", "ibrahim", "lucia", "diego", "camila",
                        "aisha", "samuel", "hannah", "david", "sarah", "alexander", "victoria", "thomas", "rosa", "antonio", "yelena"]
    static let family = ["garcia", "hernandez", "lopez", "martinez", "ahmed", "hassan", "ali", "ibrahim", "ivanov", "petrova",
                         "smirnov", "johnson", "williams", "brown", "nguyen", "tran", "mwangi", "okafor", "diallo", "traore",
                         "haddad", "khoury", "rahman", "hussein", "popescu", "kowalski", "nowak", "novak", "silva", "santos",
                         "pereira", "costa", "mensah", "osei", "abdi", "farah", "yusuf", "jama", "kariuki", "otieno"]
    static let places = ["aleppo", "homs", "kharkiv", "odesa", "tegucigalpa", "san pedro sula", "kandahar", "mosul", "juba", "goma",
                         "mogadishu", "kismayo", "port-au-prince", "maracaibo", "cucuta", "lviv", "idlib", "dnipro", "bunia", "gao"]
    static let manyGiven = madeUpNames(count: 4_000, seed: 101, syllables: 2...3)
    static let manyFamily = madeUpNames(count: 40_000, seed: 102, syllables: 2...4)
    static let manyPlaces = madeUpNames(count: 2_000, seed: 103, syllables: 2...3)

    /// Pronounceable names built from syllables, the same on every run.
    static func madeUpNames(count: Int, seed: UInt64, syllables: ClosedRange<Int>) -> [String] {
        let onsets = ["b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "sh", "kh", "ch", "y", "j", "w", "br", "tr"]
        let vowels = ["a", "e", "i", "o", "u", "a", "e", "ai", "ou", "ia"]
        let codas = ["", "", "", "n", "r", "l", "s", "m", "k", "t", "nd"]
        var rng = SeededGenerator(seed: seed)
        var seen = Set<String>()
        var names: [String] = []
        while names.count < count {
            var name = ""
            for _ in 0..<rng.int(syllables) { name += rng.pick(onsets) + rng.pick(vowels) + rng.pick(codas) }
            if seen.insert(name).inserted { names.append(name) }
        }
        return names
    }

    func givenName(_ rng: inout SeededGenerator) -> String { rng.chance(commonShare) ? rng.pick(Self.given) : rng.pick(Self.manyGiven) }
    func familyName(_ rng: inout SeededGenerator) -> String { rng.chance(commonShare) ? rng.pick(Self.family) : rng.pick(Self.manyFamily) }
    func placeName(_ rng: inout SeededGenerator) -> String { rng.chance(commonShare) ? rng.pick(Self.places) : rng.pick(Self.manyPlaces) }

    static let toCyrillic: [String: String] = ["maria": "Мария", "ivan": "Иван", "olga": "Ольга", "elena": "Елена", "ivanov": "Иванов",
                                               "petrova": "Петрова", "smirnov": "Смирнов", "natalya": "Наталья", "dmitry": "Дмитрий",
                                               "sofia": "София", "alexander": "Александр", "yelena": "Елена"]
    static let toArabic: [String: String] = ["mohamed": "محمد", "ahmed": "أحمد", "fatima": "فاطمة", "hassan": "حسن", "ali": "علي",
                                             "omar": "عمر", "ibrahim": "إبراهيم", "amina": "أمينة", "yusuf": "يوسف", "layla": "ليلى"]
    static let nicknameOf: [String: String] = ["william": "bill", "robert": "bob", "james": "jim", "michael": "mike",
                                               "elizabeth": "liz", "katherine": "kate", "jose": "pepe", "alexander": "sasha",
                                               "maria": "masha", "dmitry": "dima", "thomas": "tom", "antonio": "tono"]

    /// `people` originals; each gets up to `duplicates` corrupted copies (1–duplicates, some none).
    public func dedupeSet(people: Int, duplicateShare: Double = 0.5) -> Dataset {
        var rng = SeededGenerator(seed: seed)
        var records: [MatchRecord] = []
        var person: [String: Int] = [:]
        for p in 0..<people {
            let original = makePerson(p, rng: &rng)
            records.append(original)
            person[original.id] = p
            if rng.chance(duplicateShare) {
                for k in 0..<rng.int(1...2) {
                    var copy = corrupt(original, rng: &rng)
                    copy.id = "p\(p)-\(k + 1)"
                    records.append(copy)
                    person[copy.id] = p
                }
            }
        }
        return Dataset(records: records, person: person)
    }

    /// A registry of `registry` distinct people, and `requests` records sought in it: a share of them are corrupted
    /// copies of registered people (true matches), the rest are people the registry does not hold.
    public func linkSets(registry: Int, requests: Int, matchedShare: Double = 0.5) -> (left: [MatchRecord], right: [MatchRecord], truth: [String: Int]) {
        var rng = SeededGenerator(seed: seed &+ 1)
        var right: [MatchRecord] = []
        var truth: [String: Int] = [:]
        right.reserveCapacity(registry)
        for p in 0..<registry {
            let person = makePerson(p, rng: &rng)
            right.append(person)
            truth[person.id] = p
        }
        var left: [MatchRecord] = []
        left.reserveCapacity(requests)
        for q in 0..<requests {
            if rng.chance(matchedShare) {
                let p = rng.int(0...(registry - 1))
                var copy = corrupt(right[p], rng: &rng)
                copy.id = "q\(q)"
                left.append(copy)
                truth[copy.id] = p
            } else {
                var stranger = makePerson(registry + q, rng: &rng)
                stranger.id = "q\(q)"
                left.append(stranger)
                truth[stranger.id] = registry + q
            }
        }
        return (left, right, truth)
    }

    func makePerson(_ p: Int, rng: inout SeededGenerator) -> MatchRecord {
        let female = rng.chance(0.5)
        let year = referenceYear - rng.int(1...17)
        return MatchRecord(
            id: "p\(p)", givenName: givenName(&rng), familyName: familyName(&rng),
            otherNames: rng.chance(0.2) ? [givenName(&rng)] : [], sex: female ? .female : .male,
            birthDate: PartialDate(year: year, month: rng.int(1...12), day: rng.int(1...28)),
            place: placeName(&rng), motherName: rng.chance(0.6) ? "\(givenName(&rng)) \(familyName(&rng))" : nil,
            address: addressShare > 0 && rng.chance(addressShare) ? makeAddress(&rng) : PostalAddress())
    }

    static let streetTypes = ["street", "road", "avenue", "lane", "crescent", "place", "drive", "court"]
    static let regions = ["north", "south", "east", "west", "central", "coast", "highlands", "valley"]

    /// An address: the locality decides the postcode and region, as it does in a real country.
    func makeAddress(_ rng: inout SeededGenerator) -> PostalAddress {
        let locality = rng.chance(commonShare) ? rng.pick(Self.places) : rng.pick(Self.manyPlaces)
        let code = Hashing.fnv(Array(locality.utf8))
        return PostalAddress(streetNumber: String(rng.int(1...300)), street: "\(rng.pick(Self.manyFamily)) \(rng.pick(Self.streetTypes))",
                             locality: locality, postcode: String(format: "%04d", Int(code % 9000) + 1000),
                             region: Self.regions[Int(code / 9000 % UInt64(Self.regions.count))])
    }

    func typo(_ s: String, rng: inout SeededGenerator) -> String {
        var chars = Array(s)
        guard chars.count > 3 else { return s }
        let i = rng.int(1...(chars.count - 2))
        switch rng.int(0...2) {
        case 0: chars.remove(at: i)
        case 1: chars.swapAt(i, i + 1)
        default: chars[i] = rng.pick(Array("aeioulnrst"))
        }
        return String(chars)
    }

    func corrupt(_ r: MatchRecord, rng: inout SeededGenerator) -> MatchRecord {
        var c = r
        if rng.chance(typo) { c.familyName = typo(c.familyName, rng: &rng) }
        if rng.chance(typo / 2) { c.givenName = typo(c.givenName, rng: &rng) }
        if rng.chance(nickname), let nick = Self.nicknameOf[c.givenName] { c.givenName = nick }
        if rng.chance(script) {
            c.givenName = Self.toCyrillic[c.givenName] ?? Self.toArabic[c.givenName] ?? c.givenName
            c.familyName = Self.toCyrillic[c.familyName] ?? Self.toArabic[c.familyName] ?? c.familyName
        }
        if rng.chance(swap) { (c.givenName, c.familyName) = (c.familyName, c.givenName) }
        if rng.chance(dayMonthSwap), let d = r.birthDate, let m = d.month, let day = d.day, day <= 12 {
            c.birthDate = PartialDate(year: d.year, month: day, day: m)
        }
        if rng.chance(ageOnly), let d = r.birthDate {
            c.birthDate = nil
            c.age = referenceYear - d.year - rng.int(0...1)
        }
        if rng.chance(missing) { c.place = nil }
        if rng.chance(missing) { c.motherName = nil }
        // Relatives often give a parent's first name only, or spell it their way.
        if let mother = c.motherName, rng.chance(0.2) { c.motherName = mother.split(separator: " ").first.map(String.init) }
        if let mother = c.motherName, rng.chance(typo / 2) { c.motherName = typo(mother, rng: &rng) }
        if rng.chance(missing / 2) { c.sex = nil }
        if !r.address.isEmpty {
            if rng.chance(moved) { c.address = makeAddress(&rng) }
            if rng.chance(typo / 2), let street = c.address.street { c.address.street = typo(street, rng: &rng) }
            if rng.chance(typo / 4), let number = c.address.streetNumber, number.count > 1 { c.address.streetNumber = String(number.dropLast()) }
            if rng.chance(typo / 4), let postcode = c.address.postcode { c.address.postcode = String(postcode.reversed()) }
            if rng.chance(missing) { c.address.postcode = nil }
            if rng.chance(missing) { c.address.locality = nil }
            if rng.chance(missing / 2) { c.address = PostalAddress() }
        }
        return c
    }
}
