import FluentKit
import Foundation
import ReunifyDomain
import ReunifyStore

/// Writes the demo agency into a database, once.
public struct DemoLoader: Sendable {
    let db: any Database
    public init(_ db: any Database) { self.db = db }

    public static let marker = "admin@demo.reunify.test"

    public func isLoaded() async throws -> Bool {
        try await UserRepository(db).find(email: Self.marker) != nil
    }

    /// Loads the agency unless it is already there. Returns whether anything was written. The records are written in
    /// bulk, without an audit entry each (nobody entered them), but only after they pass the domain's rules as of
    /// `today`: an agency that breaks one is refused whole, with every problem named.
    @discardableResult
    public func load(_ agency: DemoAgency, practice: DemoPractice? = nil, passwordHash: String, today: CalendarDate,
                     now: Date? = nil) async throws -> Bool {
        if try await isLoaded() { return false }
        let services = DemoServiceRecords.make(agency, today: today)
        let familyTime = practice.map { DemoFamilyTime.make(agency, practice: $0, today: today) }
        let permanency = DemoPermanency.make(agency, today: today)
        let instant = now ?? today.startOfDay.addingTimeInterval(12 * 3600)
        let problems = agency.problems(today: today) + DemoServices.problems() + services.problems(agency, today: today)
            + (familyTime?.problems(agency, now: instant, today: today) ?? []) + permanency.problems(agency, today: today)
        guard problems.isEmpty else { throw ValidationFailure(field: "demo", problems.joined(separator: "; ")) }
        try await db.transaction { tx in
            for (o, org) in DemoServices.directory.enumerated() {
                _ = try await ProviderRepository(tx).add(org.provider, services: org.services, id: org.id.uuid,
                                                         serviceIDs: org.services.indices.map { DemoServices.serviceUUID(organisation: o, service: $0) })
            }
            for user in agency.users where user.personID == nil {
                let model = UserModel(id: user.id.uuid, email: user.email, name: user.name, role: user.role, unit: user.unit,
                                      personID: nil, passwordHash: passwordHash)
                if user.role == .provider { model.providerID = DemoServices.providerAccountOrganisation.uuid }
                try await model.create(on: tx)
            }
            for family in agency.families {
                let caseID = family.caseID.uuid
                try await CaseModel(id: caseID, family.details).create(on: tx)
                try await family.persons.map { PersonModel(id: $0.id.uuid, $0.details) }.create(on: tx)
                try await family.persons.map { MemberModel(caseID: caseID, personID: $0.id.uuid, role: $0.role) }.create(on: tx)
                try await family.team.map { TeamMemberModel(caseID: caseID, userID: $0.0.uuid, role: $0.1) }.create(on: tx)
                try await family.relationships.map { RelationshipModel(caseID: caseID, $0) }.create(on: tx)
                for episode in family.episodes {
                    let model = RemovalEpisodeModel(id: UUID(), caseID: caseID, episode.details)
                    try await model.create(on: tx)
                    try await episode.placements.map { PlacementModel(caseID: caseID, episodeID: model.id!, $0) }.create(on: tx)
                }
                try await family.goals.map { PermanencyGoalModel(caseID: caseID, $0) }.create(on: tx)
            }
            for user in agency.users where user.personID != nil {
                try await UserModel(id: user.id.uuid, email: user.email, name: user.name, role: user.role, unit: user.unit,
                                    personID: user.personID?.uuid, passwordHash: passwordHash).create(on: tx)
            }
            for r in agency.tracingRequests {
                let model = TracingRequestModel(id: r.id, r.details, filedBy: r.filedBy.uuid, filedOn: r.filedOn)
                try await model.create(on: tx)
                for action in r.actions { try await TracingActionModel(requestID: r.id, action, recordedBy: r.filedBy.uuid).create(on: tx) }
            }
            if let practice {
                let fromVisits = Set((familyTime?.visits ?? []).filter { $0.details.record != nil }.map { "\($0.caseID)/\($0.details.childID)" })
                try await load(practice, fromVisits: fromVisits, on: tx)
            }
            if let familyTime { try await load(familyTime, on: tx) }
            try await load(services, on: tx)
            try await load(permanency, today: today, at: instant, on: tx)
        }
        return true
    }

