import Plot
import ReunifyDomain

/// Renders form fields with their submitted values and messages, in the GOV.UK pattern: an error summary
/// at the top linking to each field, labels above, hints under labels, the message again beside the field.
struct FormView {
    var form: FormData
    var errors: [FieldError]
    /// The language of the summary's heading and the screen-reader prefix; the labels and messages come translated.
    var language: UILanguage = .english

    init(_ form: FormData = FormData(), errors: [FieldError] = [], language: UILanguage = .english) {
        self.form = form
        self.errors = errors
        self.language = language
    }

    func message(_ field: String) -> String? { errors.first { $0.field == field }?.text(language) }

    /// A catalogue text in the form's language.
    func t(_ id: Msg, _ values: [String: String] = [:]) -> String { Catalogue.text(id, language, values) }

    /// A coded value's options, labelled in the form's language where the code has translations.
    func options<T: CodedValue>(_ type: T.Type) -> [(String, String)] {
        T.allCases.map { code in (code.rawValue, (code as? any Translated)?.staffLabel(language) ?? code.label) }
    }

    func errorSummary() -> Node<HTML.BodyContext> {
        .if(!errors.isEmpty,
            .div(.class("error-summary"), .attribute(named: "role", value: "alert"), .attribute(named: "tabindex", value: "-1"),
                .h2(.text(Catalogue.text(.errorSummaryTitle, language))),
                .ul(.forEach(errors) { e in .li(.a(.href("#\(e.field)"), .text(e.text(language)))) })))
    }

    private func group(_ name: String, _ label: String, hint: String?, _ control: Node<HTML.FormContext>) -> Node<HTML.FormContext> {
        let error = message(name)
        return .div(.class(error == nil ? "field" : "field field-error"),
            .label(.attribute(named: "for", value: name), .text(label)),
            .unwrap(hint) { .div(.class("hint"), .id("\(name)-hint"), .text($0)) },
            .unwrap(error) { .p(.class("error-message"), .id("\(name)-error"), .span(.class("visually-hidden"), .text(Catalogue.text(.errorPrefix, language) + " ")), .text($0)) },
            control)
    }

    func text(_ name: String, _ label: String, hint: String? = nil, type: String = "text", autocomplete: String? = nil,
              width: String = "") -> Node<HTML.FormContext> {
        group(name, label, hint: hint, .input(
            .type(.text), .attribute(named: "type", value: type), .id(name), .name(name), .value(form.string(name)),
            .class("input \(width)"),
            .attribute(named: "autocomplete", value: autocomplete),
            .attribute(named: "aria-invalid", value: message(name) == nil ? nil : "true"),
            .attribute(named: "aria-describedby", value: message(name) == nil ? (hint == nil ? nil : "\(name)-hint") : "\(name)-error")))
    }

    func textarea(_ name: String, _ label: String, hint: String? = nil) -> Node<HTML.FormContext> {
        group(name, label, hint: hint, .textarea(.id(name), .name(name), .class("input"), .attribute(named: "rows", value: "3"),
                                                 .text(form.string(name))))
    }

    /// A select; `blank` is the empty first option's text: "" (the default) says "Choose…" in the form's language,
    /// nil gives no empty option.
    func select(_ name: String, _ label: String, options: [(String, String)], blank: String? = "",
                hint: String? = nil) -> Node<HTML.FormContext> {
        let current = form.string(name)
        let first = blank == "" ? t(.formChoose) : blank
        return group(name, label, hint: hint, selectElement(id: name, options: options, selected: current, blank: first))
    }

    func select<T: CodedValue>(_ name: String, _ label: String, _ type: T.Type, blank: String? = "", hint: String? = nil) -> Node<HTML.FormContext> {
        select(name, label, options: options(type), blank: blank, hint: hint)
    }

    /// A date in three boxes; `hint`: "" (the default) gives an example date in the form's language, nil none.
    func date(_ name: String, _ label: String, hint: String? = "") -> Node<HTML.FormContext> {
        let hint = hint == "" ? t(.formDateHint) : hint
        let error = message(name)
        func box(_ part: String, _ title: String, _ width: String) -> Node<HTML.FormContext> {
            .div(.class("date-part"),
                .label(.attribute(named: "for", value: "\(name)-\(part)"), .text(title)),
                .input(.type(.text), .id("\(name)-\(part)"), .name("\(name)-\(part)"), .value(form.string("\(name)-\(part)")),
                       .class("input \(width)"), .attribute(named: "inputmode", value: "numeric"),
                       .attribute(named: "aria-invalid", value: error == nil ? nil : "true")))
        }
        // The fieldset carries the field's id, so the error summary's link lands on the date as a whole.
        return .fieldset(.id(name), .class(error == nil ? "field" : "field field-error"), .attribute(named: "role", value: "group"),
            .element(named: "legend", nodes: [.text(label)]),
            .unwrap(hint) { .div(.class("hint"), .text($0)) },
            .unwrap(error) { .p(.class("error-message"), .span(.class("visually-hidden"), .text(Catalogue.text(.errorPrefix, language) + " ")), .text($0)) },
            .div(.class("date-input"), box("day", t(.formDay), "w2"), box("month", t(.formMonth), "w2"), box("year", t(.formYear), "w4")))
    }

    func checkbox(_ name: String, _ label: String) -> Node<HTML.FormContext> {
        .div(.class("field checkbox"),
            .input(.type(.checkbox), .id(name), .name(name), .value("on"), .checked(form.bool(name))),
            .label(.attribute(named: "for", value: name), .text(label)))
    }

    func checkboxes<T: CodedValue>(_ name: String, _ legend: String, _ type: T.Type, hint: String? = nil) -> Node<HTML.FormContext> {
        checkboxes(name, legend, options: options(type), hint: hint)
    }

    /// Checkboxes for choosing several of `options` (value, label).
    func checkboxes(_ name: String, _ legend: String, options: [(String, String)], hint: String? = nil) -> Node<HTML.FormContext> {
        let chosen = Set(form.all(name))
        let error = message(name)
        return .fieldset(.class(error == nil ? "field" : "field field-error"),
            .element(named: "legend", nodes: [.text(legend)]),
            .unwrap(hint) { .div(.class("hint"), .text($0)) },
            .unwrap(error) { .p(.class("error-message"), .id(name), .text($0)) },
            .div(.class("checkbox-grid"), .forEach(options) { option in
                .div(.class("checkbox"),
                    .input(.type(.checkbox), .id("\(name)-\(option.0)"), .name(name), .value(option.0),
                           .checked(chosen.contains(option.0))),
                    .label(.attribute(named: "for", value: "\(name)-\(option.0)"), .text(option.1)))
            }))
    }

    func hidden(_ name: String) -> Node<HTML.FormContext> {
        .input(.type(.hidden), .name(name), .value(form.string(name)))
    }
}

/// A `<select>` with its options, for a Plot form (written by the `HTMLWriter` version below).
func selectElement(id: String, options: [(String, String)], selected: String, blank: String?) -> Node<HTML.FormContext> {
    var w = HTMLWriter(capacity: 256)
    selectElement(id: id, options: options, selected: selected, blank: blank, &w)
    return .raw(w.html)
}

/// A `<select>` with its options (and a blank first option when `blank` names it), written into an `HTMLWriter`.
func selectElement(id: String, options: [(String, String)], selected: String, blank: String?, _ w: inout HTMLWriter) {
    w.open("select", ["id": id, "name": id, "class": "input"])
    for (value, label) in (blank.map { [("", $0)] } ?? []) + options {
        w.element("option", ["value": value, "selected": value == selected ? "" : nil], text: label)
    }
    w.close("select")
}
