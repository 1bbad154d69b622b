import Fluent
import Plot
import Vapor
import ReunifyDomain
import ReunifyStore

/// The directory of services, referrals (making one, its page and moves, a provider's inbox) and recording a session.
struct ServicePagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.services.route, use: directory)
        routes.get(SiteURL.referralInbox.route, use: inbox)
        routes.get(SiteURL.newReferral(.any).route, use: newReferral)
        routes.post(SiteURL.newReferral(.any).route, use: refer)
        routes.get(SiteURL.referral(.any).route, use: referral)
        routes.post(SiteURL.moveReferral(.any).route, use: move)
        routes.post(SiteURL.referralSession(.any).route, use: logSession)
        routes.get(SiteURL.newSession(.any).route, use: newSession)
        routes.post(SiteURL.newSession(.any).route, use: recordSession)
        routes.post(SiteURL.revokeConsent(.any).route, use: revokeConsent)
    }

    // MARK: directory

    func directory(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        guard signedIn.actor.role != .parent else { throw Abort(.forbidden, reason: "The directory of services is for staff; ask your caseworker") }
        let category = (try? req.query.get(String.self, at: "category")).flatMap { ServiceCategory(rawValue: $0) }
        let language = (try? req.query.get(String.self, at: "language")).flatMap { $0.isEmpty ? nil : $0 }
        let place = (try? req.query.get(String.self, at: "place")).flatMap { $0.isEmpty ? nil : $0 }
        // For one family member: only the services they may be referred to, as the referral itself would check.
        var search = ServiceSearch(category: category, language: language, place: place, referrer: signedIn.actor.role, on: req.today)
        if let text = try? req.query.get(String.self, at: "eligibleFor"), let personID = PersonID(text) {
            search.candidate = try await req.serviceCandidate(personID) { "looked for services \($0) may be referred to" }
        }
        let listings = try await ProviderRepository(req.db).all()
        var form = FormData()
        form.set("category", category?.rawValue)
        form.set("language", language)
        form.set("place", place)
        let view = FormView(form, errors: [])
        let rows = listings.flatMap { l in l.services.map { (l.provider, $0) } }.filter { p, s in search.admits(s.details, providerRegion: p.details.region) }
        return Layout(title: "Services", signedIn: signedIn).render(
            .h1(.text(search.candidate.map { "Services \($0.person.fullName) may be referred to" } ?? "Services for families")),
            .form(.method(.get), .action(SiteURL.services.path), .class("filters"),
                view.select("category", "Kind of service", ServiceCategory.self, blank: "Any"),
                view.select("language", "Language", options: [("en", "English"), ("es", "Spanish")], blank: "Any"),
                view.text("place", "Place", hint: "A state (CA, Nevada) or a town", autocomplete: "off", width: "w10"),
                .unwrap(try? req.query.get(String.self, at: "eligibleFor")) { .input(.type(.hidden), .name("eligibleFor"), .value($0)) },
                .button(.type(.submit), .class("button secondary"), "Show")),
            rows.isEmpty ? .p("No service matches.") :
            .table(.class("table"), .id("services"),
                .thead(.tr(.th("Service"), .th("Organisation"), .th("Languages"), .th("Who it takes"), .th("Hours and places"))),
                .tbody(.forEach(rows) { p, s in
                    let e = s.details.eligibility
                    let rules = [e.residentOf.map { "residents of " + $0.map { Regions.name(of: $0) }.joined(separator: ", ") },
                                 e.minAge.map { "aged \($0)+" }, e.maxAge.map { "up to \($0)" },
                                 e.referrers.map { "referred by " + $0.map { $0.label.lowercased() }.joined(separator: " or ") }].compactMap { $0 }
                    return .tr(.td(.strong(.text(s.details.name)), .br(), .span(.class("hint"), .text(s.details.category.label))),
                               .td(.text(p.details.name), .br(), .span(.class("hint"), .text([p.details.phone, Regions.name(of: p.details.region)].compactMap { $0 }.joined(separator: " · ")))),
                               .td(.text(s.details.languages.map(Languages.name(of:)).joined(separator: ", "))),
                               .td(.text(rules.isEmpty ? "Anyone" : rules.joined(separator: "; "))),
                               .td(.text(([s.details.hours] + s.details.locations.map(Optional.some)).compactMap { $0 }.joined(separator: " · "))))
                })))
    }

    // MARK: referrals

    func caseContext(_ req: Request, _ action: AccessAction, _ kind: RecordKind) async throws -> (CaseOverview, CaseAccessFacts) {
        try await req.caseOverview(action, kind)
    }

    func crumbs(_ o: CaseOverview) -> [(String, String)] { o.breadcrumbs }

    func referralPage(_ req: Request, _ o: CaseOverview, _ form: FormData, _ errors: [FieldError], status: HTTPResponseStatus = .ok) async throws -> Response {
        let view = FormView(form, errors: errors)
        let services = try await ProviderRepository(req.db).all().flatMap { l in
            l.services.map { ($0.id.description, "\($0.details.name) — \(l.provider.details.name)") }
        }
        return RecordFormPage(title: "Refer to a service", action: SiteURL.newReferral(o.caseID).path, cancel: SiteURL.caseFile(o.caseID).path,
                              submitLabel: "Refer", view: view, fields: [
                                view.select("personId", "Who is referred", options: o.members.map { ($0.person.id.description, "\(o.name($0.person.id)) (\($0.role.label.lowercased()))") }),
                                view.select("serviceId", "Service", options: services,
                                            hint: "The directory shows the services each person may be referred to (see the links below)"),
                                view.textarea("reason", "Why", hint: "What the service should help with; the provider reads this"),
                                view.checkbox("consentGiven", "The person consents to their name, contact, language and this reason being shared with the provider"),
                                view.text("consentScope", "What they agreed may be shared", hint: "Needed only when no consent to this provider is on file"),
                                view.date("consentExpiresOn", "Consent ends on", hint: "Leave empty when it has no end date"),
                                .ul(.class("plain"), .forEach(o.members) { m in
                                    .li(.a(.href(SiteURL.services.path + "?eligibleFor=\(m.person.id)"), .text("Services \(o.name(m.person.id)) may be referred to")))
                                }),
                              ], breadcrumbs: crumbs(o)).render(req, status: status)
    }

    func newReferral(req: Request) async throws -> Response {
        let (o, _) = try await caseContext(req, .create, .referral)
        return try await referralPage(req, o, FormData(), [])
    }

    func refer(req: Request) async throws -> Response {
        let (o, _) = try await caseContext(req, .create, .referral)
        let form = FormData(req)
        var r = FormReader(form)
        let person: PersonID? = r.id("personId", "Choose who is referred")
        let service: ServiceID? = r.id("serviceId", "Choose the service")
        let expires = r.date("consentExpiresOn")
        if let person, let service, r.errors.isEmpty {
            let scope = form.optional("consentScope") ?? ConsentDetails.referralMinimum
            let consent = form.bool("consentGiven") ? ReferralCommands.GivenConsent(scope: scope, expiresOn: expires) : nil
            do {
                let referral = try await ReferralCommands(req.change()).refer(person, to: service, in: o.caseID, interventionID: nil,
                                                                              reason: form.string("reason"), consent: consent)
                return req.redirect(to: SiteURL.referral(referral.id).path)
            } catch {
                guard let refusal = FormRefusal(error) else { throw error }
                r.add(refusal.errors.map { $0.field.hasPrefix("consent") ? FieldError("consentGiven", $0.message) : $0 })
            }
        }
        return try await referralPage(req, o, form, r.errors, status: .unprocessableEntity)
    }

    func referral(req: Request) async throws -> Response {
        let access = try await ReferralAccess(req)
        let (r, caseID) = try await access.visible(try req.idParameter("referralID", "referral"))
        try await req.audit(.view, .referral, recordID: r.id, caseID: caseID, "viewed a referral")
        return try await referralView(req, access, r, caseID, FormData(), [])
    }

    func referralView(_ req: Request, _ access: ReferralAccess, _ r: Recorded<ReferralSubject, ReferralDetails>, _ caseID: CaseID,
                      _ form: FormData, _ errors: [FieldError], status: HTTPResponseStatus = .ok) async throws -> Response {
        let dto = try await access.dtos([(r, caseID)])[0]
        let d = r.details
        let view = FormView(form, errors: errors)
        let asProvider = access.organisation == d.providerID
        let mayLog = asProvider && d.status.takesSessions
        var sessionForm = FormData()
        sessionForm.set("date", date: req.today.parts)
        for key in ["kind", "date-day", "date-month", "date-year", "durationMinutes", "attendance", "progressNote", "clinicalNote"] {
            if let value = form.optional(key) { sessionForm.set(key, value) }
        }
        let sessionView = FormView(sessionForm, errors: errors.filter { ["kind", "date", "durationMinutes", "attendance", "progressNote"].contains($0.field) })
        let moves = d.status.next.filter { asProvider ? $0 != .withdrawn : true }
        let isStaff = !asProvider && access.actor.role != .provider
        return Layout(title: "Referral", signedIn: req.signedIn,
                      breadcrumbs: isStaff ? [("Caseload", SiteURL.caseload.path), ("Case", SiteURL.caseFile(caseID).path)] : [("Referrals", SiteURL.referralInbox.path)]).render(
            .h1(.text("Referral to \(dto.serviceName ?? "a service")")),
            .dl(.class("summary-list"),
                .group(.dt("Status"), .dd(.strong(.id("referral-status"), .text(d.status.label)))),
                .group(.dt("Person"), .dd(.text([dto.person.map { "\($0.givenName) \($0.familyName)" }, dto.person?.phone, dto.person?.email].compactMap { $0 }.joined(separator: " · ")))),
                .group(.dt("Language"), .dd(.text((dto.person?.languages ?? []).joined(separator: ", ") + ((dto.person?.interpreterNeeded ?? false) ? " (needs an interpreter)" : "")))),
                .group(.dt("Provider"), .dd(.text(dto.providerName ?? ""))),
                .group(.dt("Reason"), .dd(.text(d.reason))),
                .group(.dt("Referred on"), .dd(.text(d.referredOn.iso))),
                .if(d.closingReason != nil, .group(.dt("Why it closed"), .dd(.text(d.closingReason ?? "")))),
                .if(d.outcome != nil, .group(.dt("Outcome"), .dd(.text(d.outcome ?? ""))))),
            view.errorSummary(),
            .if(!moves.isEmpty,
                .form(.method(.post), .action(SiteURL.moveReferral(r.id).path), .attribute(named: "novalidate"),
                    csrfField(req.signedIn),
                    view.select("to", "Move it to", options: moves.map { ($0.rawValue, $0.label) }),
                    view.textarea("reason", "Reason", hint: "Needed when it is declined, ended early or withdrawn"),
                    view.textarea("outcome", "Outcome", hint: "Needed when it is completed"),
                    .button(.type(.submit), .class("button"), "Record"))),
            .if(mayLog, .section(.attribute(named: "aria-labelledby", value: "log-heading"),
                .h2(.id("log-heading"), "Log a session"),
                .form(.method(.post), .action(SiteURL.referralSession(r.id).path), .attribute(named: "novalidate"),
                    csrfField(req.signedIn),
                    sessionView.select("kind", "Kind of session", SessionKind.self),
                    sessionView.date("date", "Date"),
                    sessionView.text("durationMinutes", "Length in minutes", width: "w5"),
                    sessionView.select("attendance", "Attendance of \(dto.person.map { "\($0.givenName) \($0.familyName)" } ?? "the person referred")", Attendance.self),
                    sessionView.textarea("progressNote", "Progress seen", hint: "Recorded against the plan objective this referral serves"),
                    sessionView.textarea("clinicalNote", "Clinical note", hint: "Seen only by you, the clinicians on the family's team and the supervisor"),
                    .button(.type(.submit), .class("button secondary"), "Log the session")))))
        .with(status: status)
    }

    func move(req: Request) async throws -> Response {
        let access = try await ReferralAccess(req)
        let id: ReferralID = try req.idParameter("referralID", "referral")
        let (r, caseID) = try await access.visible(id)
        let form = FormData(req)
        var reader = FormReader(form)
        let to = reader.code(ReferralStatus.self, "to", required: "Choose where the referral moves")
        if let to, reader.errors.isEmpty {
            do {
                _ = try await ReferralCommands(req.change()).move(id, to: to, reason: form.optional("reason"), outcome: form.optional("outcome"))
                return req.redirect(to: SiteURL.referral(id).path)
            } catch let conflict as StateConflict {
                reader.add([conflict.error(field: "to")])
                return try await referralView(req, access, r, caseID, form, reader.errors, status: .conflict)
            } catch {
                guard let refusal = FormRefusal(error) else { throw error }
                reader.add(refusal.errors)
            }
        }
        return try await referralView(req, access, r, caseID, form, reader.errors, status: .unprocessableEntity)
    }

    /// Provider staff log a session of the referred person at their service, from the referral's page.
    func logSession(req: Request) async throws -> Response {
        let access = try await ReferralAccess(req)
        let id: ReferralID = try req.idParameter("referralID", "referral")
        let (r, caseID) = try await access.visible(id)
        guard access.organisation == r.details.providerID else { throw Abort(.notFound, reason: "There is no referral with id \(id) open to you") }
        let form = FormData(req)
        var reader = FormReader(form)
        let kind = reader.code(SessionKind.self, "kind", required: "Choose the kind of session")
        let date = reader.requiredDate("date", "Enter the date of the session")
        let attendance = reader.code(Attendance.self, "attendance", required: "Choose whether they came")
        let minutes = Int(form.string("durationMinutes").trimmingCharacters(in: .whitespaces))
        if minutes == nil { reader.add([FieldError("durationMinutes", "Give the length in minutes, for example 60")]) }
        if let kind, let date, let attendance, let minutes, reader.errors.isEmpty {
            // Progress counts toward the objective whose intervention the referral serves, when it serves one.
            let plans = try await ServiceRecordsRepository(req.db).plans(in: caseID)
            let objective = r.details.interventionID.flatMap { i in plans.flatMap(\.details.objectives).first { $0.interventions.contains { $0.id == i } } }
            let progress = (objective != nil && form.optional("progressNote") != nil)
                ? [ProgressNote(objectiveID: objective!.id, note: form.string("progressNote"))] : []
            let details = SessionDetails(kind: kind, date: date, durationMinutes: minutes, serviceID: r.details.serviceID,
                                         participants: [SessionParticipant(personID: r.details.personID, attendance: attendance)], progress: progress)
            do {
                _ = try await SessionCommands(req.change()).record(details, clinicalNote: form.optional("clinicalNote"), in: caseID)
                return req.redirect(to: SiteURL.referral(id).path)
            } catch {
                guard let refusal = FormRefusal(error) else { throw error }
                reader.add(refusal.errors)
            }
        }
        return try await referralView(req, access, r, caseID, form, reader.errors, status: .unprocessableEntity)
    }

    func inbox(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let access = try await ReferralAccess(req)
        var rows: [(Recorded<ReferralSubject, ReferralDetails>, CaseID)] = []
        if let organisation = access.organisation {
            for (r, caseID) in try await ServiceRecordsRepository(req.db).referrals(to: organisation) where try await access.mayRead(r, caseID: caseID, facts: nil) {
                rows.append((r, caseID))
            }
        } else if signedIn.actor.role != .provider {
            throw Abort(.notFound, reason: "Referrals are listed on each case's page")
        }
        try await req.audit(.view, .referral, recordID: nil, caseID: nil, "viewed the referral inbox (\(rows.count))")
        let dtos = try await access.dtos(rows)
        return Layout(title: "Referrals", signedIn: signedIn).render(
            .h1("Referrals to your organisation"),
            dtos.isEmpty ? .p("No referral yet.") :
            .table(.class("table"), .id("inbox"),
                .thead(.tr(.th("Referred"), .th("Person"), .th("Service"), .th("Status"))),
                .tbody(.forEach(dtos) { d in
                    .tr(.td(.a(.href(SiteURL.referral(ReferralID(d.id)).path), .text(d.referredOn))),
                        .td(.text(d.person.map { "\($0.givenName) \($0.familyName)" } ?? "")), .td(.text(d.serviceName ?? "")),
                        .td(.text(ReferralStatus(rawValue: d.status)?.label ?? d.status)))
                })))
    }

    // MARK: consents

    func revokeConsent(req: Request) async throws -> Response {
        let id: ConsentID = try req.idParameter("consentID", "consent")
        guard let (_, caseID) = try await ServiceRecordsRepository(req.db).consent(id) else {
            throw Abort(.notFound, reason: "There is no such consent")
        }
        _ = try await ReferralCommands(req.change()).revokeConsent(id, reason: FormData(req).optional("reason"))
        return req.redirect(to: SiteURL.caseFile(caseID).path + "#services")
    }

    // MARK: sessions

    func sessionPage(_ req: Request, _ o: CaseOverview, _ facts: CaseAccessFacts, _ form: FormData, _ errors: [FieldError], status: HTTPResponseStatus = .ok) async throws -> Response {
        let view = FormView(form, errors: errors)
        let services = try await ProviderRepository(req.db).all().flatMap { l in l.services.map { ($0.id.description, $0.details.name) } }
        let objectives = try await ServiceRecordsRepository(req.db).plans(in: o.caseID).filter { [.active, .approved, .agreed, .draft].contains($0.details.status(on: req.today)) }
            .flatMap { p in p.details.objectives.map { ($0.id.uuidString.lowercased(), "Plan \(p.details.number): \($0.statement)") } }
        let actor = try req.requireSignedIn().actor
        let mayNote = req.policy.decide(actor, .create, .clinicalNote, in: facts).isAllowed
        return RecordFormPage(title: "Record a session", action: SiteURL.newSession(o.caseID).path, cancel: SiteURL.caseFile(o.caseID).path,
                              view: view, fields: [
                                view.select("kind", "Kind of session", SessionKind.self),
                                view.date("date", "Date"),
                                view.text("durationMinutes", "Length in minutes", width: "w5"),
                                view.select("serviceId", "Service", options: services, blank: "None"),
                                .group(o.members.map { m in
                                    view.select("attendance-\(m.person.id)", "Attendance: \(o.name(m.person.id))", Attendance.self, blank: "Not expected")
                                }),
                                view.select("objectiveId", "Progress toward", options: objectives, blank: "No progress noted"),
                                view.textarea("progress", "What progress was seen"),
                                .if(mayNote, view.textarea("clinicalNote", "Clinical note", hint: "Seen only by the clinicians on the team, the supervisor and you")),
                              ], breadcrumbs: crumbs(o)).render(req, status: status)
    }

    func newSession(req: Request) async throws -> Response {
        let (o, facts) = try await caseContext(req, .create, .serviceSession)
        var form = FormData()
        form.set("date", date: req.today.parts)
        return try await sessionPage(req, o, facts, form, [])
    }

    func recordSession(req: Request) async throws -> Response {
        let (o, facts) = try await caseContext(req, .create, .serviceSession)
        let form = FormData(req)
        var r = FormReader(form)
        let kind = r.code(SessionKind.self, "kind", required: "Choose the kind of session")
        let date = r.requiredDate("date", "Enter the date of the session")
        let minutes = Int(form.string("durationMinutes").trimmingCharacters(in: .whitespaces))
        if minutes == nil { r.add([FieldError("durationMinutes", "Give the length in minutes, for example 60")]) }
        let service: ServiceID? = form.optional("serviceId").flatMap(ServiceID.init)
        let participants = o.members.compactMap { m in
            Attendance(rawValue: form.string("attendance-\(m.person.id)")).map { SessionParticipant(personID: m.person.id, attendance: $0) }
        }
        var progress: [ProgressNote] = []
        if let objective = form.optional("objectiveId").flatMap(UUID.init(uuidString:)) {
            progress.append(ProgressNote(objectiveID: objective, note: form.string("progress")))
        }
        if let kind, let date, let minutes, r.errors.isEmpty {
            let details = SessionDetails(kind: kind, date: date, durationMinutes: minutes, serviceID: service, participants: participants, progress: progress)
            do {
                _ = try await SessionCommands(req.change()).record(details, clinicalNote: form.optional("clinicalNote"), in: o.caseID)
                return req.redirect(to: SiteURL.caseFile(o.caseID).path + "#services")
            } catch {
                guard let refusal = FormRefusal(error) else { throw error }
                r.add(refusal.errors.map { $0.field.hasPrefix("participants") ? FieldError("participants", $0.message) : $0 })
            }
        }
        return try await sessionPage(req, o, facts, form, r.errors, status: .unprocessableEntity)
    }
}
