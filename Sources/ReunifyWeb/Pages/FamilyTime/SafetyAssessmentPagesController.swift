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
        let view = FormView(form, errors: errors)
        return RecordFormPage(title: "Record a safety assessment", action: SiteURL.newSafetyAssessment(o.caseID).path, cancel: SiteURL.caseFile(o.caseID).path,
                              submitLabel: "Save the assessment", view: view, fields: [
                                view.select("childId", "Child", options: o.children.map { ($0.person.id.description, o.name($0.person.id)) }),
                                view.date("date", "Assessed on"),
                                view.textarea("dangerIndicators", "Danger indicators present", hint: "One a line; leave empty when none is present"),
                                view.textarea("protectiveCapacities", "Protective capacities", hint: "What the caregivers do that keeps the child safe; one a line"),
                                view.select("decision", "Decision", SafetyAssessmentDecision.self),
                                view.textarea("safetyPlan", "Safety plan", hint: "Needed when the child is safe with a plan"),
                              ], breadcrumbs: o.breadcrumbs).render(req, status: status)
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
        let child: PersonID? = r.id("childId", "Choose the child")
        let date = r.requiredDate("date", "Give the day of the assessment")
        let decision = r.code(SafetyAssessmentDecision.self, "decision", required: "Choose the decision")
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
