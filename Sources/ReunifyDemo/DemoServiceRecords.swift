import Foundation
import ReunifyDomain

/// The demo agency's plans, consents, referrals and sessions: a plan in every status, a referral in every status,
/// the demo parent's family with an active plan and sessions, and on the case the legal account's team holds a
/// substance use referral (with consent) and a session with a clinical note; every other family past planning with
/// children in care has an active first plan. Made from the agency, never random.
public struct DemoServiceRecords: Sendable {
    public struct Plan: Sendable { public let id: PlanID; public let caseID: CaseID; public let details: CasePlanDetails; public let by: UserID }
    public struct Consent: Sendable { public let id: ConsentID; public let caseID: CaseID; public let details: ConsentDetails; public let by: UserID }
    public struct Referral: Sendable { public let id: ReferralID; public let caseID: CaseID; public let details: ReferralDetails; public let by: UserID }
    public struct Session: Sendable {
        public let caseID: CaseID
        public let details: SessionDetails
        public let clinicalNote: String?
        public let by: UserID
    }

    public var plans: [Plan] = []
    public var consents: [Consent] = []
    public var referrals: [Referral] = []
    public var sessions: [Session] = []
    public struct Message: Sendable { public let id: MessageID; public let caseID: CaseID; public let details: CaseMessageDetails }
    public var messages: [Message] = []

    /// Ids the demo's records are made with: a fixed prefix and a counter, so reloading gives the same ones.
    static func uuid(_ n: Int) -> UUID { UUID(uuidString: String(format: "5E6B0000-0000-4000-8000-%012d", n))! }

