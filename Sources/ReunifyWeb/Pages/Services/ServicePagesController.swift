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
        guard signedIn.actor.role != .parent else { throw Refusal(.forbidden, .svcStaffOnly) }
        let category = (try? req.query.get(String.self, at: "category")).flatMap { ServiceCategory(rawValue: $0) }
        let language = (try? req.query.get(String.self, at: "language")).flatMap { $0.isEmpty ? nil : $0 }
        let place = (try? req.query.get(String.self, at: "place")).flatMap { $0.isEmpty ? nil : $0 }
        // For one family member: only the services they may be referred to, as the referral itself would check.
        var search = ServiceSearch(category: category, language: language, place: place, referrer: signedIn.actor.role, on: req.today)
        if let text = try? req.query.get(String.self, at: "eligibleFor"), let personID = PersonID(text) {
            search.candidate = try await req.serviceCandidate(personID, .audServicesFor)
        }
        let listings = try await ProviderRepository(req.db).all()
        var form = FormData()
        form.set("category", category?.rawValue)
        form.set("language", language)
        form.set("place", place)
        let lang = req.language
        let view = FormView(form, errors: [], language: lang)
        let rows = listings.flatMap { l in l.services.map { (l.provider, $0) } }.filter { p, s in search.admits(s.details, providerRegion: p.details.region) }
        return Layout(title: req.t(.svcTitle), signedIn: signedIn).render(
            .h1(.text(search.candidate.map { req.t(.svcForPerson, ["name": $0.person.fullName]) } ?? req.t(.svcForFamilies))),
            .form(.method(.get), .action(SiteURL.services.path), .class("filters"),
                view.select("category", req.t(.svcKind), ServiceCategory.self, blank: req.t(.svcAny)),
                view.select("language", req.t(.svcLanguage), options: ["en", "es"].map { ($0, Languages.name(of: $0, in: lang)) }, blank: req.t(.svcAny)),
                view.text("place", req.t(.svcPlace), hint: req.t(.svcPlaceHint), autocomplete: "off", width: "w10"),
                .unwrap(try? req.query.get(String.self, at: "eligibleFor")) { .input(.type(.hidden), .name("eligibleFor"), .value($0)) },
                .button(.type(.submit), .class("button secondary"), .text(req.t(.svcShow)))),
            rows.isEmpty ? .p(.text(req.t(.svcNoMatch))) :
            .table(.class("table"), .id("services"),
                .thead(.tr(.th(.text(req.t(.svcService))), .th(.text(req.t(.svcOrganisation))), .th(.text(req.t(.svcLanguages))), .th(.text(req.t(.svcWhoItTakes))), .th(.text(req.t(.svcHours))))),
                .tbody(.forEach(rows) { p, s in
                    let e = s.details.eligibility
                    let rules = [e.residentOf.map { req.t(.svcResidents, ["places": $0.map { Regions.name(of: $0) }.joined(separator: ", ")]) },
                                 e.minAge.map { req.t(.svcAged, ["age": String($0)]) }, e.maxAge.map { req.t(.svcUpTo, ["age": String($0)]) },
                                 e.referrers.map { req.t(.svcReferredBy, ["roles": $0.map { $0.staffLabel(lang).lowercased() }.joined(separator: " \(req.t(.svcOr)) ")]) }].compactMap { $0 }
                    return .tr(.td(.strong(.text(s.details.name)), .br(), .span(.class("hint"), .text(s.details.category.staffLabel(lang)))),
                               .td(.text(p.details.name), .br(), .span(.class("hint"), .text([p.details.phone, Regions.name(of: p.details.region)].compactMap { $0 }.joined(separator: " · ")))),
                               .td(.text(s.details.languages.map { Languages.name(of: $0, in: lang) }.joined(separator: ", "))),
                               .td(.text(rules.isEmpty ? req.t(.svcAnyone) : rules.joined(separator: "; "))),
                               .td(.text(([s.details.hours] + s.details.locations.map(Optional.some)).compactMap { $0 }.joined(separator: " · "))))
                })))
    }

    // MARK: referrals

    func caseContext(_ req: Request, _ action: AccessAction, _ kind: RecordKind) async throws -> (CaseOverview, CaseAccessFacts) {
        try await req.caseOverview(action, kind)
    }


    func referralPage(_ req: Request, _ o: CaseOverview, _ form: FormData, _ errors: [FieldError], status: HTTPResponseStatus = .ok) async throws -> Response {
        let view = FormView(form, errors: errors, language: req.language)
        let services = try await ProviderRepository(req.db).all().flatMap { l in
            l.services.map { ($0.id.description, "\($0.details.name) — \(l.provider.details.name)") }
        }
        return RecordFormPage(title: req.t(.svcReferTitle), action: SiteURL.newReferral(o.caseID).path, cancel: SiteURL.caseFile(o.caseID).path,
                              submitLabel: req.t(.svcRefer), view: view, fields: [
                                view.select("personId", req.t(.svcWho), options: o.members.map { ($0.person.id.description, "\(o.name($0.person.id)) (\($0.role.staffLabel(req.language).lowercased()))") }),
                                view.select("serviceId", req.t(.svcService), options: services,
                                            hint: req.t(.svcServiceHint)),
                                view.textarea("reason", req.t(.svcWhy), hint: req.t(.svcWhyHint)),
                                view.checkbox("consentGiven", req.t(.svcConsent)),
                                view.text("consentScope", req.t(.svcScope), hint: req.t(.svcScopeHint)),
                                view.date("consentExpiresOn", req.t(.svcConsentEnds), hint: req.t(.svcConsentEndsHint)),
                                .ul(.class("plain"), .forEach(o.members) { m in
                                    .li(.a(.href(SiteURL.services.path + "?eligibleFor=\(m.person.id)"), .text(req.t(.svcForPerson, ["name": o.name(m.person.id)]))))
                                }),
                              ], breadcrumbs: o.breadcrumbs(req.language)).render(req, status: status)
    }

    func newReferral(req: Request) async throws -> Response {
        let (o, _) = try await caseContext(req, .create, .referral)
        return try await referralPage(req, o, FormData(), [])
    }

    func refer(req: Request) async throws -> Response {
        let (o, _) = try await caseContext(req, .create, .referral)
        let form = FormData(req)
        var r = FormReader(form)
        let person: PersonID? = r.id("personId", .svcChooseWho)
        let service: ServiceID? = r.id("serviceId", .svcChooseService)
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
                r.add(refusal.errors.map { $0.field.hasPrefix("consent") ? $0.on("consentGiven") : $0 })
            }
        }
        return try await referralPage(req, o, form, r.errors, status: .unprocessableEntity)
    }

    func referral(req: Request) async throws -> Response {
        let access = try await ReferralAccess(req)
        let (r, caseID) = try await access.visible(try req.idParameter("referralID", "referral"))
        try await req.audit(.view, .referral, recordID: r.id, caseID: caseID, .audViewedReferral)
        return try await referralView(req, access, r, caseID, FormData(), [])
    }

    func referralView(_ req: Request, _ access: ReferralAccess, _ r: Recorded<ReferralSubject, ReferralDetails>, _ caseID: CaseID,
                      _ form: FormData, _ errors: [FieldError], status: HTTPResponseStatus = .ok) async throws -> Response {
        let dto = try await access.dtos([(r, caseID)])[0]
        let d = r.details
        let lang = req.language
        let view = FormView(form, errors: errors, language: lang)
        let asProvider = access.organisation == d.providerID
        let mayLog = asProvider && d.status.takesSessions
        var sessionForm = FormData()
        sessionForm.set("date", date: req.today.parts)
        for key in ["kind", "date-day", "date-month", "date-year", "durationMinutes", "attendance", "progressNote", "clinicalNote"] {
            if let value = form.optional(key) { sessionForm.set(key, value) }
        }
        let sessionView = FormView(sessionForm, errors: errors.filter { ["kind", "date", "durationMinutes", "attendance", "progressNote"].contains($0.field) }, language: lang)
        let moves = d.status.next.filter { asProvider ? $0 != .withdrawn : true }
        let isStaff = !asProvider && access.actor.role != .provider
        return Layout(title: req.t(.svcReferral), signedIn: req.signedIn,
                      breadcrumbs: isStaff ? [(req.t(.navCaseload), SiteURL.caseload.path), (req.t(.svcCase), SiteURL.caseFile(caseID).path)]
                                           : [(req.t(.svcInboxTitle), SiteURL.referralInbox.path)]).render(
            .h1(.text(req.t(.svcReferralTo, ["service": dto.serviceName ?? req.t(.svcAService)]))),
            .dl(.class("summary-list"),
                .group(.dt(.text(req.t(.svcStatus))), .dd(.strong(.id("referral-status"), .text(d.status.staffLabel(lang))))),
                .group(.dt(.text(req.t(.svcPerson))), .dd(.text([dto.person.map { "\($0.givenName) \($0.familyName)" }, dto.person?.phone, dto.person?.email].compactMap { $0 }.joined(separator: " · ")))),
                .group(.dt(.text(req.t(.svcLanguage))), .dd(.text((dto.person?.languages ?? []).map { Languages.display($0, in: lang) }.joined(separator: ", ") + ((dto.person?.interpreterNeeded ?? false) ? " " + req.t(.svcInterpreter) : "")))),
                .group(.dt(.text(req.t(.svcProvider))), .dd(.text(dto.providerName ?? ""))),
                .group(.dt(.text(req.t(.svcReason))), .dd(.text(d.reason))),
                .group(.dt(.text(req.t(.svcReferredOn))), .dd(.text(d.referredOn.iso))),
                .if(d.closingReason != nil, .group(.dt(.text(req.t(.svcWhyClosed))), .dd(.text(d.closingReason ?? "")))),
                .if(d.outcome != nil, .group(.dt(.text(req.t(.svcOutcome))), .dd(.text(d.outcome ?? ""))))),
            view.errorSummary(),
            .if(!moves.isEmpty,
                .form(.method(.post), .action(SiteURL.moveReferral(r.id).path), .attribute(named: "novalidate"),
                    csrfField(req.signedIn),
                    view.select("to", req.t(.svcMoveTo), options: moves.map { ($0.rawValue, $0.staffLabel(lang)) }),
                    view.textarea("reason", req.t(.svcReason), hint: req.t(.svcReasonHint)),
                    view.textarea("outcome", req.t(.svcOutcome), hint: req.t(.svcOutcomeHint)),
                    .button(.type(.submit), .class("button"), .text(req.t(.svcRecord))))),
            .if(mayLog, .section(.attribute(named: "aria-labelledby", value: "log-heading"),
                .h2(.id("log-heading"), .text(req.t(.svcLogHeading))),
                .form(.method(.post), .action(SiteURL.referralSession(r.id).path), .attribute(named: "novalidate"),
                    csrfField(req.signedIn),
                    sessionView.select("kind", req.t(.svcSessionKind), SessionKind.self),
                    sessionView.date("date", req.t(.svcDate)),
                    sessionView.text("durationMinutes", req.t(.svcMinutes), width: "w5"),
                    sessionView.select("attendance", req.t(.svcAttendanceOf, ["name": dto.person.map { "\($0.givenName) \($0.familyName)" } ?? req.t(.svcThePerson)]), Attendance.self),
                    sessionView.textarea("progressNote", req.t(.svcProgressSeen), hint: req.t(.svcProgressHint)),
                    sessionView.textarea("clinicalNote", req.t(.svcClinical), hint: req.t(.svcClinicalProviderHint)),
                    .button(.type(.submit), .class("button secondary"), .text(req.t(.svcLogSave)))))))
        .with(status: status)
    }

    func move(req: Request) async throws -> Response {
        let access = try await ReferralAccess(req)
        let id: ReferralID = try req.idParameter("referralID", "referral")
        let (r, caseID) = try await access.visible(id)
        let form = FormData(req)
        var reader = FormReader(form)
        let to = reader.code(ReferralStatus.self, "to", required: .svcChooseMove)
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
        guard access.organisation == r.details.providerID else { throw Refusal(.notFound, .svcNotYours, ["id": id.description]) }
        let form = FormData(req)
        var reader = FormReader(form)
        let kind = reader.code(SessionKind.self, "kind", required: .svcChooseKind)
        let date = reader.requiredDate("date", .svcNeedDate)
        let attendance = reader.code(Attendance.self, "attendance", required: .svcChooseCame)
        let minutes = Int(form.string("durationMinutes").trimmingCharacters(in: .whitespaces))
        if minutes == nil { reader.add([FieldError("durationMinutes", .svcNeedMinutes)]) }
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
            throw Refusal(.notFound, .svcInboxOnCase)
        }
        try await req.audit(.view, .referral, recordID: nil, caseID: nil, .audViewedInbox, ["count": "\(rows.count)"])
        let dtos = try await access.dtos(rows)
        return Layout(title: req.t(.svcInboxTitle), signedIn: signedIn).render(
            .h1(.text(req.t(.svcInboxHeading))),
            dtos.isEmpty ? .p(.text(req.t(.svcInboxNone))) :
            .table(.class("table"), .id("inbox"),
                .thead(.tr(.th(.text(req.t(.svcInboxReferred))), .th(.text(req.t(.svcPerson))), .th(.text(req.t(.svcService))), .th(.text(req.t(.svcStatus))))),
                .tbody(.forEach(dtos) { d in
                    .tr(.td(.a(.href(SiteURL.referral(ReferralID(d.id)).path), .text(d.referredOn))),
                        .td(.text(d.person.map { "\($0.givenName) \($0.familyName)" } ?? "")), .td(.text(d.serviceName ?? "")),
                        .td(.text(ReferralStatus(rawValue: d.status)?.staffLabel(req.language) ?? d.status)))
                })))
    }

    // MARK: consents

    func revokeConsent(req: Request) async throws -> Response {
        let id: ConsentID = try req.idParameter("consentID", "consent")
        guard let (_, caseID) = try await ServiceRecordsRepository(req.db).consent(id) else {
            throw Refusal(.notFound, .refNoConsent)
        }
        _ = try await ReferralCommands(req.change()).revokeConsent(id, reason: FormData(req).optional("reason"))
        return req.redirect(to: SiteURL.caseFile(caseID).path + "#services")
    }

    // MARK: sessions

    func sessionPage(_ req: Request, _ o: CaseOverview, _ facts: CaseAccessFacts, _ form: FormData, _ errors: [FieldError], status: HTTPResponseStatus = .ok) async throws -> Response {
        let view = FormView(form, errors: errors, language: req.language)
        let services = try await ProviderRepository(req.db).all().flatMap { l in l.services.map { ($0.id.description, $0.details.name) } }
        let objectives = try await ServiceRecordsRepository(req.db).plans(in: o.caseID).filter { [.active, .approved, .agreed, .draft].contains($0.details.status(on: req.today)) }
            .flatMap { p in p.details.objectives.map { ($0.id.uuidString.lowercased(), req.t(.svcPlanObjective, ["number": String(p.details.number), "objective": $0.statement])) } }
        let actor = try req.requireSignedIn().actor
        let mayNote = req.policy.decide(actor, .create, .clinicalNote, in: facts).isAllowed
        return RecordFormPage(title: req.t(.svcSessionTitle), action: SiteURL.newSession(o.caseID).path, cancel: SiteURL.caseFile(o.caseID).path,
                              view: view, fields: [
                                view.select("kind", req.t(.svcSessionKind), SessionKind.self),
                                view.date("date", req.t(.svcDate)),
                                view.text("durationMinutes", req.t(.svcMinutes), width: "w5"),
                                view.select("serviceId", req.t(.svcService), options: services, blank: req.t(.svcNone)),
                                .group(o.members.map { m in
                                    view.select("attendance-\(m.person.id)", req.t(.svcAttendance, ["name": o.name(m.person.id)]), Attendance.self, blank: req.t(.svcNotExpected))
                                }),
                                view.select("objectiveId", req.t(.svcProgressToward), options: objectives, blank: req.t(.svcNoProgress)),
                                view.textarea("progress", req.t(.svcWhatProgress)),
                                .if(mayNote, view.textarea("clinicalNote", req.t(.svcClinical), hint: req.t(.svcClinicalStaffHint))),
                              ], breadcrumbs: o.breadcrumbs(req.language)).render(req, status: status)
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
        let kind = r.code(SessionKind.self, "kind", required: .svcChooseKind)
        let date = r.requiredDate("date", .svcNeedDate)
        let minutes = Int(form.string("durationMinutes").trimmingCharacters(in: .whitespaces))
        if minutes == nil { r.add([FieldError("durationMinutes", .svcNeedMinutes)]) }
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
                r.add(refusal.errors.map { $0.field.hasPrefix("participants") ? $0.on("participants") : $0 })
            }
        }
        return try await sessionPage(req, o, facts, form, r.errors, status: .unprocessableEntity)
    }
}
