import FluentKit
import Foundation
import ReunifyDomain

public final class PersonModel: VersionedModel, @unchecked Sendable {
    public static let schema = "persons"

    @ID(key: .id) public var id: UUID?
    @Field(key: .givenName) public var givenName: String
    @Field(key: .familyName) public var familyName: String
    /// Other names, one per line.
    @Field(key: .otherNames) public var otherNames: String
    @Field(key: .searchText) public var searchText: String
    @OptionalField(key: .birthDate) public var birthDate: String?
    @Field(key: .birthDateEstimated) public var birthDateEstimated: Bool
    @Field(key: .sex) public var sex: String
    /// Languages, comma separated, first the one the person prefers.
    @Field(key: .languages) public var languages: String
    @Field(key: .interpreterNeeded) public var interpreterNeeded: Bool
    @OptionalField(key: .tribalAffiliation) public var tribalAffiliation: String?
    @Field(key: .icwaStatus) public var icwaStatus: String
    @OptionalField(key: .phone) public var phone: String?
    @OptionalField(key: .email) public var email: String?
    /// The street address, or the whole address as one line where it was recorded before its parts were.
    @OptionalField(key: .address) public var address: String?
    @OptionalField(key: .addressLocality) public var addressLocality: String?
    @OptionalField(key: .addressRegion) public var addressRegion: String?
    @OptionalField(key: .addressPostcode) public var addressPostcode: String?
    @OptionalField(key: .addressCountry) public var addressCountry: String?
    @OptionalField(key: .placeOfOrigin) public var placeOfOrigin: String?
    @Field(key: .tracingConsent) public var tracingConsent: Bool
    /// Set when this record was found to be a duplicate and merged into the one kept; its history stays with it.
    @OptionalField(key: .mergedInto) public var mergedInto: UUID?
    @Field(key: .version) public var version: Int
    @Timestamp(key: .createdAt, on: .create) public var createdAt: Date?
    @Timestamp(key: .updatedAt, on: .update) public var updatedAt: Date?
    /// The fields above, listed for Fluent so reading or writing a row needs no reflection (`ModelFieldsTests`).
    public var properties: [any AnyProperty] {
        [$id, $givenName, $familyName, $otherNames, $searchText, $birthDate, $birthDateEstimated, $sex, $languages,
         $interpreterNeeded, $tribalAffiliation, $icwaStatus, $phone, $email, $address, $addressLocality,
         $addressRegion, $addressPostcode, $addressCountry, $placeOfOrigin, $tracingConsent, $mergedInto, $version,
         $createdAt, $updatedAt]
    }

    public init() {}

    public init(id: UUID? = nil, _ details: PersonDetails) {
        self.id = id
        self.version = 1
        apply(details)
    }

    public func apply(_ d: PersonDetails) {
        givenName = d.givenName.trimmingCharacters(in: .whitespaces)
        familyName = d.familyName.trimmingCharacters(in: .whitespaces)
        otherNames = d.otherNames.joined(separator: "\n")
        searchText = d.searchText
        birthDate = d.birthDate?.iso
        birthDateEstimated = d.birthDateEstimated
        sex = d.sex.rawValue
        languages = d.languages.joined(separator: ", ")
        interpreterNeeded = d.interpreterNeeded
        tribalAffiliation = d.tribalAffiliation
        icwaStatus = d.icwaStatus.rawValue
        phone = d.phone
        email = d.email
        address = d.address?.line
        addressLocality = d.address?.locality
        addressRegion = d.address?.region
        addressPostcode = d.address?.postcode
        addressCountry = d.address?.country
        placeOfOrigin = d.placeOfOrigin
        tracingConsent = d.tracingConsent
    }

    public var details: PersonDetails {
        PersonDetails(givenName: givenName, familyName: familyName,
                      otherNames: otherNames.split(separator: "\n").map(String.init),
                      birthDate: birthDate.flatMap(CalendarDate.init(iso:)), birthDateEstimated: birthDateEstimated,
                      sex: Sex(rawValue: sex) ?? .unknown,
                      languages: Self.languages(from: languages),
                      interpreterNeeded: interpreterNeeded, tribalAffiliation: tribalAffiliation,
                      icwaStatus: ICWAStatus(rawValue: icwaStatus) ?? .unknown, phone: phone, email: email,
                      address: Address.tidy(line: address, locality: addressLocality, region: addressRegion, postcode: addressPostcode,
                                            country: addressCountry),
                      placeOfOrigin: placeOfOrigin, tracingConsent: tracingConsent)
    }
}

extension PersonModel {
    /// The birth date alone, for lists that need no more of the person than it (`details` builds every field).
    public var birthCalendarDate: CalendarDate? { birthDate.flatMap(CalendarDate.init(iso:)) }
    /// The ICWA status alone, as `details` reads it.
    public var icwa: ICWAStatus { ICWAStatus(rawValue: icwaStatus) ?? .unknown }

    /// The stored list of languages ("Spanish, English"), first language first.
    static func languages(from stored: String) -> [String] {
        stored.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }
}
