import Foundation
import ReunifyDomain
import ReunifyMatching

/// Builds one demo family: its people, their relationships, the children's episodes and placements, goals and team.
struct FamilyBuilder {
    var rng: SeededGenerator
    let today: CalendarDate
    let index: Int
    let spanish: Bool
    let stage: CaseStage
    let staff: DemoAgencyGenerator.Staff
    let caseworker: UserID
    var usedNames: Set<String>

    var persons: [DemoAgency.Person] = []
    var relationships: [RelationshipDetails] = []

    init(rng: SeededGenerator, today: CalendarDate, index: Int, spanish: Bool, stage: CaseStage,
         staff: DemoAgencyGenerator.Staff, caseworker: UserID, usedNames: Set<String>) {
        self.rng = rng
        self.today = today
        self.index = index
        self.spanish = spanish
        self.stage = stage
        self.staff = staff
        self.caseworker = caseworker
        self.usedNames = usedNames
    }

    mutating func familyName() -> String {
        let list = spanish ? DemoNames.spanishFamily : DemoNames.englishFamily
        for _ in 0..<50 {
            let name = rng.pick(list)
            if !usedNames.contains(name) {
                usedNames.insert(name)
                return name
            }
        }
        return rng.pick(list) + "-" + rng.pick(list)
    }

    mutating func addPerson(_ details: PersonDetails, role: MemberRole) -> PersonID {
        let id = PersonID(rng.uuid())
        persons.append(.init(id: id, details: details, role: role))
        return id
    }

    mutating func birthDate(age: Int) -> CalendarDate {
        today.adding(days: -(age * 365 + rng.int(0...364)))
    }

    /// How long ago the children were removed, by stage.
    mutating func removalDaysAgo() -> Int {
        switch stage {
        case .intake: rng.int(3...20)
        case .assessment: rng.int(21...50)
        case .planning: rng.int(45...75)
        case .services: rng.int(90...260)
        case .familyTime: rng.int(200...420)
        case .trialHomeVisit: rng.int(320...520)
        case .aftercare: rng.int(420...640)
        case .closed: rng.int(700...1000)
        }
    }

