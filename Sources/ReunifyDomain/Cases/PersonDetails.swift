import Foundation
import ReunifyMatching

/// What is recorded about a person, whatever their part in any case.
public struct PersonDetails: Equatable, Sendable, Codable {
    public var givenName: String
    public var familyName: String
    /// Other names and aliases, as the family says them.
    public var otherNames: [String]
    public var birthDate: CalendarDate?
    /// True when the birth date is a worker's estimate, not a document's.
    public var birthDateEstimated: Bool
    public var sex: Sex
    public var languages: [String]
    public var interpreterNeeded: Bool
    public var tribalAffiliation: String?
    public var icwaStatus: ICWAStatus
    public var phone: String?
    public var email: String?
    /// Where the person lives: the street in `line`, then town, state or province code, postcode and country code.
    public var address: Address?
    /// Where the person comes from (town, district, country), as tracing uses it.
    public var placeOfOrigin: String?
    /// For a child: consent for tracing their family was given (by the child, as fits their age, and those able to give it).
    /// A child is matched against tracing requests only then.
    public var tracingConsent: Bool

    public init(givenName: String, familyName: String, otherNames: [String] = [], birthDate: CalendarDate? = nil,
                birthDateEstimated: Bool = false, sex: Sex = .unknown, languages: [String] = ["English"],
                interpreterNeeded: Bool = false, tribalAffiliation: String? = nil, icwaStatus: ICWAStatus = .unknown,
                phone: String? = nil, email: String? = nil, address: Address? = nil, placeOfOrigin: String? = nil,
                tracingConsent: Bool = false) {
        self.givenName = givenName
        self.familyName = familyName
        self.otherNames = otherNames
        self.birthDate = birthDate
        self.birthDateEstimated = birthDateEstimated
        self.sex = sex
        self.languages = languages
        self.interpreterNeeded = interpreterNeeded
        self.tribalAffiliation = tribalAffiliation
        self.icwaStatus = icwaStatus
        self.phone = phone
        self.email = email
        self.address = address
        self.placeOfOrigin = placeOfOrigin
        self.tracingConsent = tracingConsent
    }

    public var fullName: String {
        [givenName, familyName].filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// Every name the person is known by, folded for search.
    public var searchText: String {
        SearchText.fold(([givenName, familyName] + otherNames).joined(separator: " "))
    }

    public func validate(today: CalendarDate) -> [FieldError] {
        var errors: [FieldError] = []
        if givenName.trimmingCharacters(in: .whitespaces).isEmpty {
            errors.append(FieldError("givenName", .rulePersonGiven))
        }
        if familyName.trimmingCharacters(in: .whitespaces).isEmpty {
            errors.append(FieldError("familyName", .rulePersonFamily))
        }
        if givenName.count > 100 { errors.append(FieldError("givenName", .rulePersonGivenLong)) }
        if familyName.count > 100 { errors.append(FieldError("familyName", .rulePersonFamilyLong)) }
        if let birthDate {
            if birthDate > today {
                errors.append(FieldError("birthDate", .rulePersonBirthFuture))
            } else if birthDate.age(on: today) > 120 {
                errors.append(FieldError("birthDate", .rulePersonBirthOld))
            }
        }
        if let email, !email.isEmpty, !(email.contains("@") && email.contains(".")) {
            errors.append(FieldError("email", .rulePersonEmail))
        }
        if let address { errors += address.validate() }
        return errors
    }
}
