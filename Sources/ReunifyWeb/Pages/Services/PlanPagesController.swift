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
            throw Abort(.notFound, reason: "There is no such plan in this case")
        }
        return plan
    }

    func crumbs(_ o: CaseOverview) -> [(String, String)] { o.breadcrumbs }

    // MARK: drafting

    /// The latest completed assessment's problems rated −2 or worse, offered as the goals to start from.
    func suggestions(_ req: Request, _ o: CaseOverview) async throws -> [PlanGoal] {
        guard let latest = try await AssessmentRepository(req.db).list(caseID: o.caseID).filter(\.isCompleted).last?.recorded else { return [] }
        let instrument = try await AssessmentService(req: req).instrument(of: latest.details)
        return PlanRules.suggestedGoals(ratings: latest.details.ratings, instrument: instrument).prefix(PlanForm.goalSlots).map {
            PlanGoal(statement: "Strengthen: \($0.text)", objectives: [])
        }
    }

    func page(_ req: Request, _ o: CaseOverview, _ form: FormData, _ errors: [FieldError], suggested: Bool,
              status: HTTPResponseStatus = .ok) -> Response {
        let view = FormView(form, errors: errors)
        return Layout(title: "Draft a case plan", signedIn: req.signedIn, breadcrumbs: crumbs(o)).render(
            .h1("Draft a case plan with the family"),
            .if(suggested, .p(.class("hint"), "The goals below start from the latest assessment's serious problems (rated −2 or worse). Change them into the family's words.")),
            view.errorSummary(),
            .form(.method(.post), .action(SiteURL.newPlan(o.caseID).path), .attribute(named: "novalidate"),
                csrfField(req.signedIn),
                .group(PlanForm.fields(view)),
                .button(.type(.submit), .class("button"), "Save the draft"),
                .a(.class("button secondary"), .href(SiteURL.caseFile(o.caseID).path), "Cancel"))
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
            return page(req, o, form, refusal.errors.map { FieldError(PlanForm.formField($0.field), $0.message) }, suggested: false,
                        status: refusal.status)
        }
    }

    // MARK: the plan and its progress

    func show(req: Request) async throws -> Response {
        let (o, facts) = try await overview(req, .read)
        if let family = req.familyPage(.familyPlan) { return family }
        let plan = try await plan(req, o)
        try await req.audit(.view, .casePlan, recordID: plan.id, caseID: o.caseID, "viewed case plan \(plan.details.number)")
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
        let changes = previous.map { PlanPagesController.changes(from: $0, to: plan.details) } ?? []
        let timeline: [(CalendarDate, String)] = (sessions.map { s in
            (s.date, "\(s.kind.label): " + s.participants.map { "\(o.name($0.personID)) \($0.attendance.label.lowercased())" }.joined(separator: ", "))
        } + referrals.map { r in
            (r.details.referredOn, "Referred \(o.name(r.details.personID)) to \(r.details.category.label.lowercased()) — now \(r.details.status.label.lowercased())")
        }).filter { $0.0 >= plan.details.draftedOn }.sorted { $0.0 > $1.0 }
        let directory = try await ProviderRepository(req.db).all()
        func serviceName(_ id: ServiceID?) -> String? {
            guard let id else { return nil }
            return directory.flatMap(\.services).first { $0.id == id }?.details.name
        }
        let agreeing = o.members.filter { PlanRules.agreeingRoles.contains($0.role) }
        let editable = state.isOpen && may(.update, .casePlan)
        let view = FormView(form, errors: errors)
        let names = try await UserRepository(req.db).names([d.approvedBy].compactMap { $0 })
        return Layout(title: "Case plan \(d.number)", signedIn: req.signedIn, breadcrumbs: crumbs(o)).render(
            .div(.class("page-heading"),
                .h1(.text("Case plan \(d.number)"), .span(.class("caption"), .text(state.label))),
                .a(.class("button secondary"), .href(SiteURL.planSummary(o.caseID, plan.id).path), "Family summary (printable)")),
            .dl(.class("summary-list"),
                .group(.dt("Drafted"), .dd(.text(d.draftedOn.iso))),
                .group(.dt("Approved"), .dd(.text(d.approvedOn.map { "\($0.iso) by \(d.approvedBy.flatMap { names[$0] } ?? "a supervisor"), in force from \(d.startsOn?.iso ?? $0.iso)" } ?? "Not yet")))),
            .section(.attribute(named: "aria-labelledby", value: "goals-heading"),
                .h2(.id("goals-heading"), "Goals, objectives and progress"),
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
                                .p(.strong(.text(objective.statement)), .text(" — measured by: \(objective.measure); target \(objective.targetDate.iso)"),
                                   .if(overdue, .span(.class("tag warn"), "past its target date"))),
                                .ul(.class("plain"),
                                    .forEach(objective.interventions) { i in
                                        .li(.text("\(i.category.label)\(serviceName(i.serviceID).map { ": \($0)" } ?? "")"),
                                            .text(i.frequency.map { ", \($0)" } ?? ""), .text(i.responsible.map { " — \($0)" } ?? ""),
                                            .text(" (\(i.status.label.lowercased()))"))
                                    },
                                    .forEach(linked) { r in
                                        .li(.a(.href(SiteURL.referral(r.id).path), .text("Referral of \(o.name(r.details.personID)): \(r.details.status.label)")))
                                    },
                                    .li(.class("hint"), .text("Attendance: \(rate.map { "\(Int(($0 * 100).rounded()))%" } ?? "no session recorded yet")")),
                                    .li(.class("hint"), .text("Latest progress: \(latest?.note ?? "none noted yet")"))))
                        })
                }),
            .if(previous != nil, .section(.attribute(named: "aria-labelledby", value: "changes-heading"),
                .h2(.id("changes-heading"), .text("What changed since plan \(previous?.number ?? 0)")),
                changes.isEmpty ? .p("The goals and objectives are the same.") : .ul(.id("plan-changes"), .forEach(changes) { .li(.text($0)) }))),
            .section(.attribute(named: "aria-labelledby", value: "timeline-heading"),
                .h2(.id("timeline-heading"), "Sessions and referrals since the plan was drafted"),
                timeline.isEmpty ? .p("Nothing recorded yet.") :
                .ul(.class("plain"), .id("plan-timeline"), .forEach(timeline) { .li(.text("\($0.0.iso) — \($0.1)")) })),
            .section(.attribute(named: "aria-labelledby", value: "agreement-heading"),
                .h2(.id("agreement-heading"), "The family's agreement"),
                d.agreements.isEmpty ? .p("No answer recorded yet.") :
                .table(.class("table"),
                    .thead(.tr(.th("Who"), .th("Answer"), .th("Language"), .th("Note"), .th("Recorded"))),
                    .tbody(.forEach(d.agreements) { a in
                        .tr(.td(.text(o.name(a.personID))), .td(.text(a.agreed ? "Agreed" : "Did not agree")),
                            .td(.text(Languages.name(of: a.language))), .td(.text(a.note ?? "")), .td(.text(a.recordedOn.iso)))
                    })),
                view.errorSummary(),
                .if(editable && !agreeing.isEmpty,
                    .form(.method(.post), .action(SiteURL.planAgreement(o.caseID, plan.id).path), .attribute(named: "novalidate"),
                        csrfField(req.signedIn),
                        view.select("personId", "Who answered", options: agreeing.map { ($0.person.id.description, o.name($0.person.id)) }),
                        view.select("agreed", "Their answer", options: [("yes", "Agreed to the plan"), ("no", "Did not agree")]),
                        view.select("language", "Language the plan was explained in", options: [("en", "English"), ("es", "Spanish")], blank: nil),
                        view.textarea("note", "Note", hint: "If they did not agree: why, in their words where possible"),
                        .button(.type(.submit), .class("button secondary"), "Record the answer")))),
            .if(state == .agreed && may(.create, .planApproval),
                .form(.method(.post), .action(SiteURL.approvePlan(o.caseID, plan.id).path),
                    csrfField(req.signedIn),
                    view.date("startsOn", "In force from", hint: "Leave empty to start today"),
                    .button(.type(.submit), .class("button"), "Approve the plan")))
        ).with(status: status)
    }

    func agree(req: Request) async throws -> Response {
        let (o, facts) = try await overview(req, .update)
        let plan = try await plan(req, o)
        let form = FormData(req)
        var r = FormReader(form)
        let person: PersonID? = r.id("personId", "Choose who answered")
        let answer = form.string("agreed")
        if answer != "yes" && answer != "no" { r.add([FieldError("agreed", "Choose their answer")]) }
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
    static func changes(from old: CasePlanDetails, to new: CasePlanDetails) -> [String] {
        var lines: [String] = []
        let oldGoals = Set(old.goals.map(\.statement)), newGoals = Set(new.goals.map(\.statement))
        lines += new.goals.map(\.statement).filter { !oldGoals.contains($0) }.map { "New goal: \($0)" }
        lines += old.goals.map(\.statement).filter { !newGoals.contains($0) }.map { "Goal no longer in the plan: \($0)" }
        let oldObjectives = Dictionary(old.objectives.map { ($0.statement, $0) }, uniquingKeysWith: { a, _ in a })
        let newObjectives = Dictionary(new.objectives.map { ($0.statement, $0) }, uniquingKeysWith: { a, _ in a })
        for o in new.objectives {
            if let before = oldObjectives[o.statement] {
                if before.targetDate != o.targetDate { lines.append("\(o.statement): target moved from \(before.targetDate.iso) to \(o.targetDate.iso)") }
                if before.measure != o.measure { lines.append("\(o.statement): now measured by \(o.measure)") }
            } else {
                lines.append("New objective: \(o.statement)")
            }
        }
        lines += old.objectives.filter { newObjectives[$0.statement] == nil }.map { "Objective no longer in the plan: \($0.statement)" }
        return lines
    }

    // MARK: the family's summary

    /// The family's summary of a version, for printing or reading with them: in the language asked for
    /// (`?language=es`), else the reader's; the plan's own words are as the family and worker wrote them.
    func summary(req: Request) async throws -> Response {
        let (o, _) = try await overview(req, .read)
        let plan = try await plan(req, o)
        let lang = (try? req.query.get(String.self, at: "language")).flatMap(UILanguage.init(tag:)) ?? req.language
        try await req.audit(.view, .casePlan, recordID: plan.id, caseID: o.caseID, "viewed the family summary of case plan \(plan.details.number) (\(lang.tag))")
        let d = plan.details
        let worker = o.team.first { $0.userID == o.caseFile.details.caseworkerID }?.name
        let t = { (id: Msg, values: [String: String]) in Catalogue.text(id, lang, values) }
        let page = SiteURL.planSummary(o.caseID, plan.id).path
        return Layout(title: t(.summaryTitle, [:]), signedIn: req.signedIn, breadcrumbs: crumbs(o), translated: true).render(
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
                .p(.class("no-print"), .attribute(named: "lang", value: lang == .english ? nil : "en"),
                   .a(.href(SiteURL.plan(o.caseID, plan.id).path), "Back to the plan")))
        )
    }
}
