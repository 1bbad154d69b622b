import Foundation
import ReunifyDomain
import ReunifyMatching

/// Builds the demo agency from a seed and a reference day. The same seed and day always give the same
/// agency, identifiers included; dates are placed relative to the reference day so the caseload looks current.
public struct DemoAgencyGenerator: Sendable {
    public let seed: UInt64
    public let today: CalendarDate
    public let familyCount: Int

    public init(seed: UInt64 = 20_261_123, today: CalendarDate, familyCount: Int = 32) {
        self.seed = seed
        self.today = today
        self.familyCount = familyCount
    }

    struct Staff {
        let admin, supervisor, caseworker, caseworker2, clinician, provider, legal, parent: UserID
    }

    public func generate() -> DemoAgency {
        var rng = SeededGenerator(seed: seed)
        let staff = Staff(admin: UserID(rng.uuid()), supervisor: UserID(rng.uuid()), caseworker: UserID(rng.uuid()),
                          caseworker2: UserID(rng.uuid()), clinician: UserID(rng.uuid()), provider: UserID(rng.uuid()),
                          legal: UserID(rng.uuid()), parent: UserID(rng.uuid()))
        let stages = CaseStage.allCases
        var families: [DemoAgency.Family] = []
        var usedNames = Set<String>()
        for index in 0..<familyCount {
            // Pairs of families share a stage, one for each caseworker, so both hold every stage; the
            // first pair is mid-way (services) so the demo parent has a case with something to see.
            let spanish = index % 8 == 1 || index % 8 == 4
            let stage = stages[(index / 2 + 3) % stages.count]
            let worker = index % 2 == 0 ? staff.caseworker : staff.caseworker2
            var builder = FamilyBuilder(rng: rng, today: today, index: index, spanish: spanish, stage: stage, staff: staff,
                                        caseworker: worker, usedNames: usedNames)
            families.append(builder.build())
            rng = builder.rng
            usedNames = builder.usedNames
        }
        var tracing = DemoTracingBuilder(rng: rng, today: today, staff: staff)
        let (arrivals, requests) = tracing.build(registered: families)
        families += arrivals
        // Families whose histories the permanency clock needs (past 15 of 22 months; a re-entry), from their own seed.
        var permanency = DemoPermanencyFamilies(rng: SeededGenerator(seed: seed &+ 0x5045_524D), today: today, staff: staff)
        let clock = permanency.build()
        families += [clock.kinship, clock.reEntry]
        let clockFamilies = DemoAgency.ClockFamilies(kinship: clock.kinship.caseID, reEntry: clock.reEntry.caseID)
        // The demo parent is the mother in the first family: a caseworker's case with a child in care.
        let parentFamily = families[0]
        let mother = parentFamily.persons.first { $0.role == .parent }!
        let madre = Self.spanishMother(in: &families, today: today)
        var users: [DemoAgency.User] = [
            .init(id: staff.admin, email: "admin@demo.reunify.test", name: "Dana Whitfield", role: .administrator, unit: nil, personID: nil),
            .init(id: staff.supervisor, email: "supervisor@demo.reunify.test", name: "Grace Okafor", role: .supervisor, unit: DemoAgency.unit, personID: nil),
            .init(id: staff.caseworker, email: "caseworker@demo.reunify.test", name: "Alex Rivera", role: .caseworker, unit: DemoAgency.unit, personID: nil),
            .init(id: staff.caseworker2, email: "caseworker2@demo.reunify.test", name: "Jordan Lee", role: .caseworker, unit: DemoAgency.unit, personID: nil),
            .init(id: staff.clinician, email: "clinician@demo.reunify.test", name: "Dr. Priya Shah", role: .clinician, unit: nil, personID: nil),
            .init(id: staff.provider, email: "provider@demo.reunify.test", name: "Sam Ortega", role: .provider, unit: nil, personID: nil),
            .init(id: staff.legal, email: "legal@demo.reunify.test", name: "Morgan Blake", role: .legal, unit: nil, personID: nil),
            .init(id: staff.parent, email: "parent@demo.reunify.test", name: mother.details.fullName, role: .parent, unit: nil, personID: mother.id),
        ]
        if let madre {
            users.append(.init(id: DemoAgency.madreID, email: DemoAgency.madreEmail, name: madre.details.fullName, role: .parent, unit: nil,
                               personID: madre.id))
        }
        return DemoAgency(users: users, families: families, tracingRequests: requests, clockFamilies: clockFamilies)
    }

    /// The Spanish-speaking demo mother (`madre@demo.reunify.test`, whose pages are in Spanish): the mother of the first
    /// family in services whose first language is Spanish and whose children's father lives apart from her. Her person
    /// record carries her account's e-mail, and the father, when his address is unknown, is given one in another town,
    /// so her pages can be checked never to show it.
    static func spanishMother(in families: inout [DemoAgency.Family], today: CalendarDate) -> DemoAgency.Person? {
        for (i, f) in families.enumerated() where i > 0 && f.details.stage == .services && f.episodes.contains(where: { $0.details.isOpen }) {
            guard let mother = f.persons.first(where: { $0.role == .parent && $0.details.sex == .female && $0.details.languages.first == "Spanish"
                                                        && $0.details.address?.region == "CA" && ($0.details.birthDate?.age(on: today) ?? 0) >= 18 }),
                  let father = f.persons.first(where: { $0.role == .nonResidentFather }) else { continue }
            var persons = f.persons
            var m = mother.details
            m.email = DemoAgency.madreEmail
            persons[persons.firstIndex { $0.id == mother.id }!] = .init(id: mother.id, details: m, role: mother.role)
            if father.details.address == nil || father.details.address == m.address {
                var d = father.details
                d.address = Address.tidy(line: "1450 Alder Street, Apt 3", locality: "Stockton", region: "CA", postcode: "95202", country: "US")
                d.phone = d.phone ?? "555-0188"
                d.email = d.email ?? "m.ortiz.family@example.org"
                persons[persons.firstIndex { $0.id == father.id }!] = .init(id: father.id, details: d, role: father.role)
            }
            families[i] = DemoAgency.Family(caseID: f.caseID, details: f.details, persons: persons, relationships: f.relationships,
                                            episodes: f.episodes, goals: f.goals, team: f.team)
            return persons.first { $0.id == mother.id }
        }
        return nil
    }
}
