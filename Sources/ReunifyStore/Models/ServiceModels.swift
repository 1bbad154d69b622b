import FluentKit
import Foundation
import ReunifyDomain

private func encodeJSON<T: Encodable>(_ value: T) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return String(decoding: (try? encoder.encode(value)) ?? Data("null".utf8), as: UTF8.self)
}

private func decodeJSON<T: Decodable>(_ type: T.Type, _ text: String) -> T? {
    try? JSONDecoder().decode(type, from: Data(text.utf8))
}

/// An organisation in the directory of services.
public final class ProviderModel: VersionedModel, @unchecked Sendable {
    public static let schema = "providers"

    @ID(key: .id) public var id: UUID?
    @Field(key: .name) public var name: String
    @Field(key: .region) public var region: String
    @OptionalField(key: .phone) public var phone: String?
    @OptionalField(key: .email) public var email: String?
    @OptionalField(key: .address) public var address: String?
    @Field(key: .version) public var version: Int
    /// The fields above, listed for Fluent so reading or writing a row needs no reflection (`ModelFieldsTests`).
    public var properties: [any AnyProperty] { [$id, $name, $region, $phone, $email, $address, $version] }

    public init() {}
    public init(id: UUID? = nil, _ p: Provider) {
        self.id = id
        self.version = 1
        apply(p)
    }

    public func apply(_ p: Provider) {
        name = p.name.trimmingCharacters(in: .whitespaces)
        region = p.region
        phone = p.phone
        email = p.email
        address = p.address
    }

    public var details: Provider { Provider(name: name, region: region, phone: phone, email: email, address: address) }
}

/// One service of an organisation, with its eligibility rules.
public final class ProviderServiceModel: VersionedModel, @unchecked Sendable {
    public static let schema = "provider_services"

    @ID(key: .id) public var id: UUID?
    @Field(key: .providerID) public var providerID: UUID
    @Field(key: .category) public var category: String
    @Field(key: .name) public var name: String
    /// BCP 47 tags, comma separated.
    @Field(key: .languages) public var languages: String
    /// One location per line.
    @Field(key: .locations) public var locations: String
    @OptionalField(key: .hours) public var hours: String?
    @OptionalField(key: .capacity) public var capacity: Int?
    @OptionalField(key: .waitlist) public var waitlist: Int?
    /// The eligibility rules as JSON.
    @Field(key: .eligibility) public var eligibility: String
    @Field(key: .version) public var version: Int
    /// The fields above, listed for Fluent so reading or writing a row needs no reflection (`ModelFieldsTests`).
    public var properties: [any AnyProperty] {
        [$id, $providerID, $category, $name, $languages, $locations, $hours, $capacity, $waitlist, $eligibility,
         $version]
    }

    public init() {}
    public init(id: UUID? = nil, providerID: UUID, _ s: ProviderService) {
        self.id = id
        self.providerID = providerID
        self.version = 1
        apply(s)
    }

    public func apply(_ s: ProviderService) {
        category = s.category.rawValue
        name = s.name.trimmingCharacters(in: .whitespaces)
        languages = s.languages.joined(separator: ",")
        locations = s.locations.joined(separator: "\n")
        hours = s.hours
        capacity = s.capacity
        waitlist = s.waitlist
        eligibility = encodeJSON(s.eligibility)
    }

    public var details: ProviderService {
        ProviderService(category: ServiceCategory(rawValue: category) ?? .other, name: name,
                        languages: languages.split(separator: ",").map(String.init), eligibility: decodeJSON(Eligibility.self, eligibility) ?? .anyone,
                        locations: locations.split(separator: "\n").map(String.init), hours: hours, capacity: capacity, waitlist: waitlist)
    }
}

/// A family member's consent to share their information with one provider.
public final class ConsentModel: VersionedModel, @unchecked Sendable {
    public static let schema = "consents"

    @ID(key: .id) public var id: UUID?
    @Field(key: .caseID) public var caseID: UUID
    @Field(key: .personID) public var personID: UUID
    @Field(key: .providerID) public var providerID: UUID
    @Field(key: .scope) public var scope: String
    @Field(key: .givenOn) public var givenOn: String
    @OptionalField(key: .expiresOn) public var expiresOn: String?
    @OptionalField(key: .revokedOn) public var revokedOn: String?
    @OptionalField(key: .revocationReason) public var revocationReason: String?
    @Field(key: .recordedBy) public var recordedBy: UUID
    @Field(key: .version) public var version: Int
    /// The fields above, listed for Fluent so reading or writing a row needs no reflection (`ModelFieldsTests`).
    public var properties: [any AnyProperty] {
        [$id, $caseID, $personID, $providerID, $scope, $givenOn, $expiresOn, $revokedOn, $revocationReason, $recordedBy,
         $version]
    }

