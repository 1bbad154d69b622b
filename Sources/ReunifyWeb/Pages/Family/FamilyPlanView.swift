import Plot
import ReunifyDomain

/// A plan version's goals in the family summary's words: what will be different, how we will know, by when, what
/// will help, and (on the family's own page) how each help is going. Shared by the family's plan page and the
/// printable summary staff go through with the family.
enum FamilyPlanView {
    static func goals(_ d: CasePlanDetails, _ lang: UILanguage, progress: Bool) -> Node<HTML.BodyContext> {
        .forEach(Array(d.goals.enumerated())) { n, goal in
            .div(.class("plan-goal"),
                .h2(.class("goal"), .text(Catalogue.text(.planGoal, lang, ["number": "\(n + 1)", "statement": goal.statement]))),
                .forEach(goal.objectives) { objective(lang, $0, progress: progress) })
        }
    }

    static func objective(_ lang: UILanguage, _ o: PlanObjective, progress: Bool) -> Node<HTML.BodyContext> {
        let helps = o.interventions.map { [$0.category.label(lang), $0.frequency].compactMap { $0 }.joined(separator: ", ") }
        let going = o.interventions.map { "\($0.category.label(lang)): \($0.status.label(lang).lowercased())" }
        return .div(.class("plan-objective"),
            line(.planWhat, lang, o.statement),
            line(.planHow, lang, o.measure),
            line(.planBy, lang, LocalFormat.date(o.targetDate, lang)),
            .if(!helps.isEmpty, line(.planHelp, lang, helps.joined(separator: "; "))),
            .if(progress && !going.isEmpty, line(.planProgress, lang, going.joined(separator: "; "))))
    }

    static func line(_ label: Msg, _ lang: UILanguage, _ text: String) -> Node<HTML.BodyContext> {
        .p(.strong(.text(Catalogue.text(label, lang))), .text(" " + text))
    }
}
