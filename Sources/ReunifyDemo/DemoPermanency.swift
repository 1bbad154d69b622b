import Foundation
import ReunifyDomain
import ReunifyMatching

/// Two families whose histories show the law's clock at its hardest: a child past 15 of the most recent 22 months in
/// care placed with her aunt (an exception stands instead of the petition), and a child who went home, came back into
/// care three months later (a re-entry) and is now past 15 of 22 with no exception. Built from their own seed, after
/// the rest of the agency, so the other families stay as they were.
struct DemoPermanencyFamilies {
    var rng: SeededGenerator
    let today: CalendarDate
    let staff: DemoAgencyGenerator.Staff

    func day(_ daysAgo: Int) -> CalendarDate { today.adding(days: -daysAgo) }

    mutating func person(_ given: String, _ family: String, born: CalendarDate, sex: Sex, phone: String? = nil, home: Bool = false) -> DemoAgency.Person.Draft {
        .init(id: PersonID(rng.uuid()), details: PersonDetails(givenName: given, familyName: family, birthDate: born, sex: sex, languages: ["English"],
                                                               phone: phone, address: home ? DemoNames.home(&rng) : nil))
    }

    func caseDetails(_ number: Int, _ family: String, stage: CaseStage, opened: CalendarDate) -> CaseDetails {
        CaseDetails(caseNumber: String(format: "FV-%04d-%03d", opened.year, number), familyName: family, stage: stage, caseworkerID: staff.caseworker,
                    supervisorID: staff.supervisor, unit: DemoAgency.unit, openedOn: opened)
    }

    mutating func build() -> (kinship: DemoAgency.Family, reEntry: DemoAgency.Family) {
        // Kinship: removed 560 days ago, with her aunt since the first week.
        let removedA = day(560)
        let mother = person("Renee", "Whitcombe", born: day(31 * 365), sex: .female, phone: "555-0441", home: true)
        let child = person("Maisie", "Whitcombe", born: day(9 * 365 + 40), sex: .female)
        let aunt = person("Colleen", "Marsh", born: day(44 * 365), sex: .female, phone: "555-0442", home: true)
        let kinship = DemoAgency.Family(
            caseID: CaseID(rng.uuid()), details: caseDetails(141, "Whitcombe", stage: .familyTime, opened: removedA),
            persons: [mother.member(.parent), child.member(.child), aunt.member(.relative)],
            relationships: [RelationshipDetails(personID: mother.id, kind: .mother, relatedPersonID: child.id),
                            RelationshipDetails(personID: aunt.id, kind: .auntUncle, relatedPersonID: child.id)],
            episodes: [.init(details: RemovalEpisodeDetails(childID: child.id, removalDate: removedA, manner: .courtOrdered,
                                                            circumstances: [.neglect, .caretakerDrugUse], judicialFindingDate: removedA.adding(days: 20)),
                             placements: [PlacementDetails(setting: .childCareInstitutionShelter, caregiverName: "Fairview Children's Home",
                                                           startDate: removedA, endDate: removedA.adding(days: 6), changeReason: "Moved to her aunt"),
                                          PlacementDetails(setting: .relativeFosterHome, caregiverName: "Colleen Marsh", startDate: removedA.adding(days: 6))])],
            goals: [PermanencyGoalDetails(childID: child.id, primary: .reunification, primarySince: removedA.adding(days: 30),
                                          concurrent: .liveWithRelatives, concurrentSince: removedA.adding(days: 110))],
            team: [(staff.caseworker, .caseworker), (staff.supervisor, .supervisor)])

        // Re-entry: home after 140 days, back in care 90 days later, and in care since.
        let first = day(700), home = day(560), again = day(470)
        let father = person("Darnell", "Okafor-Price", born: day(34 * 365), sex: .male, phone: "555-0451", home: true)
        let boy = person("Jayden", "Okafor-Price", born: day(6 * 365 + 100), sex: .male)
        let reEntry = DemoAgency.Family(
            caseID: CaseID(rng.uuid()), details: caseDetails(142, "Okafor-Price", stage: .services, opened: first),
            persons: [father.member(.parent), boy.member(.child)],
            relationships: [RelationshipDetails(personID: father.id, kind: .father, relatedPersonID: boy.id)],
            episodes: [
                .init(details: RemovalEpisodeDetails(childID: boy.id, removalDate: first, manner: .courtOrdered, circumstances: [.neglect],
                                                     judicialFindingDate: first.adding(days: 20), dischargeDate: home, dischargeReason: .reunification),
                      placements: [PlacementDetails(setting: .fosterFamilyHome, caregiverName: "Bennett family", startDate: first, endDate: home,
                                                    changeReason: "Went home")]),
                .init(details: RemovalEpisodeDetails(childID: boy.id, removalDate: again, manner: .courtOrdered, circumstances: [.neglect, .caretakerAlcoholUse],
                                                     judicialFindingDate: again.adding(days: 25)),
                      placements: [PlacementDetails(setting: .fosterFamilyHome, caregiverName: "Bennett family", startDate: again)]),
            ],
            goals: [PermanencyGoalDetails(childID: boy.id, primary: .reunification, primarySince: again.adding(days: 30),
                                          concurrent: .adoption, concurrentSince: again.adding(days: 200))],
            team: [(staff.caseworker, .caseworker), (staff.supervisor, .supervisor), (staff.clinician, .clinician), (staff.legal, .legal)])
        return (kinship, reEntry)
    }
}

