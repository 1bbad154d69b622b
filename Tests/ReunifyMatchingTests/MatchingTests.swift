import Foundation
import Testing
@testable import ReunifyMatching

@Suite("Matching: names, sounds and scripts")
struct MatchingNormalisationTests {
    @Test("Arabic and Cyrillic names meet their Latin spellings by sound", arguments: [
        ("Mohamed", "محمد"), ("Muhammad", "Mohammed"), ("Maria", "Мария"), ("Ivanov", "Иванов"), ("Olga", "Ольга"), ("Hassan", "حسن"),
        ("Omar", "عمر"), ("Ali", "علي"),
    ])
    func scripts(a: String, b: String) {
        #expect(PhoneticKey.of(a) == PhoneticKey.of(b), "\(a) \(PhoneticKey.of(a)) vs \(b) \(PhoneticKey.of(b))")
    }

    @Test("different names keep different sounds")
    func distinct() {
        #expect(PhoneticKey.of("Maria") != PhoneticKey.of("Mohamed"))
        #expect(PhoneticKey.of("Garcia") != PhoneticKey.of("Gomez"))
        #expect(PhoneticKey.of("Philip") == PhoneticKey.of("Filip"))
        #expect(PhoneticKey.of("Catherine") == PhoneticKey.of("Katherine"))
    }

    @Test("tokens: scripts transliterated, particles set aside, nicknames read as names, any order")
    func tokens() {
        #expect(NameNormalizer.tokens("José de la Peña") == ["jose", "pena"])
        #expect(NameNormalizer.tokens("Abdullah al-Rahman") == ["abdullah", "rahman"])
        #expect(NameNormalizer.tokens("Bill O'Neil") == ["william", "o", "neil"])
        #expect(NameNormalizer.tokens("Мария") == ["mariya"])
        #expect(Set(NameNormalizer.tokens(of: ["Ana María", "López"])) == Set(NameNormalizer.tokens(of: ["López", "Ana", "María"])))
    }

    @Test("names read byte by byte give the same words as the normaliser")
    func preparedWords() {
        let names = ["José de la Peña", "Abdullah al-Rahman", "Bill O'Neil", "Мария", "  SAM   van der Berg-Smith ", "Mo 2nd", "x--y", "محمد الحسن"]
        let prepared = PreparedRecords(names.map { MatchRecord(id: $0, givenName: $0) }, referenceYear: 2026)
        for (i, name) in names.enumerated() {
            let words = prepared.nameWords(prepared.rows[i]).map { String(decoding: prepared.words.letters(prepared.refs[$0]), as: UTF8.self) }
            #expect(words == NameNormalizer.tokens(of: [name]), "\(name)")
        }
    }

    @Test("typing slips: one letter changed, added, dropped or two swapped; two in long words")
    func typos() {
        #expect(EditDistance.distance("camila", "cmaila") == 1)
        #expect(EditDistance.distance("okafor", "oaafor") == 1)
        #expect(EditDistance.distance("khury", "khouiy") == 2)
        #expect(EditDistance.distance("kitten", "sitting") == 3)
        #expect(EditDistance.distance("", "abc") == 3)
        // Jaro–Winkler scores this pair 0.90, under the 0.92 it asks of names alike; one changed letter is a slip.
        let a = MatchRecord(id: "a", givenName: "Kikbrain", familyName: "Varyurbrennim")
        let b = MatchRecord(id: "b", givenName: "Kikbrain", familyName: "Vaiyurbrennim")
        #expect(JaroWinkler.similarity("varyurbrennim", "vaiyurbrennim") < 0.92)
        #expect(ComparisonVector.compare(a, b, referenceYear: 2026)[.name] == 2)
        let c = MatchRecord(id: "c", givenName: "Kikbrain", familyName: "Vortimbrennam")
        #expect(ComparisonVector.compare(a, c, referenceYear: 2026)[.name] != 2)
    }

    @Test("Jaro–Winkler gives the textbook values")
    func jaroWinkler() {
        #expect(abs(JaroWinkler.similarity("MARTHA", "MARHTA") - 0.9611) < 0.001)
        #expect(abs(JaroWinkler.similarity("DWAYNE", "DUANE") - 0.84) < 0.001)
        #expect(abs(JaroWinkler.similarity("DIXON", "DICKSONX") - 0.8133) < 0.001)
        #expect(JaroWinkler.similarity("abc", "abc") == 1)
        #expect(JaroWinkler.similarity("abc", "xyz") == 0)
    }

