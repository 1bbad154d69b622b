import Foundation
import Plot
import Vapor
import ReunifyDomain
import ReunifyStore

/// What the case page shows of the family's messages: each family member's conversation with the staff.
struct CaseMessages {
    var conversations: [PersonID: [Recorded<MessageSubject, CaseMessageDetails>]] = [:]
    var authors: [UserID: String] = [:]
    var zone: TimeZone = .gmt
}

extension CaseOverviewView {
    /// The family members staff exchange messages with.
    var messageMembers: [CaseOverview.Member] { overview.members.filter { MessageRules.familyRoles.contains($0.role) } }

    func messagesSection(_ form: FormData = FormData(), _ errors: [FieldError] = []) -> Node<HTML.BodyContext> {
        let view = FormView(form, errors: errors, language: language)
        func when(_ d: Date) -> String {
            let offset = messages.zone.secondsFromGMT(for: d) / 60
            return "\(VisitTimes.day(d, offsetMinutes: offset).iso) \(VisitTimes.clock(d, offsetMinutes: offset))"
        }
        let talking = messageMembers.filter { messages.conversations[$0.person.id] != nil }
        return .section(.id("messages"), .attribute(named: "aria-labelledby", value: "messages-heading"),
            .h2(.id("messages-heading"), .text(t(.caseMessagesHeading))),
            talking.isEmpty ? .p(.text(t(.caseMessagesNone))) :
            .forEach(talking) { member in
                .div(.class("conversation"),
                    .h3(.text(t(.caseMessagesWith, ["name": member.person.details.fullName]))),
                    .ol(.class("plain messages"), .forEach(messages.conversations[member.person.id] ?? []) { m in
                        .li(.class(m.details.fromFamily ? "message" : "message mine"),
                            .p(.class("hint"), .text("\(m.details.fromFamily ? member.person.details.fullName : (messages.authors[m.details.authorID] ?? t(.caseMessagesStaff))), \(when(m.details.sentAt))")),
                            .p(.text(m.details.body)))
                    }))
            },
            .if(may(.create, .message) && !messageMembers.isEmpty, .group(
                view.errorSummary(),
                .form(.method(.post), .action(SiteURL.caseMessages(caseID).path), .attribute(named: "novalidate"),
                    csrfField(signedIn),
                    view.select("personId", t(.caseMessagesTo), options: messageMembers.map { ($0.person.id.description, $0.person.details.fullName) }),
                    view.textarea("body", t(.caseMessagesBody), hint: t(.caseMessagesHint)),
                    .button(.type(.submit), .class("button secondary"), .text(t(.caseMessagesSend)))))))
    }
}

/// Staff write to a family member from the case page.
struct CaseMessagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post(SiteURL.caseMessages(.any).route, use: send)
    }

    func send(req: Request) async throws -> Response {
        let (overview, _) = try await req.caseOverview(.create, .message)
        let form = FormData(req)
        var r = FormReader(form)
        let person: PersonID? = r.id("personId", req.t(.caseMessagesChoose))
        if r.errors.isEmpty {
            do {
                _ = try await MessageCommands(req.change()).send(in: overview.caseID, with: person, body: form.values["body"]?.first ?? "")
                return req.redirect(to: SiteURL.caseFile(overview.caseID).path + "#messages")
            } catch {
                guard let refusal = FormRefusal(error) else { throw error }
                r.add(refusal.errors)
            }
        }
        let view = try await CaseFileController().view(req, overview.caseID)
        return Layout(title: req.t(.caseMessagesHeading), signedIn: req.signedIn,
                      breadcrumbs: overview.breadcrumbs(req.language))
            .render(view.messagesSection(form, r.errors)).with(status: .unprocessableEntity)
    }
}