    public init() {}
    public init(caseID: CaseID, _ c: ConsentDetails, recordedBy: UserID) {
        self.caseID = caseID.uuid
        self.recordedBy = recordedBy.uuid
        self.version = 1
        apply(c)
    }

    public func apply(_ c: ConsentDetails) {
        personID = c.personID.uuid
        providerID = c.providerID.uuid
        scope = c.scope.trimmingCharacters(in: .whitespacesAndNewlines)
        givenOn = c.givenOn.iso
        expiresOn = c.expiresOn?.iso
        revokedOn = c.revokedOn?.iso
        revocationReason = c.revocationReason
    }

    public var details: ConsentDetails {
        ConsentDetails(personID: PersonID(personID), providerID: ProviderID(providerID), scope: scope,
                       givenOn: CalendarDate(iso: givenOn) ?? CalendarDate(year: 2000, month: 1, day: 1)!,
                       expiresOn: expiresOn.flatMap(CalendarDate.init(iso:)), revokedOn: revokedOn.flatMap(CalendarDate.init(iso:)),
                       revocationReason: revocationReason)
    }
}

/// A family member referred to a provider's service.
public final class ReferralModel: VersionedModel, @unchecked Sendable {
    public static let schema = "referrals"

    @ID(key: .id) public var id: UUID?
    @Field(key: .caseID) public var caseID: UUID
    @Field(key: .personID) public var personID: UUID
    @Field(key: .serviceID) public var serviceID: UUID
    @Field(key: .providerID) public var providerID: UUID
    @Field(key: .category) public var category: String
    /// Substance use treatment (42 CFR Part 2): kept so lists can leave restricted referrals out in the query.
    @Field(key: .restricted) public var restricted: Bool
    @OptionalField(key: .interventionID) public var interventionID: UUID?
    @Field(key: .reason) public var reason: String
    @Field(key: .status) public var status: String
    @Field(key: .referredOn) public var referredOn: String
    @Field(key: .referredBy) public var referredBy: UUID
    @OptionalField(key: .closingReason) public var closingReason: String?
    @OptionalField(key: .outcome) public var outcome: String?
    @OptionalField(key: .consentID) public var consentID: UUID?
    @Field(key: .version) public var version: Int
    /// The fields above, listed for Fluent so reading or writing a row needs no reflection (`ModelFieldsTests`).
    public var properties: [any AnyProperty] {
        [$id, $caseID, $personID, $serviceID, $providerID, $category, $restricted, $interventionID, $reason, $status,
         $referredOn, $referredBy, $closingReason, $outcome, $consentID, $version]
    }

    public init() {}
    public init(caseID: CaseID, _ r: ReferralDetails, referredBy: UserID) {
        self.caseID = caseID.uuid
        self.referredBy = referredBy.uuid
        self.version = 1
        apply(r)
    }

    public func apply(_ r: ReferralDetails) {
        personID = r.personID.uuid
        serviceID = r.serviceID.uuid
        providerID = r.providerID.uuid
        category = r.category.rawValue
        restricted = r.isRestricted
        interventionID = r.interventionID
        reason = r.reason
        status = r.status.rawValue
        referredOn = r.referredOn.iso
        closingReason = r.closingReason
        outcome = r.outcome
        consentID = r.consentID?.uuid
    }

    public var details: ReferralDetails {
        ReferralDetails(personID: PersonID(personID), serviceID: ServiceID(serviceID), providerID: ProviderID(providerID),
                        category: ServiceCategory(rawValue: category) ?? .other, interventionID: interventionID, reason: reason,
                        status: ReferralStatus(rawValue: status) ?? .referred,
                        referredOn: CalendarDate(iso: referredOn) ?? CalendarDate(year: 2000, month: 1, day: 1)!,
                        closingReason: closingReason, outcome: outcome, consentID: consentID.map(ConsentID.init))
    }
}

/// One version of a case plan.
public final class CasePlanModel: VersionedModel, @unchecked Sendable {
    public static let schema = "case_plans"