    @Test("partial dates in the forms the CSV allows")
    func partialDates() {
        #expect(PartialDate("2016-04-09") == PartialDate(year: 2016, month: 4, day: 9))
        #expect(PartialDate("20160409") == PartialDate(year: 2016, month: 4, day: 9))
        #expect(PartialDate("2016-04") == PartialDate(year: 2016, month: 4))
        #expect(PartialDate("2016") == PartialDate(year: 2016))
        #expect(PartialDate("2016-02-30") == nil)
        #expect(PartialDate("April 2016") == nil)
    }

    @Test("comparison levels: swapped day and month, estimated ages, swapped names")
    func levels() {
        let a = MatchRecord(id: "a", givenName: "Lina", familyName: "Haddad", sex: .female, birthDate: PartialDate(year: 2019, month: 3, day: 7))
        let swapped = MatchRecord(id: "b", givenName: "Haddad", familyName: "Lina", sex: .female, birthDate: PartialDate(year: 2019, month: 7, day: 3))
        let v = ComparisonVector.compare(a, swapped, referenceYear: 2026)
        #expect(v[.name] == 4)
        #expect(v[.birthDate] == 5)
        #expect(v[.sex] == 1)
        #expect(v[.place] == nil)
        let aged = MatchRecord(id: "c", givenName: "Leena", familyName: "Hadad", age: 7)
        let w = ComparisonVector.compare(a, aged, referenceYear: 2026)
        #expect(w[.birthDate] == 2)
        #expect(w[.name] == 2)
    }
}

@Suite("Matching: Fellegi–Sunter with EM")
struct MatchingModelTests {
    @Test("dedupe finds the generator's duplicates with high precision and recall, learning m and u without labels")
    func dedupeQuality() {
        let data = SyntheticPeople(seed: 11).dedupeSet(people: 3_000)
        let (pairs, model) = Linker(referenceYear: 2026).dedupe(data.records, threshold: 0.5)
        let truePositives = pairs.filter { data.isMatch($0.left, $0.right) }.count
        let precision = Double(truePositives) / Double(max(1, pairs.count))
        let recall = Double(truePositives) / Double(data.truePairs)
        #expect(precision >= 0.95, "precision \(precision)")
        #expect(recall >= 0.9, "recall \(recall)")
        // Learned weights point the right way: agreeing on a name is evidence for a match, disagreeing against.
        #expect(model.weight(.name, level: 4) > 3)
        #expect(model.weight(.name, level: 0) < 0)
        #expect(model.weight(.birthDate, level: 6) > model.weight(.birthDate, level: 3))
        // An age that fits a birth date is evidence for a match; one that does not, against.
        #expect(model.weight(.birthDate, level: 2) > 0)
        #expect(model.weight(.birthDate, level: 1) < 0)
    }

    @Test("names alike weigh by how common their sound is: a rare name misspelt says more than a common one")
    func alikeFrequency() {
        var records = (0..<200).map { MatchRecord(id: "common\($0)", givenName: "Maria", familyName: "Garcia") }
        records += [MatchRecord(id: "c1", givenName: "Mariia", familyName: "Garcia"), MatchRecord(id: "c2", givenName: "Maria", familyName: "Garcia"),
                    MatchRecord(id: "r1", givenName: "Wombetbar", familyName: "Shakkhiawom"), MatchRecord(id: "r2", givenName: "Wombetbor", familyName: "Shakkhiawom")]
        let p = PreparedRecords(records, referenceYear: 2026)
        let frequency = WordFrequency(p, 0..<p.count)
        let n = records.count
        #expect(ComparisonVector.nameLevel(p, n - 4, p, n - 3) == 2)
        #expect(ComparisonVector.nameLevel(p, n - 2, p, n - 1) == 2)
        let common = frequency.adjustment(p, n - 4, p, n - 3, averageU: 0.001)
        let rare = frequency.adjustment(p, n - 2, p, n - 1, averageU: 0.001)
        #expect(rare > 0)
        #expect(common < 0)
    }

