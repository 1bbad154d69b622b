/// Sex as matching compares it; an unknown sex is nil.
public enum MatchSex: String, Sendable, CaseIterable {
    case female, male
}

/// A person as matching sees them: a registered child, a sought child of a tracing request, a CSV row.
public struct MatchRecord: Sendable, Equatable {
    public var id: String
    public var givenName: String
    public var familyName: String
    public var otherNames: [String]
    public var sex: MatchSex?
    public var birthDate: PartialDate?
    /// An age estimate in years on the reference date, when the birth date is unknown.
    public var age: Int?
    /// The place of origin (a town, a village, a camp).
    public var place: String?
    public var identifier: String?
    public var motherName: String?
    public var fatherName: String?
    /// Where the person lives or was last known to live. `address` is the street line (or a whole address in free
    /// text: a leading house number and a postcode in it are read as such when not given apart).
    public var address: PostalAddress
    public var phone: String?
    public var email: String?

    public init(id: String, givenName: String = "", familyName: String = "", otherNames: [String] = [], sex: MatchSex? = nil,
                birthDate: PartialDate? = nil, age: Int? = nil, place: String? = nil, identifier: String? = nil,
                motherName: String? = nil, fatherName: String? = nil, address: PostalAddress = PostalAddress(),
                phone: String? = nil, email: String? = nil) {
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
        self.address = address
        self.phone = phone
        self.email = email
    }
}

/// An address as matching reads it; every part optional.
public struct PostalAddress: Sendable, Equatable {
    public var streetNumber: String?
    /// The street line, and any second line (a building, an estate).
    public var street: String?
    public var locality: String?
    public var postcode: String?
    public var region: String?
    public var country: String?

    public init(streetNumber: String? = nil, street: String? = nil, locality: String? = nil, postcode: String? = nil,
                region: String? = nil, country: String? = nil) {
        self.streetNumber = streetNumber
        self.street = street
        self.locality = locality
        self.postcode = postcode
        self.region = region
        self.country = country
    }

    public var isEmpty: Bool { self == PostalAddress() }
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
