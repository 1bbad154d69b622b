import Plot
import ReunifyDomain

/// The rating form for any instrument: each domain a group of items, each item the six-point scale
/// as radio buttons plus "not rated", and the domain's overall judgement last.
enum RatingForm {
    static func values(_ ratings: [String: Rating]) -> FormData {
        FormData(values: ratings.mapValues { [String($0.rawValue)] })
    }

    /// Reads the ratings; a value off the scale is an error on its item.
    static func read(_ form: FormData, instrument: Instrument) -> ([String: Rating], [FieldError]) {
        var ratings: [String: Rating] = [:]
        var errors: [FieldError] = []
        for id in instrument.ratingIDs {
            let raw = form.string(id)
            guard !raw.isEmpty else { continue }
            if let value = Int(raw), let rating = Rating(rawValue: value), instrument.ratings.contains(rating) { ratings[id] = rating } else {
                errors.append(FieldError(id, "Choose one of the ratings shown, or not rated"))
            }
        }
        return (ratings, errors)
    }

    static func fields(_ view: FormView, instrument: Instrument) -> [Node<HTML.FormContext>] {
        instrument.domains.map { domain in
            .fieldset(.class("domain"),
                .element(named: "legend", nodes: [.text(domain.title)]),
                .p(.class("hint"), .text(domain.description)),
                .group(domain.items.map { item(view, instrument: instrument, id: $0.id, text: $0.text, required: $0.required) }),
                item(view, instrument: instrument, id: domain.overallID, text: "Overall, for \(domain.title.lowercased())",
                     required: domain.overallRequired, overall: true))
        }
    }

    static func item(_ view: FormView, instrument: Instrument, id: String, text: String, required: Bool, overall: Bool = false) -> Node<HTML.FormContext> {
        let current = view.form.string(id)
        let error = view.message(id)
        let choices: [(String, String)] = instrument.ratings.map { (String($0.rawValue), "\($0.signed) \(instrument.label($0))") } + [("", "Not rated")]
        // Each item's choices are one group named by the item's text: a fieldset with its legend.
        return .div(.class("rating-item\(overall ? " overall" : "")\(error == nil ? "" : " field-error")"), .id(id),
            .fieldset(.class("rating-group"),
                .element(named: "legend", nodes: [.attribute(named: "class", value: "rating-text"), .text(text),
                                                  .if(required, .span(.class("hint"), " (required)"))]),
                .unwrap(error) { .p(.class("error-message"), .text($0)) },
                .div(.class("scale"),
                    .group(choices.map { value, label in
                        let inputID = "\(id)=\(value.isEmpty ? "none" : value)"
                        return .div(.class("scale-choice"),
                            .input(.type(.radio), .id(inputID), .name(id), Attribute(name: "value", value: value, ignoreIfValueIsEmpty: false),
                                   .checked(current == value)),
                            .label(.attribute(named: "for", value: inputID), .text(label)))
                    }))))
    }
}