    public static func make(_ agency: DemoAgency, today: CalendarDate) -> DemoServiceRecords {
        var records = DemoServiceRecords()
        var counter = 0
        func next() -> UUID { counter += 1; return uuid(counter) }
        guard let worker = agency.user("caseworker@demo.reunify.test")?.id, let supervisor = agency.user("supervisor@demo.reunify.test")?.id,
              let clinician = agency.user("clinician@demo.reunify.test")?.id, let legal = agency.user("legal@demo.reunify.test")?.id,
              let parentAccount = agency.user("parent@demo.reunify.test")?.personID else { return records }
        let directory = DemoServices.directory
        func service(_ prefix: String) -> (ServiceID, ProviderID, ProviderService) {
            for (o, org) in directory.enumerated() {
                if let i = org.services.firstIndex(where: { $0.name.hasPrefix(prefix) }) {
                    return (ServiceID(DemoServices.serviceUUID(organisation: o, service: i)), org.id, org.services[i])
                }
            }
            fatalError("no demo service \(prefix)")
        }
        /// An adult parent living in California with a child in care: who the demo refers.
        func adultParent(_ f: DemoAgency.Family) -> DemoAgency.Person? {
            f.persons.first { $0.role == .parent && ($0.details.birthDate?.age(on: today) ?? 0) >= 18 && $0.details.address?.region == "CA" }
        }
        let inCare = agency.families.filter { f in f.episodes.contains { $0.details.isOpen } && adultParent(f) != nil }
        guard let parentFamily = inCare.first(where: { f in f.persons.contains { $0.id == parentAccount } }),
              let legalFamily = inCare.first(where: { f in f.team.contains { $0.0 == legal } && f.caseID != parentFamily.caseID }) else { return records }
        let others = inCare.filter { $0.caseID != parentFamily.caseID && $0.caseID != legalFamily.caseID && $0.details.caseworkerID == worker }

        func goals(_ f: DemoAgency.Family, _ parent: DemoAgency.Person, category: ServiceCategory, serviceID: ServiceID?, from: CalendarDate) -> [PlanGoal] {
            [PlanGoal(id: next(), statement: "The children live safely at home with \(parent.details.givenName)", objectives: [
                PlanObjective(id: next(), statement: "\(parent.details.givenName) uses calm, consistent discipline",
                              measure: "Seen by the visit supervisor at 4 of 5 visits", targetDate: from.adding(months: 4),
                              interventions: [PlanIntervention(id: next(), category: category, serviceID: serviceID,
                                                               responsible: parent.details.givenName, frequency: "weekly", startsOn: from,
                                                               status: .inProgress)]),
                PlanObjective(id: next(), statement: "A safe, stable home for the family", measure: "A lease in \(parent.details.givenName)'s name",
                              targetDate: from.adding(months: 6),
                              interventions: [PlanIntervention(id: next(), category: .housing, responsible: "Caseworker", frequency: "monthly check-in")]),
            ])]
        }
        func answers(_ f: DemoAgency.Family, on day: CalendarDate, all: Bool) -> [PlanAgreement] {
            let agreeing = f.persons.filter { PlanRules.agreeingRoles.contains($0.role) }
            return agreeing.enumerated().compactMap { i, p in
                guard all || i == 0 else { return nil }
                let agreed = i == 0 || p.role != .nonResidentFather
                return PlanAgreement(personID: p.id, agreed: agreed, language: p.details.languages.first == "Spanish" ? "es" : "en",
                                     note: agreed ? nil : "Could not be reached for the meeting; a copy was sent", recordedOn: day, recordedBy: worker)
            }
        }
        func plan(_ f: DemoAgency.Family, number: Int, status: PlanStatus, drafted: CalendarDate, goals: [PlanGoal],
                  startsOn: CalendarDate? = nil, supersededOn: CalendarDate? = nil) -> PlanID {
            let approved = [.approved, .active, .superseded].contains(status)
            let details = CasePlanDetails(number: number, goals: goals, status: status,
                                          agreements: status == .draft ? answers(f, on: drafted, all: false) : answers(f, on: drafted, all: true),
                                          draftedOn: drafted, approvedBy: approved ? supervisor : nil,
                                          approvedOn: approved ? drafted.adding(days: 5) : nil,
                                          startsOn: approved ? (startsOn ?? drafted.adding(days: 5)) : nil, supersededOn: supersededOn)
            let id = PlanID(next())
            records.plans.append(Plan(id: id, caseID: f.caseID, details: details, by: worker))
            return id
        }
        func consent(_ f: DemoAgency.Family, _ p: DemoAgency.Person, _ provider: ProviderID, scope: String, on day: CalendarDate) -> ConsentID {
            let id = ConsentID(next())
            records.consents.append(Consent(id: id, caseID: f.caseID,
                                            details: ConsentDetails(personID: p.id, providerID: provider, scope: scope, givenOn: day,
                                                                    expiresOn: day.adding(months: 12)), by: worker))
            return id
        }
        func refer(_ f: DemoAgency.Family, _ p: DemoAgency.Person, _ prefix: String, status: ReferralStatus, on day: CalendarDate,
                   intervention: UUID? = nil, by: UserID? = nil) {
            let (serviceID, providerID, s) = service(prefix)
            let consentID = records.consents.first { $0.details.personID == p.id && $0.details.providerID == providerID }?.id
                ?? consent(f, p, providerID, scope: s.category.isRestricted
                           ? "42 CFR Part 2: the referral, attendance and progress, to the caseworker and supervisor"
                           : ConsentDetails.referralMinimum, on: day)
            let closing: String? = switch status {
            case .declined: "No evening places in the family's language this term"
            case .ended: "Moved out of the service area"
            case .withdrawn: "Chose a service closer to home"
            default: nil
            }
            let details = ReferralDetails(personID: p.id, serviceID: serviceID, providerID: providerID, category: s.category,
                                          interventionID: intervention, reason: "\(s.category.label) as agreed in the case plan", status: status,
                                          referredOn: day, closingReason: closing,
                                          outcome: status == .completed ? "Completed all sessions; the facilitator saw steady progress" : nil,
                                          consentID: consentID)
            records.referrals.append(Referral(id: ReferralID(next()), caseID: f.caseID, details: details, by: by ?? worker))
        }

        // The demo parent's family: plan 1 superseded by plan 2, active; referrals and sessions toward it.
        let mother = adultParent(parentFamily)!
        let started = today.adding(days: -120)
        let parenting = service("Nurturing Parents").0
        _ = plan(parentFamily, number: 1, status: .superseded, drafted: started,
                 goals: goals(parentFamily, mother, category: .parentingEducation, serviceID: nil, from: started), supersededOn: today.adding(days: -40))
        let activeGoals = goals(parentFamily, mother, category: .parentingEducation, serviceID: parenting, from: today.adding(days: -45))
        _ = plan(parentFamily, number: 2, status: .active, drafted: today.adding(days: -45), goals: activeGoals)
        let objective = activeGoals[0].objectives[0]
        refer(parentFamily, mother, "Nurturing Parents", status: .active, on: today.adding(days: -38), intervention: objective.interventions[0].id)
        refer(parentFamily, mother, "Rapid rehousing", status: .waitlisted, on: today.adding(days: -30),
              intervention: activeGoals[0].objectives[1].interventions[0].id)
        refer(parentFamily, mother, "Family therapy", status: .referred, on: today.adding(days: -2))
        let attendance: [Attendance] = [.attended, .attended, .late, .noShow, .attended]
        for (week, a) in attendance.enumerated() {
            let day = today.adding(days: -35 + week * 7)
            records.sessions.append(Session(caseID: parentFamily.caseID, details: SessionDetails(
                kind: .parentingTraining, date: day, durationMinutes: 120, serviceID: parenting,
                participants: [SessionParticipant(personID: mother.id, attendance: a)],
                progress: a.present == true ? [ProgressNote(objectiveID: objective.id, note: week < 2 ? "Named three calm responses to tantrums"
                                                              : "Used a calm time-out during the visit role play")] : []),
                clinicalNote: nil, by: agency.user("provider@demo.reunify.test")?.id ?? worker))
        }

        // The Spanish-speaking mother's family: plan 1 in force, plan 2 written with her in Spanish and waiting for her
        // answer (the father's already recorded), and two services for her.
        if let madreID = agency.user(DemoAgency.madreEmail)?.personID,
           let family = inCare.first(where: { f in f.persons.contains { $0.id == madreID } }),
           let madre = family.persons.first(where: { $0.id == madreID }) {
            let by = family.details.caseworkerID ?? worker
            let name = madre.details.givenName
            func spanishGoals(from: CalendarDate, parenting: ServiceID?) -> [PlanGoal] {
                [PlanGoal(id: next(), statement: "Sus hijos/as viven en casa con \(name), seguros", objectives: [
                    PlanObjective(id: next(), statement: "\(name) usa una disciplina tranquila y constante",
                                  measure: "Lo ve la persona que supervisa en 4 de cada 5 visitas", targetDate: from.adding(months: 4),
                                  interventions: [PlanIntervention(id: next(), category: .parentingEducation, serviceID: parenting,
                                                                   responsible: name, frequency: "una vez por semana", startsOn: from,
                                                                   status: .inProgress)]),
                    PlanObjective(id: next(), statement: "Un hogar seguro y estable para la familia",
                                  measure: "Un contrato de alquiler a nombre de \(name)", targetDate: from.adding(months: 6),
                                  interventions: [PlanIntervention(id: next(), category: .housing, responsible: "Trabajador/a social",
                                                                   frequency: "una reunión al mes")]),
                ])]
            }
            let agreeing = family.persons.filter { PlanRules.agreeingRoles.contains($0.role) }
            let first = today.adding(days: -50)
            let parentingService = service("Nurturing Parents").0
            records.plans.append(Plan(id: PlanID(next()), caseID: family.caseID, details: CasePlanDetails(
                number: 1, goals: spanishGoals(from: first, parenting: parentingService), status: .active,
                agreements: agreeing.map { PlanAgreement(personID: $0.id, agreed: true, language: "es", note: nil, recordedOn: first, recordedBy: by) },
                draftedOn: first, approvedBy: supervisor, approvedOn: first.adding(days: 5), startsOn: first.adding(days: 5)), by: by))
            let second = today.adding(days: -3)
            records.plans.append(Plan(id: PlanID(next()), caseID: family.caseID, details: CasePlanDetails(
                number: 2, goals: spanishGoals(from: second, parenting: parentingService), status: .draft,
                agreements: agreeing.filter { $0.id != madreID }.map {
                    PlanAgreement(personID: $0.id, agreed: true, language: "es", note: nil, recordedOn: second, recordedBy: by)
                },
                draftedOn: second), by: by))
            refer(family, madre, "Nurturing Parents", status: .active, on: first.adding(days: 7), by: by)
            refer(family, madre, "Rapid rehousing", status: .waitlisted, on: first.adding(days: 10), by: by)
            // A few messages between her and her caseworker, in Spanish.
            let noon = today.startOfDay.addingTimeInterval(20 * 3600)
            for (daysAgo, fromFamily, body) in [
                (3, false, "Hola, \(name). Le escribí la nueva versión de su plan con lo que hablamos el martes. Cuando pueda, léala en \"Su plan\" y díganos si está de acuerdo."),
                (2, true, "Gracias. La voy a leer esta noche. ¿La visita del domingo sigue igual?"),
                (2, false, "Sí, sigue igual, y habrá un intérprete. Saludos."),
            ] {
                records.messages.append(Message(id: MessageID(next()), caseID: family.caseID, details: CaseMessageDetails(
                    familyPersonID: madreID, fromFamily: fromFamily, authorID: fromFamily ? (agency.user(DemoAgency.madreEmail)?.id ?? by) : by,
                    body: body, sentAt: noon.addingTimeInterval(TimeInterval(-daysAgo * 24 * 3600)))))
            }
        }

        // The legal account's case: a substance use referral with consent, and a therapy session with a clinical note.
        let legalParent = adultParent(legalFamily)!
        _ = plan(legalFamily, number: 1, status: .active, drafted: today.adding(days: -60),
                 goals: goals(legalFamily, legalParent, category: .substanceUseTreatment, serviceID: service("Family recovery").0, from: today.adding(days: -60)))
        refer(legalFamily, legalParent, "Family recovery", status: .active, on: today.adding(days: -50))
        records.sessions.append(Session(caseID: legalFamily.caseID, details: SessionDetails(
            kind: .individualTherapy, date: today.adding(days: -7), durationMinutes: 50,
            participants: [SessionParticipant(personID: legalParent.id, attendance: .attended)]),
            clinicalNote: "Discussed relapse triggers and a plan for weekends; engaged and candid.", by: clinician))

        // Other families of the caseworker: the remaining plan and referral statuses.
        let statuses: [(PlanStatus?, [(String, ReferralStatus)])] = [
            (.agreed, [("Nurturing Parents", .referred), ("Individual therapy", .declined)]),
            (.draft, [("Nurturing Parents", .accepted), ("Individual therapy", .completed)]),
            (.approved, [("Parent–child", .ended), ("Advocacy", .withdrawn)]),
            (nil, [("Nurturing Parents", .completed)]),
        ]
        for (f, (status, refs)) in zip(others, statuses) {
            let parent = adultParent(f)!
            let drafted = today.adding(days: -20)
            if let status {
                _ = plan(f, number: 1, status: status, drafted: drafted,
                         goals: goals(f, parent, category: .parentingEducation, serviceID: nil, from: drafted),
                         startsOn: status == .approved ? today.adding(days: 10) : nil)
            }
            for (n, (prefix, s)) in refs.enumerated() { refer(f, parent, prefix, status: s, on: today.adding(days: -25 + n * 3)) }
        }

        // Every other family past planning with children in care has its first plan, approved within 60 days of removal.
        let planned = Set(records.plans.map(\.caseID))
        for f in inCare where !planned.contains(f.caseID) && [.services, .familyTime, .trialHomeVisit].contains(f.details.stage) {
            guard let parent = adultParent(f), let removal = f.episodes.filter(\.details.isOpen).map(\.details.removalDate).min(),
                  removal.adding(days: 50) <= today else { continue }
            let drafted = removal.adding(days: 45)
            _ = plan(f, number: 1, status: .active, drafted: drafted,
                     goals: goals(f, parent, category: .parentingEducation, serviceID: nil, from: drafted))
        }
        return records
    }