    mutating func build() -> DemoAgency.Family {
        let family = familyName()
        let languages = spanish ? ["Spanish"] : ["English"]
        let address = DemoNames.home(&rng)
        let whereaboutsUnknown = index == 6
        let icwa = index == 10
        let motherName = rng.pick(spanish ? DemoNames.spanishFemale : DemoNames.englishFemale)
        let mother = addPerson(PersonDetails(
            givenName: motherName, familyName: family,
            otherNames: index % 5 == 0 ? ["\(motherName) \(rng.pick(spanish ? DemoNames.spanishFamily : DemoNames.englishFamily))"] : [],
            birthDate: birthDate(age: rng.int(19...38)), sex: .female, languages: spanish && index % 8 == 1 ? ["Spanish", "English"] : languages,
            interpreterNeeded: spanish && index % 8 != 1, tribalAffiliation: icwa ? "Cherokee Nation" : nil,
            icwaStatus: icwa ? .reasonToKnow : .notApplicable,
            phone: whereaboutsUnknown ? nil : String(format: "555-01%02d", index),
            address: whereaboutsUnknown ? nil : address), role: .parent)

        var father: PersonID?
        var fatherResident = false
        if rng.chance(0.75) {
            fatherResident = rng.chance(0.5)
            father = addPerson(PersonDetails(
                givenName: rng.pick(spanish ? DemoNames.spanishMale : DemoNames.englishMale),
                familyName: fatherResident ? family : rng.pick(spanish ? DemoNames.spanishFamily : DemoNames.englishFamily),
                birthDate: birthDate(age: rng.int(21...44)), birthDateEstimated: !fatherResident, sex: .male, languages: languages,
                interpreterNeeded: spanish, phone: fatherResident && !whereaboutsUnknown ? String(format: "555-02%02d", index) : nil,
                address: fatherResident ? (whereaboutsUnknown ? nil : address) : (index % 2 == 0 ? DemoNames.nevadaHome(index) : nil)),
                role: fatherResident ? .parent : .nonResidentFather)
        }

        let removedDaysAgo = removalDaysAgo()
        let removal = today.adding(days: -removedDaysAgo)
        var children: [(PersonID, PersonDetails)] = []
        for _ in 0..<rng.int(1...3) {
            let girl = rng.chance(0.5)
            let list = spanish ? (girl ? DemoNames.spanishChildFemale : DemoNames.spanishChildMale)
                               : (girl ? DemoNames.englishChildFemale : DemoNames.englishChildMale)
            var given = rng.pick(list)
            while children.contains(where: { $0.1.givenName == given }) { given = rng.pick(list) }
            let details = PersonDetails(givenName: given, familyName: family, birthDate: today.adding(days: -(removedDaysAgo + rng.int(20...(16 * 365)))),
                                        sex: girl ? .female : .male, languages: spanish ? ["Spanish", "English"] : ["English"],
                                        icwaStatus: icwa ? .reasonToKnow : .notApplicable, tracingConsent: index % 4 == 2)
            children.append((addPerson(details, role: .child), details))
        }

        var relative: (PersonID, String)?
        if rng.chance(0.55) {
            let grandmother = rng.chance(0.6)
            let name = rng.pick(spanish ? DemoNames.spanishFemale : DemoNames.englishFemale)
            let relFamily = grandmother ? family : rng.pick(spanish ? DemoNames.spanishFamily : DemoNames.englishFamily)
            let id = addPerson(PersonDetails(givenName: name, familyName: relFamily,
                                             birthDate: birthDate(age: grandmother ? rng.int(48...66) : rng.int(25...45)),
                                             sex: .female, languages: languages, interpreterNeeded: spanish && grandmother,
                                             phone: String(format: "555-03%02d", index),
                                             address: DemoNames.home(&rng)),
                               role: .relative)
            relative = (id, "\(name) \(relFamily)")
            for (child, _) in children {
                relationships.append(RelationshipDetails(personID: id, kind: grandmother ? .grandparent : .auntUncle, relatedPersonID: child))
            }
        }

        for (child, _) in children {
            relationships.append(RelationshipDetails(personID: mother, kind: .mother, relatedPersonID: child))
            if let father { relationships.append(RelationshipDetails(personID: father, kind: .father, relatedPersonID: child)) }
        }
        for (a, b) in zip(children, children.dropFirst()) {
            relationships.append(RelationshipDetails(personID: a.0, kind: .sibling, relatedPersonID: b.0))
        }
        if let father, fatherResident {
            relationships.append(RelationshipDetails(personID: father, kind: .partner, relatedPersonID: mother))
        }

        var circumstances: [RemovalCircumstance] = [rng.pick([.neglect, .neglect, .physicalAbuse, .caretakerDrugUse, .domesticViolence, .inadequateHousing])]
        if rng.chance(0.5) {
            let extra = rng.pick([RemovalCircumstance.caretakerAlcoholUse, .caretakerDrugUse, .homelessness, .incarcerationOfCaretaker, .medicalNeglect])
            if !circumstances.contains(extra) { circumstances.append(extra) }
        }
        if whereaboutsUnknown { circumstances = [.abandonment, .neglect] }
        let manner: RemovalManner = stage == .intake ? .notYetDetermined : (rng.chance(0.2) ? .voluntary : .courtOrdered)
        let finding: CalendarDate? = removedDaysAgo > 45 ? removal.adding(days: rng.int(20...45)) : nil

        var episodes: [DemoAgency.Episode] = []
        var goals: [PermanencyGoalDetails] = []
        for (child, _) in children {
            let discharged = stage == .aftercare || stage == .closed
            let discharge: CalendarDate? = discharged ? removal.adding(days: removedDaysAgo - (stage == .closed ? rng.int(420...520) : rng.int(60...200))) : nil
            let episode = RemovalEpisodeDetails(childID: child, removalDate: removal, manner: manner, circumstances: circumstances,
                                                judicialFindingDate: finding, dischargeDate: discharge,
                                                dischargeReason: discharged ? .reunification : nil)
            episodes.append(.init(details: episode, placements: placements(removal: removal, end: discharge, relative: relative)))
            if stage != .intake {
                let concurrent: PermanencyPlan? = removedDaysAgo > 120 && rng.chance(0.6) ? rng.pick([.liveWithRelatives, .guardianship, .adoption]) : nil
                goals.append(PermanencyGoalDetails(childID: child, primary: .reunification, primarySince: removal.adding(days: min(30, removedDaysAgo)),
                                                   concurrent: concurrent, concurrentSince: concurrent == nil ? nil : removal.adding(days: 110)))
            }
        }

        var team: [(UserID, TeamRole)] = [(caseworker, .caseworker), (staff.supervisor, .supervisor)]
        if index == 0 || index % 3 == 0 { team.append((staff.clinician, .clinician)) }
        if index == 0 || index % 4 == 2 { team.append((staff.legal, .legal)) }

        let opened = removal.adding(days: -rng.int(0...2))
        let details = CaseDetails(caseNumber: String(format: "FV-%04d-%03d", today.year - (removedDaysAgo > 365 ? 1 : 0), index + 101),
                                  familyName: family, stage: stage, caseworkerID: caseworker, supervisorID: staff.supervisor,
                                  unit: DemoAgency.unit, openedOn: opened,
                                  closedOn: stage == .closed ? today.adding(days: -rng.int(20...90)) : nil)
        return DemoAgency.Family(caseID: CaseID(rng.uuid()), details: details, persons: persons, relationships: relationships,
                                 episodes: episodes, goals: goals, team: team)
    }

