import Foundation

/// A sentence from the catalogue in every language, for a record that keeps what it said when it was written (an
/// audit entry): English is what the log and the API give, the others are kept beside it for pages.
public struct Worded: Sendable, Equatable {
    public let texts: [UILanguage: String]

    /// `values` fill the message's placeholders in every language; `each` adds values that differ by language (a coded
    /// value's label).
    public init(_ key: Msg, _ values: [String: String] = [:], each: ((UILanguage) -> [String: String])? = nil) {
        var texts: [UILanguage: String] = [:]
        for language in UILanguage.allCases {
            texts[language] = Catalogue.text(key, language, values.merging(each?(language) ?? [:]) { $1 })
        }
        self.texts = texts
    }

    init(texts: [UILanguage: String]) { self.texts = texts }

    public var english: String { texts[.english] ?? "" }

    /// The texts other than English, as a JSON object keyed by language tag (`{"es": "…"}`), for storing beside the
    /// English.
    public var othersJSON: String {
        var json = JSONText()
        json.raw("{")
        let others = texts.filter { $0.key != .english }.sorted { $0.key.tag < $1.key.tag }
        for (language, text) in others { json.field(language.tag, text, first: language == others.first?.key) }
        json.raw("}")
        return json.text
    }

    /// What was stored: the English and, when kept, the other languages' JSON. Wording stored for a language no longer
    /// known is left out.
    public static func stored(english: String, others json: String?) -> Worded {
        var texts: [UILanguage: String] = [.english: english]
        if let json, let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String] {
            for (tag, text) in object { if let language = UILanguage(rawValue: tag) { texts[language] = text } }
        }
        return Worded(texts: texts)
    }

    /// The text in a language and the language it is in: English where the entry was written before it kept that
    /// language (the page marks it so).
    public func text(_ language: UILanguage) -> (text: String, language: UILanguage) {
        if let text = texts[language] { return (text, language) }
        return (english, .english)
    }
}
