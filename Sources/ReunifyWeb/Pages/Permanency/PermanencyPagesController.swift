import Fluent
import Plot
import Vapor
import ReunifyDomain
import ReunifyStore

/// The team's decision and its approval, TPR exceptions, ICWA notices and their receipts, aftercare follow-ups.
struct PermanencyPagesController: RouteCollection {
    /// Rows for participants on the decision form; rows left empty are not read.
    static let participantRows = 6

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.newDecision(.any).route, use: newDecision)
        routes.post(SiteURL.newDecision(.any).route, use: recordDecision)
        routes.post(SiteURL.approveDecision(.any, .any).route, use: approveDecision)
        routes.get(SiteURL.newTPRException(.any).route, use: newException)
        routes.post(SiteURL.newTPRException(.any).route, use: recordException)
        routes.get(SiteURL.newNotice(.any).route, use: newNotice)
        routes.post(SiteURL.newNotice(.any).route, use: recordNotice)
        routes.post(SiteURL.noticeReceived(.any, .any).route, use: noticeReceived)
        routes.get(SiteURL.newFollowUp(.any).route, use: newFollowUp)
        routes.post(SiteURL.newFollowUp(.any).route, use: recordFollowUp)
    }

    func back(_ req: Request, _ o: CaseOverview) -> Response { req.redirect(to: SiteURL.caseFile(o.caseID).path + "#permanency") }

    func children(_ o: CaseOverview) -> [(String, String)] { o.children.map { ($0.person.id.description, o.name($0.person.id)) } }

    // MARK: decisions

    func decisionPage(_ req: Request, _ o: CaseOverview, _ form: FormData, _ errors: [FieldError], status: HTTPResponseStatus = .ok) -> Response {
        let view = FormView(form, errors: errors, language: req.language)
        let rows: [Node<HTML.FormContext>] = (0..<Self.participantRows).map { i in
            .fieldset(.class("participant"), .element(named: "legend", nodes: [.text(req.t(.decFormParticipant, ["n": String(i + 1)]))]),
                view.text("participants.\(i).name", req.t(.decFormName)),
                view.select("participants.\(i).role", req.t(.decFormRole), ParticipantRole.self),
                view.text("participants.\(i).position", req.t(.decFormPosition), hint: req.t(.decFormPositionHint)),
                view.textarea("participants.\(i).reason", req.t(.decFormTheirReason)))
        }
        return RecordFormPage(title: req.t(.decFormTitle), action: SiteURL.newDecision(o.caseID).path,
                              cancel: SiteURL.caseFile(o.caseID).path + "#permanency", submitLabel: req.t(.decFormSave), view: view, fields: [
                                view.date("date", req.t(.decFormMeeting)),
                                .group(rows),
                                view.select("decision", req.t(.decFormDecision), TeamDecisionKind.self),
                                view.textarea("rationale", req.t(.decFormRationale), hint: req.t(.decFormRationaleHint)),
                                view.select("newGoal", req.t(.decFormNewGoal), PermanencyPlan.self,
                                            blank: req.t(.decFormConcurrentBecomes)),
                                view.date("familyInformed.date", req.t(.decFormToldOn), hint: req.t(.decFormToldHint)),
                                view.text("familyInformed.how", req.t(.decFormHow), hint: req.t(.decFormHowHint)),
                                view.text("familyInformed.language", req.t(.decFormLanguage)),
                              ], breadcrumbs: o.breadcrumbs(req.language)).render(req, status: status)
    }

    func newDecision(req: Request) async throws -> Response {
        let (o, _) = try await req.caseOverview(.create, .teamDecision)
        var form = FormData()
        form.set("date", date: req.today.parts)
        form.set("participants.0.name", req.signedIn?.user.name)
        form.set("participants.0.role", "caseworker")
        return decisionPage(req, o, form, [])
    }

    func recordDecision(req: Request) async throws -> Response {
        let (o, _) = try await req.caseOverview(.create, .teamDecision)
        let form = FormData(req)
        var r = FormReader(form)
        let date = r.requiredDate("date", .decFormNeedMeeting)
        let decision = r.code(TeamDecisionKind.self, "decision", required: .decFormChooseDecision)
        let newGoal = r.optionalCode(PermanencyPlan.self, "newGoal")
        var participants: [DecisionParticipant] = []
        for i in 0..<Self.participantRows {
            let keys = ["name", "role", "position", "reason"].map { "participants.\(i).\($0)" }
            guard keys.contains(where: { !form.string($0).isEmpty }) else { continue }
            let role = r.code(ParticipantRole.self, keys[1], required: .decFormChooseRole)
            participants.append(DecisionParticipant(name: form.string(keys[0]), role: role ?? .other, position: form.string(keys[2]),
                                                    reason: form.string(keys[3])))
        }
        let toldOn = r.date("familyInformed.date")
        let told = toldOn.map { FamilyInformed(date: $0, how: form.string("familyInformed.how"), language: form.string("familyInformed.language")) }
        if toldOn == nil && !(form.string("familyInformed.how") + form.string("familyInformed.language")).isEmpty {
            r.errors.append(FieldError("familyInformed.date", .decFormNeedTold))
        }
        var errors = r.errors
        if let date, let decision, errors.isEmpty {
            let change = try req.change()
            let details = TeamDecisionDetails(date: date, participants: participants, decision: decision, rationale: form.string("rationale"),
                                              familyInformed: told, recordedBy: change.acting.actor.id)
            let everyone = newGoal.map { (primary: $0, concurrent: PermanencyPlan?.none) }
            if try await attemptForm(&errors, { _ = try await PermanencyCommands(change).recordDecision(details, everyChildInCare: everyone, in: o.caseID) }) {
                return back(req, o)
            }
        }
        // The form names one new goal for every child in care: the rule's messages about it belong to that field.
        return decisionPage(req, o, form, errors.map { $0.field.hasPrefix("newGoal.") ? $0.on("newGoal") : $0 },
                            status: .unprocessableEntity)
    }

    func approveDecision(req: Request) async throws -> Response {
        let (o, _) = try await req.caseOverview(.update, .decisionApproval)
        let id: DecisionID = try req.idParameter("decisionID", "decision")
        _ = try await PermanencyCommands(req.change()).approveDecision(id, in: o.caseID)
        return back(req, o)
    }

    // MARK: TPR exceptions

    func exceptionPage(_ req: Request, _ o: CaseOverview, _ form: FormData, _ errors: [FieldError], status: HTTPResponseStatus = .ok) -> Response {
        let view = FormView(form, errors: errors, language: req.language)
        return RecordFormPage(title: req.t(.excFormTitle), action: SiteURL.newTPRException(o.caseID).path,
                              cancel: SiteURL.caseFile(o.caseID).path + "#permanency", submitLabel: req.t(.excFormSave), view: view, fields: [
                                view.select("childId", req.t(.permFormChild), options: children(o)),
                                view.select("reason", req.t(.permFormReason), TPRExceptionReason.self),
                                view.textarea("note", req.t(.permFormWhy), hint: req.t(.excFormWhyHint)),
                              ], breadcrumbs: o.breadcrumbs(req.language)).render(req, status: status)
    }

    func newException(req: Request) async throws -> Response {
        let (o, _) = try await req.caseOverview(.create, .tprException)
        var form = FormData()
        form.set("childId", try? req.query.get(String.self, at: "childId"))
        return exceptionPage(req, o, form, [])
    }

    func recordException(req: Request) async throws -> Response {
        let (o, _) = try await req.caseOverview(.create, .tprException)
        let form = FormData(req)
        var r = FormReader(form)
        let child: PersonID? = r.id("childId", .permFormChooseChild)
        let reason = r.code(TPRExceptionReason.self, "reason", required: .excFormChooseReason)
        var errors = r.errors
        if let child, let reason, errors.isEmpty {
            if try await attemptForm(&errors, { _ = try await PermanencyCommands(req.change()).recordTPRException(childID: child, reason: reason, note: form.string("note"), in: o.caseID) }) {
                return back(req, o)
            }
        }
        return exceptionPage(req, o, form, errors, status: .unprocessableEntity)
    }

    // MARK: ICWA notices

    func noticePage(_ req: Request, _ o: CaseOverview, _ form: FormData, _ errors: [FieldError], status: HTTPResponseStatus = .ok) -> Response {
        let view = FormView(form, errors: errors, language: req.language)
        let hearings = o.permanency.hearings.reversed().map {
            ($0.id.description, req.t(.noticeFormHearingLine, ["kind": $0.details.kind.staffLabel(req.language), "date": $0.details.date.iso]))
        }
        return RecordFormPage(title: req.t(.noticeFormTitle), action: SiteURL.newNotice(o.caseID).path,
                              cancel: SiteURL.caseFile(o.caseID).path + "#permanency", submitLabel: req.t(.noticeFormSave), view: view, fields: [
                                view.select("childId", req.t(.permFormChild), options: children(o)),
                                view.select("hearingId", req.t(.noticeFormHearing), options: hearings),
                                view.text("recipient", req.t(.noticeFormSentTo), hint: req.t(.noticeFormSentToHint)),
                                view.date("sent", req.t(.noticeFormSent), hint: req.t(.noticeFormSentHint)),
                                view.date("received", req.t(.noticeFormReceived), hint: req.t(.noticeFormReceivedHint)),
                              ], breadcrumbs: o.breadcrumbs(req.language)).render(req, status: status)
    }

    func newNotice(req: Request) async throws -> Response {
        let (o, _) = try await req.caseOverview(.create, .icwaNotice)
        var form = FormData()
        form.set("childId", try? req.query.get(String.self, at: "childId"))
        form.set("hearingId", try? req.query.get(String.self, at: "hearingId"))
        form.set("sent", date: req.today.parts)
        return noticePage(req, o, form, [])
    }

    func recordNotice(req: Request) async throws -> Response {
        let (o, _) = try await req.caseOverview(.create, .icwaNotice)
        let form = FormData(req)
        var r = FormReader(form)
        let child: PersonID? = r.id("childId", .permFormChooseChild)
        let hearing: HearingID? = r.id("hearingId", .noticeFormChooseHearing)
        let sent = r.requiredDate("sent", .noticeFormNeedSent)
        let received = r.date("received")
        var errors = r.errors
        if let child, let hearing, let sent, errors.isEmpty {
            let details = ICWANoticeDetails(childID: child, hearingID: hearing, recipient: form.string("recipient"), sent: sent, received: received)
            if try await attemptForm(&errors, { _ = try await PermanencyCommands(req.change()).recordNotice(details, in: o.caseID) }) { return back(req, o) }
        }
        return noticePage(req, o, form, errors, status: .unprocessableEntity)
    }

    /// The return receipt came back: the day it was received, from the case page.
    func noticeReceived(req: Request) async throws -> Response {
        let (o, _) = try await req.caseOverview(.update, .icwaNotice)
        let id: NoticeID = try req.idParameter("noticeID", "ICWA notice")
        guard let notice = o.permanency.notices.first(where: { $0.id == id }) else { throw Refusal(.notFound, .noticeFormNoSuch) }
        let form = FormData(req)
        var r = FormReader(form)
        guard let day = r.requiredDate("received-\(id)", .noticeFormNeedReceived) else {
            throw Abort(.unprocessableEntity, reason: r.errors.map { $0.text(req.language) }.joined(separator: "; "))
        }
        var details = notice.details
        details.received = day
        _ = try await PermanencyCommands(req.change()).changeNotice(id, in: o.caseID, to: details, expectedVersion: r.version)
        return back(req, o)
    }

    // MARK: follow-ups

    func followUpPage(_ req: Request, _ o: CaseOverview, _ form: FormData, _ errors: [FieldError], status: HTTPResponseStatus = .ok) -> Response {
        let view = FormView(form, errors: errors, language: req.language)
        return RecordFormPage(title: req.t(.followFormTitle), action: SiteURL.newFollowUp(o.caseID).path,
                              cancel: SiteURL.caseFile(o.caseID).path + "#permanency", submitLabel: req.t(.followFormSave), view: view, fields: [
                                view.select("childId", req.t(.permFormChild), options: children(o)),
                                view.date("date", req.t(.permFormDate)),
                                view.checkbox("seen", req.t(.followFormSeen)),
                                view.textarea("wellbeing", req.t(.followFormHow)),
                                view.textarea("concerns", req.t(.followFormConcerns)),
                                view.textarea("servicesNeeded", req.t(.followFormServices)),
                              ], breadcrumbs: o.breadcrumbs(req.language)).render(req, status: status)
    }

    func newFollowUp(req: Request) async throws -> Response {
        let (o, _) = try await req.caseOverview(.create, .followUp)
        var form = FormData()
        form.set("childId", try? req.query.get(String.self, at: "childId"))
        form.set("date", date: req.today.parts)
        form.set("seen", "on")
        return followUpPage(req, o, form, [])
    }

    func recordFollowUp(req: Request) async throws -> Response {
        let (o, _) = try await req.caseOverview(.create, .followUp)
        let form = FormData(req)
        var r = FormReader(form)
        let child: PersonID? = r.id("childId", .permFormChooseChild)
        let date = r.requiredDate("date", .followFormNeedDate)
        var errors = r.errors
        if let child, let date, errors.isEmpty {
            let details = FollowUpDetails(childID: child, date: date, seen: form.bool("seen"), wellbeing: form.string("wellbeing"),
                                          concerns: form.optional("concerns"), servicesNeeded: form.optional("servicesNeeded"))
            if try await attemptForm(&errors, { _ = try await PermanencyCommands(req.change()).recordFollowUp(details, in: o.caseID) }) { return back(req, o) }
        }
        return followUpPage(req, o, form, errors, status: .unprocessableEntity)
    }
}
