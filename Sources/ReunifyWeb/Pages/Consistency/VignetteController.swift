import Fluent
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
            throw Abort(.forbidden, reason: "Practice vignettes are for caseworkers, supervisors and clinicians")
        }
        return signedIn
    }

    func vignette(_ req: Request, for signedIn: SignedIn) async throws -> VignetteModel {
        let id: VignetteID = try req.idParameter("vignetteID", "vignette")
        guard let v = try await VignetteRepository(req.db).find(id), signedIn.user.unit == nil || signedIn.user.unit == v.unit else {
            throw Abort(.notFound, reason: "There is no such vignette for your unit")
        }
        return v
    }

    func list(req: Request) async throws -> Response {
        let signedIn = try staff(req)
        let repo = VignetteRepository(req.db)
        let vignettes = try await repo.list(unit: signedIn.user.unit)
        let ratings = Dictionary(grouping: try await repo.ratings(ofAll: vignettes.compactMap(\.id)), by: \.vignetteID)
        let rows = vignettes.map { v in
            (v, ratings[v.id!]?.count ?? 0, ratings[v.id!]?.contains { $0.userID == signedIn.user.id } ?? false)
        }
        let isSupervisor = req.policy.maySupervise(signedIn.actor)
        return Layout(title: "Practice vignettes", signedIn: signedIn).render(
            .div(.class("page-heading"), .h1("Practice vignettes"),
                 .if(isSupervisor, .a(.class("button"), .href(SiteURL.newVignette.path), "Publish a vignette"))),
            .p(.class("hint"), "Fictional families for the team to rate, so you can talk through where you see things differently. They never touch a real case."),
            rows.isEmpty ? .p("No vignette yet.") :
            .table(.class("table"), .thead(.tr(.th("Vignette"), .th("Published"), .th("Ratings"), .th(.span(.class("visually-hidden"), "Actions")))),
                .tbody(.forEach(rows) { v, count, mine in
                    .tr(.td(.text(v.title)), .td(.text(v.publishedOn)), .td(.text(String(count))),
                        .td(.a(.href(SiteURL.rateVignette(v.typedID).path), .text(mine ? "Change your ratings" : "Rate it")),
                            .if(isSupervisor || mine, .span(" · ", .a(.href(SiteURL.vignette(v.typedID).path), "See the spread")))))
                })))
    }

    func newPage(_ req: Request, _ form: FormData, _ errors: [FieldError], status: HTTPResponseStatus = .ok) -> Response {
        let view = FormView(form, errors: errors)
        return RecordFormPage(title: "Publish a practice vignette", action: SiteURL.newVignette.path, cancel: SiteURL.vignettes.path,
                              submitLabel: "Publish", view: view, fields: [
                                view.text("title", "Title", hint: "A fictional family's name, for example 'The Marsh family (practice)'"),
                                view.textarea("story", "The family's story", hint: "Write enough for a worker to rate every domain. Use no real person's details."),
                              ]).render(req, status: status)
    }

    func newForm(req: Request) async throws -> Response {
        let signedIn = try staff(req)
        guard req.policy.maySupervise(signedIn.actor) else { throw Abort(.forbidden, reason: "Supervisors publish vignettes") }
        return newPage(req, FormData(), [])
    }

    func publish(req: Request) async throws -> Response {
        let signedIn = try staff(req)
        guard req.policy.maySupervise(signedIn.actor) else { throw Abort(.forbidden, reason: "Supervisors publish vignettes") }
        let form = FormData(req)
        var reader = FormReader(form)
        let title = reader.required("title", "Give the vignette a title")
        let story = reader.required("story", "Write the family's story")
        guard reader.errors.isEmpty else { return newPage(req, form, reader.errors, status: .unprocessableEntity) }
        let instrument = BundledInstruments.familyStrengthsAndNeeds
        let model = VignetteModel(title: title, story: story, instrumentID: instrument.id, instrumentVersion: instrument.version,
                                  publishedBy: try signedIn.user.requireID(), publishedOn: req.today.iso, unit: signedIn.user.unit ?? "")
        try await VignetteRepository(req.db).publish(model)
        return req.redirect(to: SiteURL.vignettes.path)
    }

    func ratePage(_ req: Request, _ v: VignetteModel, _ form: FormData, _ errors: [FieldError], status: HTTPResponseStatus = .ok) async throws -> Response {
        let instrument = try await AssessmentService(req: req).instrument("\(v.instrumentID)@\(v.instrumentVersion)")
        let view = FormView(form, errors: errors)
        return Layout(title: v.title, signedIn: req.signedIn, breadcrumbs: [("Practice vignettes", SiteURL.vignettes.path)]).render(
            .h1(.text(v.title)),
            .div(.class("story"), .p(.text(v.story))),
            view.errorSummary(),
            .form(.method(.post), .action(SiteURL.rateVignette(v.typedID).path), .class("rating-form"),
                csrfField(req.signedIn), .group(RatingForm.fields(view, instrument: instrument)),
                .button(.type(.submit), .class("button"), "Save my ratings"))
        ).with(status: status)
    }

    func rateForm(req: Request) async throws -> Response {
        let signedIn = try staff(req)
        let v = try await vignette(req, for: signedIn)
        let mine = try await VignetteRepository(req.db).ratings(of: v.typedID).first { $0.userID == signedIn.user.id }
        return try await ratePage(req, v, RatingForm.values(mine.map { AssessmentModel.decode($0.ratings) } ?? [:]), [])
    }

    func rate(req: Request) async throws -> Response {
        let signedIn = try staff(req)
        let v = try await vignette(req, for: signedIn)
        let instrument = try await AssessmentService(req: req).instrument("\(v.instrumentID)@\(v.instrumentVersion)")
        let form = FormData(req)
        let (ratings, errors) = RatingForm.read(form, instrument: instrument)
        guard errors.isEmpty else { return try await ratePage(req, v, form, errors, status: .unprocessableEntity) }
        do {
            try await PracticeCommands(req.db, try req.acting()).rate(vignetteID: v.typedID, instrument: instrument, ratings: ratings)
        } catch {
            guard let refusal = FormRefusal(error) else { throw error }
            return try await ratePage(req, v, form, refusal.errors, status: refusal.status)
        }
        return req.redirect(to: SiteURL.vignette(v.typedID).path)
    }

    func spread(req: Request) async throws -> Response {
        let signedIn = try staff(req)
        let v = try await vignette(req, for: signedIn)
        let ratings = try await VignetteRepository(req.db).ratings(of: v.typedID)
        guard req.policy.maySupervise(signedIn.actor) || ratings.contains(where: { $0.userID == signedIn.user.id }) else {
            throw Abort(.forbidden, reason: "Rate the vignette first; then you can see how the team rated it")
        }
        let names = try await UserRepository(req.db).names(ratings.map { UserID($0.userID) })
        let instrument = try await AssessmentService(req: req).instrument("\(v.instrumentID)@\(v.instrumentVersion)")
        let byRater = Dictionary(ratings.map { (names[UserID($0.userID)] ?? "Unknown", AssessmentModel.decode($0.ratings)) }, uniquingKeysWith: { a, _ in a })
        let spread = VignetteSpread(instrument: instrument, ratingsByRater: byRater)
        return Layout(title: v.title, signedIn: signedIn, breadcrumbs: [("Practice vignettes", SiteURL.vignettes.path)]).render(
            .h1(.text("How the team rated \(v.title)")),
            .details(.summary("The story"), .p(.text(v.story))),
            .p(.class("hint"), "Widest disagreement first. Talk through the items at the top: what did each of you weigh?"),
            .table(.class("table"),
                .thead(.tr(.th("Item"), .forEach(spread.raters) { .th(.text($0)) }, .th("Spread"))),
                .tbody(.forEach(spread.items) { item in
                    .tr(.td(.text(item.text)), .forEach(spread.raters) { rater in .td(ratingTag(item.ratings[rater])) },
                        .td(.text("\(item.range) point\(item.range == 1 ? "" : "s")")))
                })))
    }
}
