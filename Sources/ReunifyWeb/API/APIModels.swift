import Foundation
import Vapor
import ReunifyDomain
import ReunifyStore

/// What the API sends. Codes are the stable snake_case strings; dates are `YYYY-MM-DD`.
struct CaseDTO: Content {
    let id: UUID
    let caseNumber: String
    let familyName: String
    let stage: String
    let caseworkerId: UUID?
    let supervisorId: UUID?
    let unit: String
    let openedOn: String
    let closedOn: String?
    let version: Int

    init(_ m: CaseModel) {
        id = m.id!
        caseNumber = m.caseNumber
        familyName = m.familyName
        stage = m.stage
        caseworkerId = m.caseworkerID
        supervisorId = m.supervisorID
        unit = m.unit
        openedOn = m.openedOn
        closedOn = m.closedOn
        version = m.version
    }
}

struct CasePage: Content {
    let items: [CaseDTO]
    let page: Int
    let per: Int
    let total: Int
}

struct PersonDTO: Content {
    let id: UUID
    let givenName: String
    let familyName: String
    let otherNames: [String]
    let birthDate: String?
    let birthDateEstimated: Bool
    let sex: String
    let languages: [String]
    let interpreterNeeded: Bool
    let tribalAffiliation: String?
    let icwaStatus: String
    let phone: String?
    let email: String?
    let address: AddressBody?
    let placeOfOrigin: String?
    let tracingConsent: Bool
    let mergedInto: UUID?
    let version: Int

    init(_ m: PersonModel) { self.init(m.recorded, mergedInto: m.mergedInto.map(PersonID.init)) }

    init(_ m: Recorded<PersonSubject, PersonDetails>, mergedInto merged: PersonID?) {
        let d = m.details
        id = m.id.uuid
        givenName = d.givenName
        familyName = d.familyName
        otherNames = d.otherNames
        birthDate = d.birthDate?.iso
        birthDateEstimated = d.birthDateEstimated
        sex = d.sex.rawValue
        languages = d.languages
        interpreterNeeded = d.interpreterNeeded
        tribalAffiliation = d.tribalAffiliation
        icwaStatus = d.icwaStatus.rawValue
        placeOfOrigin = d.placeOfOrigin
        tracingConsent = d.tracingConsent
        mergedInto = merged?.uuid
        phone = d.phone
        email = d.email
        address = d.address.map(AddressBody.init)
        version = m.version
    }
}

struct MemberDTO: Content {
    let id: UUID
    let role: String
    let person: PersonDTO
}

struct EpisodeDTO: Content {
    let id: UUID
    let childId: UUID
    let removalDate: String
    let manner: String
    let circumstances: [String]
    let judicialFindingDate: String?
    let dateEnteredCare: String
    let dischargeDate: String?
    let dischargeReason: String?
    /// The removal came within 12 months of an earlier discharge of the same child.
    let reEntry: Bool
    let version: Int

    init(_ m: RemovalEpisodeModel, reEntry: Bool) {
        self.reEntry = reEntry
        let d = m.details
        id = m.id!
        childId = m.childID
        removalDate = d.removalDate.iso
        manner = d.manner.rawValue
        circumstances = d.circumstances.map(\.rawValue)
        judicialFindingDate = d.judicialFindingDate?.iso
        dateEnteredCare = d.dateEnteredCare.iso
        dischargeDate = d.dischargeDate?.iso
        dischargeReason = d.dischargeReason?.rawValue
        version = m.version
    }
}

struct GoalDTO: Content {
    let id: UUID
    let childId: UUID
    let primary: String
    let primarySince: String
    let concurrent: String?
    let concurrentSince: String?
    let version: Int

    init(_ m: PermanencyGoalModel) {
        let d = m.details
        id = m.id!
        childId = d.childID.uuid
        primary = d.primary.rawValue
        primarySince = d.primarySince.iso
        concurrent = d.concurrent?.rawValue
        concurrentSince = d.concurrentSince?.iso
        version = m.version
    }
}

struct PlacementDTO: Content {
    let id: UUID
    let episodeId: UUID
    let setting: String
    let caregiverName: String
    let startDate: String
    let endDate: String?
    let changeReason: String?
    let version: Int

    init(_ m: PlacementModel) {
        id = m.id!
        episodeId = m.episodeID
        setting = m.setting
        caregiverName = m.caregiverName
        startDate = m.startDate
        endDate = m.endDate
        changeReason = m.changeReason
        version = m.version
    }
}
