import Fluent
import Plot
import Vapor
import ReunifyDomain
import ReunifyStore

/// Recording what happened at a visit once it has started: attendance per person and the observation.
struct VisitRecordPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.recordVisit(.any, .any).route, use: recordForm)
        routes.post(SiteURL.recordVisit(.any, .any).route, use: record)
    }

    func recordPage(_ req: Request, _ o: CaseOverview, _ visit: Recorded<VisitSubject, VisitDetails>, _ form: FormData, _ errors: [FieldError],
                    status: HTTPResponseStatus = .ok) -> Response {
        let view = FormView(form, errors: errors, language: req.language)
        let v = visit.details
        let offset = req.reunify.timeZone.secondsFromGMT(for: v.start) / 60
        let title = req.t(.ftRecordTitle, ["date": LocalFormat.date(VisitTimes.day(v.start, offsetMinutes: offset), req.language)])
        return RecordFormPage(title: title, action: SiteURL.recordVisit(o.caseID, visit.id).path, cancel: SiteURL.visitPlan(o.caseID, v.planID).path,
                              submitLabel: req.t(.ftRecordSubmit), view: view, fields: [
                                .p(.class("hint"), .text(req.t(.ftRecordWhen, ["time": VisitTimes.span(v.start, v.end, offsetMinutes: offset), "place": v.location]))),
                                .group(v.people.map { p in
                                    view.select("attendance-\(p)", o.name(p), VisitAttendance.self)
                                }),
                                view.select("quality", req.t(.ftQuality), VisitQuality.self, blank: req.t(.ftNotRated),
                                            hint: req.t(.ftQualityHint)),
                                view.textarea("wentWell", req.t(.ftWentWell)),
                                view.textarea("concerns", req.t(.ftConcerns), hint: req.t(.ftConcernsHint)),
                                view.textarea("childReaction", req.t(.ftChildReaction)),
                              ], breadcrumbs: o.breadcrumbs(req.language) + [(req.t(.ftFamilyTime), SiteURL.visitPlan(o.caseID, v.planID).path)]).render(req, status: status)
    }

    func recordForm(req: Request) async throws -> Response {
        let (o, _) = try await req.caseOverview(.update, .visit)
        let id: VisitID = try req.idParameter("visitID", "visit")
        guard let visit = try await FamilyTimeRepository(req.db).visit(id, in: o.caseID) else { throw Refusal(.notFound, .ftNoSuchVisit) }
        var form = FormData()
        for p in visit.details.people { form.set("attendance-\(p)", visit.details.record?.attendance.first { $0.personID == p }?.status.rawValue ?? VisitAttendance.attended.rawValue) }
        form.set("quality", visit.details.record?.quality?.rawValue)
        form.set("wentWell", visit.details.record?.observations.wentWell)
        form.set("concerns", visit.details.record?.observations.concerns)
        form.set("childReaction", visit.details.record?.observations.childReaction)
        return recordPage(req, o, visit, form, [])
    }

    func record(req: Request) async throws -> Response {
        let (o, _) = try await req.caseOverview(.update, .visit)
        let id: VisitID = try req.idParameter("visitID", "visit")
        guard let visit = try await FamilyTimeRepository(req.db).visit(id, in: o.caseID) else { throw Refusal(.notFound, .ftNoSuchVisit) }
        let form = FormData(req)
        var r = FormReader(form)
        var attendance: [VisitAttendanceEntry] = []
        for p in visit.details.people {
            if let status = r.code(VisitAttendance.self, "attendance-\(p)", required: .ftSayCame, ["name": o.name(p)]) {
                attendance.append(VisitAttendanceEntry(personID: p, status: status))
            }
        }
        let quality = r.optionalCode(VisitQuality.self, "quality")
        if r.errors.isEmpty {
            let outcome = FamilyTimeCommands.VisitOutcome(attendance: attendance, quality: quality, observations: VisitObservation(
                wentWell: form.optional("wentWell"), concerns: form.optional("concerns"), childReaction: form.optional("childReaction")))
            do {
                _ = try await FamilyTimeCommands(req.change()).record(outcome, of: id, in: o.caseID)
                return req.redirect(to: SiteURL.visitPlan(o.caseID, visit.details.planID).path)
            } catch {
                guard let refusal = FormRefusal(error) else { throw error }
                r.add(refusal.errors.map { $0.field.hasPrefix("observations.") ? $0.on(String($0.field.dropFirst(13))) : $0 })
            }
        }
        return recordPage(req, o, visit, form, r.errors, status: .unprocessableEntity)
    }
}
