import FluentKit
import Foundation
import ReunifyDomain

/// The directory of providers and their services.
public struct ProviderRepository: Sendable {
    let db: any Database
    public init(_ db: any Database) { self.db = db }

    /// A provider with its services, as the directory lists them.
    public struct Listing: Sendable {
        public let provider: Recorded<ProviderSubject, Provider>
        public let services: [Recorded<ServiceSubject, ProviderService>]
    }

    public func all() async throws -> [Listing] {
        Self.listings(try await ProviderModel.query(on: db).sort(\.$name).all(),
                      services: try await ProviderServiceModel.query(on: db).sort(\.$name).all())
    }

    /// Each provider with its services, in the order given.
    static func listings(_ providers: [ProviderModel], services: [ProviderServiceModel]) -> [Listing] {
        let byProvider = Dictionary(grouping: services, by: \.providerID)
        return providers.map { p in Listing(provider: p.recorded, services: (byProvider[p.id!] ?? []).map(\.recorded)) }
    }

    /// The listings of these providers only, in the directory's order (a case's referrals name a few of the directory's).
    public func listings(of ids: Set<ProviderID>) async throws -> [Listing] {
        let uuids = ids.map(\.uuid)
        return Self.listings(try await ModelRows.all(ProviderModel.self, "id", in: uuids, order: "name", on: db),
                             services: try await ModelRows.all(ProviderServiceModel.self, "provider_id", in: uuids, order: "name", on: db))
    }

    /// The names of these providers (a case's referrals and consents name a few of the directory's).
    public func names(of ids: Set<ProviderID>) async throws -> [ProviderID: String] {
        guard !ids.isEmpty else { return [:] }
        let models = try await ProviderModel.query(on: db).filter(\.$id ~~ ids.map(\.uuid)).all()
        return Dictionary(models.map { ($0.typedID, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    public func find(_ id: ProviderID) async throws -> Recorded<ProviderSubject, Provider>? {
        try await ProviderModel.find(id.uuid, on: db)?.recorded
    }

    /// A service with the organisation that gives it.
    public func service(_ id: ServiceID) async throws -> (service: Recorded<ServiceSubject, ProviderService>, providerID: ProviderID)? {
        guard let s = try await ProviderServiceModel.find(id.uuid, on: db) else { return nil }
        return (s.recorded, ProviderID(s.providerID))
    }

    /// Adds an organisation and its services; the demo loader and the administrators' import call it.
    public func add(_ provider: Provider, services: [ProviderService], id: UUID? = nil, serviceIDs: [UUID]? = nil) async throws -> Listing {
        let model = ProviderModel(id: id, provider)
        try await model.create(on: db)
        var saved: [ProviderServiceModel] = []
        for (i, s) in services.enumerated() {
            let m = ProviderServiceModel(id: serviceIDs?[i], providerID: model.id!, s)
            try await m.create(on: db)
            saved.append(m)
        }
        return Listing(provider: model.recorded, services: saved.map(\.recorded))
    }

    /// The organisation a provider account works for.
    public func organisation(of user: UserID) async throws -> ProviderID? {
        try await UserModel.find(user.uuid, on: db)?.providerID.map(ProviderID.init)
    }
}

/// Plans, referrals and consents of a case.
public struct ServiceRecordsRepository: Sendable {
    let db: any Database
    public init(_ db: any Database) { self.db = db }

    public func plans(in caseID: CaseID) async throws -> [Recorded<PlanSubject, CasePlanDetails>] {
        try await ModelRows.all(CasePlanModel.self, "case_id", in: [caseID.uuid], order: "number", on: db).map(\.recorded)
    }

    public func plans(inCases ids: [CaseID]) async throws -> [CaseID: [CasePlanDetails]] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await ModelRows.all(CasePlanModel.self, "case_id", in: ids.map(\.uuid), on: db)
        return Dictionary(grouping: rows, by: { CaseID($0.caseID) }).mapValues { $0.map(\.details) }
    }

    func planModel(_ id: PlanID, in caseID: CaseID) async throws -> CasePlanModel? {
        try await CasePlanModel.query(on: db).filter(\.$id == id.uuid).filter(\.$caseID == caseID.uuid).first()
    }

    public func plan(_ id: PlanID, in caseID: CaseID) async throws -> Recorded<PlanSubject, CasePlanDetails>? {
        try await planModel(id, in: caseID)?.recorded
    }

    public func consents(in caseID: CaseID) async throws -> [Recorded<ConsentSubject, ConsentDetails>] {
        try await ModelRows.all(ConsentModel.self, "case_id", in: [caseID.uuid], order: "given_on", on: db).map(\.recorded)
    }

    func consentModel(_ id: ConsentID) async throws -> ConsentModel? { try await ConsentModel.find(id.uuid, on: db) }

    /// The consent of `person` to share with `provider` that stands on `date`, if any.
    public func standingConsent(of person: PersonID, to provider: ProviderID, on date: CalendarDate) async throws -> Recorded<ConsentSubject, ConsentDetails>? {
        let rows = try await ConsentModel.query(on: db).filter(\.$personID == person.uuid).filter(\.$providerID == provider.uuid).all()
        return rows.map(\.recorded).first { $0.details.stands(on: date) }
    }

    public func consent(_ id: ConsentID) async throws -> (Recorded<ConsentSubject, ConsentDetails>, CaseID)? {
        guard let m = try await consentModel(id) else { return nil }
        return (m.recorded, CaseID(m.caseID))
    }

    public func referrals(in caseID: CaseID) async throws -> [Recorded<ReferralSubject, ReferralDetails>] {
        try await ModelRows.all(ReferralModel.self, "case_id", in: [caseID.uuid], order: "referred_on", on: db).map(\.recorded)
    }

    /// A provider's inbox: its organisation's referrals, newest first, with their cases.
    public func referrals(to provider: ProviderID) async throws -> [(Recorded<ReferralSubject, ReferralDetails>, CaseID)] {
        try await ReferralModel.query(on: db).filter(\.$providerID == provider.uuid).sort(\.$referredOn, .descending).all()
            .map { ($0.recorded, CaseID($0.caseID)) }
    }

    func referralModel(_ id: ReferralID) async throws -> ReferralModel? { try await ReferralModel.find(id.uuid, on: db) }

    public func referral(_ id: ReferralID) async throws -> (Recorded<ReferralSubject, ReferralDetails>, CaseID)? {
        guard let m = try await referralModel(id) else { return nil }
        return (m.recorded, CaseID(m.caseID))
    }
}
