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

/// A record made ready for comparing: normalised once, compared many times.
public struct PreparedRecord: Sendable {
    public let record: MatchRecord
    let tokens: [String]
    let tokenSet: Set<String>
    let phonetic: [String]
    let birthYears: ClosedRange<Int>?
    let place: String?
    /// Each parent's name as normalised words.
    let parents: [[String]]

    public init(_ r: MatchRecord, referenceYear: Int) {
        record = r
        tokens = NameNormalizer.tokens(of: [r.givenName, r.familyName] + r.otherNames)
        tokenSet = Set(tokens)
        phonetic = tokens.map(PhoneticKey.of)
        if let d = r.birthDate {
            birthYears = d.year...d.year
        } else if let age = r.age {
            birthYears = (referenceYear - age - 1)...(referenceYear - age)
        } else {
            birthYears = nil
        }
        place = r.place.map { SearchText.fold(Transliteration.toLatin($0)) }.flatMap { $0.isEmpty ? nil : $0 }
        parents = [r.motherName, r.fatherName].compactMap { $0 }.map { NameNormalizer.tokens($0) }.filter { !$0.isEmpty }
    }
}
