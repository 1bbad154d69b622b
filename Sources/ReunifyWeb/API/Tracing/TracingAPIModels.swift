import Foundation
import Vapor
import ReunifyDomain
import ReunifyStore
import ReunifyMatching

struct InquirerBody: Content {
    let name: String
    let relationship: String
    let contact: String?
    let language: String?
}

struct SoughtBody: Content {
    let givenName: String?
    let familyName: String?
    let otherNames: [String]?
    let sex: String?
    /// A year, a month or a full date: 2015, 2015-04, 2015-04-09.
    let birthDate: String?
    let ageEstimate: Int?
    let separationPlace: String?
    let separationDate: String?
    let placeOfOrigin: String?
    let motherName: String?
    let fatherName: String?
    let distinguishingDetails: String?
    let lastKnownAddress: String?

    init(_ s: SoughtPerson) {
        givenName = s.givenName
        familyName = s.familyName
        otherNames = s.otherNames
        sex = s.sex.rawValue
        birthDate = s.birthDate?.text
        ageEstimate = s.ageEstimate
        separationPlace = s.separationPlace
        separationDate = s.separationDate?.iso
        placeOfOrigin = s.placeOfOrigin
        motherName = s.motherName
        fatherName = s.fatherName
        distinguishingDetails = s.distinguishingDetails
        lastKnownAddress = s.lastKnownAddress
    }

    func value() throws -> SoughtPerson {
        var birth: PartialDate?
        if let text = birthDate, !text.isEmpty {
            guard let parsed = PartialDate(text) else {
                throw ValidationFailure(field: "sought.birthDate", "Write the birth date as 2015, 2015-04 or 2015-04-09")
            }
            birth = parsed
        }
        return SoughtPerson(givenName: givenName ?? "", familyName: familyName ?? "", otherNames: otherNames ?? [],
                            sex: try Sex.api(sex, field: "sought.sex") ?? .unknown, birthDate: birth, ageEstimate: ageEstimate,
                            separationPlace: separationPlace, separationDate: try CalendarDate.api(separationDate, field: "sought.separationDate"),
                            placeOfOrigin: placeOfOrigin, motherName: motherName, fatherName: fatherName, distinguishingDetails: distinguishingDetails,
                            lastKnownAddress: lastKnownAddress)
    }
}

struct TracingRequestInput: Content {
    let kind: String?
    let inquirer: InquirerBody
    let sought: SoughtBody
    let status: String?
    let childId: UUID?
    let notes: String?
    let version: Int?

    func details(today: CalendarDate, status current: TracingStatus) throws -> TracingRequestDetails {
        let d = TracingRequestDetails(
            kind: try TracingKind.api(kind, field: "kind") ?? .inquiry,
            inquirer: Inquirer(name: inquirer.name, relationship: inquirer.relationship, contact: inquirer.contact ?? "", language: inquirer.language ?? ""),
            sought: try sought.value(), status: try TracingStatus.api(status, field: "status") ?? current,
            childID: childId.map { PersonID($0) }, notes: notes)
        try ValidationFailure.check(d.validate(today: today))
        return d
    }
}

struct TracingRequestDTO: Content {
    let id: UUID
    let kind: String
    let status: String
    let inquirer: InquirerBody
    let sought: SoughtBody
    let childId: UUID?
    let linkedPersonId: UUID?
    let verification: VerificationBody?
    let notes: String?
    let filedOn: String
    let filedBy: UUID
    let version: Int

    init(_ m: TracingRequestModel) {
        let d = m.details
        id = m.id!
        kind = d.kind.rawValue
        status = d.status.rawValue
        inquirer = InquirerBody(name: d.inquirer.name, relationship: d.inquirer.relationship, contact: d.inquirer.contact, language: d.inquirer.language)
        sought = SoughtBody(d.sought)
        childId = d.childID?.uuid
        linkedPersonId = m.linkedPersonID
        verification = m.verificationDetails.map(VerificationBody.init)
        notes = d.notes
        filedOn = m.filedOn
        filedBy = m.filedBy
        version = m.version
    }
}

