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

    func makePerson(_ p: Int, rng: inout SeededGenerator) -> MatchRecord {
        let female = rng.chance(0.5)
        let year = referenceYear - rng.int(1...17)
        return MatchRecord(
            id: "p\(p)", givenName: rng.pick(Self.given), familyName: rng.pick(Self.family),
            otherNames: rng.chance(0.2) ? [rng.pick(Self.given)] : [], sex: female ? .female : .male,
            birthDate: PartialDate(year: year, month: rng.int(1...12), day: rng.int(1...28)),
            place: rng.pick(Self.places), motherName: rng.chance(0.6) ? "\(rng.pick(Self.given)) \(rng.pick(Self.family))" : nil)
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
        return c
    }
}
