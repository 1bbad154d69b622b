/// HTML written straight into one string, for the parts of the busiest pages (the frame every page shares, the
/// caseload's rows) where building Plot's tree of nodes and rendering it took a third of a read's CPU (measured
/// with `perf` on 100 000 families: the caseload page 3.8 ms a read, 1.3 ms of it in `CaseloadView.render`).
/// Text is escaped (`&`, `<`, `>`), attribute values as `HTMLAttribute.escape` does; tags and attribute names are
/// the caller's constants. The output is what Plot writes for the same elements.
struct HTMLWriter {
    private(set) var html = ""

    init(capacity: Int = 8_192) { html.reserveCapacity(capacity) }

    /// `<tag a="v" …>`; a `nil` value leaves its attribute out, an empty one writes the bare name.
    mutating func open(_ tag: StaticString, _ attributes: KeyValuePairs<StaticString, String?> = [:]) {
        html += "<"
        html += tag.description
        for (name, value) in attributes {
            guard let value else { continue }
            html += " "
            html += name.description
            if value.isEmpty { continue }
            html += "=\""
            HTMLAttribute.append(value, to: &html, quotes: true)
            html += "\""
        }
        html += ">"
    }

    /// An element without content, written as Plot writes them (`<input …/>`).
    mutating func void(_ tag: StaticString, _ attributes: KeyValuePairs<StaticString, String?>) {
        open(tag, attributes)
        html.removeLast()
        html += "/>"
    }

    mutating func close(_ tag: StaticString) {
        html += "</"
        html += tag.description
        html += ">"
    }

    /// `<tag …>text</tag>`.
    mutating func element(_ tag: StaticString, _ attributes: KeyValuePairs<StaticString, String?> = [:], text: String) {
        open(tag, attributes)
        self.text(text)
        close(tag)
    }

    mutating func text(_ text: String) {
        guard HTMLAttribute.needsEscaping(text, quotes: false) else { return html += text }
        HTMLAttribute.append(text, to: &html, quotes: false)
    }

    /// Markup already written (by Plot, or by another writer).
    mutating func raw(_ markup: String) { html += markup }
}
