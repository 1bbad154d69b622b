import Fluent
import Plot
import Vapor
import ReunifyDomain
import ReunifyStore

/// A case plan version: drafting it (starting from the latest assessment's problems), its goals with the progress
/// seen so far, each parent's answer, the supervisor's approval, and the family's printable summary.
struct PlanPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.newPlan(.any).route, use: newForm)
        routes.post(SiteURL.newPlan(.any).route, use: create)
        routes.get(SiteURL.plan(.any, .any).route, use: show)
        routes.post(SiteURL.planAgreement(.any, .any).route, use: agree)
        routes.post(SiteURL.approvePlan(.any, .any).route, use: approve)
        routes.get(SiteURL.planSummary(.any, .any).route, use: summary)
    }

    func overview(_ req: Request, _ action: AccessAction) async throws -> (CaseOverview, CaseAccessFacts) {
        let caseID = try req.caseIDParameter()
        let facts = try await req.authorize(action, .casePlan, caseID: caseID)
        guard let overview = try await CaseRepository(req.db).overview(caseID) else { throw Request.noSuchCase }
        return (overview, facts)
    }

    func plan(_ req: Request, _ o: CaseOverview) async throws -> Recorded<PlanSubject, CasePlanDetails> {
        let id: PlanID = try req.idParameter("planID", "plan")
        guard let plan = try await ServiceRecordsRepository(req.db).plan(id, in: o.caseID) else {
            throw Refusal(.notFound, .refNoPlan)
        }
        return plan
    }


    // MARK: drafting

    /// The latest completed assessment's problems rated −2 or worse, offered as the goals to start from.
    func suggestions(_ req: Request, _ o: CaseOverview) async throws -> [PlanGoal] {
        guard let latest = try await AssessmentRepository(req.db).list(caseID: o.caseID).filter(\.isCompleted).last?.recorded else { return [] }
        let instrument = try await AssessmentService(req: req).instrument(of: latest.details)
        return PlanRules.suggestedGoals(ratings: latest.details.ratings, instrument: instrument).prefix(PlanForm.goalSlots).map {
            PlanGoal(statement: req.t(.planFormStrengthen, ["problem": $0.text]), objectives: [])
        }
    }

    func page(_ req: Request, _ o: CaseOverview, _ form: FormData, _ errors: [FieldError], suggested: Bool,
              status: HTTPResponseStatus = .ok) -> Response {
        let view = FormView(form, errors: errors, language: req.language)
        return Layout(title: req.t(.planFormTitle), signedIn: req.signedIn, breadcrumbs: o.breadcrumbs(req.language)).render(
            .h1(.text(req.t(.planFormHeading))),
            .if(suggested, .p(.class("hint"), .text(req.t(.planFormSuggested)))),
            view.errorSummary(),
            .form(.method(.post), .action(SiteURL.newPlan(o.caseID).path), .attribute(named: "novalidate"),
                csrfField(req.signedIn),
                .group(PlanForm.fields(view)),
                .button(.type(.submit), .class("button"), .text(req.t(.planFormSave))),
                .a(.class("button secondary"), .href(SiteURL.caseFile(o.caseID).path), .text(req.t(.formCancel))))
        ).with(status: status)
    }

    func newForm(req: Request) async throws -> Response {
        let (o, _) = try await overview(req, .create)
        let suggested = try await suggestions(req, o)
        return page(req, o, PlanForm.values(suggested, version: nil), [], suggested: !suggested.isEmpty)
    }

    func create(req: Request) async throws -> Response {
        let (o, _) = try await overview(req, .create)
        let form = FormData(req)
        let (goals, errors) = PlanForm.read(form)
        guard errors.isEmpty else { return page(req, o, form, errors, suggested: false, status: .unprocessableEntity) }
        do {
            let plan = try await PlanCommands(req.change()).draft(goals, in: o.caseID)
            return req.redirect(to: SiteURL.plan(o.caseID, plan.id).path)
        } catch {
            guard let refusal = FormRefusal(error) else { throw error }
            return page(req, o, form, refusal.errors.map { $0.on(PlanForm.formField($0.field)) }, suggested: false,
                        status: refusal.status)
        }
    }

    // MARK: the plan and its progress

    func show(req: Request) async throws -> Response {
        let (o, facts) = try await overview(req, .read)
        if let family = req.familyPage(.familyPlan) { return family }
        let plan = try await plan(req, o)
        try await req.audit(.view, .casePlan, recordID: plan.id, caseID: o.caseID, .audViewedPlan, ["number": "\(plan.details.number)"])
        return try await planPage(req, o, facts, plan, FormData(), [])
    }

    func planPage(_ req: Request, _ o: CaseOverview, _ facts: CaseAccessFacts, _ plan: Recorded<PlanSubject, CasePlanDetails>,
                  _ form: FormData, _ errors: [FieldError], status: HTTPResponseStatus = .ok) async throws -> Response {
        let actor = try req.requireSignedIn().actor
        let may: (AccessAction, RecordKind) -> Bool = { req.policy.decide(actor, $0, $1, in: facts).isAllowed }
        let d = plan.details
        let state = d.status(on: req.today)
        let records = ServiceRecordsRepository(req.db)
        let access = try await ReferralAccess(req)
        let referrals = may(.read, .referral)
            ? try await records.referrals(in: o.caseID).asyncFilter { try await access.mayRead($0, caseID: o.caseID, facts: facts) } : []
        let sessions = may(.read, .serviceSession) ? try await records.sessions(in: o.caseID).map(\.session.details) : []
        let previous = o.plans.last { $0.details.number < plan.details.number }?.details
        let language = req.language
        func t(_ id: Msg, _ values: [String: String] = [:]) -> String { req.t(id, values) }
        let changes = previous.map { PlanPagesController.changes(from: $0, to: plan.details, language) } ?? []
        let timeline: [(CalendarDate, String)] = (sessions.map { s in
            (s.date, t(.planPageSessionLine, ["kind": s.kind.staffLabel(language),
                                              "who": s.participants.map { "\(o.name($0.personID)) \($0.attendance.staffLabel(language).lowercased())" }.joined(separator: ", ")]))
        } + referrals.map { r in
            (r.details.referredOn, t(.planPageReferred, ["name": o.name(r.details.personID), "category": r.details.category.staffLabel(language).lowercased(),
                                                         "status": r.details.status.staffLabel(language).lowercased()]))
        }).filter { $0.0 >= plan.details.draftedOn }.sorted { $0.0 > $1.0 }
        let directory = try await ProviderRepository(req.db).all()
        func serviceName(_ id: ServiceID?) -> String? {
            guard let id else { return nil }
            return directory.flatMap(\.services).first { $0.id == id }?.details.name
        }
        let agreeing = o.members.filter { PlanRules.agreeingRoles.contains($0.role) }
        let editable = state.isOpen && may(.update, .casePlan)
        let view = FormView(form, errors: errors, language: language)
        let names = try await UserRepository(req.db).names([d.approvedBy].compactMap { $0 })
        let title = t(.planPageTitle, ["number": String(d.number)])
        return Layout(title: title, signedIn: req.signedIn, breadcrumbs: o.breadcrumbs(language)).render(
            .div(.class("page-heading"),
                .h1(.text(title), .span(.class("caption"), .text(state.staffLabel(language)))),
                .a(.class("button secondary"), .href(SiteURL.planSummary(o.caseID, plan.id).path), .text(t(.planPageSummary)))),
            .dl(.class("summary-list"),
                .group(.dt(.text(t(.planDrafted))), .dd(.text(d.draftedOn.iso))),
                .group(.dt(.text(t(.planApproved))), .dd(.text(d.approvedOn.map {
                    t(.planPageApprovedLine, ["date": $0.iso, "name": d.approvedBy.flatMap { names[$0] } ?? t(.planPageASupervisor), "starts": d.startsOn?.iso ?? $0.iso])
                } ?? t(.planPageNotYet))))),
            .section(.attribute(named: "aria-labelledby", value: "goals-heading"),
                .h2(.id("goals-heading"), .text(t(.planPageGoals))),
                .forEach(d.goals) { goal in
                    .div(.class("plan-goal"),
                        .h3(.text(goal.statement)),
                        .forEach(goal.objectives) { objective in
                            let ids = Set(objective.interventions.map(\.id))
                            let linked = referrals.filter { $0.details.interventionID.map(ids.contains) ?? false }
                            let noted = sessions.filter { $0.progress.contains { $0.objectiveID == objective.id } }
                            let latest = noted.sorted { $0.date < $1.date }.last?.progress.first { $0.objectiveID == objective.id }
                            let categories = Set(objective.interventions.map(\.category))
                            let related = sessions.filter { s in s.serviceID.map { id in directory.flatMap(\.services).first { $0.id == id }.map { categories.contains($0.details.category) } ?? false } ?? false }
                            let rate = SessionRules.attendanceRate(related.isEmpty ? noted : related)
                            let overdue = objective.targetDate < req.today && state == .active
                            return .div(.class("plan-objective"),
                                .p(.strong(.text(objective.statement)),
                                   .text(t(.planPageMeasured, ["measure": objective.measure, "date": objective.targetDate.iso])),
                                   .if(overdue, .span(.class("tag warn"), .text(t(.planPagePastTarget))))),
                                .ul(.class("plain"),
                                    .forEach(objective.interventions) { i in
                                        .li(.text(serviceName(i.serviceID).map { t(.planPageInterventionService, ["category": i.category.staffLabel(language), "service": $0]) }
                                                  ?? i.category.staffLabel(language)),
                                            .text(i.frequency.map { ", \($0)" } ?? ""), .text(i.responsible.map { " — \($0)" } ?? ""),
                                            .text(" (\(i.status.staffLabel(language).lowercased()))"))
                                    },
                                    .forEach(linked) { r in
                                        .li(.a(.href(SiteURL.referral(r.id).path),
                                               .text(t(.planPageReferralOf, ["name": o.name(r.details.personID), "status": r.details.status.staffLabel(language)]))))
                                    },
                                    .li(.class("hint"), .text(rate.map { t(.planPageAttendance, ["rate": String(Int(($0 * 100).rounded()))]) } ?? t(.planPageNoSession))),
                                    .li(.class("hint"), .text(t(.planPageLatest, ["note": latest?.note ?? t(.planPageNoneNoted)])))))
                        })
                }),
            .if(previous != nil, .section(.attribute(named: "aria-labelledby", value: "changes-heading"),
                .h2(.id("changes-heading"), .text(t(.planPageChanged, ["number": String(previous?.number ?? 0)]))),
                changes.isEmpty ? .p(.text(t(.planPageSame))) : .ul(.id("plan-changes"), .forEach(changes) { .li(.text($0)) }))),
            .section(.attribute(named: "aria-labelledby", value: "timeline-heading"),
                .h2(.id("timeline-heading"), .text(t(.planPageTimeline))),
                timeline.isEmpty ? .p(.text(t(.planPageNothing))) :
                .ul(.class("plain"), .id("plan-timeline"), .forEach(timeline) { .li(.text(t(.planPageTimelineLine, ["date": $0.0.iso, "what": $0.1]))) })),
            .section(.attribute(named: "aria-labelledby", value: "agreement-heading"),
                .h2(.id("agreement-heading"), .text(t(.planPageAgreement))),
                d.agreements.isEmpty ? .p(.text(t(.planPageNoAnswer))) :
                .table(.class("table"),
                    .thead(.tr(.th(.text(t(.servicesWho))), .th(.text(t(.planPageAnswer))), .th(.text(t(.membersLanguage))), .th(.text(t(.pathsNote))),
                               .th(.text(t(.planPageRecorded))))),
                    .tbody(.forEach(d.agreements) { a in
                        .tr(.td(.text(o.name(a.personID))), .td(.text(t(a.agreed ? .planPageAgreed : .planPageDidNotAgree))),
                            .td(.text(Languages.name(of: a.language, in: language))), .td(.text(a.note ?? "")), .td(.text(a.recordedOn.iso)))
                    })),
                view.errorSummary(),
                .if(editable && !agreeing.isEmpty,
                    .form(.method(.post), .action(SiteURL.planAgreement(o.caseID, plan.id).path), .attribute(named: "novalidate"),
                        csrfField(req.signedIn),
                        view.select("personId", t(.planPageWho), options: agreeing.map { ($0.person.id.description, o.name($0.person.id)) }),
                        view.select("agreed", t(.planPageTheirAnswer), options: [("yes", t(.planPageAgreedToPlan)), ("no", t(.planPageDidNotAgree))]),
                        view.select("language", t(.planPageExplainedIn), options: UILanguage.allCases.map { ($0.tag, Languages.name(of: $0.tag, in: language)) }, blank: nil),
                        view.textarea("note", t(.pathsNote), hint: t(.planPageNoteHint)),
                        .button(.type(.submit), .class("button secondary"), .text(t(.planPageRecordAnswer)))))),
            .if(state == .agreed && may(.create, .planApproval),
                .form(.method(.post), .action(SiteURL.approvePlan(o.caseID, plan.id).path),
                    csrfField(req.signedIn),
                    view.date("startsOn", t(.planPageInForceFrom), hint: t(.planPageStartToday)),
                    .button(.type(.submit), .class("button"), .text(t(.planPageApprove)))))
        ).with(status: status)
    }

    func agree(req: Request) async throws -> Response {
        let (o, facts) = try await overview(req, .update)
        let plan = try await plan(req, o)
        let form = FormData(req)
        var r = FormReader(form)
        let person: PersonID? = r.id("personId", req.t(.planPageChooseWho))
        let answer = form.string("agreed")
        if answer != "yes" && answer != "no" { r.add([FieldError("agreed", req.t(.planPageChooseAnswer))]) }
        if let person, r.errors.isEmpty {
            do {
                _ = try await PlanCommands(req.change()).recordAgreement(on: plan.id, in: o.caseID, personID: person, agreed: answer == "yes",
                                                                         language: form.optional("language") ?? "en", note: form.optional("note"))
                return req.redirect(to: SiteURL.plan(o.caseID, plan.id).path)
            } catch {
                guard let refusal = FormRefusal(error) else { throw error }
                r.add(refusal.errors)
            }
        }
        return try await planPage(req, o, facts, plan, form, r.errors, status: .unprocessableEntity)
    }

    func approve(req: Request) async throws -> Response {
        let (o, facts) = try await overview(req, .read)
        let plan = try await plan(req, o)
        let form = FormData(req)
        var r = FormReader(form)
        let startsOn = r.date("startsOn")
        if r.errors.isEmpty {
            do {
                _ = try await PlanCommands(req.change()).approve(plan.id, in: o.caseID, startsOn: startsOn)
                return req.redirect(to: SiteURL.plan(o.caseID, plan.id).path)
            } catch {
                guard let refusal = FormRefusal(error) else { throw error }
                r.add(refusal.errors)
            }
        }
        return try await planPage(req, o, facts, plan, form, r.errors, status: .unprocessableEntity)
    }

    /// How one version differs from the one before: goals and objectives added, dropped, or with a new target date.
    static func changes(from old: CasePlanDetails, to new: CasePlanDetails, _ language: UILanguage = .english) -> [String] {
        func t(_ id: Msg, _ values: [String: String]) -> String { Catalogue.text(id, language, values) }
        var lines: [String] = []
        let oldGoals = Set(old.goals.map(\.statement)), newGoals = Set(new.goals.map(\.statement))
        lines += new.goals.map(\.statement).filter { !oldGoals.contains($0) }.map { t(.planChangeNewGoal, ["goal": $0]) }
        lines += old.goals.map(\.statement).filter { !newGoals.contains($0) }.map { t(.planChangeGoneGoal, ["goal": $0]) }
        let oldObjectives = Dictionary(old.objectives.map { ($0.statement, $0) }, uniquingKeysWith: { a, _ in a })
        let newObjectives = Dictionary(new.objectives.map { ($0.statement, $0) }, uniquingKeysWith: { a, _ in a })
        for o in new.objectives {
            if let before = oldObjectives[o.statement] {
                if before.targetDate != o.targetDate {
                    lines.append(t(.planChangeTarget, ["objective": o.statement, "from": before.targetDate.iso, "to": o.targetDate.iso]))
                }
                if before.measure != o.measure { lines.append(t(.planChangeMeasure, ["objective": o.statement, "measure": o.measure])) }
            } else {
                lines.append(t(.planChangeNewObjective, ["objective": o.statement]))
            }
        }
        lines += old.objectives.filter { newObjectives[$0.statement] == nil }.map { t(.planChangeGoneObjective, ["objective": $0.statement]) }
        return lines
    }

    // MARK: the family's summary

    /// The family's summary of a version, for printing or reading with them: in the language asked for
    /// (`?language=es`), else the reader's; the plan's own words are as the family and worker wrote them.
    func summary(req: Request) async throws -> Response {
        let (o, _) = try await overview(req, .read)
        let plan = try await plan(req, o)
        let lang = (try? req.query.get(String.self, at: "language")).flatMap(UILanguage.init(tag:)) ?? req.language
        try await req.audit(.view, .casePlan, recordID: plan.id, caseID: o.caseID, .audViewedPlanSummary, ["number": "\(plan.details.number)", "language": lang.tag])
        let d = plan.details
        let worker = o.team.first { $0.userID == o.caseFile.details.caseworkerID }?.name
        let t = { (id: Msg, values: [String: String]) in Catalogue.text(id, lang, values) }
        let page = SiteURL.planSummary(o.caseID, plan.id).path
        return Layout(title: t(.summaryTitle, [:]), signedIn: req.signedIn, breadcrumbs: o.breadcrumbs(req.language)).render(
            .div(.class("family-summary"), .attribute(named: "lang", value: lang.tag),
                .h1(.text(t(.summaryHeading, ["family": o.caseFile.details.familyName]))),
                .p(.class("no-print"), .text(t(.summaryPrintIn, [:]) + " "),
                   .forEach(UILanguage.allCases.filter { $0 != lang }) { other in
                       .a(.href(page + "?language=\(other.tag)"), .attribute(named: "lang", value: other.tag), .text(other.nativeName))
                   }),
                .p(.text(t(.planIntro, ["number": "\(d.number)", "date": LocalFormat.date(d.draftedOn, lang)]))),
                .unwrap(d.startsOn) { .p(.text(t(.planInForce, ["date": LocalFormat.date($0, lang)]))) },
                .unwrap(worker) { .p(.text(t(.summaryWorker, ["name": $0]))) },
                FamilyPlanView.goals(d, lang, progress: false),
                .h2(.text(t(.summaryWhoAgreed, [:]))),
                d.agreements.isEmpty ? .p(.text(t(.summaryNobodyAsked, [:]))) :
                .ul(.forEach(d.agreements) { a in
                    .li(.text(a.agreed ? t(.summaryAgreed, ["name": o.name(a.personID), "date": LocalFormat.date(a.recordedOn, lang)])
                                       : t(.summaryDeclined, ["name": o.name(a.personID), "note": a.note ?? "", "date": LocalFormat.date(a.recordedOn, lang)])))
                }),
                // For the worker who opened it: in their own language, marked so where the summary is in another.
                .p(.class("no-print"), .attribute(named: "lang", value: lang == req.language ? nil : req.language.tag),
                   .a(.href(SiteURL.plan(o.caseID, plan.id).path), .text(req.t(.summaryBack)))))
        )
    }
}
