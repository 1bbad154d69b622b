import Fluent
import Vapor
import ReunifyDomain
import ReunifyStore

/// `/api/v1/providers`, a case's plans, referrals and consents, `/api/v1/referrals` (a provider's inbox) and
/// `/api/v1/consents/{id}/revoke`.
struct ServicesAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("providers", use: providers)
        let c = routes.grouped("cases", ":caseID")
        c.get("plans", use: listPlans)
        c.post("plans", use: draftPlan)
        c.get("plans", ":planID", use: readPlan)
        c.put("plans", ":planID", use: changePlan)
        c.post("plans", ":planID", "agreements", use: recordAgreement)
        c.post("plans", ":planID", "approve", use: approvePlan)
        c.get("referrals", use: caseReferrals)
        c.post("referrals", use: refer)
        c.get("sessions", use: listSessions)
        c.post("sessions", use: recordSession)
        c.get("consents", use: listConsents)
        c.post("consents", use: recordConsent)
        routes.get("referrals", use: inbox)
        routes.get("referrals", ":referralID", use: readReferral)
        routes.post("referrals", ":referralID", "transitions", use: moveReferral)
        routes.post("consents", ":consentID", "revoke", use: revokeConsent)
    }

    // MARK: providers

    func providers(req: Request) async throws -> [ProviderDTO] {
        let signedIn = try req.requireSignedIn()
        guard signedIn.actor.role != .parent else { throw Abort(.forbidden, reason: "The directory of services is for staff; ask your caseworker") }
        let category = try ServiceCategory.api(req.query[String.self, at: "category"], field: "category")
        let language = req.query[String.self, at: "language"]
        let place = req.query[String.self, at: "place"]
        if let language, !Languages.isTag(language) {
            throw ValidationFailure(field: "language", "'\(language)' is not a language code; use codes like en or es")
        }
        var search = ServiceSearch(category: category, language: language, place: place, referrer: signedIn.actor.role, on: req.today)
        if let text = req.query[String.self, at: "eligibleFor"] {
            guard let personID = PersonID(text) else { throw ValidationFailure(field: "eligibleFor", "'\(text)' is not a person id") }
            search.candidate = try await req.serviceCandidate(personID, .audAPIServicesFor)
        }
        return try await ProviderRepository(req.db).all().compactMap { listing in
            let services = listing.services.filter { search.admits($0.details, providerRegion: listing.provider.details.region) }
            guard !services.isEmpty || search.isEmpty else { return nil }
            let p = listing.provider.details
            return ProviderDTO(id: listing.provider.id.uuid, name: p.name, region: p.region, phone: p.phone, email: p.email, address: p.address,
                               services: services.map(ServiceDTO.init))
        }
    }

    // MARK: plans

    func planID(_ req: Request) throws -> PlanID { try req.idParameter("planID", "plan") }

    func listPlans(req: Request) async throws -> [PlanDTO] {
        let caseID = try req.caseIDParameter()
        try await req.authorize(.read, .casePlan, caseID: caseID)
        try await req.audit(.view, .casePlan, recordID: nil, caseID: caseID, .audAPIPlans)
        return try await ServiceRecordsRepository(req.db).plans(in: caseID).map { PlanDTO($0, caseID: caseID, today: req.today) }
    }

    func draftPlan(req: Request) async throws -> Response {
        let caseID = try req.caseIDParameter()
        let goals = try req.content.decode(PlanInput.self).value()
        let plan = try await PlanCommands(req.change()).draft(goals, in: caseID)
        return try created(PlanDTO(plan, caseID: caseID, today: req.today))
    }

    func readPlan(req: Request) async throws -> PlanDTO {
        let caseID = try req.caseIDParameter()
        try await req.authorize(.read, .casePlan, caseID: caseID)
        let id = try planID(req)
        guard let plan = try await ServiceRecordsRepository(req.db).plan(id, in: caseID) else {
            throw Abort(.notFound, reason: "There is no such plan in this case")
        }
        try await req.audit(.view, .casePlan, recordID: id, caseID: caseID, .audAPIPlan, ["number": "\(plan.details.number)"])
        return PlanDTO(plan, caseID: caseID, today: req.today)
    }

    func changePlan(req: Request) async throws -> PlanDTO {
        let caseID = try req.caseIDParameter()
        let id = try planID(req)
        let input = try req.content.decode(PlanInput.self)
        let version = try requireVersion(input.version)
        let plan = try await PlanCommands(req.change()).change(id, in: caseID, goals: try input.value(), expectedVersion: version)
        return PlanDTO(plan, caseID: caseID, today: req.today)
    }

    func recordAgreement(req: Request) async throws -> PlanDTO {
        let caseID = try req.caseIDParameter()
        let id = try planID(req)
        let input = try req.content.decode(AgreementBody.self)
        let plan = try await PlanCommands(req.change()).recordAgreement(on: id, in: caseID, personID: PersonID(input.personId), agreed: input.agreed,
                                                                       language: input.language, note: input.note)
        return PlanDTO(plan, caseID: caseID, today: req.today)
    }

    func approvePlan(req: Request) async throws -> PlanDTO {
        let caseID = try req.caseIDParameter()
        let id = try planID(req)
        let input = req.body.data == nil ? ApproveInput(startsOn: nil) : try req.content.decode(ApproveInput.self)
        let plan = try await PlanCommands(req.change()).approve(id, in: caseID, startsOn: try CalendarDate.api(input.startsOn, field: "startsOn"))
        return PlanDTO(plan, caseID: caseID, today: req.today)
    }

    // MARK: referrals

    func caseReferrals(req: Request) async throws -> [ReferralDTO] {
        let caseID = try req.caseIDParameter()
        let facts = try await req.authorize(.read, .referral, caseID: caseID)
        let access = try await ReferralAccess(req)
        let visible = try await ServiceRecordsRepository(req.db).referrals(in: caseID).asyncFilter {
            try await access.mayRead($0, caseID: caseID, facts: facts)
        }
        try await req.audit(.view, .referral, recordID: nil, caseID: caseID, .audAPIReferrals)
        return try await access.dtos(visible.map { ($0, caseID) })
    }

    func refer(req: Request) async throws -> Response {
        let caseID = try req.caseIDParameter()
        let input = try req.content.decode(ReferralInput.self)
        let consent = try input.consent.map {
            ReferralCommands.GivenConsent(scope: $0.scope, expiresOn: try CalendarDate.api($0.expiresOn, field: "consent.expiresOn"))
        }
        let referral = try await ReferralCommands(req.change()).refer(PersonID(input.personId), to: ServiceID(input.serviceId), in: caseID,
                                                                      interventionID: input.interventionId, reason: input.reason, consent: consent)
        return try created(try await ReferralAccess(req).dtos([(referral, caseID)])[0])
    }

    func inbox(req: Request) async throws -> [ReferralDTO] {
        let signedIn = try req.requireSignedIn()
        let access = try await ReferralAccess(req)
        let repo = ServiceRecordsRepository(req.db)
        var found: [(Recorded<ReferralSubject, ReferralDetails>, CaseID)] = []
        if signedIn.actor.role == .provider {
            guard let organisation = access.organisation else { return [] }
            for (r, caseID) in try await repo.referrals(to: organisation) where try await access.mayRead(r, caseID: caseID, facts: nil) {
                found.append((r, caseID))
            }
        } else {
            let cases = try await CaseRepository(req.db).visibleCaseIDs(try req.caseScope())
            for caseID in cases.sorted(by: { $0.description < $1.description }) {
                guard let facts = try await CaseRepository(req.db).facts(caseID),
                      req.policy.decide(signedIn.actor, .read, .referral, in: facts).isAllowed else { continue }
                for r in try await repo.referrals(in: caseID) where try await access.mayRead(r, caseID: caseID, facts: facts) {
                    found.append((r, caseID))
                }
            }
        }
        try await req.audit(.view, .referral, recordID: nil, caseID: nil, .audAPIInbox, ["count": "\(found.count)"])
        return try await access.dtos(found)
    }

    func readReferral(req: Request) async throws -> ReferralDTO {
        let access = try await ReferralAccess(req)
        let (referral, caseID) = try await access.visible(try req.idParameter("referralID", "referral"))
        try await req.audit(.view, .referral, recordID: referral.id, caseID: caseID, .audAPIReferral)
        return try await access.dtos([(referral, caseID)])[0]
    }

    func moveReferral(req: Request) async throws -> ReferralDTO {
        let access = try await ReferralAccess(req)
        let id: ReferralID = try req.idParameter("referralID", "referral")
        _ = try await access.visible(id)
        let input = try req.content.decode(TransitionInput.self)
        let to = try ReferralStatus.api(input.to, field: "to")
        let moved = try await ReferralCommands(req.change()).move(id, to: to, reason: input.reason, outcome: input.outcome)
        let (_, caseID) = try await access.visible(id)
        return try await access.dtos([(moved, caseID)])[0]
    }

    // MARK: sessions

    func listSessions(req: Request) async throws -> [SessionDTO] {
        let caseID = try req.caseIDParameter()
        let facts = try await req.authorize(.read, .serviceSession, caseID: caseID)
        let actor = try req.requireSignedIn().actor
        let noteDecision = req.policy.decide(actor, .read, .clinicalNote, in: facts)
        let sessions = try await ServiceRecordsRepository(req.db).sessions(in: caseID)
        let shown = sessions.map { ClinicalNoteAccess.mayRead(actor, caseDecision: noteDecision, author: $0.recordedBy) && $0.clinicalNote != nil }
        try await req.audit(.view, .serviceSession, recordID: nil, caseID: caseID, .audAPISessions)
        if shown.contains(true) {
            try await req.audit(.view, .clinicalNote, recordID: nil, caseID: caseID, .audAPIClinicalNotes, ["count": "\(shown.filter { $0 }.count)"])
        }
        return zip(sessions, shown).map { SessionDTO($0, caseID: caseID, showNote: $1) }
    }

    func recordSession(req: Request) async throws -> Response {
        let caseID = try req.caseIDParameter()
        let input = try req.content.decode(SessionInput.self)
        let saved = try await SessionCommands(req.change()).record(try input.value(), clinicalNote: input.clinicalNote, in: caseID)
        return try created(SessionDTO(saved, caseID: caseID, showNote: true))
    }

    // MARK: consents

    func listConsents(req: Request) async throws -> [ConsentDTO] {
        let caseID = try req.caseIDParameter()
        try await req.authorize(.read, .consent, caseID: caseID)
        try await req.audit(.view, .consent, recordID: nil, caseID: caseID, .audAPIConsents)
        return try await ServiceRecordsRepository(req.db).consents(in: caseID).map { ConsentDTO($0, caseID: caseID, today: req.today) }
    }

    func recordConsent(req: Request) async throws -> Response {
        let caseID = try req.caseIDParameter()
        let input = try req.content.decode(ConsentInput.self)
        let details = ConsentDetails(personID: PersonID(input.personId), providerID: ProviderID(input.providerId), scope: input.scope,
                                     givenOn: try CalendarDate.api(input.givenOn, field: "givenOn") ?? req.today,
                                     expiresOn: try CalendarDate.api(input.expiresOn, field: "expiresOn"))
        let consent = try await ReferralCommands(req.change()).recordConsent(details, in: caseID)
        return try created(ConsentDTO(consent, caseID: caseID, today: req.today))
    }

    func revokeConsent(req: Request) async throws -> ConsentDTO {
        let id: ConsentID = try req.idParameter("consentID", "consent")
        let input = req.body.data == nil ? RevokeInput(reason: nil) : try req.content.decode(RevokeInput.self)
        let revoked = try await ReferralCommands(req.change()).revokeConsent(id, reason: input.reason)
        guard let (_, caseID) = try await ServiceRecordsRepository(req.db).consent(id) else { throw Abort(.notFound) }
        return ConsentDTO(revoked, caseID: caseID, today: req.today)
    }
}

