import Foundation

/// What kind of help a service gives.
public enum ServiceCategory: String, CodedValue {
    case parentingEducation = "parenting_education"
    case individualTherapy = "individual_therapy"
    case familyTherapy = "family_therapy"
    case reunificationTherapy = "reunification_therapy"
    case substanceUseTreatment = "substance_use_treatment"
    case mentalHealth = "mental_health"
    case housing
    case financialAssistance = "financial_assistance"
    case domesticViolence = "domestic_violence"
    case employment
    case transportation
    case other

    public static let listName = "service category"
    public var label: String {
        switch self {
        case .parentingEducation: "Parenting education"
        case .individualTherapy: "Individual therapy"
        case .familyTherapy: "Family therapy"
        case .reunificationTherapy: "Reunification therapy"
        case .substanceUseTreatment: "Substance use treatment"
        case .mentalHealth: "Mental health"
        case .housing: "Housing"
        case .financialAssistance: "Financial assistance"
        case .domesticViolence: "Domestic violence services"
        case .employment: "Employment"
        case .transportation: "Transportation"
        case .other: "Other"
        }
    }

    /// Records of substance use treatment are protected by 42 CFR Part 2: disclosed only with the patient's written
    /// consent, to those the consent names.
    public var isRestricted: Bool { self == .substanceUseTreatment }
}

/// Who a service takes: where they must live, how old they must be, and whose referrals it accepts.
public struct Eligibility: Equatable, Sendable, Codable {
    /// Region codes (`["CA"]`) whose residents the service takes; nil for anyone wherever they live.
    public var residentOf: [String]?
    public var minAge: Int?
    public var maxAge: Int?
    /// The roles a person in the family must have in the case (parent, child, caregiver…); nil for any.
    public var memberRoles: [MemberRole]?
    /// Whose referrals the service takes (caseworkers, clinicians…); nil for any staff who may refer.
    public var referrers: [UserRole]?

    public init(residentOf: [String]? = nil, minAge: Int? = nil, maxAge: Int? = nil, memberRoles: [MemberRole]? = nil,
                referrers: [UserRole]? = nil) {
        self.residentOf = residentOf
        self.minAge = minAge
        self.maxAge = maxAge
        self.memberRoles = memberRoles
        self.referrers = referrers
    }

    public static let anyone = Eligibility()

    /// The rule's own consistency.
    public func validate(field: String = "eligibility") -> [FieldError] {
        var errors: [FieldError] = []
        if let residentOf {
            if residentOf.isEmpty { errors.append(FieldError("\(field).residentOf", "List at least one region, or leave residency open")) }
            for code in residentOf where !Regions.isRegionCode(code) {
                errors.append(FieldError("\(field).residentOf", "'\(code)' is not a state or province code, for example CA"))
            }
        }
        if let minAge, minAge < 0 || minAge > 120 { errors.append(FieldError("\(field).minAge", "Give an age from 0 to 120")) }
        if let maxAge, maxAge < 0 || maxAge > 120 { errors.append(FieldError("\(field).maxAge", "Give an age from 0 to 120")) }
        if let minAge, let maxAge, minAge > maxAge {
            errors.append(FieldError("\(field).maxAge", "The oldest age taken must not be below the youngest"))
        }
        return errors
    }

    /// The rules this person fails, each in words that name the rule and the person; empty when eligible.
    /// A residency rule is failed when the person's state is unknown as well, since it cannot be shown to hold.
    public func failures(of person: PersonDetails, role: MemberRole?, on date: CalendarDate, referrer: UserRole? = nil) -> [String] {
        failures(of: person, role: role, on: date, referrer: referrer, in: .english)
    }

