import FluentKit
import Foundation
import ReunifyDomain
import ReunifyMatching
import ReunifyStore

/// A state-sized agency for measuring Reunify under load: `families` families in units of about 120, each with a
/// supervisor and eight caseworkers; children removed over `years` years, placements with moves, trial home visits,
/// discharges of every AFCARS reason, re-entries, and the court's reviews of each removal (a periodic review every 6
/// months from entry into care, every second one the permanency hearing, the next one scheduled while the child is in
/// care). The same seed gives the same agency. Written in bulk (multi-row
/// inserts in large transactions), after the usual demo agency and its accounts, which it needs.
public struct StateAgency: Sendable {
    public let families: Int
    public let seed: UInt64
    public let years: Int
    public let today: CalendarDate

    public init(families: Int, seed: UInt64 = 1, years: Int = 3, today: CalendarDate) {
        self.families = families
        self.seed = seed
        self.years = max(1, years)
        self.today = today
    }

    public static let familiesPerUnit = 120
    public static let caseworkersPerUnit = 8

    /// The rows of one batch of families, as models ready to insert.
    struct Batch {
        var cases: [CaseModel] = []
        var persons: [PersonModel] = []
        var members: [MemberModel] = []
        var relationships: [RelationshipModel] = []
        var team: [TeamMemberModel] = []
        var episodes: [RemovalEpisodeModel] = []
        var placements: [PlacementModel] = []
        var hearings: [PermanencyRecordModel] = []
        /// Each hearing's details, for the rules' check before the batch is written.
        var hearingDetails: [(caseID: UUID, details: HearingDetails)] = []
    }

    public struct Staff: Sendable {
        public let unit: String
        public let supervisor: UUID
        public let caseworkers: [UUID]
    }

    public static func unitName(_ n: Int) -> String { String(format: "Region %03d", n + 1) }

    /// The units' staff, with ids from the seed.
    public func staff() -> [Staff] {
        var rng = SeededGenerator(seed: seed &* 31 &+ 7)
        let units = (families + Self.familiesPerUnit - 1) / Self.familiesPerUnit
        return (0..<units).map { u in
            Staff(unit: Self.unitName(u), supervisor: rng.uuid(), caseworkers: (0..<Self.caseworkersPerUnit).map { _ in rng.uuid() })
        }
    }

    static let reasons: [(DischargeReason, Double)] = [(.reunification, 0.48), (.liveWithRelative, 0.07), (.guardianship, 0.11), (.adoption, 0.20),
                                                        (.emancipation, 0.06), (.transfer, 0.04), (.runawayOrWhereaboutsUnknown, 0.03), (.death, 0.01)]

    static func reason(_ rng: inout SeededGenerator) -> DischargeReason {
        let x = Double(rng.int(0...9_999)) / 10_000
        var sum = 0.0
        for (r, p) in reasons {
            sum += p
            if x < sum { return r }
        }
        return .reunification
    }

