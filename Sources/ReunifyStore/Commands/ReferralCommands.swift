import FluentKit
import Foundation
import ReunifyDomain

/// The one write path for referrals and consents: a referral is checked for membership, eligibility (before consent)
/// and consent, and written with its audit entry (and the consent it brought) in one transaction; its moves follow
/// `ReferralRules`.
public struct ReferralCommands: Sendable {
    let change: CaseChange
    public init(_ change: CaseChange) { self.change = change }
    var acting: Acting { change.acting }

    /// A consent given with a referral: what may be shared, until when.
    public struct GivenConsent: Sendable {
        public var scope: String
        public var expiresOn: CalendarDate?
        public init(scope: String, expiresOn: CalendarDate?) {
            self.scope = scope
            self.expiresOn = expiresOn
        }
    }

    public func refer(_ personID: PersonID, to serviceID: ServiceID, in caseID: CaseID, interventionID: UUID?, reason: String,
                      consent given: GivenConsent?) async throws -> Recorded<ReferralSubject, ReferralDetails> {
        let acting = self.acting
        return try await change.write(.create, .referral, caseID: caseID) { tx in
            let facts = try await CaseFacts(tx, caseID)
            guard let role = facts.members.first(where: { $0.personID == personID })?.role,
                  let person = try await PersonRepository(tx).find(personID)?.details else {
                throw ValidationFailure(field: "personId", "This person is not a member of the case")
            }
            guard let (service, providerID) = try await ProviderRepository(tx).service(serviceID) else {
                throw ValidationFailure(field: "serviceId", "There is no service with id \(serviceID) in the directory")
            }
            let reason = try ReferralRules.checkNew(reason: reason)
            try ReferralRules.checkEligible(service.details, person: person, role: role, on: acting.today, referrer: acting.actor.role)
            if let interventionID {
                let plans = try await ServiceRecordsRepository(tx).plans(in: caseID)
                guard plans.contains(where: { $0.details.interventions.contains { $0.id == interventionID } }) else {
                    throw ValidationFailure(field: "interventionId", "No plan of this case has an intervention with id \(interventionID)")
                }
            }
            let records = ServiceRecordsRepository(tx)
            var consentID = try await records.standingConsent(of: personID, to: providerID, on: acting.today)?.id
            let providerName = try await ProviderRepository(tx).find(providerID)?.details.name ?? "the provider"
            if consentID == nil, let given {
                let details = ConsentDetails(personID: personID, providerID: providerID, scope: given.scope, givenOn: acting.today,
                                             expiresOn: given.expiresOn)
                try ValidationFailure.check(details.validate(today: acting.today).map { $0.on("consent.\($0.field)") })
                let model = ConsentModel(caseID: caseID, details, recordedBy: acting.actor.id)
                try await model.create(on: tx)
                try await AuditRepository(tx).record(acting.auditEvent(.create, .consent, recordID: model.id, caseID: caseID,
                                                                       Worded(.audConsent, ["person": person.fullName, "provider": providerName])))
                consentID = model.typedID
            }
            guard let consentID else {
                throw ValidationFailure(field: "consent", "\(person.fullName)'s consent to share information with \(providerName) is needed: record it, or give it with the referral as consent {scope, expiresOn}")
            }
            let details = ReferralDetails(personID: personID, serviceID: serviceID, providerID: providerID, category: service.details.category,
                                          interventionID: interventionID, reason: reason, referredOn: acting.today, consentID: consentID)
            let model = ReferralModel(caseID: caseID, details, referredBy: acting.actor.id)
            try await model.create(on: tx)
            return (model.recorded, .init(model.id, .audReferred, ["person": person.fullName, "service": service.details.name, "provider": providerName]))
        }
    }