    @Test("probabilities are calibrated: among pairs scored around p, about p are true")
    func calibration() {
        let data = SyntheticPeople(seed: 5).dedupeSet(people: 4_000)
        let (pairs, _) = Linker(referenceYear: 2026).dedupe(data.records, threshold: 0.0)
        let confident = pairs.filter { $0.probability >= 0.9 }
        let doubtful = pairs.filter { $0.probability < 0.1 }
        let confidentTrue = Double(confident.filter { data.isMatch($0.left, $0.right) }.count) / Double(max(1, confident.count))
        let doubtfulTrue = Double(doubtful.filter { data.isMatch($0.left, $0.right) }.count) / Double(max(1, doubtful.count))
        #expect(confidentTrue >= 0.9, "\(confidentTrue)")
        #expect(doubtfulTrue <= 0.1, "\(doubtfulTrue)")
    }

    @Test("link finds a sought child written in another script and spelling")
    func link() {
        let registered = [
            MatchRecord(id: "child-1", givenName: "Mohamed", familyName: "Hassan", sex: .male, birthDate: PartialDate("2017-05-02"), place: "Aleppo"),
            MatchRecord(id: "child-2", givenName: "Maria", familyName: "Ivanova", sex: .female, birthDate: PartialDate("2015-11-20"), place: "Kharkiv"),
        ] + SyntheticPeople(seed: 3).dedupeSet(people: 2_000, duplicateShare: 0).records
        // The model is fitted where there is data to learn from: a registry with duplicates.
        let trained = Linker(referenceYear: 2026).dedupe(SyntheticPeople(seed: 4).dedupeSet(people: 2_000).records, threshold: 1).model
        let sought = [MatchRecord(id: "request-1", givenName: "محمد", familyName: "حسن", sex: .male, age: 9, place: "Aleppo")]
        let (pairs, model) = Linker(referenceYear: 2026).link(left: sought, right: registered, threshold: 0.0, model: trained)
        #expect(pairs.first?.right == "child-1")
        #expect((pairs.first?.probability ?? 0) > 0.5)
        let evidence = model.explain(pairs.first!.vector)
        #expect(evidence.first { $0.field == .name }?.level == "names alike in sound or spelling")
    }

    @Test("namesakes do not fool the model: a tiny pool of names, many people, few true duplicates")
    func namesakes() {
        var rng = SeededGenerator(seed: 99)
        let given = ["maria", "jose", "ana", "luis", "omar", "olga", "ivan", "sofia"], family = ["garcia", "hassan", "ivanov", "silva", "osei"]
        var records: [MatchRecord] = []
        var truePairs = Set<String>()
        for i in 0..<2_500 {
            let d = PartialDate(year: rng.int(2010...2024), month: rng.int(1...12), day: rng.int(1...28))
            let r = MatchRecord(id: "r\(i)", givenName: rng.pick(given), familyName: rng.pick(family), sex: rng.chance(0.5) ? .female : .male,
                                birthDate: d, place: rng.pick(["aleppo", "homs", "lviv", "gao"]))
            records.append(r)
            if rng.chance(0.3) {
                var copy = r
                copy.id = "r\(i)b"
                if rng.chance(0.4) { copy.givenName = String(copy.givenName.dropLast()) }
                if rng.chance(0.3) { copy.place = nil }
                records.append(copy)
                truePairs.insert("r\(i)|r\(i)b")
            }
        }
        let (pairs, _) = Linker(referenceYear: 2026).dedupe(records, threshold: 0.5)
        let found = pairs.filter { truePairs.contains("\($0.left)|\($0.right)") || truePairs.contains("\($0.right)|\($0.left)") }.count
        let precision = Double(found) / Double(max(1, pairs.count)), recall = Double(found) / Double(truePairs.count)
        #expect(precision >= 0.95, "precision \(precision) over \(pairs.count) pairs")
        #expect(recall >= 0.95, "recall \(recall)")
    }

    @Test("link between two sets learns its own model and finds the people in both")
    func linkSets() {
        let data = SyntheticPeople(seed: 21).dedupeSet(people: 3_000, duplicateShare: 0.4)
        let left = data.records.filter { !$0.id.contains("-") }, right = data.records.filter { $0.id.contains("-") }
        let (pairs, _) = Linker(referenceYear: 2026).link(left: left, right: right, threshold: 0.5)
        let found = pairs.filter { data.isMatch($0.left, $0.right) }.count
        #expect(Double(found) / Double(max(1, pairs.count)) >= 0.95)
        #expect(Double(found) / Double(right.count) >= 0.9)
    }