    /// Family `index`'s rows; deterministic for the seed and the index.
    func family(_ index: Int, staff: [Staff], into b: inout Batch) {
        var rng = SeededGenerator(seed: seed &* 1_000_003 &+ UInt64(index))
        let team = staff[index / Self.familiesPerUnit]
        let caseworker = team.caseworkers[index % Self.caseworkersPerUnit]
        let spanish = rng.chance(0.3)
        let family = rng.pick(spanish ? DemoNames.spanishFamily : DemoNames.englishFamily)
        let horizon = years * 365
        let removedDaysAgo = rng.int(3...horizon)
        let removal = today.adding(days: -removedDaysAgo)
        let caseID = rng.uuid()
        func person(_ d: PersonDetails, _ role: MemberRole) -> UUID {
            let id = rng.uuid()
            b.persons.append(PersonModel(id: id, d))
            b.members.append(MemberModel(caseID: caseID, personID: id, role: role))
            return id
        }
        let mother = person(PersonDetails(givenName: rng.pick(spanish ? DemoNames.spanishFemale : DemoNames.englishFemale), familyName: family,
                                          birthDate: removal.adding(days: -rng.int(19 * 365...40 * 365)), sex: .female,
                                          languages: [spanish ? "Spanish" : "English"], interpreterNeeded: spanish && rng.chance(0.5),
                                          phone: String(format: "555-%04d", index % 10_000)), .parent)
        var open = false
        var latestLeft: CalendarDate?
        for _ in 0..<rng.int(1...3) {
            let girl = rng.chance(0.5)
            let born = removal.adding(days: -rng.int(30...(16 * 365)))
            let child = person(PersonDetails(givenName: rng.pick(spanish ? (girl ? DemoNames.spanishChildFemale : DemoNames.spanishChildMale)
                                                                        : (girl ? DemoNames.englishChildFemale : DemoNames.englishChildMale)),
                                             familyName: family, birthDate: born, sex: girl ? .female : .male,
                                             languages: spanish ? ["Spanish", "English"] : ["English"]), .child)
            b.relationships.append(RelationshipModel(caseID: caseID, RelationshipDetails(personID: PersonID(mother), kind: .mother, relatedPersonID: PersonID(child))))
            // The episode: in care still, or discharged after a stay; some children come back (a re-entry).
            var start = removal
            let age18 = born.adding(months: 18 * 12)
            for episodeNumber in 0..<2 {
                // A re-entry comes before the child's 18th birthday (no one is removed as an adult).
                guard start <= today, start < age18 else { break }
                let stay = rng.int(8...900)
                let left: CalendarDate? = start.adding(days: stay) < today && rng.chance(0.75) ? start.adding(days: stay) : nil
                let why: DischargeReason? = left.map { _ in Self.reason(&rng) }
                let (leftDay, leftWhy): (CalendarDate?, DischargeReason?) = (left.map { min($0, age18) }, left.map { $0 >= age18 ? .emancipation : why! })
                let episodeID = rng.uuid()
                let finding = start.adding(days: rng.int(10...50))
                b.episodes.append(RemovalEpisodeModel(id: episodeID, caseID: caseID, RemovalEpisodeDetails(
                    childID: PersonID(child), removalDate: start, manner: rng.chance(0.8) ? .courtOrdered : .voluntary,
                    circumstances: [rng.pick([.neglect, .neglect, .physicalAbuse, .caretakerDrugUse, .domesticViolence, .inadequateHousing])],
                    judicialFindingDate: finding < today ? finding : nil,
                    dischargeDate: leftDay, dischargeReason: leftWhy)))
                // Placements: the first (often a shelter), then moves; a trial home visit before some returns home.
                let end = leftDay ?? today
                let span = start.days(until: end)
                let home: CalendarDate? = leftWhy == .reunification && span > 25 && rng.chance(0.6) ? end.adding(days: -rng.int(20...min(180, span - 2))) : nil
                let careEnd = home ?? end
                var starts = [start]
                for _ in 0..<rng.int(0...3) {
                    let d = start.adding(days: rng.int(1...max(1, start.days(until: careEnd) - 1)))
                    if d > start && d < careEnd && !starts.contains(d) { starts.append(d) }
                }
                starts.sort()
                for (i, from) in starts.enumerated() {
                    let setting: PlacementSetting = i == 0 && rng.chance(0.4) ? .childCareInstitutionShelter
                        : rng.pick([.fosterFamilyHome, .fosterFamilyHome, .relativeFosterHome, .groupHomeStaffOperated])
                    b.placements.append(PlacementModel(caseID: caseID, episodeID: episodeID, PlacementDetails(
                        setting: setting, caregiverName: setting == .relativeFosterHome ? "Kin caregiver" : "\(rng.pick(DemoNames.fosterFamilies)) family",
                        startDate: from, endDate: i + 1 < starts.count ? starts[i + 1] : (home ?? leftDay),
                        changeReason: i + 1 < starts.count ? rng.pick(["Moved to a family setting", "The caregiver asked for a move", "Placed with a sibling"])
                            : home != nil ? "Trial home visit began" : leftDay != nil ? "Left care: \(leftWhy!.label.lowercased())" : nil)))
                }
                if let home {
                    b.placements.append(PlacementModel(caseID: caseID, episodeID: episodeID, PlacementDetails(
                        setting: .placedAtHome, caregiverName: "Parent's home", startDate: home, endDate: leftDay,
                        changeReason: leftDay == nil ? nil : "Reunified: the trial home visit succeeded")))
                }
                Self.reviews(of: b.episodes[b.episodes.count - 1].details, caseID: caseID, by: caseworker, today: today, into: &b)
                if leftDay == nil { open = true }
                latestLeft = leftDay.map { max(latestLeft ?? $0, $0) } ?? latestLeft
                guard let leftDay, episodeNumber == 0, leftWhy == .reunification, rng.chance(0.15) else { break }
                start = leftDay.adding(days: rng.int(20...500))
            }
        }
        let stage: CaseStage = open ? rng.pick([.services, .familyTime, .trialHomeVisit, .planning]) : (rng.chance(0.5) ? .closed : .aftercare)
        b.cases.append(CaseModel(id: caseID, CaseDetails(caseNumber: String(format: "SA-%07d", index + 1), familyName: family, stage: stage,
                                                         caseworkerID: UserID(caseworker), supervisorID: UserID(team.supervisor), unit: team.unit,
                                                         openedOn: removal, closedOn: stage == .closed ? latestLeft.map { min(today, $0.adding(days: 30)) } : nil)))
        b.team.append(TeamMemberModel(caseID: caseID, userID: caseworker, role: .caseworker))
        b.team.append(TeamMemberModel(caseID: caseID, userID: team.supervisor, role: .supervisor))
    }

