import Plot
import Vapor
import ReunifyDomain
import ReunifyStore

/// The family's own pages (role `parent`), in their language: home (where things stand, what comes next, who their
/// caseworker is), their plan (and their answer to it), their coming family time and the services made for them.
/// Every page reads only what concerns the signed-in parent: visits they are part of, referrals made for them,
/// never another member's contact details or the agency's internal records; each view is audited.
struct FamilyPortalController: RouteCollection {
    static let visitsShown = 20

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.familyHome.route, use: home)
        routes.get(SiteURL.familyPlan.route, use: plan)
        routes.post(SiteURL.familyPlanAnswer(.any).route, use: answer)
        routes.get(SiteURL.familyVisits.route, use: visits)
        routes.get(SiteURL.familyServices.route, use: services)
        routes.get(SiteURL.familyMessages.route, use: messages)
        routes.post(SiteURL.familyMessages.route, use: sendMessage)
    }

    /// The signed-in parent's case: the one named by `?case=` among theirs, else their first open one.
    struct Family {
        let signedIn: SignedIn
        let overview: CaseOverview
        let facts: CaseAccessFacts
        let person: PersonID?
        var caseID: CaseID { overview.caseID }
        var language: UILanguage { signedIn.language }
        func t(_ id: Msg, _ values: [String: String] = [:]) -> String { Catalogue.text(id, language, values) }
        func name(_ id: PersonID) -> String { overview.person(id)?.details.givenName ?? "" }
        var children: [CaseOverview.Member] { overview.members.filter { $0.role == .child } }
        /// The signed-in parent's part in the case.
        var role: MemberRole? { person.flatMap { p in overview.members.first { $0.person.id == p }?.role } }
        /// The plan version the family reads and answers.
        var plan: Recorded<PlanSubject, CasePlanDetails>? { PlanRules.versionForFamily(overview.plans) { $0.details.status } }
    }

    func family(_ req: Request, _ kind: RecordKind) async throws -> Family? {
        let signedIn = try req.requireSignedIn()
        guard signedIn.isFamily else { throw Abort(.notFound) }
        let repo = CaseRepository(req.db)
        // A family's cases are few: read them once, choose one, and read only its overview.
        let cases = try await repo.list(try req.caseScope(), page: 1, per: 100).cases.sorted { $0.id!.uuidString < $1.id!.uuidString }
        let asked = (try? req.query.get(String.self, at: "case")).flatMap(UUID.init(uuidString:))
        guard let pick = cases.first(where: { $0.id == asked }) ?? cases.first(where: { $0.stage != CaseStage.closed.rawValue }) ?? cases.first,
              let overview = try await repo.overview(CaseID(pick.id!)) else { return nil }
        let facts = try await req.authorize(.read, kind, caseID: overview.caseID)
        return Family(signedIn: signedIn, overview: overview, facts: facts, person: signedIn.user.personID.map(PersonID.init))
    }

    /// After a form's post, the page it redirects to says once that it was sent (`?sent=1`).
    static func justSent(_ req: Request) -> Bool { (try? req.query.get(String.self, at: "sent")) != nil }

    func noCase(_ req: Request) throws -> Response {
        let signedIn = try req.requireSignedIn()
        return Layout(title: req.t(.homeTitle), signedIn: signedIn).render(.h1(.text(req.t(.homeTitle))), .p(.text(req.t(.homeNoCase))))
    }

    // MARK: home

    func home(req: Request) async throws -> Response {
        guard let f = try await family(req, .caseFile) else { return try noCase(req) }
        let lang = f.language
        try await req.audit(.view, .caseFile, recordID: f.caseID, caseID: f.caseID, .audFamilyHome)
        let coming = try await comingVisits(req, f)
        let hearings = f.overview.permanency.hearings.map(\.details).filter { $0.date >= req.today }.sorted { $0.date < $1.date }
        let worker = try await f.overview.caseFile.details.caseworkerID.asyncMap { try await UserRepository(req.db).find($0) }
        let stage = f.overview.caseFile.details.stage
        let me = f.person.flatMap { f.overview.person($0) }?.details
        var next: [String] = []
        if let v = coming.first { next.append(f.t(.homeNextVisit, ["when": when(v.details, lang), "place": v.details.location])) }
        if let h = hearings.first { next.append(f.t(.homeNextHearing, ["date": LocalFormat.date(h.date, lang, weekday: true)])) }
        if let plan = f.plan?.details, let person = f.person, PlanRules.awaitsAnswer(plan, from: person, role: f.role) {
            next.append(f.t(.homePlanWaiting))
        }
        return Layout(title: f.t(.homeTitle), signedIn: f.signedIn).render(
            .h1(.text(f.t(.homeWelcome, ["name": me?.givenName ?? f.signedIn.user.name]))),
            .section(.attribute(named: "aria-labelledby", value: "stage-heading"),
                .h2(.id("stage-heading"), .text(f.t(.homeStageHeading))),
                .p(.strong(.id("family-stage"), .text(stage.label(lang)))),
                .p(.text(stage.explained(lang))),
                .if(!f.children.isEmpty, .p(.text(f.t(.homeChildren, ["names": LocalFormat.list(f.children.map { f.name($0.person.id) }, lang)]))))),
            .section(.attribute(named: "aria-labelledby", value: "next-heading"),
                .h2(.id("next-heading"), .text(f.t(.homeNextHeading))),
                next.isEmpty ? .p(.text(f.t(.homeNothingNext))) : .ul(.id("family-next"), .forEach(next) { .li(.text($0)) })),
            .section(.attribute(named: "aria-labelledby", value: "worker-heading"),
                .h2(.id("worker-heading"), .text(f.t(.homeWorkerHeading))),
                .unwrap(worker, { .p(.id("family-worker"), .text(f.t(.homeWorkerContact, ["name": $0.name, "email": $0.email]))) },
                        else: .p(.text(f.t(.homeWorkerNone))))),
            .section(.attribute(named: "aria-labelledby", value: "hearings-heading"),
                .h2(.id("hearings-heading"), .text(f.t(.homeHearingsHeading))),
                hearings.isEmpty ? .p(.text(f.t(.homeHearingsNone))) :
                .ul(.id("family-hearings"), .forEach(hearings) { h in
                    .li(.text(f.t(.homeHearingLine, ["date": LocalFormat.date(h.date, lang, weekday: true), "kind": h.kind.label(lang)])))
                }))
        )
    }

    // MARK: plan

    func plan(req: Request) async throws -> Response {
        guard let f = try await family(req, .casePlan) else { return try noCase(req) }
        return try await planPage(req, f, FormData(), [], saved: Self.justSent(req), status: .ok)
    }

    func planPage(_ req: Request, _ f: Family, _ form: FormData, _ errors: [FieldError], saved: Bool, status: HTTPResponseStatus) async throws -> Response {
        let lang = f.language
        let view = FormView(form, errors: errors, language: lang)
        guard let plan = f.plan else {
            try await req.audit(.view, .casePlan, recordID: nil, caseID: f.caseID, .audFamilyNoPlan)
            return Layout(title: f.t(.planTitle), signedIn: f.signedIn).render(.h1(.text(f.t(.planTitle))), .p(.text(f.t(.planNone))))
        }
        try await req.audit(.view, .casePlan, recordID: plan.id, caseID: f.caseID, .audFamilyPlan, ["number": "\(plan.details.number)"])
        let d = plan.details
        let mine = f.person.flatMap { p in d.agreements.first { $0.personID == p } }
        let mayAnswer = PlanRules.mayAnswer(d, role: f.role)
        let choice = form.string("agreed")
        return Layout(title: f.t(.planTitle), signedIn: f.signedIn).render(
            .div(.class("family-summary"),
                .h1(.text(f.t(.planTitle))),
                .if(saved, .div(.class("notice"), .attribute(named: "role", value: "status"), .p(.text(f.t(.planAnswerSaved))))),
                .p(.text(f.t(.planIntro, ["number": "\(d.number)", "date": LocalFormat.date(d.draftedOn, lang)]))),
                .unwrap(d.startsOn) { .p(.text(f.t(.planInForce, ["date": LocalFormat.date($0, lang)]))) },
                .p(.id("plan-status"), .text(f.t(.planStatus, ["status": d.status.label(lang)]))),
                FamilyPlanView.goals(d, lang, progress: true),
                .section(.attribute(named: "aria-labelledby", value: "answer-heading"),
                    .h2(.id("answer-heading"), .text(f.t(.planAnswerHeading))),
                    .p(.id("plan-answer"), .text(mine.map { a in
                        a.agreed ? f.t(.planAnsweredYes, ["date": LocalFormat.date(a.recordedOn, lang)])
                                 : f.t(.planAnsweredNo, ["date": LocalFormat.date(a.recordedOn, lang), "note": a.note ?? ""])
                    } ?? f.t(.planAnswerNone))),
                    .if(!d.status.isOpen, .p(.class("hint"), .text(f.t(.planAnswerClosed)))),
                    .if(mayAnswer, .group(
                        view.errorSummary(),
                        .form(.method(.post), .action(SiteURL.familyPlanAnswer(plan.id).path), .attribute(named: "novalidate"),
                            csrfField(f.signedIn),
                            .fieldset(.id("agreed"), .class(view.message("agreed") == nil ? "field" : "field field-error"),
                                .element(named: "legend", nodes: [.text(f.t(.planAnswerQuestion))]),
                                .unwrap(view.message("agreed")) { .p(.class("error-message"), .text($0)) },
                                .div(.class("checkbox"),
                                    .input(.type(.radio), .id("agreed-yes"), .name("agreed"), .value("yes"), .checked(choice == "yes")),
                                    .label(.attribute(named: "for", value: "agreed-yes"), .text(f.t(.planAnswerYes)))),
                                .div(.class("checkbox"),
                                    .input(.type(.radio), .id("agreed-no"), .name("agreed"), .value("no"), .checked(choice == "no")),
                                    .label(.attribute(named: "for", value: "agreed-no"), .text(f.t(.planAnswerNo))))),
                            view.textarea("note", f.t(.planAnswerReason), hint: f.t(.planAnswerReasonHint)),
                            .p(.class("hint"), .text(f.t(.planAnswerChange))),
                            .button(.type(.submit), .class("button"), .text(f.t(.planAnswerSubmit))))))))
        ).with(status: status)
    }

    func answer(req: Request) async throws -> Response {
        guard let f = try await family(req, .casePlan) else { return try noCase(req) }
        let planID = PlanID(try req.parameters.require("planID", as: UUID.self))
        guard f.overview.plans.contains(where: { $0.id == planID }) else { throw Abort(.notFound) }
        let form = FormData(req)
        let choice = form.string("agreed")
        var errors: [FieldError] = []
        if choice != "yes" && choice != "no" { errors.append(FieldError("agreed", f.t(.planAnswerChoose))) }
        if errors.isEmpty {
            do {
                _ = try await PlanCommands(req.change()).answerAsFamily(on: planID, in: f.caseID, agreed: choice == "yes",
                                                                       language: f.language.tag, note: form.optional("note"))
                return req.redirect(to: SiteURL.familyPlan.path + "?sent=1", redirectType: .normal)
            } catch {
                guard let refusal = FormRefusal(error) else { throw error }
                // The rule's own words are written for staff; the family reads what to do in their language.
                errors = refusal.errors.map { e in
                    e.field == "note" ? FieldError("note", f.t(.planAnswerNeedReason)) : FieldError("agreed", f.t(.planAnswerClosed))
                }
            }
        }
        // Nothing was written, so the case read before still stands.
        return try await planPage(req, f, form, errors, saved: false, status: .unprocessableEntity)
    }

    // MARK: family time

    /// The coming visits the parent is part of (a visit of the other parent with the children is theirs, not this
    /// parent's), soonest first.
    func comingVisits(_ req: Request, _ f: Family) async throws -> [Recorded<VisitSubject, VisitDetails>] {
        guard let person = f.person, req.policy.decide(f.signedIn.actor, .read, .visit, in: f.facts).isAllowed else { return [] }
        return try await FamilyTimeRepository(req.db).visits(in: f.caseID)
            .filter { $0.details.start > req.now && $0.details.record == nil && !$0.details.cancelledByAgency && $0.details.people.contains(person) }
            .sorted { $0.details.start < $1.details.start }
    }

    func when(_ v: VisitDetails, _ lang: UILanguage) -> String {
        let start = LocalFormat.localParts(v.start, utcOffsetMinutes: v.utcOffsetMinutes)
        let end = LocalFormat.localParts(v.end, utcOffsetMinutes: v.utcOffsetMinutes)
        return Catalogue.text(.visitsTimeRange, lang, ["date": LocalFormat.date(start.date, lang, weekday: true),
                                                        "start": LocalFormat.time(hour: start.hour, minute: start.minute, lang),
                                                        "end": LocalFormat.time(hour: end.hour, minute: end.minute, lang)])
    }

    func visits(req: Request) async throws -> Response {
        guard let f = try await family(req, .visit) else { return try noCase(req) }
        let lang = f.language
        let coming = Array(try await comingVisits(req, f).prefix(Self.visitsShown))
        try await req.audit(.view, .visit, recordID: nil, caseID: f.caseID, .audFamilyVisits)
        let repo = FamilyTimeRepository(req.db)
        let plans = Dictionary(try await repo.plans(in: f.caseID).map { ($0.id, $0.details) }, uniquingKeysWith: { a, _ in a })
        let supervisors = try await UserRepository(req.db).names(coming.compactMap(\.details.supervisorID))
        let feed = try await repo.feed(owner: nil, caseID: f.caseID)
        return Layout(title: f.t(.visitsTitle), signedIn: f.signedIn).render(
            .h1(.text(f.t(.visitsTitle))),
            .h2(.text(f.t(.visitsComing))),
            coming.isEmpty ? .p(.text(f.t(.visitsNone))) :
            .table(.class("table"), .id("family-visits"),
                .thead(.tr(.th(.text(f.t(.visitsWhen))), .th(.text(f.t(.visitsWhere))), .th(.text(f.t(.visitsWith))),
                           .th(.text(f.t(.visitsKind))), .th(.text(f.t(.visitsSupervisor))), .th(.text(f.t(.visitsInterpreter))))),
                .tbody(.forEach(coming) { v in
                    let interpreter = plans[v.details.planID]?.logistics?.interpreterLanguage.flatMap { $0.isEmpty ? nil : $0 }
                    return .tr(.td(.text(when(v.details, lang))), .td(.text(v.details.location)),
                               .td(.text(LocalFormat.list(v.details.people.filter { $0 != f.person }.map(f.name), lang))),
                               .td(.text(v.details.level.label(lang))),
                               .td(.text(v.details.supervisorID.flatMap { supervisors[$0] } ?? f.t(.visitsNobody))),
                               .td(.text(interpreter.map { f.t(.visitsInterpreterLanguage, ["language": Languages.name(of: $0, in: lang)]) } ?? f.t(.visitsNoInterpreter))))
                })),
            .unwrap(feed) { feed in
                .p(.a(.id("family-feed"), .href(CalendarFeedController.url(req, feed.token)), .text(f.t(.visitsCalendar))))
            }
        )
    }

    // MARK: services

    func services(req: Request) async throws -> Response {
        guard let f = try await family(req, .caseFile) else { return try noCase(req) }
        let lang = f.language
        let mine = try await ServiceRecordsRepository(req.db).referrals(in: f.caseID).filter {
            req.policy.familyReads(referralFor: $0.details.personID, actorPerson: f.person)
        }
        try await req.audit(.view, .referral, recordID: nil, caseID: f.caseID, .audFamilyServices, ["count": "\(mine.count)"])
        // The directory is short: one read of it, not two per referral.
        let directory = try await ProviderRepository(req.db).all()
        let providers = Dictionary(directory.map { ($0.provider.id, $0.provider.details) }, uniquingKeysWith: { a, _ in a })
        let services = Dictionary(directory.flatMap(\.services).map { ($0.id, $0.details) }, uniquingKeysWith: { a, _ in a })
        let rows = mine.sorted { $0.details.referredOn > $1.details.referredOn }
            .map { r in (r.details, services[r.details.serviceID], providers[r.details.providerID]) }
        return Layout(title: f.t(.servicesTitle), signedIn: f.signedIn).render(
            .h1(.text(f.t(.servicesTitle))),
            .p(.text(f.t(.servicesIntro))),
            rows.isEmpty ? .p(.text(f.t(.servicesNone))) :
            .table(.class("table"), .id("family-services"),
                .thead(.tr(.th(.text(f.t(.servicesProgram))), .th(.text(f.t(.servicesProvider))), .th(.text(f.t(.servicesAddress))),
                           .th(.text(f.t(.servicesHours))), .th(.text(f.t(.servicesPhone))), .th(.text(f.t(.servicesStatus))))),
                .tbody(.forEach(rows) { r in
                    .tr(.td(.text("\(r.1?.name ?? r.0.category.label(lang)) (\(r.0.category.label(lang)))")),
                        .td(.text(r.2?.name ?? f.t(.notGiven))),
                        .td(.text(r.2?.address ?? r.1?.locations.first ?? f.t(.notGiven))),
                        .td(.text(r.1?.hours ?? f.t(.notGiven))),
                        .td(.text(r.2?.phone ?? f.t(.notGiven))),
                        .td(.text(r.0.status.label(lang))))
                }))
        )
    }
}

