import Foundation

/// The id of every message a user reads. Each language's table in `Catalogue` has a text for every id; values are
/// filled into `{name}` placeholders, never concatenated, so each language orders its own sentence.
///
/// The ids are declared by area, next to the texts they name (`Msg+Family.swift` with `Catalogue+English.swift` and
/// `Catalogue+Spanish.swift`, `Msg+CaseStaff.swift` with the case staff parts, and so on). An id is a `Msg` only when
/// declared there: code outside this module names ids as `.skipLink`, never builds one from text, and
/// `init?(rawValue:)` takes only an id the catalogue knows. The catalogue test reads the declarations and checks each
/// has a text in every language.
public struct Msg: RawRepresentable, Hashable, CaseIterable, Sendable {
    public let rawValue: String

    /// A declared id (the area files); the catalogue test checks each one has its texts.
    init(id: String) { rawValue = id }

    /// The id with this text, when the catalogue knows it.
    public init?(rawValue: String) {
        guard Catalogue.english[Msg(id: rawValue)] != nil else { return nil }
        self.rawValue = rawValue
    }

    /// Every id the catalogue knows, in the order of their text.
    public static let allCases: [Msg] = Catalogue.english.keys.sorted { $0.rawValue < $1.rawValue }
}

/// Reunify's message catalogue: the text of every `Msg` in every `UILanguage`.
///
/// Spanish is written for families as `../shared/GLOSSARY-es.md` sets out; the word choices are listed at the top of
/// `Catalogue+Spanish.swift`, the English family wording at the top of `Catalogue+English.swift`.
public enum Catalogue {
    /// The table of one language.
    public static func table(_ language: UILanguage) -> [Msg: String] {
        switch language {
        case .english: english
        case .spanish: spanish
        }
    }

    /// The message in a language with its placeholders filled. A message missing from a table (which the catalogue
    /// test forbids) falls back to English, then to its id.
    public static func text(_ id: Msg, _ language: UILanguage, _ values: [String: String] = [:]) -> String {
        let text = table(language)[id] ?? english[id] ?? id.rawValue
        return values.isEmpty ? text : filled(text, values)
    }

    /// `text` with each `{name}` that `values` names replaced by its value, in one pass: a placeholder `values` does not
    /// name stays as it is, and a value is never searched for placeholders itself (a family's name may hold braces).
    static func filled(_ text: String, _ values: [String: String]) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else {
                result += rest[open...]
                return result
            }
            let name = String(rest[rest.index(after: open)..<close])
            if let value = values[name] { result += value } else { result += rest[open...close] }
            rest = rest[rest.index(after: close)...]
        }
        result += rest
        return result
    }

    /// A table's parts never give one id twice; reaching this is a mistake in the catalogue's source.
    static func twice(_ a: String, _ b: String) -> String {
        preconditionFailure("a message id has a text in two parts of one language's catalogue: \(a) / \(b)")
    }

    /// The ids a language's table lacks.
    public static func missing(in language: UILanguage) -> [Msg] {
        let table = table(language)
        return Msg.allCases.filter { (table[$0] ?? "").isEmpty }
    }

    /// The `{name}` placeholders of a text.
    public static func placeholders(_ text: String) -> Set<String> {
        var names: Set<String> = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