    /// The same rules in a language.
    public func failures(of person: PersonDetails, role: MemberRole?, on date: CalendarDate, referrer: UserRole? = nil,
                         in language: UILanguage) -> [String] {
        func t(_ id: Msg, _ values: [String: String]) -> String { Catalogue.text(id, language, values) }
        func list(_ items: [String], _ joiner: Msg) -> String {
            items.count < 2 ? items.joined() : t(joiner, ["list": items.dropLast().joined(separator: ", "), "last": items.last!])
        }
        var failed: [String] = []
        let name = person.fullName
        if let residentOf {
            let places = list(residentOf.map { Regions.name(of: $0) }, .ruleListOr)
            if let region = person.address?.region {
                if !residentOf.contains(region.uppercased()) {
                    let country = person.address?.country
                    failed.append(t(.ruleEligibleResident, ["places": places, "name": name, "region": Regions.name(of: region, country: country)]))
                }
            } else {
                failed.append(t(.ruleEligibleNoState, ["places": places, "name": name]))
            }
        }
        if minAge != nil || maxAge != nil {
            if let birth = person.birthDate {
                let age = birth.age(on: date)
                if let minAge, age < minAge { failed.append(t(.ruleEligibleMinAge, ["min": String(minAge), "name": name, "age": String(age)])) }
                if let maxAge, age > maxAge { failed.append(t(.ruleEligibleMaxAge, ["max": String(maxAge), "name": name, "age": String(age)])) }
            } else {
                failed.append(t(.ruleEligibleNoBirth, ["name": name]))
            }
        }
        if let referrers, let referrer, !referrers.contains(referrer) {
            // English names the roles in the plural ("caseworkers"); Spanish lists the labels, which carry both genders.
            let roles = referrers.map { language == .english ? $0.label.lowercased() + "s" : $0.staffLabel(language).lowercased() }
            failed.append(t(.ruleEligibleReferrer, ["roles": list(roles, .ruleListAnd), "role": referrer.staffLabel(language).lowercased()]))
        }
        if let memberRoles, let role, !memberRoles.contains(role) {
            let roles = memberRoles.map { $0.staffLabel(language).lowercased() }.joined(separator: ", ")
            failed.append(t(.ruleEligibleMember, ["roles": roles, "name": name, "role": role.staffLabel(language).lowercased()]))
        }
        return failed
    }
}

/// One service an organisation offers.
public struct ProviderService: Equatable, Sendable, Codable {
    public var category: ServiceCategory
    public var name: String
    /// BCP 47 language codes the service is given in (`en`, `es`).
    public var languages: [String]
    public var eligibility: Eligibility
    /// Where it is given (addresses or "online", "in the home").
    public var locations: [String]
    public var hours: String?
    /// How many people it can take at once, and how many wait.
    public var capacity: Int?
    public var waitlist: Int?

    public init(category: ServiceCategory, name: String, languages: [String], eligibility: Eligibility = .anyone, locations: [String] = [],
                hours: String? = nil, capacity: Int? = nil, waitlist: Int? = nil) {
        self.category = category
        self.name = name
        self.languages = languages
        self.eligibility = eligibility
        self.locations = locations
        self.hours = hours
        self.capacity = capacity
        self.waitlist = waitlist
    }

    /// Whether the service is given at or near `place`: a state code or name (`NV`, `Nevada`) matches the provider's
    /// region, and any other text a location of the service ("Reno", "online").
    public func isGiven(near place: String, providerRegion: String) -> Bool {
        let wanted = place.trimmingCharacters(in: .whitespaces).lowercased()
        guard !wanted.isEmpty else { return true }
        if wanted == providerRegion.lowercased() || wanted == Regions.name(of: providerRegion).lowercased() { return true }
        return locations.contains { $0.lowercased().contains(wanted) }
    }