/// Who may see which referral, as `ReferralVisibility` decides: the caller's organisation (for provider staff), the
/// case's policy, and for substance use referrals the consent that stands.
struct ReferralAccess {
    let req: Request
    let actor: Actor
    let organisation: ProviderID?

    init(_ req: Request) async throws {
        self.req = req
        actor = try req.requireSignedIn().actor
        organisation = actor.role == .provider ? try await ProviderRepository(req.db).organisation(of: actor.id) : nil
    }

    func mayRead(_ r: Recorded<ReferralSubject, ReferralDetails>, caseID: CaseID, facts: CaseAccessFacts?) async throws -> Bool {
        var facts = facts
        // Provider staff reach their organisation's referrals through the organisation, not the case: no case read.
        if facts == nil && organisation != r.details.providerID { facts = try await CaseRepository(req.db).facts(caseID) }
        let decision = facts.map { req.policy.decide(actor, .read, .referral, in: $0) } ?? .notFound
        var stands = false
        if r.details.isRestricted {
            stands = try await ServiceRecordsRepository(req.db).standingConsent(of: r.details.personID, to: r.details.providerID,
                                                                                on: req.today) != nil
        }
        return ReferralVisibility(actorProvider: organisation).mayRead(actor, caseDecision: decision, facts: facts, providerID: r.details.providerID,
                                                                       restricted: r.details.isRestricted, consentStands: stands)
    }