    /// One to three placements: an emergency placement first, then kin or foster care, and a trial home visit
    /// for families at that stage.
    mutating func placements(removal: CalendarDate, end: CalendarDate?, relative: (PersonID, String)?) -> [PlacementDetails] {
        var list: [PlacementDetails] = []
        var start = removal
        let lastDay = end ?? today
        if stage != .intake && rng.chance(0.5) {
            let moved = start.adding(days: rng.int(3...14))
            list.append(PlacementDetails(setting: .childCareInstitutionShelter, caregiverName: rng.pick(DemoNames.facilities),
                                         startDate: start, endDate: moved, changeReason: "Moved to a family setting"))
            start = moved
        }
        let kin = relative != nil && rng.chance(0.6)
        let setting: PlacementSetting = kin ? .relativeFosterHome : rng.pick([.fosterFamilyHome, .fosterFamilyHome, .groupHomeStaffOperated])
        let caregiver = kin ? relative!.1 : (setting == .fosterFamilyHome ? "\(rng.pick(DemoNames.fosterFamilies)) family" : rng.pick(DemoNames.facilities))
        if [.trialHomeVisit, .aftercare, .closed].contains(stage) {
            let homeStart = stage == .trialHomeVisit ? today.adding(days: -rng.int(30...160)) : lastDay.adding(days: -rng.int(60...150))
            let homeAt = max(homeStart, start.adding(days: 1))
            list.append(PlacementDetails(setting: setting, caregiverName: caregiver, startDate: start, endDate: homeAt,
                                         changeReason: "Trial home visit began"))
            list.append(PlacementDetails(setting: .placedAtHome, caregiverName: "Parent's home", startDate: homeAt, endDate: end,
                                         changeReason: end == nil ? nil : "Reunified: trial home visit succeeded"))
        } else {
            list.append(PlacementDetails(setting: setting, caregiverName: caregiver, startDate: start))
        }
        return list
    }
}