extension FamilyPortalController {
    static let messagesShown = 50

    func messages(req: Request) async throws -> Response {
        guard let f = try await family(req, .message) else { return try noCase(req) }
        return try await messagesPage(req, f, FormData(), [], sent: Self.justSent(req), status: .ok)
    }

    func messagesPage(_ req: Request, _ f: Family, _ form: FormData, _ errors: [FieldError], sent: Bool, status: HTTPResponseStatus) async throws -> Response {
        let lang = f.language
        let view = FormView(form, errors: errors, language: lang)
        let thread = try await f.person.asyncMap { try await CaseRecordsRepository(req.db).messages(in: f.caseID, with: $0, limit: Self.messagesShown) } ?? []
        try await req.audit(.view, .message, recordID: nil, caseID: f.caseID, .audFamilyMessages, ["count": "\(thread.count)"])
        let authors = try await UserRepository(req.db).names(thread.filter { !$0.details.fromFamily }.map(\.details.authorID))
        let worker = try await f.overview.caseFile.details.caseworkerID.asyncMap { try await UserRepository(req.db).find($0) }
        func when(_ d: Date) -> String { LocalFormat.dateTime(d, utcOffsetMinutes: req.reunify.timeZone.secondsFromGMT(for: d) / 60, lang) }
        return Layout(title: f.t(.messagesTitle), signedIn: f.signedIn).render(
            .h1(.text(f.t(.messagesTitle))),
            .if(sent, .div(.class("notice"), .attribute(named: "role", value: "status"), .p(.text(f.t(.messagesSent))))),
            .p(.text(worker.map { f.t(.messagesIntro, ["name": $0.name]) } ?? f.t(.messagesIntroNoWorker))),
            .if(thread.count == Self.messagesShown, .p(.class("hint"), .text(f.t(.messagesOlder, ["count": "\(Self.messagesShown)"])))),
            thread.isEmpty ? .p(.text(f.t(.messagesNone))) :
            .ol(.class("plain messages"), .id("family-messages"), .forEach(thread) { m in
                .li(.class(m.details.fromFamily ? "message mine" : "message"),
                    .p(.class("hint"), .text(f.t(.messagesLine, ["who": m.details.fromFamily ? f.t(.messagesYou) : (authors[m.details.authorID] ?? ""),
                                                                 "when": when(m.details.sentAt)]))),
                    .p(.text(m.details.body)))
            }),
            view.errorSummary(),
            .form(.method(.post), .action(SiteURL.familyMessages.path), .attribute(named: "novalidate"),
                csrfField(f.signedIn),
                view.textarea("body", f.t(.messagesWrite), hint: f.t(.messagesHint)),
                .button(.type(.submit), .class("button"), .text(f.t(.messagesSend))))
        ).with(status: status)
    }

    func sendMessage(req: Request) async throws -> Response {
        guard let f = try await family(req, .message) else { return try noCase(req) }
        let form = FormData(req)
        let body = form.values["body"]?.first ?? ""
        // The domain's rule, told to the family in their own language.
        switch MessageRules.problem(body) {
        case .empty:
            return try await messagesPage(req, f, form, [FieldError("body", f.t(.messagesEmpty))], sent: false, status: .unprocessableEntity)
        case .tooLong(let n):
            return try await messagesPage(req, f, form, [FieldError("body", f.t(.messagesTooLong, ["count": LocalFormat.number(n, f.language),
                                                                                                 "max": LocalFormat.number(MessageRules.maxLength, f.language)]))],
                                          sent: false, status: .unprocessableEntity)
        case nil:
            _ = try await MessageCommands(req.change()).send(in: f.caseID, with: nil, body: body)
            return req.redirect(to: SiteURL.familyMessages.path + "?sent=1", redirectType: .normal)
        }
    }
}

extension Optional {
    func asyncMap<U>(_ transform: (Wrapped) async throws -> U?) async rethrows -> U? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
