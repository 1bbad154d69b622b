import Plot
import Vapor
import ReunifyDomain
import ReunifyStore

/// Practice vignettes: a supervisor publishes a fictional family, every worker rates it, and the spread per
/// item shows where the team sees the same family differently. Vignette ratings never touch real cases.
struct VignetteController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.vignettes.route, use: list)
        routes.get(SiteURL.newVignette.route, use: newForm)
        routes.post(SiteURL.newVignette.route, use: publish)
        routes.get(SiteURL.vignette(.any).route, use: spread)
        routes.get(SiteURL.rateVignette(.any).route, use: rateForm)
        routes.post(SiteURL.rateVignette(.any).route, use: rate)
    }

    func staff(_ req: Request) throws -> SignedIn {
        let signedIn = try req.requireSignedIn()
        guard req.policy.mayRateVignettes(signedIn.actor) else {
            throw Refusal(.forbidden, .vigForStaff)
        }
        return signedIn
    }

    /// Supervisors publish vignettes, as the access policy says.
    func publisher(_ req: Request) throws -> SignedIn {
        let signedIn = try staff(req)
        if case .forbidden(let why) = req.policy.decidePractice(signedIn.actor, .create, .vignette) { throw Refusal(.forbidden, why) }
        return signedIn
    }

    func vignette(_ req: Request, for signedIn: SignedIn) async throws -> Vignette {
        let id: VignetteID = try req.idParameter("vignetteID", "vignette")
        guard let v = try await VignetteRepository(req.db).find(id), v.isOpen(toUnit: signedIn.user.unit) else {
            throw Refusal(.notFound, .vigNoSuch)
        }
        return v
    }

    func list(req: Request) async throws -> Response {
        let signedIn = try staff(req)
        let repo = VignetteRepository(req.db)
        let vignettes = try await repo.list(unit: signedIn.user.unit)
        let ratings = Dictionary(grouping: try await repo.ratings(ofAll: vignettes.map(\.id)), by: \.vignetteID)
        let rows = vignettes.map { v in
            (v, ratings[v.id]?.count ?? 0, ratings[v.id]?.contains { $0.rater == signedIn.actor.id } ?? false)
        }
        let isSupervisor = req.policy.maySupervise(signedIn.actor)
        return Layout(title: req.t(.vigTitle), signedIn: signedIn).render(
            .div(.class("page-heading"), .h1(.text(req.t(.vigTitle))),
                 .if(isSupervisor, .a(.class("button"), .href(SiteURL.newVignette.path), .text(req.t(.vigPublishButton))))),
            .p(.class("hint"), .text(req.t(.vigHint))),
            rows.isEmpty ? .p(.text(req.t(.vigNone))) :
            .table(.class("table"), .thead(.tr(.th(.text(req.t(.vigVignette))), .th(.text(req.t(.vigPublished))), .th(.text(req.t(.vigRatings))),
                                               .th(.span(.class("visually-hidden"), .text(req.t(.vigActions)))))),
                .tbody(.forEach(rows) { v, count, mine in
                    .tr(.td(.text(v.title)), .td(.text(v.publishedOn.iso)), .td(.text(LocalFormat.number(count, req.language))),
                        .td(.a(.href(SiteURL.rateVignette(v.id).path), .text(req.t(mine ? .vigChange : .vigRate))),
                            .if(isSupervisor || mine, .span(" · ", .a(.href(SiteURL.vignette(v.id).path), .text(req.t(.vigSeeSpread)))))))
                })))
    }

    func newPage(_ req: Request, _ form: FormData, _ errors: [FieldError], status: HTTPResponseStatus = .ok) -> Response {
        let view = FormView(form, errors: errors, language: req.language)
        return RecordFormPage(title: req.t(.vigNewTitle), action: SiteURL.newVignette.path, cancel: SiteURL.vignettes.path,
                              submitLabel: req.t(.vigPublish), view: view, fields: [
                                view.text("title", req.t(.vigFieldTitle), hint: req.t(.vigFieldTitleHint)),
                                view.textarea("story", req.t(.vigStory), hint: req.t(.vigStoryHint)),
                              ], breadcrumbs: [(req.t(.vigTitle), SiteURL.vignettes.path)]).render(req, status: status)
    }

    func newForm(req: Request) async throws -> Response {
        _ = try publisher(req)
        return newPage(req, FormData(), [])
    }

    func publish(req: Request) async throws -> Response {
        _ = try publisher(req)
        let form = FormData(req)
        do {
            _ = try await PracticeCommands(req.db, try req.acting()).publish(title: form.string("title"), story: form.string("story"),
                                                                              instrument: BundledInstruments.familyStrengthsAndNeeds)
        } catch {
            guard let refusal = FormRefusal(error) else { throw error }
            return newPage(req, form, refusal.errors, status: refusal.status)
        }
        return req.redirect(to: SiteURL.vignettes.path)
    }

    func ratePage(_ req: Request, _ v: Vignette, _ form: FormData, _ errors: [FieldError], status: HTTPResponseStatus = .ok) async throws -> Response {
        let instrument = try await AssessmentService(req: req).instrument(v.instrumentKey)
        let view = FormView(form, errors: errors, language: req.language)
        return Layout(title: v.title, signedIn: req.signedIn, breadcrumbs: [(req.t(.vigTitle), SiteURL.vignettes.path)]).render(
            .h1(.text(v.title)),
            .div(.class("story"), .p(.text(v.story))),
            view.errorSummary(),
            .form(.method(.post), .action(SiteURL.rateVignette(v.id).path), .class("rating-form"),
                csrfField(req.signedIn), .group(RatingForm.fields(view, instrument: instrument)),
                .button(.type(.submit), .class("button"), .text(req.t(.vigSave))))
        ).with(status: status)
    }

    func rateForm(req: Request) async throws -> Response {
        let signedIn = try staff(req)
        let v = try await vignette(req, for: signedIn)
        let mine = try await VignetteRepository(req.db).ratings(of: v.id).first { $0.rater == signedIn.actor.id }
        return try await ratePage(req, v, RatingForm.values(mine?.ratings ?? [:]), [])
    }

    func rate(req: Request) async throws -> Response {
        let signedIn = try staff(req)
        let v = try await vignette(req, for: signedIn)
        let instrument = try await AssessmentService(req: req).instrument(v.instrumentKey)
        let form = FormData(req)
        let (ratings, errors) = RatingForm.read(form, instrument: instrument)
        guard errors.isEmpty else { return try await ratePage(req, v, form, errors, status: .unprocessableEntity) }
        do {
            try await PracticeCommands(req.db, try req.acting()).rate(vignetteID: v.id, instrument: instrument, ratings: ratings)
        } catch {
            guard let refusal = FormRefusal(error) else { throw error }
            return try await ratePage(req, v, form, refusal.errors, status: refusal.status)
        }
        return req.redirect(to: SiteURL.vignette(v.id).path)
    }

    func spread(req: Request) async throws -> Response {
        let signedIn = try staff(req)
        let v = try await vignette(req, for: signedIn)
        let ratings = try await VignetteRepository(req.db).ratings(of: v.id)
        guard req.policy.maySupervise(signedIn.actor) || ratings.contains(where: { $0.rater == signedIn.actor.id }) else {
            throw Refusal(.forbidden, .vigRateFirst)
        }
        let names = try await UserRepository(req.db).names(ratings.map(\.rater))
        let instrument = try await AssessmentService(req: req).instrument(v.instrumentKey)
        let byRater = Dictionary(ratings.map { (names[$0.rater] ?? req.t(.rvUnknownPerson), $0.ratings) }, uniquingKeysWith: { a, _ in a })
        let language = req.language
        let (worded, tag) = instrument.worded(language)
        let spread = VignetteSpread(instrument: instrument, ratingsByRater: byRater, language: language)
        return Layout(title: v.title, signedIn: signedIn, breadcrumbs: [(req.t(.vigTitle), SiteURL.vignettes.path)]).render(
            .h1(.text(req.t(.vigSpreadHeading, ["title": v.title]))),
            .details(.summary(.text(req.t(.vigTheStory))), .p(.text(v.story))),
            .p(.class("hint"), .text(req.t(.vigSpreadHint))),
            .table(.class("table"),
                .thead(.tr(.th(.text(req.t(.asmItem))), .forEach(spread.raters) { .th(.text($0)) }, .th(.text(req.t(.vigSpread))))),
                .tbody(.forEach(spread.items) { item in
                    // A domain's overall line is worded by the catalogue; an item's text is the instrument's.
                    .tr(.td(.attribute(named: "lang", value: item.id.hasSuffix(".overall") ? nil : instrumentLang(tag, language)), .text(item.text)),
                        .forEach(spread.raters) { rater in .td(ratingTag(item.ratings[rater], worded, language)) },
                        .td(.text(req.t(item.range == 1 ? .vigPointOne : .vigPoints, ["n": String(item.range)]))))
                })))
    }
}