extension DemoAgency.Person {
    /// A person before their part in a case is known.
    struct Draft {
        let id: PersonID
        let details: PersonDetails
        func member(_ role: MemberRole) -> DemoAgency.Person { .init(id: id, details: details, role: role) }
    }
}

/// The demo agency's court and permanency records, made from its families, never random: hearings as a court holds
/// them (adjudication, disposition, reviews every 6 months, the permanency hearing at 12 months, the next one
/// scheduled) with one permanency hearing left overdue; the kinship family's relative exception, path and decision; the
/// re-entry family's decision awaiting approval and adoption path; the ICWA family's notices to the tribe (receipts
/// pending); aftercare plans and follow-ups for the families who went home, one follow-up left overdue.
public struct DemoPermanency: Sendable {
    public enum Details: Sendable {
        case hearing(HearingDetails)
        case decision(TeamDecisionDetails)
        case exception(TPRExceptionDetails)
        case notice(ICWANoticeDetails)
        case followUp(FollowUpDetails)
        case step(PathStepDetails)
        case aftercare(AftercarePlanDetails)
    }
    public struct Record: Sendable {
        public let id: UUID
        public let caseID: CaseID
        public let by: UserID
        public let details: Details
    }
    public var records: [Record] = []

    static func uuid(_ n: Int) -> UUID { UUID(uuidString: String(format: "9E8A0000-0000-4000-8000-%012d", n))! }

    /// The case left with its permanency hearing overdue: the first family in care (other than the two built for the
    /// clock) whose hearing fell due more than a week ago.
    static func overdueCase(_ agency: DemoAgency, today: CalendarDate, policy: TimelinePolicy = .unitedStates) -> CaseID? {
        agency.families.first { f in
            f.caseID != agency.clockFamilies.kinship && f.caseID != agency.clockFamilies.reEntry && f.episodes.allSatisfy(\.details.isOpen)
                && f.episodes.contains { $0.details.isOpen && $0.details.dateEnteredCare.adding(months: policy.permanencyHearingMonths) < today.adding(days: -7) }
        }?.caseID
    }

