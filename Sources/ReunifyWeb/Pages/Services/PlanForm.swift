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
                let target = r.requiredDate("\(p).targetDate", "Give a target date for this objective")
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
        (0..<goalSlots).map { i in
            .fieldset(.class("plan-goal"),
                .element(named: "legend", nodes: [.text("Goal \(i + 1)\(i == 0 ? "" : " (if any)")")]),
                v.textarea("\(g(i)).statement", "The goal, in the family's words", hint: i == 0 ? "What the family wants to be true, for example “The children live safely at home”" : nil),
                .group((0..<objectiveSlots).map { j in
                    .fieldset(.class("plan-objective"),
                        .element(named: "legend", nodes: [.text("Objective \(i + 1).\(j + 1)")]),
                        v.text("\(o(i, j)).statement", "What will be different"),
                        v.text("\(o(i, j)).measure", "How it is measured", hint: "Something anyone could check, for example “calm limits seen at 4 of 5 visits”"),
                        v.date("\(o(i, j)).targetDate", "Target date"),
                        v.select("\(o(i, j)).category", "Service that will help", ServiceCategory.self, blank: "None yet"),
                        v.text("\(o(i, j)).frequency", "How often", width: "w10"),
                        v.text("\(o(i, j)).responsible", "Who is responsible"))
                }))
        }
    }
}
