/// JSON text written directly (RFC 8259), for an audit entry's wording in other languages: every audited read writes
/// one, and a domain value has no encoder at hand. The API's documents go through the encoder.
public struct JSONText: Sendable {
    public private(set) var text = ""

    public init(capacity: Int = 256) { text.reserveCapacity(capacity) }

    /// `value` as a JSON string: quotes and backslashes escaped, control characters as `\u00XX` (or their short forms).
    public static func quoted(_ value: String) -> String {
        var out = JSONText(capacity: value.utf8.count + 2)
        out.string(value)
        return out.text
    }

    public mutating func raw(_ s: String) { text += s }

    public mutating func string(_ value: String) {
        text += "\""
        var plainFrom = value.unicodeScalars.startIndex
        var index = plainFrom
        let scalars = value.unicodeScalars
        while index != scalars.endIndex {
            let scalar = scalars[index]
            let escape: String?
            switch scalar {
            case "\"": escape = "\\\""
            case "\\": escape = "\\\\"
            case "\n": escape = "\\n"
            case "\r": escape = "\\r"
            case "\t": escape = "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: escape = nil
            }
            if let escape {
                text.unicodeScalars.append(contentsOf: scalars[plainFrom..<index])
                text += escape
                plainFrom = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        text.unicodeScalars.append(contentsOf: scalars[plainFrom..<index])
        text += "\""
    }

    public mutating func key(_ name: String) { string(name); text += ":" }

    /// `"name":"value"`, preceded by a comma unless `first`.
    public mutating func field(_ name: String, _ value: String, first: Bool = false) {
        if !first { text += "," }
        key(name)
        string(value)
    }
}
