import Foundation
import Plot
import Vapor
import ReunifyDomain
import ReunifyStore

/// What the case page shows of the family's own accounts: who has one, who was invited and until when.
struct FamilyAccounts {
    var accounts: [PersonID: String] = [:]
    var invitations: [PersonID: InvitationDetails] = [:]
}

extension CaseOverviewView {
    func familyAccountsSection(now: Date, _ form: FormData = FormData(), _ errors: [FieldError] = []) -> Node<HTML.BodyContext> {
        let view = FormView(form, errors: errors, language: language)
        let members = messageMembers
        return .section(.id("family-accounts"), .attribute(named: "aria-labelledby", value: "family-accounts-heading"),
            .h2(.id("family-accounts-heading"), .text(t(.accountsHeading))),
            .p(.class("hint"), .text(t(.accountsHint))),
            view.errorSummary(),
            .table(.class("table"), .id("family-account-list"),
                .thead(.tr(.th(.text(t(.accountsMember))), .th(.text(t(.accountsAccount))), .th(.span(.class("visually-hidden"), .text(t(.accountsInvite)))))),
                .tbody(.forEach(members) { m in
                    let id = m.person.id
                    let invitation = familyAccounts.invitations[id]
                    let status: String = if let email = familyAccounts.accounts[id] {
                        t(.accountsHas, ["email": email])
                    } else if let i = invitation, i.isUsable(at: now) {
                        t(.accountsInvited, ["email": i.email, "date": CalendarDate(i.expiresAt).iso])
                    } else if let i = invitation, i.usedAt == nil {
                        t(.accountsLapsed, ["email": i.email])
                    } else {
                        t(.accountsNone)
                    }
                    return .tr(.td(.text(m.person.details.fullName)), .td(.text(status)),
                        .td(.if(familyAccounts.accounts[id] == nil && may(.create, .invitation),
                            .form(.class("inline"), .method(.post), .action(SiteURL.invitations(caseID).path), .attribute(named: "novalidate"),
                                csrfField(signedIn),
                                .input(.type(.hidden), .name("personId"), .value(id.description)),
                                .input(.type(.email), .id("email-\(id)"), .name("email"), .class("input"),
                                       .attribute(named: "aria-label", value: t(.accountsEmailOf, ["name": m.person.details.fullName])),
                                       .value(form.string("personId") == id.description ? form.string("email") : (invitation?.email ?? m.person.details.email ?? ""))),
                                .button(.type(.submit), .class("button secondary"), .text(invitation == nil ? t(.accountsSend) : t(.accountsSendNew)))))))
                })))
    }
}

/// Invitations: staff send one from the case page; the family member follows the link and chooses a password.
struct InvitationController: RouteCollection {
    /// Staff routes (signed in, CSRF-checked).
    struct Staff: RouteCollection {
        func boot(routes: any RoutesBuilder) throws {
            routes.post(SiteURL.invitations(.any).route, use: InvitationController.invite)
        }
    }

    /// The link's routes: no session yet; the token in the address is the secret.
    func boot(routes: any RoutesBuilder) throws {
        routes.get("invitations", ":token", use: show)
        routes.on(.POST, "invitations", ":token", body: .collect(maxSize: "16kb"), use: accept)
    }

    static func link(_ req: Request, _ token: String) -> String {
        "\(req.reunify.secureCookies ? "https" : "http")://\(req.headers.first(name: .host) ?? "localhost")/invitations/\(token)"
    }

    static func invite(req: Request) async throws -> Response {
        let (overview, _) = try await req.caseOverview(.create, .invitation)
        let form = FormData(req)
        var r = FormReader(form)
        let person: PersonID? = r.id("personId", req.t(.accountsChoose))
        let token = Tokens.random()
        if let person, r.errors.isEmpty {
            do {
                let invitation = try await InvitationCommands(req.db).invite(req.change(), in: overview.caseID, person: person, email: form.string("email"),
                                                                            tokenHash: Tokens.hash(token))
                let details = overview.person(person)?.details
                let language = details.flatMap { UILanguage.first(of: $0.languages) } ?? .english
                let worker = overview.team.first { $0.userID == overview.caseFile.details.caseworkerID }?.name ?? req.signedIn?.user.name ?? ""
                let body = Catalogue.text(.inviteMailBody, language, [
                    "name": details?.givenName ?? "", "caseworker": worker, "link": link(req, token),
                    "expires": LocalFormat.date(CalendarDate(invitation.expiresAt), language)])
                do {
                    try await req.application.send(Mail(to: invitation.email, subject: Catalogue.text(.inviteMailSubject, language),
                                                         body: body))
                } catch {
                    throw Refusal(.serviceUnavailable, .refMailFailed, ["error": String(describing: error)])
                }
                return req.redirect(to: SiteURL.caseFile(overview.caseID).path + "#family-accounts")
            } catch {
                guard let refusal = FormRefusal(error) else { throw error }
                r.add(refusal.errors)
            }
        }
        let view = try await CaseFileController().view(req, overview.caseID)
        return Layout(title: req.t(.accountsHeading), signedIn: req.signedIn, breadcrumbs: overview.breadcrumbs(req.language))
            .render(view.familyAccountsSection(now: req.now, form, r.errors)).with(status: .unprocessableEntity)
    }

