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
        }.map { ($0.id!.lower, req.t(.ftVisitor, ["name": $0.name, "role": (UserRole(rawValue: $0.role) ?? .caseworker).staffLabel(req.language).lowercased()])) }
    }

    // MARK: a new plan

    func planPage(_ req: Request, _ o: CaseOverview, _ form: FormData, _ errors: [FieldError], status: HTTPResponseStatus = .ok) async throws -> Response {
        let view = FormView(form, errors: errors, language: req.language)
        let levels = VisitLevel.allCases.filter { $0 != .trialHomeVisit }.map { ($0.rawValue, $0.staffLabel(req.language)) }
        let visitors = o.members.filter { $0.role != .child }
        return RecordFormPage(title: req.t(.ftPlanTitle), action: SiteURL.newVisitPlan(o.caseID).path, cancel: SiteURL.caseFile(o.caseID).path,
                              submitLabel: req.t(.ftPlanSubmit), view: view, fields: [
                                view.select("childId", req.t(.epFormChild), options: o.children.map { ($0.person.id.description, o.name($0.person.id)) }),
                                .fieldset(.class("field\(view.message("participants") == nil ? "" : " field-error")"),
                                    .element(named: "legend", nodes: [.text(req.t(.ftWhoVisits))]),
                                    .unwrap(view.message("participants")) { .p(.class("error-message"), .id("participants"), .text($0)) },
                                    .forEach(visitors) { m in
                                        let id = "participant-\(m.person.id)"
                                        return .div(.class("checkbox"),
                                            .input(.type(.checkbox), .id(id), .name("participants"), .value(m.person.id.description),
                                                   .checked(form.all("participants").contains(m.person.id.description))),
                                            .label(.attribute(named: "for", value: id), .text(req.t(.ftVisitor, ["name": o.name(m.person.id), "role": m.role.staffLabel(req.language).lowercased()]))))
                                    }),
                                view.select("level", req.t(.ftLevel), options: levels, hint: req.t(.ftLevelHint)),
                                view.text("frequency", req.t(.ftHowOften), hint: req.t(.ftHowOftenHint), width: "w20"),
                                view.text("durationMinutes", req.t(.ftLength), width: "w4"),
                                view.text("location", req.t(.ftWhere), hint: req.t(.ftWhereHint), width: "w20"),
                                view.select("supervisorId", req.t(.ftWhoSupervises), options: try await supervisors(req), blank: req.t(.ftNobody)),
                                view.textarea("conditions", req.t(.ftConditions), hint: req.t(.ftConditionsHint)),
                                view.text("transport", req.t(.ftTransport), width: "w20"),
                                view.text("interpreterLanguage", req.t(.ftInterpreter), hint: req.t(.ftInterpreterHint), width: "w4"),
                                view.text("travel", req.t(.ftTravel), hint: req.t(.ftTravelHint), width: "w20"),
                                view.text("cost", req.t(.ftCost), width: "w20"),
                                view.text("courtOrder", req.t(.ftCourtOrder), hint: req.t(.ftCourtOrderHint), width: "w20"),
                                view.date("reviewOn", req.t(.ftReviewOn)),
                              ], breadcrumbs: o.breadcrumbs(req.language)).render(req, status: status)
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
        let child: PersonID? = r.id("childId", .ftChooseChild)
        let level = r.code(VisitLevel.self, "level", required: .ftChooseLevel)
        let minutes = Int(form.string("durationMinutes"))
        if minutes == nil { r.add([FieldError("durationMinutes", .ftWholeMinutes)]) }
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
                r.add(refusal.errors.map { $0.field.hasPrefix("participants") ? $0.on("participants") : $0 })
            }
        }
        return try await planPage(req, o, form, r.errors, status: .unprocessableEntity)
    }

    // MARK: the plan's page

    func plan(req: Request) async throws -> Response {
        let (o, facts) = try await req.caseOverview(.read, .visitPlan)
        if let family = req.familyPage(.familyVisits) { return family }
        let id: VisitPlanID = try req.idParameter("planID", "visit plan")
        try await req.audit(.view, .visitPlan, recordID: id, caseID: o.caseID, .audViewedVisitPlan)
        var form = FormData()
        form.set("start-time", "10:00")
        form.set("end-time", "11:00")
        return try await planView(req, o, facts, id, schedule: form, level: FormData(), errors: [])
    }

    func planView(_ req: Request, _ o: CaseOverview, _ facts: CaseAccessFacts, _ id: VisitPlanID, schedule: FormData, level: FormData,
                  errors: [FieldError], status: HTTPResponseStatus = .ok) async throws -> Response {
        let repo = FamilyTimeRepository(req.db)
        guard let plan = try await repo.plan(id, in: o.caseID) else { throw Refusal(.notFound, .ftNoSuchPlan) }
        let signedIn = try req.requireSignedIn()
        let may: (AccessAction, RecordKind) -> Bool = { req.policy.decide(signedIn.actor, $0, $1, in: facts).isAllowed }
        let d = plan.details
        let visits = try await repo.visits(in: o.caseID).filter { $0.details.planID == id }
        let changes = try await repo.levelChanges(in: o.caseID).filter { $0.details.planID == id }
        let safety = may(.read, .safetyAssessment) ? try await repo.latestSafety(of: d.childID, in: o.caseID) : nil
        let names = try await UserRepository(req.db).names([d.supervisorID].compactMap { $0 } + visits.compactMap(\.details.supervisorID))
        let zone = req.reunify.timeZone
        let language = req.language
        func t(_ id: Msg, _ values: [String: String] = [:]) -> String { req.t(id, values) }
        let scheduleView = FormView(schedule, errors: errors.filter { !["to", "reason", "courtOrder"].contains($0.field) }, language: language)
        let levelView = FormView(level, errors: errors.filter { ["to", "reason", "courtOrder"].contains($0.field) }, language: language)
        func when(_ v: VisitDetails) -> String { VisitTimes.when(v, in: zone) }
        func state(_ v: VisitDetails) -> String {
            guard let r = v.record else { return t(v.start > req.now ? .vpScheduled : .vpToRecord) }
            if v.cancelledByAgency { return t(.vpCancelledAgency) }
            if v.tookPlace { return t(.vpTookPlace, ["quality": r.quality?.staffLabel(language) ?? ""]) }
            let why = r.attendance.first { !$0.status.present }?.status.staffLabel(language).lowercased()
            return why.map { t(.vpDidNotTakePlaceWhy, ["why": $0]) } ?? t(.vpDidNotTakePlace)
        }
        let steps = VisitLevel.allCases.filter { $0 != d.level }.map {
            ($0.rawValue, t($0 > d.level ? .vpStepUp : .vpStepDown, ["level": $0.staffLabel(language).lowercased()]))
        }
        let title = t(.vpTitle, ["child": o.name(d.childID)])
        return Layout(title: title, signedIn: signedIn, breadcrumbs: o.breadcrumbs(language)).render(
            .h1(.text(title)),
            FormView(FormData(), errors: errors, language: language).errorSummary(),
            .dl(.class("summary-list"), .id("visit-plan"),
                .group(.dt(.text(t(.familyTimeLevel))), .dd(.id("plan-level"), .text(d.level.staffLabel(language)))),
                .group(.dt(.text(t(.familyTimeWho))), .dd(.text(d.participants.map(o.name).joined(separator: ", ")))),
                .group(.dt(.text(t(.familyTimeHowOften))), .dd(.text(t(.vpHowOften, ["frequency": d.frequency, "minutes": LocalFormat.number(d.durationMinutes, language)])))),
                .group(.dt(.text(t(.vpWhere))), .dd(.text(d.location))),
                .group(.dt(.text(t(.vpWhoSupervises))), .dd(.text(d.supervisorID.flatMap { names[$0] } ?? t(.vpNobody)))),
                .unwrap(d.conditions) { .group(.dt(.text(t(.vpConditions))), .dd(.text($0))) },
                .unwrap(d.logistics) { l in .group(.dt(.text(t(.vpLogistics))), .dd(.text(Self.logistics(l, language)))) },
                .unwrap(d.courtOrder) { .group(.dt(.text(t(.vpCourtOrder))), .dd(.text($0))) },
                .unwrap(d.reviewOn) { .group(.dt(.text(t(.vpReview))), .dd(.text($0.iso))) },
                .if(may(.read, .safetyAssessment), .group(.dt(.text(t(.vpLatestSafety))),
                    .dd(.text(safety.map { t(.vpSafetyLine, ["decision": $0.details.decision.staffLabel(language), "date": $0.details.date.iso]) } ?? t(.reportNoneRecorded)),
                        .if(may(.create, .safetyAssessment), .group(.text(" · "), .a(.href(SiteURL.newSafetyAssessment(o.caseID).path + "?childId=\(d.childID)"),
                                                                                      .text(t(.familyTimeSafety))))))))),
            .section(.attribute(named: "aria-labelledby", value: "visits-heading"),
                .h2(.id("visits-heading"), .text(t(.vpVisits))),
                visits.isEmpty ? .p(.text(t(.vpNoVisit))) :
                .table(.class("table"), .id("visits"),
                    .thead(.tr(.th(.text(t(.auditWhen))), .th(.text(t(.vpWhere))), .th(.text(t(.vpSupervisedBy))), .th(.text(t(.vpWhatHappened))))),
                    .tbody(.forEach(visits) { v in
                        .tr(.td(.text(when(v.details)), .if(v.details.enteredAfterwards, .span(.class("hint"), .text(t(.vpEnteredAfterwards))))),
                            .td(.text(v.details.location)),
                            .td(.text(v.details.supervisorID.flatMap { names[$0] } ?? "—")),
                            .td(.text(state(v.details)),
                                .if(v.details.start <= req.now && may(.update, .visit),
                                    .group(.text(" · "), .a(.href(SiteURL.recordVisit(o.caseID, v.id).path),
                                                            .attribute(named: "aria-label", value: t(.vpRecordVisitOf, ["when": when(v.details)])),
                                                            .text(v.details.record == nil ? t(.pathsRecord) : t(.vpChangeRecord)))))))
                    })),
                .if(may(.create, .visit) && d.level != .trialHomeVisit,
                    .form(.method(.post), .action(SiteURL.scheduleVisit(o.caseID, id).path), .attribute(named: "novalidate"), .id("schedule"),
                        csrfField(signedIn),
                        .h3(.text(t(.vpScheduleHeading))),
                        scheduleView.date("date", t(.vpDay), hint: t(.vpDayHint)),
                        scheduleView.text("start-time", t(.vpStartsAt), hint: t(.vpStartsHint, ["zone": zone.identifier]), width: "w4"),
                        scheduleView.text("end-time", t(.vpEndsAt), width: "w4"),
                        scheduleView.text("location", t(.vpWhere), hint: t(.vpWhereHint, ["place": d.location]), width: "w20"),
                        scheduleView.text("weeks", t(.vpEveryWeek), hint: t(.vpEveryWeekHint), width: "w4"),
                        .div(.class("actions"), .button(.type(.submit), .class("button"), .text(t(.vpSchedule))))))),
            .section(.attribute(named: "aria-labelledby", value: "levels-heading"),
                .h2(.id("levels-heading"), .text(t(.vpLevelChanges))),
                changes.isEmpty ? .p(.text(t(.vpNoChange))) :
                .table(.class("table"), .id("level-changes"),
                    .thead(.tr(.th(.text(t(.vpAsked))), .th(.text(t(.vpChange))), .th(.text(t(.vpWhy))), .th(.text(t(.columnStatus))))),
                    .tbody(.forEach(changes.reversed()) { c in
                        let r = c.details
                        let state = r.change.isStepUp
                            ? (r.change.status == .approved ? t(.vpApprovedOn, ["date": r.approvedOn?.iso ?? ""]) : t(.vpWaiting))
                            : (r.acknowledgedBy == nil ? t(.vpTakenUnseen) : t(.vpTakenSeen))
                        let pending = r.change.isStepUp ? r.change.status == .awaitingApproval : r.acknowledgedBy == nil
                        let order: String? = r.change.courtOrder.map { t(.vpOrder, ["order": $0]) }
                        let step = "\(r.change.from.staffLabel(language)) → \(r.change.to.staffLabel(language))"
                        return .tr(.td(.text(r.requestedOn.iso)),
                                   .td(.text(step)),
                                   .td(.text(r.change.reason), .unwrap(order) { .span(.class("hint"), .text($0)) }),
                                   .td(.text(state),
                                       .if(pending && may(.update, .visitLevelApproval),
                                           .form(.class("inline"), .method(.post), .action(SiteURL.approveLevelChange(o.caseID, id, c.id).path),
                                                 csrfField(signedIn),
                                                 .button(.type(.submit), .class("button secondary"), .text(r.change.isStepUp ? t(.vpApproveStepUp) : t(.vpMarkSeen)))))))
                    })),
                .if(may(.create, .visitLevelChange),
                    .form(.method(.post), .action(SiteURL.levelChange(o.caseID, id).path), .attribute(named: "novalidate"), .id("change-level"),
                        csrfField(signedIn),
                        .h3(.text(t(.vpChangeLevel))),
                        .p(.class("hint"), .text(t(.vpChangeHint, ["days": String(LevelChangeRules.safetyAssessmentMaxAgeDays)]))),
                        levelView.select("to", t(.vpNewLevel), options: steps),
                        levelView.textarea("reason", t(.vpWhy)),
                        levelView.text("courtOrder", t(.vpCourtOrder), hint: t(.vpOrderHint), width: "w20"),
                        .div(.class("actions"), .button(.type(.submit), .class("button"), .text(t(.vpAskChange)))))))
        ).with(status: status)
    }

    static func logistics(_ l: VisitLogistics, _ language: UILanguage = .english) -> String {
        func t(_ id: Msg, _ value: String) -> String { Catalogue.text(id, language, ["value": value]) }
        var parts: [String] = []
        if let v = l.transport { parts.append(t(.vpTransport, v)) }
        if let i = l.interpreterLanguage { parts.append(t(.vpInterpreter, Languages.name(of: i, in: language))) }
        if let v = l.travel { parts.append(t(.vpTravel, v)) }
        if let c = l.cost { parts.append(t(.vpCost, c)) }
        return parts.joined(separator: "; ")
    }

    func schedule(req: Request) async throws -> Response {
        let (o, facts) = try await req.caseOverview(.create, .visit)
        let id: VisitPlanID = try req.idParameter("planID", "visit plan")
        let form = FormData(req)
        var r = FormReader(form)
        let day = r.requiredDate("date", .ftGiveDay)
        let zone = req.reunify.timeZone
        let weeks = form.optional("weeks").map { Int($0) } ?? 1
        if weeks == nil || !(1...52).contains(weeks ?? 0) { r.add([FieldError("weeks", .ftWeeks)]) }
        if let day, let weeks, r.errors.isEmpty {
            var requests: [FamilyTimeCommands.VisitRequest] = []
            for week in 0..<weeks {
                let date = day.adding(days: 7 * week)
                guard let (start, offset) = VisitTimes.instant(on: date, at: form.string("start-time"), in: zone) else {
                    r.add([FieldError("start-time", .ftStartTime)]); break
                }
                guard let (end, _) = VisitTimes.instant(on: date, at: form.string("end-time"), in: zone) else {
                    r.add([FieldError("end-time", .ftEndTime)]); break
                }
                requests.append(.init(start: start, end: end, utcOffsetMinutes: offset, location: form.optional("location"), supervisorID: nil))
            }
            if r.errors.isEmpty {
                do {
                    _ = try await FamilyTimeCommands(req.change()).scheduleSeries(requests, on: id, in: o.caseID)
                    return req.redirect(to: SiteURL.visitPlan(o.caseID, id).path)
                } catch {
                    guard let refusal = FormRefusal(error) else { throw error }
                    r.add(refusal.errors.map { ["start", "end"].contains($0.field) ? $0.on("start-time") : $0 })
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
        if let to = r.code(VisitLevel.self, "to", required: .ftChooseNewLevel) {
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