    /// The referral, or 404 to anyone who may not see it (its existence is not told).
    func visible(_ id: ReferralID) async throws -> (Recorded<ReferralSubject, ReferralDetails>, CaseID) {
        guard let (r, caseID) = try await ServiceRecordsRepository(req.db).referral(id), try await mayRead(r, caseID: caseID, facts: nil) else {
            throw Abort(.notFound, reason: "There is no referral with id \(id) open to you")
        }
        return (r, caseID)
    }

    func dtos(_ referrals: [(Recorded<ReferralSubject, ReferralDetails>, CaseID)]) async throws -> [ReferralDTO] {
        let persons = try await PersonRepository(req.db).find(referrals.map(\.0.details.personID.uuid))
        let directory = try await ProviderRepository(req.db).listings(of: Set(referrals.map(\.0.details.providerID)))
        return referrals.map { r, caseID in
            let d = r.details
            let p = persons.first { $0.id == d.personID.uuid }?.details
            let listing = directory.first { $0.provider.id == d.providerID }
            return ReferralDTO(id: r.id.uuid, caseId: caseID.uuid, status: d.status.rawValue, category: d.category.rawValue, personId: d.personID.uuid,
                               serviceId: d.serviceID.uuid, providerId: d.providerID.uuid, interventionId: d.interventionID, reason: d.reason,
                               referredOn: d.referredOn.iso, closingReason: d.closingReason, outcome: d.outcome, consentId: d.consentID?.uuid,
                               restricted: d.isRestricted, version: r.version,
                               person: p.map { ReferredPerson(id: d.personID.uuid, givenName: $0.givenName, familyName: $0.familyName, phone: $0.phone,
                                                              email: $0.email, languages: $0.languages, interpreterNeeded: $0.interpreterNeeded) },
                               serviceName: listing?.services.first { $0.id == d.serviceID }?.details.name, providerName: listing?.provider.details.name)
        }
    }
}

extension Array {
    func asyncFilter(_ keep: (Element) async throws -> Bool) async rethrows -> [Element] {
        var result: [Element] = []
        for element in self where try await keep(element) { result.append(element) }
        return result
    }
}