    /// What the domain finds wrong: an ineligible referral, a plan that breaks its rules, a session that could not be
    /// recorded. The loader refuses the demo when this is not empty.
    public func problems(_ agency: DemoAgency, today: CalendarDate) -> [String] {
        var found: [String] = []
        let persons = Dictionary(agency.families.flatMap { f in f.persons.map { ($0.id, ($0, f)) } }, uniquingKeysWith: { a, _ in a })
        for p in plans {
            do { try PlanRules.check(p.details.goals, draftedOn: p.details.draftedOn) } catch { found.append("plan \(p.details.number): \(error)") }
        }
        for r in referrals {
            guard let (person, _) = persons[r.details.personID],
                  let service = DemoServices.service(r.details.serviceID) else { found.append("referral names unknown records"); continue }
            let referrer = agency.users.first { $0.id == r.by }?.role
            do { try ReferralRules.checkEligible(service, person: person.details, role: person.role, on: r.details.referredOn, referrer: referrer) }
            catch { found.append("referral of \(person.details.fullName): \(error)") }
        }
        for m in messages {
            guard let family = agency.families.first(where: { $0.caseID == m.caseID }) else { found.append("message in no case"); continue }
            let role = family.persons.first { $0.id == m.details.familyPersonID }?.role
            do { _ = try MessageRules.check(m.details.body, role: role) } catch { found.append("message: \(error)") }
        }
        for s in sessions {
            guard let family = agency.families.first(where: { $0.caseID == s.caseID }) else { found.append("session in no case"); continue }
            let objectives = Set(plans.filter { $0.caseID == s.caseID }.flatMap { $0.details.objectives.map(\.id) })
            do { try SessionRules.check(s.details, today: today, members: Set(family.persons.map(\.id)), objectives: objectives) }
            catch { found.append("session of \(s.details.date.iso): \(error)") }
        }
        return found
    }
}