    public static func make(_ agency: DemoAgency, today: CalendarDate, policy: TimelinePolicy = .unitedStates) -> DemoPermanency {
        var out = DemoPermanency()
        var counter = 0
        guard let worker = agency.user("caseworker@demo.reunify.test"), let supervisor = agency.user("supervisor@demo.reunify.test") else { return out }
        func add(_ f: DemoAgency.Family, _ d: Details, by: UserID? = nil) -> UUID {
            counter += 1
            out.records.append(Record(id: uuid(counter), caseID: f.caseID, by: by ?? f.details.caseworkerID ?? worker.id, details: d))
            return uuid(counter)
        }
        let overdue = overdueCase(agency, today: today, policy: policy)
        let court = "Superior Court, Juvenile Division, Dept. 4"

        for f in agency.families {
            let open = f.episodes.map(\.details).filter(\.isOpen)
            guard let e = open.first else { continue }
            let children = open.map(\.childID)
            let icwa = Set(f.persons.filter { $0.details.icwaStatus.mayApply }.map(\.id))
            let indian = children.contains(where: icwa.contains)
            let parents = f.persons.filter { $0.role == .parent }.map { "\($0.details.fullName) (parent)" }
            func hearing(_ kind: HearingKind, _ date: CalendarDate, findings: String, orders: String, next: CalendarDate?) -> UUID? {
                let held = date <= today
                let d = HearingDetails(childIDs: children, kind: kind, date: date, court: court,
                                       attended: held ? parents + ["\(worker.name) (caseworker)", "County counsel"] : [],
                                       reasonableEfforts: held && !indian ? .made : nil, activeEfforts: held && indian ? .made : nil,
                                       findings: held ? findings : nil, orders: held ? orders : nil, nextDate: held ? next : nil)
                return add(f, .hearing(d))
            }
            let entered = e.dateEnteredCare
            let adjudication = e.removalDate.adding(days: 28), disposition = e.removalDate.adding(days: 56)
            var scheduled: UUID?
            if adjudication <= today {
                _ = hearing(.adjudication, adjudication, findings: "The petition's allegations were found true", orders: "The children remain in care; visits as the agency arranges",
                            next: disposition)
            } else {
                scheduled = hearing(.adjudication, adjudication, findings: "", orders: "", next: nil)
            }
            if adjudication <= today {
                if disposition <= today {
                    _ = hearing(.disposition, disposition, findings: "Removal was necessary; the case plan is adopted", orders: "Reunification services ordered",
                                next: entered.adding(months: policy.periodicReviewMonths).adding(days: -3))
                } else {
                    scheduled = hearing(.disposition, disposition, findings: "", orders: "", next: nil)
                }
            }
            // Reviews every 6 months from entry, the 12-month one a permanency hearing; the next one scheduled.
            if disposition <= today {
                var n = 1
                while true {
                    let due = entered.adding(months: policy.periodicReviewMonths * n).adding(days: -3)
                    let permanency = n % 2 == 0
                    if f.caseID == overdue && permanency {
                        // The court has not yet heard this family's permanency hearing: it is overdue.
                        break
                    }
                    if due > today {
                        scheduled = hearing(permanency ? .permanency : .review, due, findings: "", orders: "", next: nil)
                        break
                    }
                    _ = hearing(permanency ? .permanency : .review, due,
                                findings: permanency ? "Efforts to finalise the permanency plan were made; reunification remains the plan" : "Progress on the case plan is partial",
                                orders: permanency ? "Continue reunification with the concurrent plan" : "Continue services and family time",
                                next: entered.adding(months: policy.periodicReviewMonths * (n + 1)).adding(days: -3))
                    n += 1
                }
            }
            // ICWA: notice of the coming hearing to the tribe for each child it may concern, its return receipt pending.
            if indian, let scheduled {
                let tribe = f.persons.compactMap(\.details.tribalAffiliation).first ?? "The tribe"
                for child in children where icwa.contains(child) {
                    _ = add(f, .notice(ICWANoticeDetails(childID: child, hearingID: HearingID(scheduled), recipient: "\(tribe), ICWA representative (registered mail)",
                                                         sent: max(e.removalDate, today.adding(days: -3)))))
                }
            }
        }

        // The kinship family: the aunt's home, assessed and approved; the exception; a decision to keep both plans.
        if let kin = agency.families.first(where: { $0.caseID == agency.clockFamilies.kinship }), let child = kin.persons.first(where: { $0.role == .child }),
           let removal = kin.episodes.first?.details.removalDate {
            let aunt = kin.persons.first { $0.role == .relative }?.details.fullName ?? "the aunt"
            for (step, status, days, note) in [(PathStep.relativeSearch, StepStatus.notNeeded, 5, "\(aunt) came forward at removal and took her in"),
                                               (.homeAssessment, .done, 90, "Home study complete: two bedrooms, school nearby, background checks clear"),
                                               (.homeApproval, .done, 120, "Approved as a relative resource family")] {
                _ = add(kin, .step(PathStepDetails(childID: child.id, step: step, status: status, date: removal.adding(days: days), note: note,
                                                   recordedBy: worker.id, recordedByName: worker.name)))
            }
            _ = add(kin, .exception(TPRExceptionDetails(childID: child.id, reason: .relativePlacement,
                                                        note: "Maisie has lived with her aunt since the first week; the aunt is committed to her permanence and supports reunification",
                                                        recordedBy: worker.id, recordedByName: worker.name, recordedOn: today.adding(days: -90))))
            var d = TeamDecisionDetails(date: today.adding(days: -60), participants: [
                DecisionParticipant(name: worker.name, role: .caseworker, position: "Continue reunification for three months, with live with relatives as the concurrent plan",
                                    reason: "The mother is 120 days sober and visits every week; the aunt's home is approved"),
                DecisionParticipant(name: kin.persons.first { $0.role == .parent }?.details.fullName ?? "The mother", role: .parent,
                                    position: "Continue reunification", reason: "She has finished residential treatment and has a lease"),
                DecisionParticipant(name: aunt, role: .relative, position: "Support reunification; keep Maisie until then and after if needed",
                                    reason: "Maisie is settled at school and close to her mother"),
                DecisionParticipant(name: "Sam Ortiz", role: .childAdvocate, position: "Change the goal to live with relatives",
                                    reason: "Maisie has waited 18 months; she asks to stay with her aunt"),
            ], decision: .continueReunification,
               rationale: "Recent sustained progress and weekly visits; the approved kinship home keeps the concurrent plan ready; reviewed again in 90 days",
               familyInformed: FamilyInformed(date: today.adding(days: -59), how: "In person at the meeting", language: "English"), recordedBy: worker.id)
            d = (try? d.approved(by: supervisor.id, name: supervisor.name, on: today.adding(days: -58))) ?? d
            _ = add(kin, .decision(d))
        }

        // The re-entry family: adoption worked concurrently; a change of goal waiting for the supervisor.
        if let again = agency.families.first(where: { $0.caseID == agency.clockFamilies.reEntry }), let boy = again.persons.first(where: { $0.role == .child }) {
            _ = add(again, .step(PathStepDetails(childID: boy.id, step: .adoptiveHome, status: .started, date: today.adding(days: -30),
                                                 note: "The Bennett family, his foster parents, asked about adoption", recordedBy: worker.id, recordedByName: worker.name)))
            _ = add(again, .decision(TeamDecisionDetails(date: today.adding(days: -6), participants: [
                DecisionParticipant(name: worker.name, role: .caseworker, position: "Change the goal to adoption",
                                    reason: "Back in care after three months at home; 17 of the last 22 months in care; no progress on treatment"),
                DecisionParticipant(name: again.persons.first { $0.role == .parent }?.details.fullName ?? "The father", role: .parent,
                                    position: "Continue reunification", reason: "He has started outpatient treatment again"),
                DecisionParticipant(name: "Dr. Priya Shah", role: .clinician, position: "Guardianship with the foster family rather than adoption",
                                    reason: "Jayden's bond with his father is strong; guardianship keeps it"),
                DecisionParticipant(name: "Morgan Blake", role: .legal, position: "File the petition to terminate parental rights",
                                    reason: "Past 15 of 22 months with no exception on the record"),
            ], decision: .changePermanencyGoal,
               rationale: "Two removals in two years and no sustained progress; the foster family offers permanence; the father keeps family time",
               familyInformed: FamilyInformed(date: today.adding(days: -5), how: "By phone, then by letter", language: "English"),
               goalChanges: [GoalChange(childID: boy.id, primary: .adoption, concurrent: .reunification)], recordedBy: worker.id)))
        }

        // A decision to return home for the first family on a trial home visit.
        if let thv = agency.families.first(where: { $0.details.stage == .trialHomeVisit && $0.details.caseworkerID == worker.id }),
           let home = thv.episodes.flatMap(\.placements).first(where: { $0.setting == .placedAtHome && $0.isCurrent }) {
            var d = TeamDecisionDetails(date: max(home.startDate.adding(days: -7), thv.episodes[0].details.removalDate), participants: [
                DecisionParticipant(name: worker.name, role: .caseworker, position: "Return home on a trial home visit",
                                    reason: "Unsupervised overnights went well for two months; the safety plan holds"),
                DecisionParticipant(name: "Dr. Priya Shah", role: .clinician, position: "Return home, with family therapy weekly",
                                    reason: "The children are ready; the parent uses the strategies learnt"),
                DecisionParticipant(name: supervisor.name, role: .supervisor, position: "Agree", reason: "The review supports it"),
            ], decision: .returnHome, rationale: "The safety threats are controlled by the family's own protective capacities; family time went well",
               familyInformed: FamilyInformed(date: max(home.startDate.adding(days: -7), thv.episodes[0].details.removalDate), how: "In person", language: "English"),
               recordedBy: worker.id)
            d = (try? d.approved(by: supervisor.id, name: supervisor.name, on: d.date)) ?? d
            _ = add(thv, .decision(d))
        }

        // Aftercare: a plan and the follow-ups due so far for every child who went home; the first family's latest one left to do.
        var leftOne = false
        for f in agency.families {
            let episodes = f.episodes.map(\.details)
            for child in f.persons.filter({ $0.role == .child }) {
                guard let e = AftercareRules.discharge(of: child.id, episodes: episodes), let left = e.dischargeDate else { continue }
                let parent = f.persons.first { $0.role == .parent }?.details.givenName ?? "the family"
                _ = add(f, .aftercare(AftercarePlanDetails(childID: child.id, discharged: left,
                                                           services: ["Family therapy, every two weeks", "Parent support group", "Child care assistance"],
                                                           checkInBy: "\(worker.name), caseworker", contact: "555-0100, ext. 12",
                                                           note: "Call \(parent) before each visit")))
                let due = policy.aftercareFollowUpDays.map { left.adding(days: $0) }.filter { $0.adding(days: -2) <= today }
                for (i, day) in due.enumerated() {
                    if !leftOne && f.details.stage == .aftercare && i == due.count - 1 && day < today { continue }
                    _ = add(f, .followUp(FollowUpDetails(childID: child.id, date: day.adding(days: -2), seen: true,
                                                         wellbeing: i == 0 ? "Settling back in; sleeping well" : "Doing well at home and at school",
                                                         concerns: i == 1 ? "Missed one therapy session" : nil,
                                                         servicesNeeded: i < 2 ? "Family therapy" : nil)))
                }
            }
            if f.details.stage == .aftercare && !f.episodes.isEmpty { leftOne = true }
        }
        return out
    }