    @Test("the generator is deterministic")
    func generator() {
        #expect(SyntheticPeople(seed: 1).dedupeSet(people: 100).records == SyntheticPeople(seed: 1).dedupeSet(people: 100).records)
    }
}

@Suite("Matching: CSV in and out")
struct MatchCSVTests {
    @Test("rows with quotes, commas and newlines inside quotes")
    func rows() {
        let rows = MatchCSV.rows("id,given_name\n1,\"Ana, María\"\n2,\"Say \"\"Hi\"\"\"\n3,\"two\nlines\"\n4,x\n")
        #expect(rows.map(\.fields) == [["id", "given_name"], ["1", "Ana, María"], ["2", "Say \"Hi\""], ["3", "two\nlines"], ["4", "x"]])
        #expect(rows.map(\.line) == [1, 2, 3, 4, 6])
    }

    @Test("unknown columns are reported, malformed rows skipped with their line numbers; a date or age that is none is left out")
    func reading() throws {
        let text = """
        id,given_name,family_name,birth_date,age,shoe_size,sex
        a1,Lina,Haddad,2019-03-07,,42,F
        a2,Omar,Haddad,201903,,40,m
        a3,Bad,Date,07/03/2019,,1,f
        a4,Too,Few
        a1,Dup,Id,2019,,1,f
        ,No,Id,2019,,1,f
        a5,Age,Only,,seven,1,f
        a6,Age,Only,,7,1,x
        """
        let result = try MatchCSV.read(text)
        #expect(result.records.map(\.id) == ["a1", "a2", "a3", "a5", "a6"])
        #expect(result.unknownColumns == ["shoe_size"])
        #expect(result.problems.count == 5)
        #expect(result.problems[0] == "line 4: birth_date '07/03/2019' is not a date as YYYY-MM-DD, YYYYMMDD, YYYY-MM or YYYY; read without it")
        #expect(result.problems[1].hasPrefix("line 5: 3 fields"))
        #expect(result.problems[4].hasPrefix("line 8: age 'seven'"))
        #expect(result.records[1].birthDate == PartialDate(year: 2019, month: 3))
        #expect(result.records[2].birthDate == nil && result.records[2].familyName == "Date")
        #expect(result.records[0].sex == .female && result.records[4].sex == nil && result.records[4].age == 7)
        #expect(throws: MatchCSV.Failure.self) { try MatchCSV.read("name\nx\n") }
        #expect(throws: MatchCSV.Failure.self) { try MatchCSV.read("") }
    }

    @Test("output is one line per pair, best first, ids quoted where needed")
    func writing() {
        let v = ComparisonVector(levels: [4] + Array(repeating: nil, count: MatchField.allCases.count - 1))
        let out = MatchCSV.write([ScoredPair(left: "a,1", right: "b", probability: 0.98765, vector: v)], header: ("left_id", "right_id"))
        #expect(out == "left_id,right_id,probability\n\"a,1\",b,0.9877\n")
    }
}

@Suite("Addresses and codes as evidence")
struct AddressMatchingTests {
    @Test("columns by other common names (surname, suburb, state, date_of_birth) are read as Reunify's; the address is kept")
    func aliases() throws {
        let text = """
        rec_id,id,given_name,surname,street_number,address_1,address_2,suburb,postcode,state,date_of_birth,soc_sec_id,phone_number
        x,r1,lina,haddad,27,tullaroop street,willaroo,st james,4011,wa,19081209,6988048,+61 (0)4 1234 5678
        """
        let result = try MatchCSV.read(text)
        #expect(result.unknownColumns == ["rec_id"])
        let r = try #require(result.records.first)
        #expect(r.familyName == "haddad" && r.birthDate == PartialDate(year: 1908, month: 12, day: 9) && r.identifier == "6988048")
        #expect(r.address == PostalAddress(streetNumber: "27", street: "tullaroop street, willaroo", locality: "st james", postcode: "4011", region: "wa"))
        #expect(r.phone == "+61 (0)4 1234 5678")
    }