    /// The invitation's page is in the invited person's first language (unless they chose another with the switch).
    func context(_ req: Request) async throws -> (InvitationModel, PersonDetails, UILanguage, String)? {
        guard let token = req.parameters.get("token"), token.count < 100,
              let invitation = try await InvitationCommands(req.db).usable(tokenHash: Tokens.hash(token), now: req.now),
              let person = try await PersonModel.find(invitation.personID, on: req.db)?.details else { return nil }
        let language = req.language(ofPerson: person.languages)
        let worker = try await UserRepository(req.db).find(UserID(invitation.invitedBy))?.name ?? ""
        return (invitation, person, language, worker)
    }

    func gone(_ req: Request) -> Response {
        let language = req.browserLanguage
        let t = { (id: Msg) in Catalogue.text(id, language) }
        return Layout(title: t(.inviteGone), signedIn: nil, language: language, path: req.url.path).render(
            .h1(.text(t(.inviteGone))), .p(.text(t(.inviteGoneAdvice)))).with(status: .gone)
    }

    func page(_ req: Request, _ c: (InvitationModel, PersonDetails, UILanguage, String), _ errors: [FieldError], status: HTTPResponseStatus) -> Response {
        let (invitation, _, language, worker) = c
        let t = { (id: Msg, values: [String: String]) in Catalogue.text(id, language, values) }
        let view = FormView(FormData(), errors: errors, language: language)
        return Layout(title: t(.inviteTitle, [:]), signedIn: nil, language: language, path: req.url.path).render(
            .div(.class("narrow"),
                .h1(.text(t(.inviteTitle, [:]))),
                .p(.text(t(.inviteIntro, ["caseworker": worker, "email": invitation.email]))),
                view.errorSummary(),
                .form(.method(.post), .action(req.url.path), .attribute(named: "novalidate"),
                    view.text("password", t(.invitePassword, [:]), hint: t(.invitePasswordHint, [:]), type: "password", autocomplete: "new-password"),
                    view.text("confirmation", t(.inviteConfirm, [:]), type: "password", autocomplete: "new-password"),
                    .button(.type(.submit), .class("button"), .text(t(.inviteSubmit, [:])))))
        ).with(status: status)
    }

    func show(req: Request) async throws -> Response {
        guard let c = try await context(req) else { return gone(req) }
        return page(req, c, [], status: .ok)
    }

    func accept(req: Request) async throws -> Response {
        guard let c = try await context(req), let token = req.parameters.get("token") else { return gone(req) }
        let form = FormData(req)
        let password = form.values["password"]?.first ?? ""
        switch PasswordRules.problem(password, confirmation: form.values["confirmation"]?.first ?? "") {
        case .tooShort: return page(req, c, [FieldError("password", Catalogue.text(.inviteTooShort, c.2))], status: .unprocessableEntity)
        case .mismatch: return page(req, c, [FieldError("confirmation", Catalogue.text(.inviteMismatch, c.2))], status: .unprocessableEntity)
        case nil: break
        }
        let hash = try await req.password.async.hash(password)
        guard try await InvitationCommands(req.db).accept(tokenHash: Tokens.hash(token), passwordHash: hash, now: req.now,
                                                          address: req.clientAddress) != nil else { return gone(req) }
        let response = req.redirect(to: SiteURL.signIn.path + "?ready=1", redirectType: .normal)
        response.cookies[Request.languageCookie] = HTTPCookies.Value(string: c.2.tag, maxAge: 365 * 24 * 3600, path: "/",
                                                                     isSecure: req.reunify.secureCookies, isHTTPOnly: true, sameSite: .lax)
        return response
    }
}