    static let court = "Juvenile Court"
    static let policy = TimelinePolicy.unitedStates

    /// The court's reviews of one removal, from the episode's dates alone (no draw from the seed's sequence, so the
    /// rest of the agency is the same with or without them): a periodic review every 6 months from the date the child
    /// entered care, every second one the permanency hearing (12 months), held while the child is in care; the next
    /// one scheduled when the child is still in care.
    static func reviews(of e: RemovalEpisodeDetails, caseID: UUID, by worker: UUID, today: CalendarDate, into b: inout Batch) {
        let entered = e.dateEnteredCare
        let inCareUntil = min(e.dischargeDate ?? today, today)
        var n = 1
        while true {
            let date = entered.adding(months: policy.periodicReviewMonths * n)
            let next = entered.adding(months: policy.periodicReviewMonths * (n + 1))
            let permanency = n % 2 == 0
            guard date <= inCareUntil || (e.isOpen && date > today) else { break }
            let held = date <= today
            let details = HearingDetails(
                childIDs: [e.childID], kind: permanency ? .permanency : .review, date: date, court: court,
                attended: held ? ["Caseworker", "County counsel", "Parent's attorney"] : [],
                reasonableEfforts: held ? .made : nil,
                findings: held ? (permanency ? "Efforts to finalise the permanency plan were made" : "Progress on the case plan is partial") : nil,
                orders: held ? (permanency ? "The permanency plan continues" : "Continue services and family time") : nil,
                nextDate: held && (e.isOpen || next <= inCareUntil) ? next : nil)
            let recorded = min(date, today)
            b.hearings.append(PermanencyRecordModel(caseID: CaseID(caseID), kind: .hearing, child: e.childID, day: date,
                                                    status: details.state(today: today), details, by: UserID(worker),
                                                    at: Date(timeIntervalSince1970: Double(recorded.dayNumber) * 86_400 + 14 * 3_600)))
            b.hearingDetails.append((caseID, details))
            if !held { break }
            n += 1
        }
    }

