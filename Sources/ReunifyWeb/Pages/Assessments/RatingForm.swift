import Plot
import ReunifyDomain

/// The rating form for any instrument: each domain a group of items, each item the six-point scale
/// as radio buttons plus "not rated", and the domain's overall judgement last. The instrument is shown as the form's
/// language words it (its translation where it has one); where it has none, its text is marked with its own language.
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
                errors.append(FieldError(id, .ruleAsmChooseRating))
            }
        }
        return (ratings, errors)
    }

    static func fields(_ view: FormView, instrument source: Instrument) -> [Node<HTML.FormContext>] {
        let (instrument, tag) = source.worded(view.language)
        let marked = tag == view.language.tag ? nil : tag
        return instrument.domains.map { domain in
            .fieldset(.class("domain"),
                .element(named: "legend", nodes: [.attribute(named: "lang", value: marked), .text(domain.title)]),
                .p(.class("hint"), .attribute(named: "lang", value: marked), .text(domain.description)),
                .group(domain.items.map { item(view, instrument: instrument, id: $0.id, text: $0.text, lang: marked, required: $0.required) }),
                item(view, instrument: instrument, id: domain.overallID, text: view.t(.asmOverallFor, ["domain": domain.title.lowercased()]),
                     lang: marked, textLang: .some(nil), required: domain.overallRequired, overall: true))
        }
    }

    /// `lang` marks the instrument's words (its scale, and the item's text unless `textLang` says otherwise).
    static func item(_ view: FormView, instrument: Instrument, id: String, text: String, lang: String?, textLang: String?? = nil,
                     required: Bool, overall: Bool = false) -> Node<HTML.FormContext> {
        let current = view.form.string(id)
        let error = view.message(id)
        let choices: [(String, String, String?)] = instrument.ratings.map { (String($0.rawValue), "\($0.signed) \(instrument.label($0))", lang) }
            + [("", view.t(.asmNotRated), nil)]
        // Each item's choices are one group named by the item's text: a fieldset with its legend.
        return .div(.class("rating-item\(overall ? " overall" : "")\(error == nil ? "" : " field-error")"), .id(id),
            .fieldset(.class("rating-group"),
                .element(named: "legend", nodes: [.attribute(named: "class", value: "rating-text"),
                                                  .span(.attribute(named: "lang", value: textLang ?? lang), .text(text)),
                                                  .if(required, .span(.class("hint"), .text(" " + view.t(.asmRequired))))]),
                .unwrap(error) { .p(.class("error-message"), .text($0)) },
                .div(.class("scale"),
                    .group(choices.map { value, label, labelLang in
                        let inputID = "\(id)=\(value.isEmpty ? "none" : value)"
                        return .div(.class("scale-choice"),
                            .input(.type(.radio), .id(inputID), .name(id), Attribute(name: "value", value: value, ignoreIfValueIsEmpty: false),
                                   .checked(current == value)),
                            .label(.attribute(named: "for", value: inputID), .attribute(named: "lang", value: labelLang), .text(label)))
                    }))))
    }
}
