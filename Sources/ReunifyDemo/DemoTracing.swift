import Foundation
import ReunifyDomain
import ReunifyMatching

extension DemoAgency {
    /// A tracing request of the demo agency, with the actions already taken.
    public struct TracingRequest: Sendable, Equatable {
        public let id: UUID
        public let details: TracingRequestDetails
        public let filedOn: CalendarDate
        public let filedBy: UserID
        public let actions: [TracingActionDetails]
    }
}

/// The demo's tracing work: two children who arrived alone and whose families are sought, and inquiries from
/// relatives; some truly match registered children under other spellings and scripts, one matches nobody.
struct DemoTracingBuilder {
    var rng: SeededGenerator
    let today: CalendarDate
    let staff: DemoAgencyGenerator.Staff

    struct Arrival {
        let family: String, child: String, sex: Sex, born: CalendarDate, origin: String, language: String
        let mother: String, father: String
    }

    /// A family with one child in a shelter, the parents' whereabouts unknown.
    mutating func arrivalCase(_ a: Arrival, number: Int) -> (DemoAgency.Family, PersonID) {
        let child = PersonID(rng.uuid()), mother = PersonID(rng.uuid()), father = PersonID(rng.uuid())
        let persons: [DemoAgency.Person] = [
            .init(id: child, details: PersonDetails(givenName: a.child, familyName: a.family, birthDate: a.born, birthDateEstimated: true,
                                                    sex: a.sex, languages: [a.language], interpreterNeeded: true, placeOfOrigin: a.origin,
                                                    tracingConsent: true), role: .child),
            .init(id: mother, details: PersonDetails(givenName: a.mother, familyName: a.family, sex: .female, languages: [a.language],
                                                     interpreterNeeded: true, placeOfOrigin: a.origin), role: .parent),
            .init(id: father, details: PersonDetails(givenName: a.father, familyName: a.family, sex: .male, languages: [a.language],
                                                     interpreterNeeded: true, placeOfOrigin: a.origin), role: .parent),
        ]
        let arrived = today.adding(days: -rng.int(25...60))
        let episode = RemovalEpisodeDetails(childID: child, removalDate: arrived, manner: .voluntary, circumstances: [.whereaboutsUnknown])
        let shelter = PlacementDetails(setting: .childCareInstitutionShelter, caregiverName: "Hope Harbor Group Home", startDate: arrived)
        let details = CaseDetails(caseNumber: String(format: "FV-%04d-%03d", today.year, number), familyName: a.family, stage: .assessment,
                                  caseworkerID: staff.caseworker, supervisorID: staff.supervisor, unit: DemoAgency.unit, openedOn: arrived)
        let family = DemoAgency.Family(
            caseID: CaseID(rng.uuid()), details: details, persons: persons,
            relationships: [RelationshipDetails(personID: mother, kind: .mother, relatedPersonID: child),
                            RelationshipDetails(personID: father, kind: .father, relatedPersonID: child)],
            episodes: [.init(details: episode, placements: [shelter])],
            goals: [PermanencyGoalDetails(childID: child, primary: .reunification, primarySince: arrived.adding(days: 7))],
            team: [(staff.caseworker, .caseworker), (staff.supervisor, .supervisor)])
        return (family, child)
    }

