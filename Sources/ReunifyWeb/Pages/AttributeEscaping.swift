import Foundation
import Plot

/// Plot escapes text but writes attribute values exactly as given, so a family name typed into a form, or a search
/// sent in a link, could close the attribute and open markup of its own. The functions below are the ones the pages
/// call instead of Plot's: Swift prefers them, the first because it takes the value as given where Plot's takes an
/// optional with a default, the others because they are written for the concrete contexts the pages use, more
/// specific than Plot's protocol-bound ones. `AttributeEscapingTests` renders each and checks that it escapes.
enum HTMLAttribute {
    /// `value` with `&`, `<`, `>`, `"` and `'` written as character references; unchanged (and not copied) when it
    /// holds none of them.
    static func escape(_ value: String) -> String {
        guard needsEscaping(value, quotes: true) else { return value }
        var out = ""
        out.reserveCapacity(value.utf8.count + 16)
        append(value, to: &out, quotes: true)
        return out
    }

    /// Whether `value` holds `&`, `<` or `>` (and, with `quotes`, `"` or `'`).
    static func needsEscaping(_ value: String, quotes: Bool) -> Bool {
        value.utf8.contains { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || (quotes && ($0 == 0x22 || $0 == 0x27)) }
    }

    /// Appends `value` to `out` with `&`, `<` and `>` (and, with `quotes`, `"` and `'`) written as references: text
    /// needs the first three, attribute values all five.
    static func append(_ value: String, to out: inout String, quotes: Bool) {
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            case "'" where quotes: out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
    }

    /// The text of a link's address, as Plot would write it.
    static func text(_ url: URLRepresentable) -> String {
        if let string = url as? String { return string }
        if let url = url as? URL { return url.absoluteString }
        return "\(url)"
    }

    static func node<Context>(_ name: String, _ value: String, ignoreIfValueIsEmpty: Bool = true) -> Node<Context> {
        .attribute(Attribute(name: name, value: escape(value), ignoreIfValueIsEmpty: ignoreIfValueIsEmpty))
    }
}

extension Node {
    static func attribute(named name: String, value: String) -> Node { HTMLAttribute.node(name, value) }
    static func attribute(named name: String, value: String, ignoreIfValueIsEmpty: Bool) -> Node {
        HTMLAttribute.node(name, value, ignoreIfValueIsEmpty: ignoreIfValueIsEmpty)
    }
}

extension Node where Context == HTML.AnchorContext {
    static func href(_ url: URLRepresentable) -> Node { HTMLAttribute.node("href", HTMLAttribute.text(url)) }
}

extension Node where Context == HTML.ButtonContext {
    static func value(_ value: String) -> Node { HTMLAttribute.node("value", value) }
    static func name(_ name: String) -> Node { HTMLAttribute.node("name", name) }
}

extension Node where Context == HTML.TextAreaContext {
    static func name(_ name: String) -> Node { HTMLAttribute.node("name", name) }
}

// Elements without content (`input`, `link`, `meta`) take `Attribute` values, not nodes.
extension Attribute {
    static func attribute(named name: String, value: String) -> Attribute { Attribute(name: name, value: HTMLAttribute.escape(value)) }
}

extension Attribute where Context == HTML.InputContext {
    static func value(_ value: String) -> Attribute { Attribute(name: "value", value: HTMLAttribute.escape(value)) }
    static func name(_ name: String) -> Attribute { Attribute(name: "name", value: HTMLAttribute.escape(name)) }
    static func id(_ id: String) -> Attribute { Attribute(name: "id", value: HTMLAttribute.escape(id)) }
}
