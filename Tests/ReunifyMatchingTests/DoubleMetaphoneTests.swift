import Testing
@testable import ReunifyMatching

@Suite("Double Metaphone")
struct DoubleMetaphoneTests {
    @Test("primary and alternate codes of names that read two ways", arguments: [
        ("Smith", "SM0", "XMT"), ("Schmidt", "XMT", "SMT"), ("Jose", "HS", "HS"), ("Thomas", "TMS", "TMS"),
        ("Xavier", "SF", "SFR"), ("Knight", "NT", "NT"), ("Philip", "FLP", "FLP"),
    ])
    func codes(name: String, primary: String, alternate: String) {
        let c = DoubleMetaphone.codes(name)
        #expect(c.primary == primary && c.alternate == alternate, "\(name): \(c)")
    }

    @Test("spellings across scripts share a code", arguments: [
        ("Mohamed", "محمد"), ("Muhammad", "Mohammed"), ("Maria", "Мария"), ("Mariia", "Марія"), ("Alhassan", "الحسن"),
    ])
    func scripts(a: String, b: String) {
        let (x, y) = (DoubleMetaphone.codes(a), DoubleMetaphone.codes(b))
        #expect(x.primary == y.primary || x.primary == y.alternate || x.alternate == y.primary, "\(a) \(x) / \(b) \(y)")
    }

    @Test("different names keep different codes")
    func distinct() {
        #expect(DoubleMetaphone.codes("Maria").primary != DoubleMetaphone.codes("Omar").primary)
        #expect(DoubleMetaphone.codes("Ivanov").primary != DoubleMetaphone.codes("Petrova").primary)
        #expect(DoubleMetaphone.codes("").primary.isEmpty)
    }
}
