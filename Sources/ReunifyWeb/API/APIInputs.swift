import Foundation
import Vapor
import ReunifyDomain

/// What the API accepts. Codes arrive as strings and are checked here, so an unknown one gets a message
/// that lists the known ones.
struct CaseInput: Content {
    let caseNumber: String
    let familyName: String
    let stage: String?
    let caseworkerId: UUID?
    let supervisorId: UUID?
    let unit: String?
    let openedOn: String?
    let closedOn: String?
    let version: Int?

    /// The case as sent; `CaseCommands` decides whether it may be written.
    func details(today: CalendarDate, defaultUnit: String?) throws -> CaseDetails {
        let d = CaseDetails(caseNumber: caseNumber, familyName: familyName,
                            stage: try CaseStage.api(stage, field: "stage") ?? .intake,
                            caseworkerID: caseworkerId.map(UserID.init), supervisorID: supervisorId.map(UserID.init),
                            unit: unit ?? defaultUnit ?? "", openedOn: try CalendarDate.api(openedOn, field: "openedOn") ?? today,
                            closedOn: try CalendarDate.api(closedOn, field: "closedOn"))
        return d
    }
}

struct PersonInput: Content {
    let givenName: String
    let familyName: String
    let otherNames: [String]?
    let birthDate: String?
    let birthDateEstimated: Bool?
    let sex: String?
    let languages: [String]?
    let interpreterNeeded: Bool?
    let tribalAffiliation: String?
    let icwaStatus: String?
    let phone: String?
    let email: String?
    let address: AddressBody?
    let placeOfOrigin: String?
    let tracingConsent: Bool?
    let version: Int?

    func details(today: CalendarDate) throws -> PersonDetails {
        let d = PersonDetails(givenName: givenName, familyName: familyName, otherNames: otherNames ?? [],
                              birthDate: try CalendarDate.api(birthDate, field: "birthDate"),
                              birthDateEstimated: birthDateEstimated ?? false, sex: try Sex.api(sex, field: "sex") ?? .unknown,
                              languages: languages ?? ["English"], interpreterNeeded: interpreterNeeded ?? false,
                              tribalAffiliation: tribalAffiliation, icwaStatus: try ICWAStatus.api(icwaStatus, field: "icwaStatus") ?? .unknown,
                              phone: phone, email: email, address: address?.value, placeOfOrigin: placeOfOrigin,
                              tracingConsent: tracingConsent ?? false)
        try ValidationFailure.check(d.validate(today: today))
        return d
    }
}

struct MemberInput: Content {
    let role: String
    /// An existing person to add; or `person` to record a new one.
    let personId: UUID?
    let person: PersonInput?
}

struct EpisodeInput: Content {
    let childId: UUID
    let removalDate: String
    let manner: String
    let circumstances: [String]
    let judicialFindingDate: String?
    let dischargeDate: String?
    let dischargeReason: String?
    let version: Int?

    /// The episode as sent; `EpisodeRules` decides whether it may be written.
    func details() throws -> RemovalEpisodeDetails {
        guard let removal = try CalendarDate.api(removalDate, field: "removalDate") else {
            throw ValidationFailure(field: "removalDate", "Enter the date of removal")
        }
        return RemovalEpisodeDetails(childID: PersonID(childId), removalDate: removal,
                                      manner: try RemovalManner.api(manner, field: "manner"),
                                      circumstances: try circumstances.map { c throws(ValidationFailure) in try RemovalCircumstance.api(c, field: "circumstances") },
                                      judicialFindingDate: try CalendarDate.api(judicialFindingDate, field: "judicialFindingDate"),
                                      dischargeDate: try CalendarDate.api(dischargeDate, field: "dischargeDate"),
                                      dischargeReason: try DischargeReason.api(dischargeReason, field: "dischargeReason"))
    }
}

struct GoalInput: Content {
    let childId: UUID
    let primary: String
    let primarySince: String
    let concurrent: String?
    let concurrentSince: String?
    let version: Int?

    func details() throws -> PermanencyGoalDetails {
        guard let since = try CalendarDate.api(primarySince, field: "primarySince") else {
            throw ValidationFailure(field: "primarySince", "Enter the date the goal was set")
        }
        return PermanencyGoalDetails(childID: PersonID(childId), primary: try PermanencyPlan.api(primary, field: "primary"), primarySince: since,
                                     concurrent: try PermanencyPlan.api(concurrent, field: "concurrent"),
                                     concurrentSince: try CalendarDate.api(concurrentSince, field: "concurrentSince"))
    }
}

struct PlacementInput: Content {
    let setting: String
    let caregiverName: String?
    let startDate: String
    let endDate: String?
    let changeReason: String?
    let version: Int?

    /// The placement as sent; `PlacementRules` decides whether it may be written.
    func details() throws -> PlacementDetails {
        guard let start = try CalendarDate.api(startDate, field: "startDate") else {
            throw ValidationFailure(field: "startDate", "Enter the date the placement began")
        }
        return PlacementDetails(setting: try PlacementSetting.api(setting, field: "setting"), caregiverName: caregiverName ?? "",
                                 startDate: start, endDate: try CalendarDate.api(endDate, field: "endDate"), changeReason: changeReason)
    }
}

func requireVersion(_ version: Int?) throws -> Int {
    guard let version else { throw ValidationFailure(field: "version", "Send the version you read, so a change made since is not overwritten") }
    return version
}

/// A person's address in the API: `{line, locality, region, postcode, country}`, `region` a state or province code
/// (`"CA"`) and `country` an ISO 3166-1 alpha-2 code (`"US"`). A plain string is taken as the street line, as
/// clients written before the address had parts send it.
struct AddressBody: Content {
    let line: String?
    let locality: String?
    let region: String?
    let postcode: String?
    let country: String?

    init(_ a: Address) {
        line = a.line.isEmpty ? nil : a.line
        locality = a.locality
        region = a.region
        postcode = a.postcode
        country = a.country
    }

    init(from decoder: any Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            (line, locality, region, postcode, country) = (text, nil, nil, nil, nil)
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        line = try c.decodeIfPresent(String.self, forKey: .line)
        locality = try c.decodeIfPresent(String.self, forKey: .locality)
        region = try c.decodeIfPresent(String.self, forKey: .region)
        postcode = try c.decodeIfPresent(String.self, forKey: .postcode)
        country = try c.decodeIfPresent(String.self, forKey: .country)
    }

    var value: Address? { Address.tidy(line: line, locality: locality, region: region, postcode: postcode, country: country) }
}

extension RouteCollection {
    /// A 201 with the record written.
    func created(_ body: some Content) throws -> Response {
        let response = Response(status: .created)
        try response.content.encode(body)
        return response
    }
}
