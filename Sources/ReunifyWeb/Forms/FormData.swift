import Foundation
import Vapor

/// A submitted HTML form, with repeated fields (checkboxes) kept.
struct FormData: Sendable {
    var values: [String: [String]]

    init(values: [String: [String]] = [:]) { self.values = values }

    init(_ req: Request) {
        var values: [String: [String]] = [:]
        let body = req.body.string ?? ""
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            values[key, default: []].append(value)
        }
        self.values = values
    }

    /// One name or value as sent, without NUL characters: nobody types one, and no database keeps one.
    static func decode(_ part: Substring) -> String {
        let text = String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part)
        return text.contains("\0") ? text.replacingOccurrences(of: "\0", with: "") : text
    }

    subscript(_ key: String) -> String? {
        values[key]?.first?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func string(_ key: String) -> String { self[key] ?? "" }

    func optional(_ key: String) -> String? {
        guard let value = self[key], !value.isEmpty else { return nil }
        return value
    }

    func all(_ key: String) -> [String] { values[key] ?? [] }

    func bool(_ key: String) -> Bool { ["on", "true", "yes", "1"].contains(self[key] ?? "") }

    mutating func set(_ key: String, _ value: String?) { values[key] = value.map { [$0] } ?? [] }

    mutating func set(_ key: String, date: CalendarDateParts?) {
        set(key + "-day", date?.day)
        set(key + "-month", date?.month)
        set(key + "-year", date?.year)
    }
}

/// A date as the three boxes of a form show it.
struct CalendarDateParts {
    let day: String, month: String, year: String
}