    func load(_ p: DemoPermanency, today: CalendarDate, at: Date, on tx: any Database) async throws {
        for r in p.records {
            let model: PermanencyRecordModel
            switch r.details {
            case .hearing(let h):
                model = PermanencyRecordModel(caseID: r.caseID, kind: .hearing, child: h.childIDs.first, day: h.date, status: h.state(today: today), h, by: r.by, at: at)
            case .decision(let d):
                model = PermanencyRecordModel(caseID: r.caseID, kind: .decision, child: nil, day: d.date, status: d.status.rawValue, d, by: r.by, at: at)
            case .exception(let e):
                model = PermanencyRecordModel(caseID: r.caseID, kind: .tprException, child: e.childID, day: e.recordedOn, e, by: r.by, at: at)
            case .notice(let n):
                model = PermanencyRecordModel(caseID: r.caseID, kind: .icwaNotice, child: n.childID, day: n.sent, status: n.received == nil ? "sent" : "received",
                                              n, by: r.by, at: at)
            case .followUp(let f):
                model = PermanencyRecordModel(caseID: r.caseID, kind: .followUp, child: f.childID, day: f.date, f, by: r.by, at: at)
            case .step(let s):
                model = PermanencyRecordModel(caseID: r.caseID, kind: .pathStep, child: s.childID, day: s.date, status: s.status.rawValue, s, by: r.by, at: at)
            case .aftercare(let a):
                model = PermanencyRecordModel(caseID: r.caseID, kind: .aftercarePlan, child: a.childID, day: a.discharged, a, by: r.by, at: at)
            }
            model.id = r.id
            try await model.create(on: tx)
        }
    }

    func load(_ records: DemoServiceRecords, on tx: any Database) async throws {
        for p in records.plans {
            let model = CasePlanModel(caseID: p.caseID, p.details, draftedBy: p.by)
            model.id = p.id.uuid
            try await model.create(on: tx)
        }
        for c in records.consents {
            let model = ConsentModel(caseID: c.caseID, c.details, recordedBy: c.by)
            model.id = c.id.uuid
            try await model.create(on: tx)
        }
        for r in records.referrals {
            let model = ReferralModel(caseID: r.caseID, r.details, referredBy: r.by)
            model.id = r.id.uuid
            try await model.create(on: tx)
        }
        for s in records.sessions {
            try await SessionModel(caseID: s.caseID, s.details, clinicalNote: s.clinicalNote, recordedBy: s.by).create(on: tx)
        }
        for m in records.messages {
            let model = CaseMessageModel(caseID: m.caseID, m.details)
            model.id = m.id.uuid
            try await model.create(on: tx)
        }
    }

    func load(_ f: DemoFamilyTime, on tx: any Database) async throws {
        for p in f.plans {
            let model = VisitPlanModel(caseID: p.caseID, p.details)
            model.id = p.id.uuid
            try await model.create(on: tx)
        }
        for s in f.safety {
            let model = SafetyAssessmentModel(caseID: s.caseID, s.details, recordedBy: s.by)
            model.id = s.id.uuid
            try await model.create(on: tx)
        }
        for c in f.changes {
            let model = LevelChangeModel(caseID: c.caseID, c.record)
            model.id = c.id.uuid
            try await model.create(on: tx)
        }
        for v in f.visits {
            let model = VisitModel(caseID: v.caseID, v.details)
            model.id = v.id.uuid
            try await model.create(on: tx)
        }
    }

    /// `fromVisits` names the children ("case/child") whose review figures the demo's recorded visits stand behind.
    func load(_ practice: DemoPractice, fromVisits: Set<String>, on tx: any Database) async throws {
        let instrument = DemoPracticeGenerator.instrument
        for a in practice.assessments {
            let model = AssessmentModel(caseID: a.caseID.uuid, instrument: instrument, point: a.point, assessorID: a.assessor.uuid, assessedOn: a.day)
            model.ratingValues = a.ratings
            model.status = AssessmentModel.Status.completed.rawValue
            model.completedAt = a.day.startOfDay
            try await model.create(on: tx)
        }
        for r in practice.reviews {
            var input = r.input
            input.visitationSource = fromVisits.contains("\(r.caseID)/\(r.childID)") ? .recordedVisits : .entered
            try await ReviewModel(caseID: r.caseID.uuid, childID: r.childID.uuid, reviewerID: r.reviewer.uuid, reviewedOn: r.day,
                                  input: input, outcome: r.outcome).create(on: tx)
        }
        let v = practice.vignette
        let vignette = VignetteModel(title: v.title, story: v.story, instrumentID: instrument.id, instrumentVersion: instrument.version,
                                     publishedBy: v.publishedBy.uuid, publishedOn: practice.assessments.map(\.day).max()?.iso ?? "2026-01-01",
                                     unit: DemoAgency.unit)
        try await vignette.create(on: tx)
        for (user, ratings) in v.ratings {
            try await VignetteRatingModel(vignetteID: vignette.id!, userID: user.uuid, ratings: AssessmentModel.json(ratings)).create(on: tx)
        }
    }
}
