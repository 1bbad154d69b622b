import Vapor

extension Request {
    /// The value a query string gives `name` (the first, when it is given twice), percent-decoded with `+` read as a
    /// space, as a form sends it; "" for a name given without `=`; nil when the query does not name it. The lists read
    /// their page and filters this way, without decoding the whole query into a container for each value.
    func queryValue(_ name: String) -> String? {
        guard let query = url.query, !query.isEmpty else { return nil }
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard Self.formDecoded(parts[0]) == name else { continue }
            return parts.count > 1 ? Self.formDecoded(parts[1]) : ""
        }
        return nil
    }

    /// The query's whole number for `name`; nil when absent or not a whole number.
    func queryInt(_ name: String) -> Int? {
        queryValue(name).flatMap { Int($0) }
    }

    static func formDecoded(_ text: Substring) -> String? {
        guard text.contains(where: { $0 == "%" || $0 == "+" }) else { return String(text) }
        return text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
