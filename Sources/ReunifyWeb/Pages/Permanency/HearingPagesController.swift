import Fluent
import Plot
import Vapor
import ReunifyDomain
import ReunifyStore

/// Recording a hearing (held, or scheduled), changing it once it has been held, and its court report.
struct HearingPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.newHearing(.any).route, use: newHearing)
        routes.post(SiteURL.newHearing(.any).route, use: recordHearing)
        routes.get(SiteURL.editHearing(.any, .any).route, use: editHearing)
        routes.post(SiteURL.editHearing(.any, .any).route, use: changeHearing)
        routes.get(SiteURL.courtReport(.any, .any).route, use: CourtReportPage.show)
    }

    func page(_ req: Request, _ o: CaseOverview, _ form: FormData, _ errors: [FieldError], editing: HearingID? = nil,
              status: HTTPResponseStatus = .ok) -> Response {
        let view = FormView(form, errors: errors, language: req.language)
        let icwa = o.children.contains { $0.person.details.icwaStatus.mayApply }
        let action = editing.map { SiteURL.editHearing(o.caseID, $0).path } ?? SiteURL.newHearing(o.caseID).path
        return RecordFormPage(title: editing == nil ? req.t(.hearFormNewTitle) : req.t(.hearFormEditTitle), action: action,
                              cancel: SiteURL.caseFile(o.caseID).path + "#permanency",
                              submitLabel: req.t(.hearFormSave), view: view, fields: [
                                view.checkboxes("childIds", req.t(.hearFormChildren), options: o.children.map { ($0.person.id.description, o.name($0.person.id)) }),
                                view.select("kind", req.t(.hearFormKind), HearingKind.self),
                                view.date("date", req.t(.permFormDate), hint: req.t(.hearFormDateHint)),
                                view.text("court", req.t(.hearFormCourt)),
                                view.textarea("attended", req.t(.hearFormAttended), hint: req.t(.hearFormOneALine)),
                                view.select("reasonableEfforts", req.t(.hearFormReasonable), EffortsFinding.self, blank: req.t(.hearFormNoFinding)),
                                .if(icwa, view.select("activeEfforts", req.t(.hearFormActive), EffortsFinding.self, blank: req.t(.hearFormNoFinding))),
                                view.textarea("findings", req.t(.hearFormFindings)),
                                view.textarea("orders", req.t(.hearFormOrders), hint: req.t(.hearFormOneALine)),
                                view.date("nextDate", req.t(.hearFormNext), hint: req.t(.hearFormNextHint)),
                              ], breadcrumbs: o.breadcrumbs(req.language)).render(req, status: status)
    }

    func newHearing(req: Request) async throws -> Response {
        let (o, _) = try await req.caseOverview(.create, .hearing)
        var form = FormData()
        for child in o.children where o.episodes.contains(where: { $0.episode.details.childID == child.person.id && $0.episode.details.isOpen }) {
            form.values["childIds", default: []].append(child.person.id.description)
        }
        form.set("date", date: req.today.parts)
        return page(req, o, form, [])
    }

    func read(_ form: FormData) -> (HearingDetails?, [FieldError]) {
        var r = FormReader(form)
        let children = form.all("childIds").compactMap(PersonID.init)
        let kind = r.code(HearingKind.self, "kind", required: .hearFormChooseKind)
        let date = r.requiredDate("date", .hearFormNeedDate)
        let reasonable = r.optionalCode(EffortsFinding.self, "reasonableEfforts")
        let active = r.optionalCode(EffortsFinding.self, "activeEfforts")
        let next = r.date("nextDate")
        guard let kind, let date, r.errors.isEmpty else { return (nil, r.errors) }
        let attended = form.string("attended").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return (HearingDetails(childIDs: children, kind: kind, date: date, court: form.optional("court"), attended: attended,
                               reasonableEfforts: reasonable, activeEfforts: active, findings: form.optional("findings"),
                               orders: form.optional("orders"), nextDate: next), [])
    }

    func recordHearing(req: Request) async throws -> Response {
        let (o, _) = try await req.caseOverview(.create, .hearing)
        let form = FormData(req)
        var (details, errors) = read(form)
        var saved: HearingID?
        if let details, try await attemptForm(&errors, { saved = try await PermanencyCommands(req.change()).recordHearing(details, in: o.caseID).id }),
           let saved {
            return req.redirect(to: SiteURL.caseFile(o.caseID).path + "#hearing-\(saved)")
        }
        return page(req, o, form, errors, status: .unprocessableEntity)
    }

    func editHearing(req: Request) async throws -> Response {
        let (o, _) = try await req.caseOverview(.update, .hearing)
        let id: HearingID = try req.idParameter("hearingID", "hearing")
        guard let h = o.permanency.hearing(id) else { throw Refusal(.notFound, .hearFormNoSuch) }
        var form = FormData()
        let d = h.details
        form.values["childIds"] = d.childIDs.map(\.description)
        form.set("kind", d.kind.rawValue)
        form.set("date", date: d.date.parts)
        form.set("court", d.court)
        form.set("attended", d.attended.joined(separator: "\n"))
        form.set("reasonableEfforts", d.reasonableEfforts?.rawValue)
        form.set("activeEfforts", d.activeEfforts?.rawValue)
        form.set("findings", d.findings)
        form.set("orders", d.orders)
        form.set("nextDate", date: d.nextDate?.parts)
        form.set("version", String(h.version))
        return page(req, o, form, [], editing: id)
    }

    func changeHearing(req: Request) async throws -> Response {
        let (o, _) = try await req.caseOverview(.update, .hearing)
        let id: HearingID = try req.idParameter("hearingID", "hearing")
        let form = FormData(req)
        var (details, errors) = read(form)
        if let details, try await attemptForm(&errors, {
            _ = try await PermanencyCommands(req.change()).changeHearing(id, in: o.caseID, to: details, expectedVersion: FormReader(form).version)
        }) {
            return req.redirect(to: SiteURL.caseFile(o.caseID).path + "#hearing-\(id)")
        }
        return page(req, o, form, errors, editing: id, status: .unprocessableEntity)
    }
}