    @Test("house number, street, postcode and locality each have their levels; a free-text address is read into its parts")
    func levels() {
        let a = MatchRecord(id: "a", givenName: "Lina", familyName: "Haddad",
                            address: PostalAddress(streetNumber: "27", street: "Tullaroop Street", locality: "St James", postcode: "4011", region: "WA"),
                            phone: "0412 345 678")
        let free = MatchRecord(id: "b", givenName: "Lina", familyName: "Haddad",
                               address: PostalAddress(street: "27 tullaroop st, st james 4011"), phone: "+61 412 345 678")
        let v = ComparisonVector.compare(a, free, referenceYear: 2026)
        #expect(v[.streetNumber] == 2)
        #expect(v[.street] == 2)   // "tullaroop street" among "tullaroop street st james"
        #expect(v[.area] == 5)     // the same postcode; no locality given apart on one side
        #expect(v[.phone] == 2)
        let typed = MatchRecord(id: "c", address: PostalAddress(streetNumber: "72", street: "Tullarop Street", locality: "St Jmaes", postcode: "4101"))
        let w = ComparisonVector.compare(a, typed, referenceYear: 2026)
        #expect(w[.streetNumber] == 1 && w[.street] == 1 && w[.area] == 3)
        let far = MatchRecord(id: "d", address: PostalAddress(streetNumber: "5", street: "Milne Cove", locality: "Bittern", postcode: "2602", region: "WA"))
        let x = ComparisonVector.compare(a, far, referenceYear: 2026)
        #expect(x[.streetNumber] == 0 && x[.street] == 0 && x[.area] == 1 && x[.phone] == nil && x[.name] == nil)
    }

    @Test("a tracing request that shares only the address and a misspelt name finds the registered child first")
    func soughtByAddress() {
        var generator = SyntheticPeople(seed: 5, referenceYear: 2026)
        generator.addressShare = 0.6
        var registry = generator.dedupeSet(people: 2_000, duplicateShare: 0).records
        let child = MatchRecord(id: "child", givenName: "Wiremu", familyName: "Tanekaha", sex: .male, birthDate: PartialDate(year: 2016, month: 4, day: 9),
                                address: PostalAddress(streetNumber: "27", street: "Tullaroop Street", locality: "Willaroo", postcode: "4011"))
        var sister = child
        (sister.id, sister.givenName, sister.sex, sister.birthDate) = ("sister", "Aroha", .female, PartialDate(year: 2012, month: 1, day: 30))
        registry += [child, sister]
        let matcher = TracingMatcher(model: TracingMatcher.reference(referenceYear: 2026), referenceYear: 2026)
        let sought = MatchRecord(id: "request", givenName: "Wirmeu", familyName: "Tanekha", address: PostalAddress(street: "27 Tullaroop St, Willaroo 4011"))
        let index = RegistryIndex(registry, referenceYear: 2026, model: matcher.model)
        let found = index.search(sought)
        #expect(found.first?.registeredID == "child")
        #expect((found.first?.probability ?? 0) >= 0.5)
        #expect(found.first { $0.registeredID == "sister" }.map { $0.probability < found[0].probability } ?? true)
        let counted = Set(found.first?.evidence.filter { ($0.weight ?? 0) > 0 }.map(\.field) ?? [])
        #expect(counted.isSuperset(of: [.name, .streetNumber, .street, .area]))
        // Scoring every registered child (the workflow's path) agrees with the index.
        #expect(matcher.candidates(for: sought, among: registry).first?.registeredID == "child")
    }

    @Test("pairs damaged in two fields still meet in blocking: a mistyped date and name, a changed name and address")
    func blockingSurvivesDamage() {
        let linker = Linker(referenceYear: 2026)
        let base = MatchRecord(id: "a", givenName: "Brennan", familyName: "Kowalczyk", birthDate: PartialDate(year: 1985, month: 3, day: 12),
                               address: PostalAddress(streetNumber: "14", street: "Salsola Street", locality: "Prospect", postcode: "6530"))
        var dateAndName = base
        (dateAndName.id, dateAndName.givenName, dateAndName.birthDate) = ("b", "Brenan", PartialDate(year: 1958, month: 3, day: 12))
        dateAndName.address = PostalAddress()
        var nameAndPostcode = base
        (nameAndPostcode.id, nameAndPostcode.givenName, nameAndPostcode.familyName) = ("c", "Kowalczyk", "Brennon")
        (nameAndPostcode.birthDate, nameAndPostcode.address.postcode) = (PartialDate(year: 1941, month: 7, day: 1), "6503")
        let prepared = PreparedRecords([base, dateAndName, nameAndPostcode], referenceYear: 2026)
        let pairs = Set(linker.candidates(prepared).map { "\($0.0)-\($0.1)" })
        #expect(pairs.contains("0-1"))
        #expect(pairs.contains("0-2"))
    }
}
