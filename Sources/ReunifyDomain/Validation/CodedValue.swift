/// A closed list of the field (AFCARS codes, roles, stages) stored by a stable string code.
public protocol CodedValue: CaseIterable, RawRepresentable, Sendable, Codable, Hashable where RawValue == String {
    /// What a person reads on a page.
    var label: String { get }
    /// The list's name in messages ("placement setting").
    static var listName: String { get }
}

extension CodedValue {
    /// Parses a stored or submitted code; the error lists the codes that are accepted.
    public static func parse(_ code: String, field: String) throws(ValidationFailure) -> Self {
        let trimmed = code.trimmingCharacters(in: .whitespaces)
        if let value = Self(rawValue: trimmed) { return value }
        throw ValidationFailure([unknownError(trimmed, field: field)])
    }

    /// Parses an optional code: nil or empty stays nil.
    public static func parseOptional(_ code: String?, field: String) throws(ValidationFailure) -> Self? {
        guard let code, !code.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return try parse(code, field: field)
    }

    /// The refusal of an unknown code, in every language: the API and the logs keep the English that names the list;
    /// a page in another language shows the catalogue's wording of it.
    public static func unknownError(_ code: String, field: String) -> FieldError {
        let codes = allCases.map(\.rawValue).joined(separator: ", ")
        var texts: [UILanguage: String] = [:]
        for language in UILanguage.allCases {
            texts[language] = language == .english ? unknownMessage(code)
                : Catalogue.text(.ruleCodeUnknown, language, ["code": code, "codes": codes])
        }
        return FieldError(field, texts: texts)
    }

    public static func unknownMessage(_ code: String) -> String {
        let codes = allCases.map(\.rawValue).joined(separator: ", ")
        return "'\(code)' is not a known \(listName); use one of: \(codes)"
    }
}

import Foundation
