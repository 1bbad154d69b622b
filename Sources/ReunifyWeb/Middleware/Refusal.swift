import Vapor
import ReunifyDomain

/// A refusal whose reason comes from the catalogue: a page shows it in the reader's language, the API answers its
/// English (the API speaks English throughout).
struct Refusal: AbortError {
    let status: HTTPResponseStatus
    let key: Msg
    let values: [String: String]
    /// The API's English where it says more than a page does (naming the kind of record, say).
    let english: String?

    init(_ status: HTTPResponseStatus, _ key: Msg, _ values: [String: String] = [:], english: String? = nil) {
        self.status = status
        self.key = key
        self.values = values
        self.english = english
    }

    var reason: String { english ?? Catalogue.text(key, .english, values) }
    func text(_ language: UILanguage) -> String { Catalogue.text(key, language, values) }
}