    public func validate(field: String = "") -> [FieldError] {
        let p = field.isEmpty ? "" : field + "."
        var errors: [FieldError] = []
        if name.trimmingCharacters(in: .whitespaces).isEmpty { errors.append(FieldError("\(p)name", "Name the service")) }
        if languages.isEmpty { errors.append(FieldError("\(p)languages", "List at least one language the service is given in")) }
        for code in languages where !Languages.isTag(code) {
            errors.append(FieldError("\(p)languages", "'\(code)' is not a language code; use codes like en or es"))
        }
        if let capacity, capacity < 0 { errors.append(FieldError("\(p)capacity", "Capacity cannot be negative")) }
        if let waitlist, waitlist < 0 { errors.append(FieldError("\(p)waitlist", "A waiting list cannot be negative")) }
        return errors + eligibility.validate(field: "\(p)eligibility")
    }
}

/// An organisation that gives services: its contact and region, and its services.
public struct Provider: Equatable, Sendable, Codable {
    public var name: String
    /// The state or province it works in (`CA`).
    public var region: String
    public var phone: String?
    public var email: String?
    public var address: String?

    public init(name: String, region: String, phone: String? = nil, email: String? = nil, address: String? = nil) {
        self.name = name
        self.region = region
        self.phone = phone
        self.email = email
        self.address = address
    }

    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        if name.trimmingCharacters(in: .whitespaces).isEmpty { errors.append(FieldError("name", "Name the organisation")) }
        if !Regions.isRegionCode(region) { errors.append(FieldError("region", "Enter the state or province as its code, for example CA")) }
        return errors
    }
}

/// Language tags as BCP 47 writes them (`en`, `es`, `es-MX`), and their names for pages.
public enum Languages {
    public static let names: [String: String] = [
        "en": "English", "es": "Spanish", "fr": "French", "pt": "Portuguese", "zh": "Chinese", "vi": "Vietnamese",
        "ko": "Korean", "tl": "Tagalog", "ar": "Arabic", "ru": "Russian", "hy": "Armenian", "fa": "Persian", "so": "Somali",
        "uk": "Ukrainian", "ht": "Haitian Creole", "hmn": "Hmong", "asl": "American Sign Language",
    ]

    /// A primary language subtag of two or three letters, then optional subtags of two to eight letters or digits.
    public static func isTag(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (2...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    public static func name(of tag: String) -> String {
        let primary = String(tag.split(separator: "-").first ?? "").lowercased()
        return names[primary] ?? tag
    }

    /// Whether a service given in `offered` languages serves someone speaking `spoken` (primary subtags compared).
    public static func matches(_ offered: [String], _ spoken: String) -> Bool {
        let want = String(spoken.split(separator: "-").first ?? "").lowercased()
        return offered.contains { String($0.split(separator: "-").first ?? "").lowercased() == want }
    }
}

/// A search of the directory: by kind, language and place, and for one family member the services they may be
/// referred to (by the person searching, as the referral itself would check).
public struct ServiceSearch: Sendable {
    public var category: ServiceCategory?
    public var language: String?
    public var place: String?
    /// The family member the services must take, with their part in the case.
    public var candidate: (person: PersonDetails, role: MemberRole?)?
    public var referrer: UserRole?
    public var on: CalendarDate

    public init(category: ServiceCategory? = nil, language: String? = nil, place: String? = nil,
                candidate: (person: PersonDetails, role: MemberRole?)? = nil, referrer: UserRole? = nil, on: CalendarDate) {
        self.category = category
        self.language = language
        self.place = place
        self.candidate = candidate
        self.referrer = referrer
        self.on = on
    }

    /// Nothing asked: every organisation is listed, even one without a service yet.
    public var isEmpty: Bool { category == nil && language == nil && place == nil && candidate == nil }

    public func admits(_ s: ProviderService, providerRegion: String) -> Bool {
        (category.map { s.category == $0 } ?? true)
            && (language.map { Languages.matches(s.languages, $0) } ?? true)
            && (place.map { s.isGiven(near: $0, providerRegion: providerRegion) } ?? true)
            && (candidate.map { s.eligibility.failures(of: $0.person, role: $0.role, on: on, referrer: referrer).isEmpty } ?? true)
    }
}
