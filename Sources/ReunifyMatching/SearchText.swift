import Foundation

/// Folds names for searching, so that "JOSÉ Núñez" and "jose nunez" meet.
public enum SearchText {
    /// Lower case, accents and other combining marks removed, runs of space and punctuation
    /// made one space.
    public static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return foldASCII(text) }
        let decomposed = text.decomposedStringWithCanonicalMapping
        var out = String.UnicodeScalarView()
        var lastWasSpace = true
        for scalar in decomposed.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                continue
            default:
                break
            }
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                for lower in scalar.properties.lowercaseMapping.unicodeScalars { out.append(lower) }
                lastWasSpace = false
            } else if !lastWasSpace {
                out.append(" ")
                lastWasSpace = true
            }
        }
        var folded = String(out)
        if folded.hasSuffix(" ") { folded.removeLast() }
        // Letters that do not decompose into a base letter and a mark.
        let replacements: [(String, String)] = [("ß", "ss"), ("ø", "o"), ("đ", "d"), ("ł", "l"), ("æ", "ae"), ("œ", "oe"), ("ı", "i")]
        for (from, to) in replacements where folded.contains(from) {
            folded = folded.replacingOccurrences(of: from, with: to)
        }
        return folded
    }

    /// The same folding for plain ASCII text, byte by byte: most names in large files.
    static func foldASCII(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var lastWasSpace = true
        for b in text.utf8 {
            switch b {
            case 0x41...0x5A:
                out.append(b + 0x20)
                lastWasSpace = false
            case 0x61...0x7A, 0x30...0x39:
                out.append(b)
                lastWasSpace = false
            default:
                if !lastWasSpace {
                    out.append(0x20)
                    lastWasSpace = true
                }
            }
        }
        if out.last == 0x20 { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }

    /// The words of a query, folded; a record matches when every word is found in its folded text.
    public static func terms(_ query: String) -> [String] {
        fold(query).split(separator: " ").map(String.init)
    }
}