    /// What the domain's rules say against a batch's records (the same checks a worker's entry passes).
    static func problems(_ b: Batch, today: CalendarDate) -> [String] {
        var found: [String] = []
        let births = Dictionary(b.persons.map { ($0.id!, $0.details.birthDate) }, uniquingKeysWith: { a, _ in a })
        for c in b.cases { found += c.details.validate(today: today).map { "\(c.caseNumber): \($0.message)" } }
        for p in b.persons { found += p.details.validate(today: today).map { "person \(p.givenName): \($0.message)" } }
        var episodes: [UUID: RemovalEpisodeDetails] = [:]
        for e in b.episodes {
            episodes[e.id!] = e.details
            found += e.details.validate(today: today, childBirthDate: births[e.childID] ?? nil).map { "episode \(e.removalDate): \($0.field) \($0.message)" }
        }
        let members = Dictionary(grouping: b.members, by: \.caseID).mapValues { $0.map { CaseMembership(personID: PersonID($0.personID), role: $0.memberRole) } }
        for (caseID, details) in b.hearingDetails {
            do { try HearingRules.check(details, members: members[caseID] ?? [], icwaChildren: [], today: today) } catch let failure {
                found += failure.errors.map { "hearing \(details.date): \($0.field) \($0.message)" }
            }
        }
        for p in b.placements {
            guard let e = episodes[p.episodeID] else { found.append("placement without episode"); continue }
            found += p.details.validate(today: today, episode: e).map { "placement \(p.startDate) of \(e.removalDate)–\(e.dischargeDate?.iso ?? ""): \($0.field) \($0.message)" }
        }
        return found
    }

    /// Writes the agency: its staff accounts, then the families a batch at a time. Returns the rows written.
    public func load(on db: any Database, passwordHash: String, batchSize: Int = 2_000,
                     progress: (@Sendable (Int) -> Void)? = nil) async throws -> Int {
        let staff = self.staff()
        try await db.transaction { tx in
            for (u, s) in staff.enumerated() {
                try await UserModel(id: s.supervisor, email: "supervisor.\(u + 1)@state.reunify.test", name: "Supervisor \(u + 1)", role: .supervisor,
                                    unit: s.unit, personID: nil, passwordHash: passwordHash).create(on: tx)
                for (w, id) in s.caseworkers.enumerated() {
                    try await UserModel(id: id, email: "caseworker.\(u + 1).\(w + 1)@state.reunify.test", name: "Caseworker \(u + 1)-\(w + 1)",
                                        role: .caseworker, unit: s.unit, personID: nil, passwordHash: passwordHash).create(on: tx)
                }
            }
        }
        // The read indexes of the tables written here are built once, after the last batch.
        let tables: Set<String> = ["cases", "case_members", "case_team_members", "relationships", "removal_episodes", "placements",
                                   "permanency_records"]
        return try await DeferredIndexes.load(on: db, tables: tables) { [self] in
            var rows = 0
            for first in stride(from: 0, to: families, by: batchSize) {
                var b = Batch()
                for i in first..<min(families, first + batchSize) { family(i, staff: staff, into: &b) }
                let problems = Self.problems(b, today: today)
                guard problems.isEmpty else { throw ValidationFailure(field: "demo", problems.prefix(10).joined(separator: "; ")) }
                let batch = b
                try await db.transaction { tx in
                    try await batch.cases.create(inChunksOn: tx)
                    try await batch.persons.create(inChunksOn: tx)
                    try await batch.members.create(inChunksOn: tx)
                    try await batch.team.create(inChunksOn: tx)
                    try await batch.relationships.create(inChunksOn: tx)
                    try await batch.episodes.create(inChunksOn: tx)
                    try await batch.placements.create(inChunksOn: tx)
                    try await batch.hearings.create(inChunksOn: tx)
                }
                rows += b.cases.count + b.persons.count + b.members.count + b.team.count + b.relationships.count + b.episodes.count
                    + b.placements.count + b.hearings.count
                progress?(min(families, first + batchSize))
            }
            return rows
        }
    }
}
