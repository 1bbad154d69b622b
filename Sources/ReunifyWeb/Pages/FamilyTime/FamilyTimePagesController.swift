import Fluent
import Plot
import Vapor
import ReunifyDomain
import ReunifyStore

/// Family time pages: making a visit plan and the plan's page (its visits, scheduling, level changes and their
/// approval). Recording a visit and a safety assessment have controllers of their own. Every change goes through
/// `FamilyTimeCommands`, as the API's do.
struct FamilyTimePagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.newVisitPlan(.any).route, use: newPlan)
        routes.post(SiteURL.newVisitPlan(.any).route, use: createPlan)
        routes.get(SiteURL.visitPlan(.any, .any).route, use: plan)
        routes.post(SiteURL.scheduleVisit(.any, .any).route, use: schedule)
        routes.post(SiteURL.levelChange(.any, .any).route, use: changeLevel)
        routes.post(SiteURL.approveLevelChange(.any, .any, .any).route, use: approve)
    }

    /// Staff who may supervise a visit: caseworkers, supervisors and clinicians.
    func supervisors(_ req: Request) async throws -> [(String, String)] {
        try await UserRepository(req.db).all().filter { u in
            !u.disabled && [UserRole.caseworker, .supervisor, .clinician].contains(UserRole(rawValue: u.role) ?? .parent)
        }.map { ($0.id!.lower, "\($0.name) (\((UserRole(rawValue: $0.role) ?? .caseworker).label.lowercased()))") }
    }

    // MARK: a new plan

    func planPage(_ req: Request, _ o: CaseOverview, _ form: FormData, _ errors: [FieldError], status: HTTPResponseStatus = .ok) async throws -> Response {
        let view = FormView(form, errors: errors)
        let levels = VisitLevel.allCases.filter { $0 != .trialHomeVisit }.map { ($0.rawValue, $0.label) }
        let visitors = o.members.filter { $0.role != .child }
        return RecordFormPage(title: "Make a visit plan", action: SiteURL.newVisitPlan(o.caseID).path, cancel: SiteURL.caseFile(o.caseID).path,
                              submitLabel: "Save the plan", view: view, fields: [
                                view.select("childId", "Child", options: o.children.map { ($0.person.id.description, o.name($0.person.id)) }),
                                .fieldset(.class("field\(view.message("participants") == nil ? "" : " field-error")"),
                                    .element(named: "legend", nodes: [.text("Who visits")]),
                                    .unwrap(view.message("participants")) { .p(.class("error-message"), .id("participants"), .text($0)) },
                                    .forEach(visitors) { m in
                                        let id = "participant-\(m.person.id)"
                                        return .div(.class("checkbox"),
                                            .input(.type(.checkbox), .id(id), .name("participants"), .value(m.person.id.description),
                                                   .checked(form.all("participants").contains(m.person.id.description))),
                                            .label(.attribute(named: "for", value: id), .text("\(o.name(m.person.id)) (\(m.role.label.lowercased()))")))
                                    }),
                                view.select("level", "Level", options: levels, hint: "A trial home visit is reached by stepping up, with a safety assessment"),
                                view.text("frequency", "How often", hint: "For example, twice a week", width: "w20"),
                                view.text("durationMinutes", "Length in minutes", width: "w4"),
                                view.text("location", "Where", hint: "A room, a park, the family's home", width: "w20"),
                                view.select("supervisorId", "Who supervises", options: try await supervisors(req), blank: "Nobody (unsupervised levels)"),
                                view.textarea("conditions", "Conditions", hint: "For example, no visits while under the influence"),
                                view.text("transport", "Transport", width: "w20"),
                                view.text("interpreterLanguage", "Interpreter's language", hint: "A language code, such as es", width: "w4"),
                                view.text("travel", "Travel", hint: "Across towns or countries, if it is needed", width: "w20"),
                                view.text("cost", "Cost and who pays", width: "w20"),
                                view.text("courtOrder", "Court order that governs visits", hint: "Its reference, if a court order sets the visits", width: "w20"),
                                view.date("reviewOn", "Review the plan on"),
                              ], breadcrumbs: o.breadcrumbs).render(req, status: status)
    }

    func newPlan(req: Request) async throws -> Response {
        let (o, _) = try await req.caseOverview(.create, .visitPlan)
        var form = FormData()
        form.set("level", VisitLevel.supervised.rawValue)
        form.set("durationMinutes", "60")
        return try await planPage(req, o, form, [])
    }

    func createPlan(req: Request) async throws -> Response {
        let (o, _) = try await req.caseOverview(.create, .visitPlan)
        let form = FormData(req)
        var r = FormReader(form)
        let child: PersonID? = r.id("childId", "Choose the child")
        let level = r.code(VisitLevel.self, "level", required: "Choose the level")
        let minutes = Int(form.string("durationMinutes"))
        if minutes == nil { r.add([FieldError("durationMinutes", "Give the length in whole minutes, such as 60")]) }
        let reviewOn = r.date("reviewOn")
        let participants = form.all("participants").compactMap(PersonID.init)
        if let child, let level, let minutes, r.errors.isEmpty {
            let logistics = VisitLogistics(transport: form.optional("transport"), interpreterLanguage: form.optional("interpreterLanguage"),
                                           travel: form.optional("travel"), cost: form.optional("cost"))
            let details = VisitPlanDetails(childID: child, level: level, participants: participants, frequency: form.string("frequency"),
                                           durationMinutes: minutes, location: form.string("location"),
                                           supervisorID: form.optional("supervisorId").flatMap(UserID.init), conditions: form.optional("conditions"),
                                           logistics: logistics.isEmpty ? nil : logistics, courtOrder: form.optional("courtOrder"), reviewOn: reviewOn)
            do {
                let plan = try await FamilyTimeCommands(req.change()).createPlan(details, in: o.caseID)
                return req.redirect(to: SiteURL.visitPlan(o.caseID, plan.id).path)
            } catch {
                guard let refusal = FormRefusal(error) else { throw error }
                r.add(refusal.errors.map { $0.field.hasPrefix("participants") ? FieldError("participants", $0.message) : $0 })
            }
        }
        return try await planPage(req, o, form, r.errors, status: .unprocessableEntity)
    }

    // MARK: the plan's page

    func plan(req: Request) async throws -> Response {
        let (o, facts) = try await req.caseOverview(.read, .visitPlan)
        if let family = req.familyPage(.familyVisits) { return family }
        let id: VisitPlanID = try req.idParameter("planID", "visit plan")
        try await req.audit(.view, .visitPlan, recordID: id, caseID: o.caseID, "viewed a visit plan")
        var form = FormData()
        form.set("start-time", "10:00")
        form.set("end-time", "11:00")
        return try await planView(req, o, facts, id, schedule: form, level: FormData(), errors: [])
    }

    func planView(_ req: Request, _ o: CaseOverview, _ facts: CaseAccessFacts, _ id: VisitPlanID, schedule: FormData, level: FormData,
                  errors: [FieldError], status: HTTPResponseStatus = .ok) async throws -> Response {
        let repo = FamilyTimeRepository(req.db)
        guard let plan = try await repo.plan(id, in: o.caseID) else { throw Abort(.notFound, reason: "There is no such visit plan in this case") }
        let signedIn = try req.requireSignedIn()
        let may: (AccessAction, RecordKind) -> Bool = { req.policy.decide(signedIn.actor, $0, $1, in: facts).isAllowed }
        let d = plan.details
        let visits = try await repo.visits(in: o.caseID).filter { $0.details.planID == id }
        let changes = try await repo.levelChanges(in: o.caseID).filter { $0.details.planID == id }
        let safety = may(.read, .safetyAssessment) ? try await repo.latestSafety(of: d.childID, in: o.caseID) : nil
        let names = try await UserRepository(req.db).names([d.supervisorID].compactMap { $0 } + visits.compactMap(\.details.supervisorID))
        let zone = req.reunify.timeZone
        let scheduleView = FormView(schedule, errors: errors.filter { !["to", "reason", "courtOrder"].contains($0.field) })
        let levelView = FormView(level, errors: errors.filter { ["to", "reason", "courtOrder"].contains($0.field) })
        func when(_ v: VisitDetails) -> String { VisitTimes.when(v, in: zone) }
        func state(_ v: VisitDetails) -> String {
            guard let r = v.record else { return v.start > req.now ? "Scheduled" : "To record" }
            if v.cancelledByAgency { return "Cancelled by the agency" }
            if v.tookPlace { return "Took place: \(r.quality?.label ?? "")" }
            let why = r.attendance.first { !$0.status.present }?.status.label.lowercased()
            return "Did not take place" + (why.map { " (\($0))" } ?? "")
        }
        let steps = VisitLevel.allCases.filter { $0 != d.level }.map { ($0.rawValue, "\($0 > d.level ? "Up" : "Down") to \($0.label.lowercased())") }
        let title = "Family time: \(o.name(d.childID))"
        return Layout(title: title, signedIn: signedIn, breadcrumbs: o.breadcrumbs).render(
            .h1(.text(title)),
            FormView(FormData(), errors: errors).errorSummary(),
            .dl(.class("summary-list"), .id("visit-plan"),
                .group(.dt("Level"), .dd(.id("plan-level"), .text(d.level.label))),
                .group(.dt("Who visits"), .dd(.text(d.participants.map(o.name).joined(separator: ", ")))),
                .group(.dt("How often"), .dd(.text("\(d.frequency), \(d.durationMinutes) minutes"))),
                .group(.dt("Where"), .dd(.text(d.location))),
                .group(.dt("Who supervises"), .dd(.text(d.supervisorID.flatMap { names[$0] } ?? "Nobody"))),
                .unwrap(d.conditions) { .group(.dt("Conditions"), .dd(.text($0))) },
                .unwrap(d.logistics) { l in .group(.dt("Logistics"), .dd(.text(Self.logistics(l)))) },
                .unwrap(d.courtOrder) { .group(.dt("Court order"), .dd(.text($0))) },
                .unwrap(d.reviewOn) { .group(.dt("Review"), .dd(.text($0.iso))) },
                .if(may(.read, .safetyAssessment), .group(.dt("Latest safety assessment"),
                    .dd(.text(safety.map { "\($0.details.decision.label), \($0.details.date.iso)" } ?? "None recorded"),
                        .if(may(.create, .safetyAssessment), .group(.text(" · "), .a(.href(SiteURL.newSafetyAssessment(o.caseID).path + "?childId=\(d.childID)"), "Record a safety assessment"))))))),
            .section(.attribute(named: "aria-labelledby", value: "visits-heading"),
                .h2(.id("visits-heading"), "Visits"),
                visits.isEmpty ? .p("No visit yet.") :
                .table(.class("table"), .id("visits"),
                    .thead(.tr(.th("When"), .th("Where"), .th("Supervised by"), .th("What happened"))),
                    .tbody(.forEach(visits) { v in
                        .tr(.td(.text(when(v.details)), .if(v.details.enteredAfterwards, .span(.class("hint"), " (entered afterwards)"))),
                            .td(.text(v.details.location)),
                            .td(.text(v.details.supervisorID.flatMap { names[$0] } ?? "—")),
                            .td(.text(state(v.details)),
                                .if(v.details.start <= req.now && may(.update, .visit),
                                    .group(.text(" · "), .a(.href(SiteURL.recordVisit(o.caseID, v.id).path),
                                                            .attribute(named: "aria-label", value: "Record the visit of \(when(v.details))"),
                                                            .text(v.details.record == nil ? "Record" : "Change the record"))))))
                    })),
                .if(may(.create, .visit) && d.level != .trialHomeVisit,
                    .form(.method(.post), .action(SiteURL.scheduleVisit(o.caseID, id).path), .attribute(named: "novalidate"), .id("schedule"),
                        csrfField(signedIn),
                        .h3("Schedule visits"),
                        scheduleView.date("date", "Day", hint: "For example, 3 12 2026"),
                        scheduleView.text("start-time", "Starts at", hint: "24-hour clock, such as 10:00 (\(zone.identifier))", width: "w4"),
                        scheduleView.text("end-time", "Ends at", width: "w4"),
                        scheduleView.text("location", "Where", hint: "Leave empty for the plan's place: \(d.location)", width: "w20"),
                        scheduleView.text("weeks", "Every week for", hint: "How many weeks in all; leave empty for one visit", width: "w4"),
                        .div(.class("actions"), .button(.type(.submit), .class("button"), "Schedule"))))),
            .section(.attribute(named: "aria-labelledby", value: "levels-heading"),
                .h2(.id("levels-heading"), "Level changes"),
                changes.isEmpty ? .p("No change yet.") :
                .table(.class("table"), .id("level-changes"),
                    .thead(.tr(.th("Asked"), .th("Change"), .th("Why"), .th("Status"))),
                    .tbody(.forEach(changes.reversed()) { c in
                        let r = c.details
                        let state = r.change.isStepUp
                            ? (r.change.status == .approved ? "Approved \(r.approvedOn?.iso ?? "")" : "Waiting for a supervisor")
                            : (r.acknowledgedBy == nil ? "Taken at once; the supervisor has not yet seen it" : "Taken at once; seen by the supervisor")
                        let pending = r.change.isStepUp ? r.change.status == .awaitingApproval : r.acknowledgedBy == nil
                        return .tr(.td(.text(r.requestedOn.iso)),
                                   .td(.text("\(r.change.from.label) → \(r.change.to.label)")),
                                   .td(.text(r.change.reason), .unwrap(r.change.courtOrder) { .span(.class("hint"), .text(" (order \($0))")) }),
                                   .td(.text(state),
                                       .if(pending && may(.update, .visitLevelApproval),
                                           .form(.class("inline"), .method(.post), .action(SiteURL.approveLevelChange(o.caseID, id, c.id).path),
                                                 csrfField(signedIn),
                                                 .button(.type(.submit), .class("button secondary"), .text(r.change.isStepUp ? "Approve the step up" : "Mark as seen"))))))
                    })),
                .if(may(.create, .visitLevelChange),
                    .form(.method(.post), .action(SiteURL.levelChange(o.caseID, id).path), .attribute(named: "novalidate"), .id("change-level"),
                        csrfField(signedIn),
                        .h3("Change the level"),
                        .p(.class("hint"), .text("A step up needs a safety assessment of the child at most \(LevelChangeRules.safetyAssessmentMaxAgeDays) days old and a supervisor's approval. A step down for safety is taken at once; the supervisor is told.")),
                        levelView.select("to", "New level", options: steps),
                        levelView.textarea("reason", "Why"),
                        levelView.text("courtOrder", "Court order", hint: "Its reference, where a court order governs the visits", width: "w20"),
                        .div(.class("actions"), .button(.type(.submit), .class("button"), "Ask for the change")))))
        ).with(status: status)
    }

    static func logistics(_ l: VisitLogistics) -> String {
        var parts: [String] = []
        if let t = l.transport { parts.append("transport: " + t) }
        if let i = l.interpreterLanguage { parts.append("interpreter: " + Languages.name(of: i)) }
        if let t = l.travel { parts.append("travel: " + t) }
        if let c = l.cost { parts.append("cost: " + c) }
        return parts.joined(separator: "; ")
    }

    func schedule(req: Request) async throws -> Response {
        let (o, facts) = try await req.caseOverview(.create, .visit)
        let id: VisitPlanID = try req.idParameter("planID", "visit plan")
        let form = FormData(req)
        var r = FormReader(form)
        let day = r.requiredDate("date", "Give the day of the visit")
        let zone = req.reunify.timeZone
        let weeks = form.optional("weeks").map { Int($0) } ?? 1
        if weeks == nil || !(1...52).contains(weeks ?? 0) { r.add([FieldError("weeks", "Give a number of weeks from 1 to 52, or leave it empty")]) }
        if let day, let weeks, r.errors.isEmpty {
            var requests: [FamilyTimeCommands.VisitRequest] = []
            for week in 0..<weeks {
                let date = day.adding(days: 7 * week)
                guard let (start, offset) = VisitTimes.instant(on: date, at: form.string("start-time"), in: zone) else {
                    r.add([FieldError("start-time", "Give the start as a 24-hour time, such as 10:00")]); break
                }
                guard let (end, _) = VisitTimes.instant(on: date, at: form.string("end-time"), in: zone) else {
                    r.add([FieldError("end-time", "Give the end as a 24-hour time, such as 11:00")]); break
                }
                requests.append(.init(start: start, end: end, utcOffsetMinutes: offset, location: form.optional("location"), supervisorID: nil))
            }
            if r.errors.isEmpty {
                do {
                    _ = try await FamilyTimeCommands(req.change()).scheduleSeries(requests, on: id, in: o.caseID)
                    return req.redirect(to: SiteURL.visitPlan(o.caseID, id).path)
                } catch {
                    guard let refusal = FormRefusal(error) else { throw error }
                    r.add(refusal.errors.map { ["start", "end"].contains($0.field) ? FieldError("start-time", $0.message) : $0 })
                    return try await planView(req, o, facts, id, schedule: form, level: FormData(), errors: r.errors, status: refusal.status)
                }
            }
        }
        return try await planView(req, o, facts, id, schedule: form, level: FormData(), errors: r.errors, status: .unprocessableEntity)
    }

    func changeLevel(req: Request) async throws -> Response {
        let (o, facts) = try await req.caseOverview(.create, .visitLevelChange)
        let id: VisitPlanID = try req.idParameter("planID", "visit plan")
        let form = FormData(req)
        var r = FormReader(form)
        if let to = r.code(VisitLevel.self, "to", required: "Choose the new level") {
            do {
                _ = try await FamilyTimeCommands(req.change()).requestLevelChange(on: id, in: o.caseID, to: to, reason: form.string("reason"),
                                                                                  courtOrder: form.optional("courtOrder"))
                return req.redirect(to: SiteURL.visitPlan(o.caseID, id).path)
            } catch {
                guard let refusal = FormRefusal(error) else { throw error }
                r.add(refusal.errors)
                return try await planView(req, o, facts, id, schedule: FormData(), level: form, errors: r.errors, status: refusal.status)
            }
        }
        return try await planView(req, o, facts, id, schedule: FormData(), level: form, errors: r.errors, status: .unprocessableEntity)
    }

    func approve(req: Request) async throws -> Response {
        let caseID = try req.caseIDParameter()
        let id: VisitPlanID = try req.idParameter("planID", "visit plan")
        let change: LevelChangeID = try req.idParameter("changeID", "level change")
        _ = try await FamilyTimeCommands(req.change()).approveLevelChange(change, in: caseID)
        return req.redirect(to: SiteURL.visitPlan(caseID, id).path)
    }
}
