import Fluent
import Plot
import Vapor
import ReunifyDomain
import ReunifyStore

/// Recording a safety assessment of a child: danger indicators, protective capacities, decision, safety plan.
struct SafetyAssessmentPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.newSafetyAssessment(.any).route, use: newSafety)
        routes.post(SiteURL.newSafetyAssessment(.any).route, use: recordSafety)
    }

    func safetyPage(_ req: Request, _ o: CaseOverview, _ form: FormData, _ errors: [FieldError], status: HTTPResponseStatus = .ok) -> Response {
        let view = FormView(form, errors: errors, language: req.language)
        return RecordFormPage(title: req.t(.ftSafetyTitle), action: SiteURL.newSafetyAssessment(o.caseID).path, cancel: SiteURL.caseFile(o.caseID).path,
                              submitLabel: req.t(.ftSafetySubmit), view: view, fields: [
                                view.select("childId", req.t(.epFormChild), options: o.children.map { ($0.person.id.description, o.name($0.person.id)) }),
                                view.date("date", req.t(.ftAssessedOn)),
                                view.textarea("dangerIndicators", req.t(.ftDangers), hint: req.t(.ftDangersHint)),
                                view.textarea("protectiveCapacities", req.t(.ftProtective), hint: req.t(.ftProtectiveHint)),
                                view.select("decision", req.t(.ftDecision), SafetyAssessmentDecision.self),
                                view.textarea("safetyPlan", req.t(.ftSafetyPlan), hint: req.t(.ftSafetyPlanHint)),
                              ], breadcrumbs: o.breadcrumbs(req.language)).render(req, status: status)
    }

    func newSafety(req: Request) async throws -> Response {
        let (o, _) = try await req.caseOverview(.create, .safetyAssessment)
        var form = FormData()
        form.set("childId", try? req.query.get(String.self, at: "childId"))
        form.set("date-day", String(req.today.day))
        form.set("date-month", String(req.today.month))
        form.set("date-year", String(req.today.year))
        return safetyPage(req, o, form, [])
    }

    func recordSafety(req: Request) async throws -> Response {
        let (o, _) = try await req.caseOverview(.create, .safetyAssessment)
        let form = FormData(req)
        var r = FormReader(form)
        let child: PersonID? = r.id("childId", .ftChooseChild)
        let date = r.requiredDate("date", .ftGiveAssessDay)
        let decision = r.code(SafetyAssessmentDecision.self, "decision", required: .ftChooseDecision)
        func lines(_ key: String) -> [String] {
            form.string(key).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        if let child, let date, let decision, r.errors.isEmpty {
            let details = SafetyAssessmentDetails(childID: child, date: date, dangerIndicators: lines("dangerIndicators"),
                                                  protectiveCapacities: lines("protectiveCapacities"), decision: decision, safetyPlan: form.optional("safetyPlan"))
            do {
                _ = try await FamilyTimeCommands(req.change()).recordSafetyAssessment(details, in: o.caseID)
                return req.redirect(to: SiteURL.caseFile(o.caseID).path + "#family-time")
            } catch {
                guard let refusal = FormRefusal(error) else { throw error }
                r.add(refusal.errors)
            }
        }
        return safetyPage(req, o, form, r.errors, status: .unprocessableEntity)
    }
}
