import Foundation
import Vapor
import ReunifyDomain
import ReunifyStore

struct EligibilityDTO: Content {
    let residentOf: [String]?
    let minAge: Int?
    let maxAge: Int?
    let memberRoles: [String]?
    let referrers: [String]?

    init(_ e: Eligibility) {
        residentOf = e.residentOf
        minAge = e.minAge
        maxAge = e.maxAge
        memberRoles = e.memberRoles?.map(\.rawValue)
        referrers = e.referrers?.map(\.rawValue)
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(residentOf, forKey: .residentOf)
        try c.encode(minAge, forKey: .minAge)
        try c.encode(maxAge, forKey: .maxAge)
        try c.encode(memberRoles, forKey: .memberRoles)
        try c.encode(referrers, forKey: .referrers)
    }
}

struct ServiceDTO: Content {
    let id: UUID
    let category: String
    let name: String
    let languages: [String]
    let locations: [String]
    let hours: String?
    let capacity: Int?
    let waitlist: Int?
    let eligibility: EligibilityDTO

    init(_ s: Recorded<ServiceSubject, ProviderService>) {
        id = s.id.uuid
        category = s.details.category.rawValue
        name = s.details.name
        languages = s.details.languages
        locations = s.details.locations
        hours = s.details.hours
        capacity = s.details.capacity
        waitlist = s.details.waitlist
        eligibility = EligibilityDTO(s.details.eligibility)
    }
}

struct ProviderDTO: Content {
    let id: UUID
    let name: String
    let region: String
    let phone: String?
    let email: String?
    let address: String?
    let services: [ServiceDTO]
}

struct InterventionBody: Content {
    let id: UUID?
    let category: String
    let serviceId: UUID?
    let responsible: String?
    let frequency: String?
    let startsOn: String?
    let status: String?

    init(_ i: PlanIntervention) {
        id = i.id
        category = i.category.rawValue
        serviceId = i.serviceID?.uuid
        responsible = i.responsible
        frequency = i.frequency
        startsOn = i.startsOn?.iso
        status = i.status.rawValue
    }

    func value(field: String) throws -> PlanIntervention {
        PlanIntervention(id: id ?? UUID(), category: try ServiceCategory.api(category, field: "\(field).category"),
                         serviceID: serviceId.map(ServiceID.init), responsible: responsible?.trimmingCharacters(in: .whitespaces),
                         frequency: frequency?.trimmingCharacters(in: .whitespaces),
                         startsOn: try CalendarDate.api(startsOn, field: "\(field).startsOn"),
                         status: try InterventionStatus.api(status, field: "\(field).status") ?? .planned)
    }
}

struct ObjectiveBody: Content {
    let id: UUID?
    let statement: String
    let measure: String
    let targetDate: String
    let interventions: [InterventionBody]?

    init(_ o: PlanObjective) {
        id = o.id
        statement = o.statement
        measure = o.measure
        targetDate = o.targetDate.iso
        interventions = o.interventions.map(InterventionBody.init)
    }

    func value(field: String) throws -> PlanObjective {
        guard let target = try CalendarDate.api(targetDate, field: "\(field).targetDate") else {
            throw ValidationFailure(field: "\(field).targetDate", "Give the target date as YYYY-MM-DD")
        }
        return PlanObjective(id: id ?? UUID(), statement: statement.trimmingCharacters(in: .whitespacesAndNewlines),
                             measure: measure.trimmingCharacters(in: .whitespacesAndNewlines), targetDate: target,
                             interventions: try (interventions ?? []).enumerated().map { try $1.value(field: "\(field).interventions[\($0)]") })
    }
}

struct GoalBody: Content {
    let id: UUID?
    let statement: String
    let objectives: [ObjectiveBody]

    init(_ g: PlanGoal) {
        id = g.id
        statement = g.statement
        objectives = g.objectives.map(ObjectiveBody.init)
    }

    func value(field: String) throws -> PlanGoal {
        PlanGoal(id: id ?? UUID(), statement: statement.trimmingCharacters(in: .whitespacesAndNewlines),
                 objectives: try objectives.enumerated().map { try $1.value(field: "\(field).objectives[\($0)]") })
    }
}

struct PlanInput: Content {
    let goals: [GoalBody]
    let version: Int?

    func value() throws -> [PlanGoal] {
        // Ids must be unique within a plan, so that progress and referrals name one objective or intervention.
        let goals = try self.goals.enumerated().map { try $1.value(field: "goals[\($0)]") }
        let ids = goals.map(\.id) + goals.flatMap(\.objectives).map(\.id) + goals.flatMap(\.objectives).flatMap(\.interventions).map(\.id)
        guard Set(ids).count == ids.count else { throw ValidationFailure(field: "goals", "Each goal, objective and intervention needs its own id") }
        return goals
    }
}

struct AgreementBody: Content {
    let personId: UUID
    let agreed: Bool
    let language: String
    let note: String?
    let recordedOn: String?

    init(_ a: PlanAgreement) {
        personId = a.personID.uuid
        agreed = a.agreed
        language = a.language
        note = a.note
        recordedOn = a.recordedOn.iso
    }
}

struct ApproveInput: Content {
    let startsOn: String?
}