    mutating func build(registered: [DemoAgency.Family]) -> (families: [DemoAgency.Family], requests: [DemoAgency.TracingRequest]) {
        let (alhassan, mohamed) = arrivalCase(Arrival(family: "Alhassan", child: "Mohamed", sex: .male, born: today.adding(days: -(11 * 365 + 40)),
                                                      origin: "Aleppo", language: "Arabic", mother: "Fatima", father: "Ahmad"), number: 201)
        let (kovalenko, _) = arrivalCase(Arrival(family: "Kovalenko", child: "Mariia", sex: .female, born: CalendarDate(year: today.year - 9, month: 3, day: 7)!,
                                                 origin: "Kharkiv", language: "Ukrainian", mother: "Olena", father: "Ivan"), number: 202)
        var requests: [DemoAgency.TracingRequest] = []
        func filed(_ days: Int) -> CalendarDate { today.adding(days: -days) }

        requests.append(.init(
            id: rng.uuid(),
            details: TracingRequestDetails(
                inquirer: Inquirer(name: "أمينة الحسن", relationship: "aunt (mother's sister)", contact: "Red Crescent office, Gaziantep; +90 555 010 2030",
                                   language: "Arabic"),
                sought: SoughtPerson(givenName: "محمد", familyName: "الحسن", sex: .male, ageEstimate: 11, separationPlace: "Border crossing near Kilis",
                                     placeOfOrigin: "Aleppo", motherName: "فاطمة", fatherName: "أحمد",
                                     distinguishingDetails: "Small scar above the left eyebrow")),
            filedOn: filed(12), filedBy: staff.caseworker2,
            actions: [TracingActionDetails(date: filed(10), type: .registrySearch, outcome: "Asked partner agencies to search their registers", notes: "")]))
        requests.append(.init(
            id: rng.uuid(),
            details: TracingRequestDetails(
                inquirer: Inquirer(name: "Галина Коваленко", relationship: "grandmother", contact: "+380 57 700 1122", language: "Ukrainian"),
                sought: SoughtPerson(givenName: "Марія", familyName: "Коваленко", sex: .female,
                                     birthDate: PartialDate(year: today.year - 9, month: 7, day: 3), separationPlace: "Przemyśl station",
                                     separationDate: filed(70), placeOfOrigin: "Kharkiv", motherName: "Олена")),
            filedOn: filed(20), filedBy: staff.caseworker,
            actions: [TracingActionDetails(date: filed(18), type: .phone, outcome: "Spoke with the grandmother; she has a photo to share", notes: "")]))

        // A relative asks after a registered child of the agency, misspelling the name and knowing only the birth year.
        if let family = registered.first(where: { f in f.persons.contains { $0.role == .child && $0.details.tracingConsent } }),
           let child = family.persons.first(where: { $0.role == .child && $0.details.tracingConsent }) {
            let d = child.details
            let misspelt = Self.misspell(d.familyName)
            requests.append(.init(
                id: rng.uuid(),
                details: TracingRequestDetails(
                    inquirer: Inquirer(name: "Ruth \(misspelt)", relationship: "great-aunt", contact: "555-0417", language: "English"),
                    sought: SoughtPerson(givenName: d.givenName, familyName: misspelt, sex: d.sex,
                                         birthDate: d.birthDate.flatMap { PartialDate(year: $0.year) }, placeOfOrigin: DemoNames.town)),
                filedOn: filed(5), filedBy: staff.caseworker, actions: []))
        }

        requests.append(.init(
            id: rng.uuid(),
            details: TracingRequestDetails(
                inquirer: Inquirer(name: "Halima Ibrahim", relationship: "mother", contact: "UNHCR field office, Agadez", language: "Hausa"),
                sought: SoughtPerson(givenName: "Yusuf", familyName: "Ibrahim", sex: .male, ageEstimate: 14, separationPlace: "Agadez",
                                     placeOfOrigin: "Zinder", motherName: "Halima")),
            filedOn: filed(40), filedBy: staff.caseworker2,
            actions: [TracingActionDetails(date: filed(35), type: .mediaOutreach, place: "Regional radio", outcome: "Message read on air twice; no calls yet"),
                      TracingActionDetails(date: filed(21), type: .localAuthorities, place: "Zinder", outcome: "Local authorities have no record of the family's return")]))

        requests.append(.init(
            id: rng.uuid(),
            details: TracingRequestDetails(
                kind: .familySearch, inquirer: Inquirer(name: "Alex Rivera", relationship: "caseworker", contact: "caseworker@demo.reunify.test", language: "English"),
                sought: SoughtPerson(givenName: "Mohamed", familyName: "Alhassan", sex: .male, birthDate: PartialDate(year: today.year - 11),
                                     placeOfOrigin: "Aleppo", motherName: "Fatima", fatherName: "Ahmad"),
                childID: mohamed),
            filedOn: filed(20), filedBy: staff.caseworker,
            actions: [TracingActionDetails(date: filed(19), type: .registrySearch, outcome: "Registered the child's details with the regional tracing network"),
                      TracingActionDetails(date: filed(8), type: .siteVisit, place: "Community centre, Gaziantep",
                                           outcome: "A neighbour from Aleppo recognised the father's name", notes: "Follow up with the community leader")]))
        return ([alhassan, kovalenko], requests)
    }

    /// One vowel written differently, as a relative might spell a name: Johnson → Johnsen.
    static func misspell(_ name: String) -> String {
        var letters = Array(name)
        let swaps: [Character: Character] = ["a": "e", "e": "a", "i": "y", "o": "e", "u": "o"]
        if let i = letters.indices.last(where: { swaps[letters[$0]] != nil }), i > 0 { letters[i] = swaps[letters[i]]! }
        return String(letters)
    }
}