    /// Moves a referral. Provider staff move their organisation's referrals; the case's staff may record any move.
    public func move(_ id: ReferralID, to: ReferralStatus, reason: String?, outcome: String?) async throws -> Recorded<ReferralSubject, ReferralDetails> {
        let acting = self.acting
        guard let (current, caseID) = try await ServiceRecordsRepository(change.db).referral(id) else {
            throw StoreError.absent("There is no such referral")
        }
        let organisation = try await ProviderRepository(change.db).organisation(of: acting.actor.id)
        let visibility = ReferralVisibility(actorProvider: organisation)
        let body: @Sendable (any Database) async throws -> (Recorded<ReferralSubject, ReferralDetails>, CaseChange.Entry) = { tx in
            guard let model = try await ServiceRecordsRepository(tx).referralModel(id) else { throw StoreError.absent("There is no such referral") }
            let by: ReferralActor = acting.actor.role == .provider ? .provider : .caseStaff
            let moved = try ReferralRules.move(model.details, to: to, by: by, reason: reason, outcome: outcome)
            let from = model.details.status
            model.apply(moved)
            try await model.saveChecked(expectedVersion: model.version, on: tx)
            return (model.recorded, .init(model.id, .audReferralMoved, each: { ["from": $0 == .english ? from.rawValue : from.spanish.lowercased(), "to": $0 == .english ? to.rawValue : to.spanish.lowercased()] }))
        }
        if visibility.mayAnswer(acting.actor, providerID: current.details.providerID) {
            if current.details.isRestricted {
                let consent = try await ServiceRecordsRepository(change.db).standingConsent(of: current.details.personID,
                                                                                            to: current.details.providerID, on: acting.today)
                guard consent != nil else { throw StoreError.absent("There is no such referral") }
            }
            return try await change.audited(.update, .referral) { tx in
                let (value, entry) = try await body(tx)
                return (value, entry, caseID)
            }
        }
        let facts = try await change.authorize(.update, .referral, caseID: caseID)
        let caseDecision = acting.policy.decide(acting.actor, .read, .referral, in: facts)
        guard visibility.mayRead(acting.actor, caseDecision: caseDecision, facts: facts, providerID: current.details.providerID,
                                 restricted: current.details.isRestricted, consentStands: false) else {
            throw StoreError.absent("There is no such referral")
        }
        return try await change.write(.update, .referral, caseID: caseID, body)
    }

    // MARK: consent

    public func recordConsent(_ details: ConsentDetails, in caseID: CaseID) async throws -> Recorded<ConsentSubject, ConsentDetails> {
        let acting = self.acting
        return try await change.write(.create, .consent, caseID: caseID) { tx in
            let facts = try await CaseFacts(tx, caseID)
            guard facts.members.contains(where: { $0.personID == details.personID }) else {
                throw ValidationFailure(field: "personId", "This person is not a member of the case")
            }
            guard let provider = try await ProviderRepository(tx).find(details.providerID) else {
                throw ValidationFailure(field: "providerId", "There is no provider with id \(details.providerID) in the directory")
            }
            try ValidationFailure.check(details.validate(today: acting.today))
            let model = ConsentModel(caseID: caseID, details, recordedBy: acting.actor.id)
            try await model.create(on: tx)
            let name = try await facts.name(of: details.personID)
            return (model.recorded, .init(model.id, .audConsent, ["person": name, "provider": provider.details.name]))
        }
    }

    public func revokeConsent(_ id: ConsentID, reason: String?) async throws -> Recorded<ConsentSubject, ConsentDetails> {
        let acting = self.acting
        guard let (_, caseID) = try await ServiceRecordsRepository(change.db).consent(id) else { throw StoreError.absent("There is no such consent") }
        return try await change.write(.update, .consent, caseID: caseID) { tx in
            guard let model = try await ServiceRecordsRepository(tx).consentModel(id) else { throw StoreError.absent("There is no such consent") }
            let revoked = try model.details.revoked(on: acting.today, reason: reason)
            model.apply(revoked)
            try await model.saveChecked(expectedVersion: model.version, on: tx)
            return (model.recorded, .init(model.id, .audConsentRevoked))
        }
    }
}
