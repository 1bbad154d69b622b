import Foundation
import Plot
import ReunifyDomain

/// The plan form: up to three goals, each with up to two objectives, each with one intervention. Fields are named
/// `g0.o1.measure` (a form posts no brackets); `formField` turns the domain's `goals[0].objectives[1].measure` into
/// that, so an error from `PlanRules` lands beside its field.
enum PlanForm {
    static let goalSlots = 3, objectiveSlots = 2

    static func g(_ i: Int) -> String { "g\(i)" }
    static func o(_ i: Int, _ j: Int) -> String { "g\(i).o\(j)" }

    static func formField(_ field: String) -> String {
        var f = field.replacingOccurrences(of: "goals[", with: "g").replacingOccurrences(of: "].objectives[", with: ".o")
        if let range = f.range(of: #"\]\.interventions\[[0-9]+\]"#, options: .regularExpression) { f.replaceSubrange(range, with: "") }
        return f.replacingOccurrences(of: "]", with: "")
    }

    static func values(_ goals: [PlanGoal], version: Int?) -> FormData {
        var f = FormData()
        for (i, goal) in goals.prefix(goalSlots).enumerated() {
            f.set("\(g(i)).statement", goal.statement)
            for (j, objective) in goal.objectives.prefix(objectiveSlots).enumerated() {
                f.set("\(o(i, j)).statement", objective.statement)
                f.set("\(o(i, j)).measure", objective.measure)
                f.set("\(o(i, j)).targetDate", date: objective.targetDate.parts)
                if let first = objective.interventions.first {
                    f.set("\(o(i, j)).category", first.category.rawValue)
                    f.set("\(o(i, j)).frequency", first.frequency)
                    f.set("\(o(i, j)).responsible", first.responsible)
                }
            }
        }
        if let version { f.set("version", String(version)) }
        return f
    }

    /// Goals as typed; empty slots are left out. A started objective needs its parts; the domain checks the rest.
    static func read(_ form: FormData) -> ([PlanGoal], [FieldError]) {
        var r = FormReader(form)
        var goals: [PlanGoal] = []
        for i in 0..<goalSlots {
            let statement = form.string("\(g(i)).statement").trimmingCharacters(in: .whitespacesAndNewlines)
            var objectives: [PlanObjective] = []
            for j in 0..<objectiveSlots {
                let p = o(i, j)
                let text = form.string("\(p).statement").trimmingCharacters(in: .whitespacesAndNewlines)
                let measure = form.string("\(p).measure").trimmingCharacters(in: .whitespacesAndNewlines)
                guard !text.isEmpty || !measure.isEmpty else { continue }
                let target = r.requiredDate("\(p).targetDate", .planFormNeedTarget)
                let category = r.optionalCode(ServiceCategory.self, "\(p).category")
                let interventions = category.map {
                    [PlanIntervention(category: $0, responsible: form.optional("\(p).responsible"), frequency: form.optional("\(p).frequency"))]
                } ?? []
                if let target {
                    objectives.append(PlanObjective(statement: text, measure: measure, targetDate: target, interventions: interventions))
                }
            }
            guard !statement.isEmpty || !objectives.isEmpty else { continue }
            goals.append(PlanGoal(statement: statement, objectives: objectives))
        }
        return (goals, r.errors)
    }

    static func fields(_ v: FormView) -> [Node<HTML.FormContext>] {
        (0..<goalSlots).map { goal(v, $0) }
    }

    static func goal(_ v: FormView, _ i: Int) -> Node<HTML.FormContext> {
        let legend = v.t(i == 0 ? .planFormGoal : .planFormGoalIfAny, ["n": String(i + 1)])
        let hint: String? = i == 0 ? v.t(.planFormGoalHint) : nil
        return .fieldset(.class("plan-goal"),
            .element(named: "legend", nodes: [.text(legend)]),
            v.textarea("\(g(i)).statement", v.t(.planFormGoalText), hint: hint),
            .group((0..<objectiveSlots).map { objective(v, i, $0) }))
    }

    static func objective(_ v: FormView, _ i: Int, _ j: Int) -> Node<HTML.FormContext> {
        let p = o(i, j)
        let legend = v.t(.planFormObjective, ["g": String(i + 1), "o": String(j + 1)])
        return .fieldset(.class("plan-objective"),
            .element(named: "legend", nodes: [.text(legend)]),
            v.text("\(p).statement", v.t(.planFormDifferent)),
            v.text("\(p).measure", v.t(.planFormMeasure), hint: v.t(.planFormMeasureHint)),
            v.date("\(p).targetDate", v.t(.planFormTarget)),
            v.select("\(p).category", v.t(.planFormService), ServiceCategory.self, blank: v.t(.planFormNoService)),
            v.text("\(p).frequency", v.t(.planFormHowOften), width: "w10"),
            v.text("\(p).responsible", v.t(.planFormResponsible)))
    }
}