struct PlanDTO: Content {
    let id: UUID
    let caseId: UUID
    let number: Int
    let version: Int
    let status: String
    let goals: [GoalBody]
    let agreements: [AgreementBody]
    let draftedOn: String
    let approvedBy: UUID?
    let approvedOn: String?
    let startsOn: String?
    let supersededOn: String?

    init(_ p: Recorded<PlanSubject, CasePlanDetails>, caseID: CaseID, today: CalendarDate) {
        let d = p.details
        id = p.id.uuid
        caseId = caseID.uuid
        number = d.number
        version = p.version
        status = d.status(on: today).rawValue
        goals = d.goals.map(GoalBody.init)
        agreements = d.agreements.map(AgreementBody.init)
        draftedOn = d.draftedOn.iso
        approvedBy = d.approvedBy?.uuid
        approvedOn = d.approvedOn?.iso
        startsOn = d.startsOn?.iso
        supersededOn = d.supersededOn?.iso
    }
}

struct ConsentInputBody: Content {
    let scope: String
    let expiresOn: String?
}

struct ReferralInput: Content {
    let personId: UUID
    let serviceId: UUID
    let interventionId: UUID?
    let reason: String
    let consent: ConsentInputBody?
}

struct TransitionInput: Content {
    let to: String
    let reason: String?
    let outcome: String?
}

/// The minimum of the family member a provider needs: who, how to reach them, in which language.
struct ReferredPerson: Content {
    let id: UUID
    let givenName: String
    let familyName: String
    let phone: String?
    let email: String?
    let languages: [String]
    let interpreterNeeded: Bool
}

struct ReferralDTO: Content {
    let id: UUID
    let caseId: UUID
    let status: String
    let category: String
    let personId: UUID
    let serviceId: UUID
    let providerId: UUID
    let interventionId: UUID?
    let reason: String
    let referredOn: String
    let closingReason: String?
    let outcome: String?
    let consentId: UUID?
    let restricted: Bool
    let version: Int
    let person: ReferredPerson?
    let serviceName: String?
    let providerName: String?
}

struct ConsentInput: Content {
    let personId: UUID
    let providerId: UUID
    let scope: String
    let givenOn: String?
    let expiresOn: String?
}

struct RevokeInput: Content {
    let reason: String?
}

struct ConsentDTO: Content {
    let id: UUID
    let caseId: UUID
    let personId: UUID
    let providerId: UUID
    let scope: String
    let givenOn: String
    let expiresOn: String?
    let revokedOn: String?
    let revocationReason: String?
    let standing: Bool
    let version: Int

    init(_ c: Recorded<ConsentSubject, ConsentDetails>, caseID: CaseID, today: CalendarDate) {
        let d = c.details
        id = c.id.uuid
        caseId = caseID.uuid
        personId = d.personID.uuid
        providerId = d.providerID.uuid
        scope = d.scope
        givenOn = d.givenOn.iso
        expiresOn = d.expiresOn?.iso
        revokedOn = d.revokedOn?.iso
        revocationReason = d.revocationReason
        standing = d.stands(on: today)
        version = c.version
    }
}

struct ParticipantBody: Content {
    let personId: UUID
    let attendance: String
}

struct ProgressBody: Content {
    let objectiveId: UUID
    let note: String
}

struct SessionInput: Content {
    let kind: String
    let date: String
    let durationMinutes: Int
    let serviceId: UUID?
    let participants: [ParticipantBody]
    let progress: [ProgressBody]?
    let clinicalNote: String?

    func value() throws -> SessionDetails {
        guard let day = try CalendarDate.api(date, field: "date") else { throw ValidationFailure(field: "date", "Give the date as YYYY-MM-DD") }
        return SessionDetails(kind: try SessionKind.api(kind, field: "kind"), date: day, durationMinutes: durationMinutes,
                              serviceID: serviceId.map(ServiceID.init),
                              participants: try participants.enumerated().map {
                                  SessionParticipant(personID: PersonID($1.personId),
                                                     attendance: try Attendance.api($1.attendance, field: "participants[\($0)].attendance"))
                              },
                              progress: (progress ?? []).map { ProgressNote(objectiveID: $0.objectiveId, note: $0.note) })
    }
}

struct SessionDTO: Content {
    let id: UUID
    let caseId: UUID
    let kind: String
    let date: String
    let durationMinutes: Int
    let serviceId: UUID?
    let participants: [ParticipantBody]
    let progress: [ProgressBody]
    /// Present only to those who may read clinical notes.
    let clinicalNote: String?
    let hasClinicalNote: Bool
    let recordedBy: UUID
    let version: Int

    init(_ r: RecordedSession, caseID: CaseID, showNote: Bool) {
        let d = r.session.details
        id = r.session.id.uuid
        caseId = caseID.uuid
        kind = d.kind.rawValue
        date = d.date.iso
        durationMinutes = d.durationMinutes
        serviceId = d.serviceID?.uuid
        participants = d.participants.map { ParticipantBody(personId: $0.personID.uuid, attendance: $0.attendance.rawValue) }
        progress = d.progress.map { ProgressBody(objectiveId: $0.objectiveID, note: $0.note) }
        clinicalNote = showNote ? r.clinicalNote : nil
        hasClinicalNote = r.clinicalNote != nil
        recordedBy = r.recordedBy.uuid
        version = r.session.version
    }
}