    @ID(key: .id) public var id: UUID?
    @Field(key: .caseID) public var caseID: UUID
    @Field(key: .number) public var number: Int
    @Field(key: .status) public var status: String
    @Field(key: .goals) public var goals: String
    @Field(key: .agreements) public var agreements: String
    @Field(key: .draftedOn) public var draftedOn: String
    @Field(key: .draftedBy) public var draftedBy: UUID
    @OptionalField(key: .approvedBy) public var approvedBy: UUID?
    @OptionalField(key: .approvedOn) public var approvedOn: String?
    @OptionalField(key: .startsOn) public var startsOn: String?
    @OptionalField(key: .supersededOn) public var supersededOn: String?
    @Field(key: .version) public var version: Int
    /// The fields above, listed for Fluent so reading or writing a row needs no reflection (`ModelFieldsTests`).
    public var properties: [any AnyProperty] {
        [$id, $caseID, $number, $status, $goals, $agreements, $draftedOn, $draftedBy, $approvedBy, $approvedOn,
         $startsOn, $supersededOn, $version]
    }

    public init() {}
    public init(caseID: CaseID, _ p: CasePlanDetails, draftedBy: UserID) {
        self.caseID = caseID.uuid
        self.draftedBy = draftedBy.uuid
        self.version = 1
        apply(p)
    }

    public func apply(_ p: CasePlanDetails) {
        number = p.number
        status = p.status.rawValue
        goals = encodeJSON(p.goals)
        agreements = encodeJSON(p.agreements)
        draftedOn = p.draftedOn.iso
        approvedBy = p.approvedBy?.uuid
        approvedOn = p.approvedOn?.iso
        startsOn = p.startsOn?.iso
        supersededOn = p.supersededOn?.iso
    }

    public var details: CasePlanDetails {
        CasePlanDetails(number: number, goals: decodeJSON([PlanGoal].self, goals) ?? [], status: PlanStatus(rawValue: status) ?? .draft,
                        agreements: decodeJSON([PlanAgreement].self, agreements) ?? [],
                        draftedOn: CalendarDate(iso: draftedOn) ?? CalendarDate(year: 2000, month: 1, day: 1)!,
                        approvedBy: approvedBy.map(UserID.init), approvedOn: approvedOn.flatMap(CalendarDate.init(iso:)),
                        startsOn: startsOn.flatMap(CalendarDate.init(iso:)), supersededOn: supersededOn.flatMap(CalendarDate.init(iso:)))
    }
}

/// A session of a service, with attendance and progress; the clinical note is a column of its own, read only where
/// `ClinicalNoteAccess` allows.
public final class SessionModel: VersionedModel, @unchecked Sendable {
    public static let schema = "service_sessions"

    @ID(key: .id) public var id: UUID?
    @Field(key: .caseID) public var caseID: UUID
    @Field(key: .kind) public var kind: String
    @Field(key: .sessionDate) public var date: String
    @Field(key: .durationMinutes) public var durationMinutes: Int
    @OptionalField(key: .serviceID) public var serviceID: UUID?
    @Field(key: .participants) public var participants: String
    @Field(key: .progress) public var progress: String
    @OptionalField(key: .clinicalNote) public var clinicalNote: String?
    @Field(key: .recordedBy) public var recordedBy: UUID
    @Field(key: .version) public var version: Int
    /// The fields above, listed for Fluent so reading or writing a row needs no reflection (`ModelFieldsTests`).
    public var properties: [any AnyProperty] {
        [$id, $caseID, $kind, $date, $durationMinutes, $serviceID, $participants, $progress, $clinicalNote, $recordedBy,
         $version]
    }

    public init() {}
    public init(caseID: CaseID, _ s: SessionDetails, clinicalNote: String?, recordedBy: UserID) {
        self.caseID = caseID.uuid
        self.recordedBy = recordedBy.uuid
        self.clinicalNote = clinicalNote
        self.version = 1
        apply(s)
    }

    public func apply(_ s: SessionDetails) {
        kind = s.kind.rawValue
        date = s.date.iso
        durationMinutes = s.durationMinutes
        serviceID = s.serviceID?.uuid
        participants = encodeJSON(s.participants)
        progress = encodeJSON(s.progress)
    }

    public var details: SessionDetails {
        SessionDetails(kind: SessionKind(rawValue: kind) ?? .caseManagement, date: CalendarDate(iso: date) ?? CalendarDate(year: 2000, month: 1, day: 1)!,
                       durationMinutes: durationMinutes, serviceID: serviceID.map(ServiceID.init),
                       participants: decodeJSON([SessionParticipant].self, participants) ?? [], progress: decodeJSON([ProgressNote].self, progress) ?? [])
    }
}
