import Fluent
import Plot
import Vapor
import ReunifyDomain
import ReunifyStore

/// The case page, and opening and editing a case.
struct CaseFileController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.newCase.route, use: newForm)
        routes.post(SiteURL.newCase.route, use: create)
        routes.get(SiteURL.caseFile(.any).route, use: show)
        routes.get(SiteURL.editCase(.any).route, use: editForm)
        routes.post(SiteURL.editCase(.any).route, use: update)
    }

    func show(req: Request) async throws -> Response {
        let caseID = try req.caseIDParameter()
        if req.signedIn?.isFamily == true {
            try await req.authorize(.read, .caseFile, caseID: caseID)
            return req.familyPage(.familyHome)!
        }
        let view = try await view(req, caseID)
        try await req.audit(.view, .caseFile, recordID: caseID, caseID: caseID, .audViewedCase, ["number": view.details.caseNumber])
        let shown = view.messages.conversations.values.map(\.count).reduce(0, +)
        if shown > 0 { try await req.audit(.view, .message, recordID: nil, caseID: caseID, .audReadMessages, ["count": "\(shown)"]) }
        return view.render(req)
    }

    /// The case page's content, as much of it as the policy lets the signed-in person read.
    func view(_ req: Request, _ caseID: CaseID) async throws -> CaseOverviewView {
        let facts = try await req.authorize(.read, .caseFile, caseID: caseID)
        guard let overview = try await CaseRepository(req.db).overview(caseID, kept: req.application.keptOverviews) else { throw Request.noSuchCase }
        let signedIn = try req.requireSignedIn()
        let may: (AccessAction, RecordKind) -> Bool = { req.policy.decide(signedIn.actor, $0, $1, in: facts).isAllowed }
        let assessments = may(.read, .assessment) ? try await AssessmentRepository(req.db).list(caseID: caseID).map(\.recorded) : []
        let reviews = may(.read, .reunificationReview) ? try await ReviewRepository(req.db).list(caseID: caseID).map(\.recorded) : []
        let staffNames = try await UserRepository(req.db).names(assessments.map(\.details.assessorID) + reviews.map(\.details.reviewerID))
        var services = CaseServices()
        let records = ServiceRecordsRepository(req.db)
        if may(.read, .referral) {
            let access = try await ReferralAccess(req)
            let visible = try await records.referrals(in: caseID).asyncFilter { try await access.mayRead($0, caseID: caseID, facts: facts) }
            services.referrals = try await access.dtos(visible.map { ($0, caseID) })
        }
        if may(.read, .consent) { services.consents = try await records.consents(in: caseID) }
        if may(.read, .serviceSession) { services.sessions = try await records.sessions(in: caseID).map(\.session.details) }
        services.providerNames = try await ProviderRepository(req.db).names(of: Set(services.consents.map(\.details.providerID)))
        var familyTime = CaseFamilyTime(zone: req.reunify.timeZone)
        if may(.read, .visitPlan) {
            let repo = FamilyTimeRepository(req.db)
            familyTime.plans = try await repo.plans(in: caseID)
            let visits = try await repo.visits(in: caseID)
            familyTime.coming = Array(visits.filter { $0.details.start > req.now && $0.details.record == nil }.prefix(5))
            familyTime.toRecord = visits.filter { $0.details.start <= req.now && $0.details.record == nil }.count
            familyTime.pending = try await repo.levelChanges(in: caseID).map(\.details).filter { $0.change.status == .awaitingApproval }
            if may(.read, .safetyAssessment) { familyTime.safety = try await repo.safetyAssessments(in: caseID) }
            if may(.create, .familyCalendar), let feed = try await repo.feed(owner: nil, caseID: caseID) {
                familyTime.familyLink = CalendarFeedController.url(req, feed.token)
            }
        }
        var view = CaseOverviewView(overview: overview, today: req.today, timelines: req.reunify.timelines, may: may, signedIn: signedIn,
                                    assessments: assessments, reviews: reviews,
                                    staffNames: staffNames, services: services)
        view.familyTime = familyTime
        if may(.read, .removalEpisode) {
            view.reEntries = try await CaseRecordsRepository(req.db).reEntries(overview.episodes.map { ($0.episode.id.uuid, $0.episode.details) },
                                                                               policy: req.reunify.timelines)
        }
        if may(.read, .message) {
            var messages = CaseMessages(zone: req.reunify.timeZone)
            messages.conversations = try await CaseRecordsRepository(req.db).conversations(in: caseID)
            messages.authors = try await UserRepository(req.db).names(messages.conversations.values.flatMap { $0.map(\.details.authorID) })
            view.messages = messages
        }
        if may(.create, .invitation) {
            let family = view.messageMembers.map(\.person.id.uuid)
            view.familyAccounts.accounts = try await UserRepository(req.db).emails(ofPersons: family)
            view.familyAccounts.invitations = try await InvitationCommands(req.db).latest(in: caseID)
        }
        return view
    }

    /// The caseworkers and supervisors a case may be assigned to, by id and name.
    func staff(_ req: Request) async throws -> ([CaseForm.StaffOption], [CaseForm.StaffOption]) {
        let users = UserRepository(req.db)
        return (try await users.caseworkers(unit: nil).map { ($0.typedID, $0.name) }, try await users.supervisors().map { ($0.typedID, $0.name) })
    }

    func newForm(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        guard req.policy.mayCreateCase(signedIn.actor) else { throw Refusal(.forbidden, .caseFormOnlyStaff) }
        var form = FormData()
        form.set("stage", CaseStage.intake.rawValue)
        form.set("unit", signedIn.user.unit)
        form.set("openedOn", date: req.today.parts)
        if signedIn.user.userRole == .caseworker { form.set("caseworkerId", signedIn.user.id?.lower) }
        if signedIn.user.userRole == .supervisor { form.set("supervisorId", signedIn.user.id?.lower) }
        return try await newPage(req, form: form, errors: [])
    }

    func newPage(_ req: Request, form: FormData, errors: [FieldError], status: HTTPResponseStatus = .ok) async throws -> Response {
        let (workers, supervisors) = try await staff(req)
        let view = FormView(form, errors: errors, language: req.language)
        return RecordFormPage(title: req.t(.caseFormNewTitle), action: SiteURL.newCase.path, cancel: SiteURL.caseload.path,
                              submitLabel: req.t(.caseFormNewSubmit), view: view,
                              fields: CaseForm.fields(view, caseworkers: workers, supervisors: supervisors),
                              breadcrumbs: [(req.t(.navCaseload), SiteURL.caseload.path)]).render(req, status: status)
    }

    func create(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        guard req.policy.mayCreateCase(signedIn.actor) else { throw Refusal(.forbidden, .caseFormOnlyStaff) }
        let form = FormData(req)
        let (read, errors) = CaseForm.read(form, today: req.today)
        guard let details = read else { return try await newPage(req, form: form, errors: errors, status: .unprocessableEntity) }
        do {
            let model = try await CaseCommands(req.change()).open(details)
            return req.redirect(to: SiteURL.caseFile(model.typedID).path)
        } catch {
            guard let refusal = FormRefusal(error) else { throw error }
            return try await newPage(req, form: form, errors: refusal.errors, status: refusal.status)
        }
    }

    func editForm(req: Request) async throws -> Response {
        let caseID = try req.caseIDParameter()
        try await req.authorize(.update, .caseFile, caseID: caseID)
        guard let model = try await CaseRepository(req.db).find(caseID) else { throw Request.noSuchCase }
        return try await editPage(req, model.recorded, form: CaseForm.values(model.details, version: model.version), errors: [])
    }

    func editPage(_ req: Request, _ model: Recorded<CaseSubject, CaseDetails>, form: FormData, errors: [FieldError], conflict: [(String, String, String)]? = nil,
                  status: HTTPResponseStatus = .ok) async throws -> Response {
        let (workers, supervisors) = try await staff(req)
        let view = FormView(form, errors: errors, language: req.language)
        return RecordFormPage(title: req.t(.caseFormEditTitle), action: SiteURL.editCase(model.id).path,
                              cancel: SiteURL.caseFile(model.id).path, view: view,
                              fields: CaseForm.fields(view, caseworkers: workers, supervisors: supervisors), conflict: conflict,
                              breadcrumbs: [(req.t(.navCaseload), SiteURL.caseload.path), (model.details.familyName, SiteURL.caseFile(model.id).path)])
            .render(req, status: status)
    }

    func update(req: Request) async throws -> Response {
        let caseID = try req.caseIDParameter()
        try await req.authorize(.update, .caseFile, caseID: caseID)
        let repo = CaseRepository(req.db)
        guard let model = try await repo.find(caseID) else { throw Request.noSuchCase }
        var form = FormData(req)
        let (details, errors) = CaseForm.read(form, today: req.today)
        guard let details else { return try await editPage(req, model.recorded, form: form, errors: errors, status: .unprocessableEntity) }
        let saved = model.details
        do {
            _ = try await CaseCommands(req.change()).change(caseID, to: details, expectedVersion: FormReader(form).version)
            return req.redirect(to: SiteURL.caseFile(caseID).path)
        } catch StoreError.versionConflict(let current) {
            let names = try await UserRepository(req.db).names([details, saved].flatMap { [$0.caseworkerID, $0.supervisorID] }.compactMap { $0 })
            form.set("version", String(current))
            return try await editPage(req, model.recorded, form: form, errors: [FieldError("version", .caseFormConflict)],
                                      conflict: conflictRows(mine: CaseForm.summary(details, names: names, req.language), saved: CaseForm.summary(saved, names: names, req.language)),
                                      status: .conflict)
        } catch let error where FormRefusal(error) != nil {
            let refusal = FormRefusal(error)!
            return try await editPage(req, model.recorded, form: form, errors: refusal.errors, status: refusal.status)
        }
    }
}