    /// What the domain's rules say against these records, as of `today`.
    public func problems(_ agency: DemoAgency, today: CalendarDate) -> [String] {
        var found: [String] = []
        let families = Dictionary(agency.families.map { ($0.caseID, $0) }, uniquingKeysWith: { a, _ in a })
        let hearings = Dictionary(records.compactMap { r -> (UUID, HearingDetails)? in
            if case .hearing(let h) = r.details { return (r.id, h) } else { return nil }
        }, uniquingKeysWith: { a, _ in a })
        for r in records {
            guard let f = families[r.caseID] else { found.append("permanency record in no case"); continue }
            let members = f.persons.map { CaseMembership(personID: $0.id, role: $0.role) }
            let episodes = f.episodes.map(\.details)
            let icwa = Set(f.persons.filter { $0.details.icwaStatus.mayApply }.map(\.id))
            do {
                switch r.details {
                case .hearing(let h): try HearingRules.check(h, members: members, icwaChildren: icwa, today: today)
                case .decision(let d): try TeamDecisionRules.check(d, members: members, today: today)
                case .exception(let e):
                    let open = f.episodes.first { $0.details.childID == e.childID && $0.details.isOpen }
                    try TPRExceptionRules.check(e, members: members, inCare: open != nil, currentSetting: open?.placements.first { $0.endDate == nil }?.setting)
                case .notice(let n): try ICWANoticeRules.check(n, members: members, hearing: hearings[n.hearingID.uuid], today: today)
                case .followUp(let u): try FollowUpRules.check(u, members: members, episodes: episodes, today: today)
                case .step(let s):
                    let earlier = records.prefix { $0.id != r.id }.compactMap { x -> PathStepDetails? in
                        if case .step(let p) = x.details, x.caseID == r.caseID { return p } else { return nil }
                    }
                    let tpr = hearings.values.filter { $0.kind == .tpr && $0.childIDs.contains(s.childID) && $0.isHeld(today: today) }.map(\.date)
                    try PathRules.check(s, members: members, goals: f.goals.first { $0.childID == s.childID }, episodes: episodes, earlier: earlier,
                                        heldTPRHearings: tpr, today: today)
                case .aftercare(let p): try AftercareRules.check(p, members: members, episodes: episodes)
                }
            } catch {
                found += error.errors.map { "\(f.details.caseNumber) permanency: \($0.field): \($0.message)" }
            }
        }
        return found
    }
}