struct VerificationBody: Content {
    let willingAndAble: String
    let childKnowsThem: String
    let childWantsToGo: String
    let accountsAgree: String
    let notes: String?
    let version: Int?

    init(_ v: VerificationDetails) {
        willingAndAble = v.willingAndAble.rawValue
        childKnowsThem = v.childKnowsThem.rawValue
        childWantsToGo = v.childWantsToGo.rawValue
        accountsAgree = v.accountsAgree.rawValue
        notes = v.notes
        version = nil
    }

    func value() throws -> VerificationDetails {
        let v = VerificationDetails(willingAndAble: try VerificationAnswer.api(willingAndAble, field: "willingAndAble"),
                                    childKnowsThem: try VerificationAnswer.api(childKnowsThem, field: "childKnowsThem"),
                                    childWantsToGo: try VerificationAnswer.api(childWantsToGo, field: "childWantsToGo"),
                                    accountsAgree: try VerificationAnswer.api(accountsAgree, field: "accountsAgree"), notes: notes ?? "")
        try ValidationFailure.check(v.validate())
        return v
    }
}

struct TracingActionBody: Content {
    let id: UUID?
    let date: String
    let type: String
    let place: String?
    let outcome: String
    let notes: String?

    init(_ m: TracingActionModel) {
        id = m.id
        date = m.date
        type = m.type
        place = m.place
        outcome = m.outcome
        notes = m.notes
    }

    func details(today: CalendarDate) throws -> TracingActionDetails {
        guard let day = try CalendarDate.api(date, field: "date") else { throw ValidationFailure(field: "date", "Send the date the action was taken") }
        let d = TracingActionDetails(date: day, type: try TracingActionType.api(type, field: "type"), place: place ?? "", outcome: outcome, notes: notes ?? "")
        try ValidationFailure.check(d.validate(today: today))
        return d
    }
}

struct EvidenceDTO: Content {
    let field: String
    let level: String
    let weight: Double?
    let explanation: String

    init(_ e: MatchEvidence) {
        field = e.field.rawValue
        level = e.level
        weight = e.weight
        explanation = e.sentence
    }
}

struct CandidateDTO: Content {
    struct Registered: Content {
        let personId: UUID
        let givenName: String
        let familyName: String
        let birthDate: String?
        let sex: String
        let placeOfOrigin: String?
    }

    let id: UUID
    let requestId: UUID
    let probability: Double
    let engineVersion: String
    let scoredAt: Date
    let decision: String
    let reason: String?
    let decidedBy: UUID?
    let decidedAt: Date?
    let evidence: [EvidenceDTO]
    let child: Registered

    init(_ recorded: Recorded<CandidateSubject, CandidateRecord>, person: Recorded<PersonSubject, PersonDetails>) {
        let c = recorded.details
        id = recorded.id.uuid
        requestId = c.requestID.uuid
        probability = c.probability
        engineVersion = c.engineVersion
        scoredAt = c.scoredAt
        decision = c.decision.rawValue
        reason = c.decisionReason
        decidedBy = c.decidedBy?.uuid
        decidedAt = c.decidedAt
        evidence = c.evidence.map(EvidenceDTO.init)
        let d = person.details
        child = Registered(personId: person.id.uuid, givenName: d.givenName, familyName: d.familyName, birthDate: d.birthDate?.iso,
                           sex: d.sex.rawValue, placeOfOrigin: d.placeOfOrigin)
    }
}

struct DecisionInput: Content {
    let decision: String
    let reason: String?
}

struct DuplicateDTO: Content {
    let person: PersonDTO
    let probability: Double
    let evidence: [EvidenceDTO]
}

struct MergeInput: Content {
    let duplicateId: UUID
    let reason: String?
}

struct MergeResultDTO: Content {
    let kept: PersonDTO
    let merged: UUID
    let cases: [UUID]
}
