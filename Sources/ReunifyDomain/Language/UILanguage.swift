import Foundation

/// A language Reunify's pages are written in. Every string a user reads comes from the catalogue in each of them.
/// A language that reads right to left (Arabic, Persian, …) is added here with its direction; the pages follow it.
public enum UILanguage: String, CaseIterable, Sendable, Codable {
    case english = "en"
    case spanish = "es"

    /// The BCP 47 tag, as `<html lang>` and `Content-Language` take it.
    public var tag: String { rawValue }

    /// `ltr` or `rtl`, for `<html dir>`.
    public var direction: String { Self.rightToLeft.contains(rawValue) ? "rtl" : "ltr" }

    /// Primary subtags of the languages written right to left, for when one of them is added.
    static let rightToLeft: Set<String> = ["ar", "fa", "he", "ur", "ps", "yi"]

    /// The language's own name, as the switch offers it.
    public var nativeName: String {
        switch self {
        case .english: "English"
        case .spanish: "Español"
        }
    }

    /// The language of a tag such as `es`, `es-MX` or `EN-us`; nil for one Reunify is not written in.
    public init?(tag: String) {
        let primary = tag.split(separator: "-").first.map { $0.lowercased() } ?? ""
        guard let language = Self(rawValue: primary) else { return nil }
        self = language
    }

    /// The language of a person's recorded language, given as a name ("Spanish", "español") or a tag ("es").
    public init?(personLanguage: String) {
        let folded = personLanguage.trimmingCharacters(in: .whitespaces)
            .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        switch folded {
        case "english", "ingles": self = .english
        case "spanish", "espanol", "castellano": self = .spanish
        default:
            guard let language = Self(tag: folded) else { return nil }
            self = language
        }
    }

    /// The first of a person's languages that Reunify is written in (their first language, when it is one).
    public static func first(of personLanguages: [String]) -> UILanguage? {
        personLanguages.lazy.compactMap { UILanguage(personLanguage: $0) }.first
    }

    /// The browser's preferred language among those Reunify is written in, from an `Accept-Language` header
    /// (RFC 9110 §12.5.4: quality values, `*`, ties kept in the order given). Nil when none is acceptable.
    public static func negotiate(acceptLanguage header: String?) -> UILanguage? {
        guard let header else { return nil }
        var ranked: [(language: UILanguage?, quality: Double, order: Int)] = []
        for (order, part) in header.split(separator: ",").enumerated() {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let range = pieces.first, !range.isEmpty else { continue }
            var quality = 1.0
            for parameter in pieces.dropFirst() where parameter.lowercased().hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)) ?? 0
            }
            guard quality > 0 else { continue }
            ranked.append((range == "*" ? .english : UILanguage(tag: range), quality, order))
        }
        return ranked.filter { $0.language != nil }
            .sorted { $0.quality != $1.quality ? $0.quality > $1.quality : $0.order < $1.order }
            .first?.language
    }
}
