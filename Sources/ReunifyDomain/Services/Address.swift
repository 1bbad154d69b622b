import Foundation

/// Where a person lives, in parts, so that a rule can ask which state or province that is. `region` is a state or
/// province code (`CA`, `NV`, `ON`), `country` an ISO 3166-1 alpha-2 code (`US`). An address written as one line
/// before the parts existed is kept whole in `line`.
public struct Address: Equatable, Sendable, Codable {
    public var line: String
    public var locality: String?
    public var region: String?
    public var postcode: String?
    public var country: String?

    public init(line: String, locality: String? = nil, region: String? = nil, postcode: String? = nil, country: String? = nil) {
        self.line = line
        self.locality = locality
        self.region = region
        self.postcode = postcode
        self.country = country
    }

    /// Trims every part and leaves empty parts out; nil when nothing is left. Codes are kept as written, so that
    /// `validate` can refuse a code in the wrong case (a form upper-cases them first).
    public static func tidy(line: String?, locality: String?, region: String?, postcode: String?, country: String?) -> Address? {
        func clean(_ s: String?) -> String? {
            let t = (s ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            return t.isEmpty ? nil : t
        }
        let address = Address(line: clean(line) ?? "", locality: clean(locality), region: clean(region),
                                    postcode: clean(postcode), country: clean(country))
        return address.isEmpty ? nil : address
    }

    public var isEmpty: Bool { line.isEmpty && locality == nil && region == nil && postcode == nil && country == nil }

    /// The address on one line, as an envelope would have it.
    public var text: String {
        let place = [locality, [region, postcode].compactMap { $0 }.joined(separator: " ")].compactMap { $0 }.filter { !$0.isEmpty }
        return ([line] + place + [country].compactMap { $0 }).filter { !$0.isEmpty }.joined(separator: ", ")
    }

    /// The region's name in words ("California"), or its code when the list does not know it.
    public var regionName: String? { region.map { Regions.name(of: $0, country: country) } }

    /// Longest parts, in Unicode code points as JSON Schema counts them.
    public static let maxLine = 300, maxLocality = 100, maxPostcode = 20

    /// The parts' rules: codes have their standard shape, each part a sensible length. `field` prefixes the names.
    public func validate(field: String = "address") -> [FieldError] {
        var errors: [FieldError] = []
        if line.unicodeScalars.count > Self.maxLine { errors.append(FieldError("\(field).line", .ruleAddressLine)) }
        if let locality, locality.unicodeScalars.count > Self.maxLocality { errors.append(FieldError("\(field).locality", .ruleAddressLocality)) }
        if let postcode, postcode.unicodeScalars.count > Self.maxPostcode { errors.append(FieldError("\(field).postcode", .ruleAddressPostcode)) }
        if let country, !Regions.isCountryCode(country) {
            errors.append(FieldError("\(field).country", .ruleAddressCountry))
        }
        if let region, !Regions.isRegionCode(region) {
            errors.append(FieldError("\(field).region", .ruleAddressRegion))
        } else if let region, (country ?? "US") == "US", Regions.usStates[region] == nil {
            errors.append(FieldError("\(field).region", .ruleAddressUSState, ["region": region]))
        }
        return errors
    }
}

/// State and province codes and names, for rules that name a region in words.
public enum Regions {
    /// US states, the District of Columbia and the territories (USPS codes).
    public static let usStates: [String: String] = [
        "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California", "CO": "Colorado",
        "CT": "Connecticut", "DE": "Delaware", "DC": "the District of Columbia", "FL": "Florida", "GA": "Georgia",
        "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky",
        "LA": "Louisiana", "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
        "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire",
        "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York", "NC": "North Carolina", "ND": "North Dakota",
        "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island",
        "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont",
        "VA": "Virginia", "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
        "AS": "American Samoa", "GU": "Guam", "MP": "the Northern Mariana Islands", "PR": "Puerto Rico",
        "VI": "the U.S. Virgin Islands",
    ]
    /// Canadian provinces and territories.
    public static let canadianProvinces: [String: String] = [
        "AB": "Alberta", "BC": "British Columbia", "MB": "Manitoba", "NB": "New Brunswick", "NL": "Newfoundland and Labrador",
        "NS": "Nova Scotia", "NT": "the Northwest Territories", "NU": "Nunavut", "ON": "Ontario", "PE": "Prince Edward Island",
        "QC": "Quebec", "SK": "Saskatchewan", "YT": "Yukon",
    ]

    public static func name(of code: String, country: String? = nil) -> String {
        let code = code.uppercased()
        switch country?.uppercased() {
        case "CA": return canadianProvinces[code] ?? code
        case nil, "US": return usStates[code] ?? code
        default: return code
        }
    }

    /// ISO 3166-2 subdivision codes are one to three letters or digits.
    public static func isRegionCode(_ s: String) -> Bool {
        (1...3).contains(s.count) && s.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber) }
    }

    public static func isCountryCode(_ s: String) -> Bool { s.count == 2 && s.allSatisfy { $0.isASCII && $0.isUppercase } }
}
