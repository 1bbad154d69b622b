/// A consonant-skeleton sound key in the Metaphone family, written for Reunify: spellings that sound
/// alike share a key ("Mohamed", "Muhammad", "محمد" → "MHMT"; "Maria", "Mariya" → "MR"). It is coarser than
/// Double Metaphone and serves as one comparison level among several, never as the only evidence.
public enum PhoneticKey {
    public static func of(_ word: String) -> String {
        let letters = Array(SearchText.fold(Transliteration.toLatin(word)).uppercased().filter { $0.isLetter && $0.isASCII })
        guard !letters.isEmpty else { return "" }
        func at(_ i: Int) -> Character? { i >= 0 && i < letters.count ? letters[i] : nil }
        func isVowel(_ c: Character?) -> Bool { c.map { "AEIOUY".contains($0) } ?? false }
        var key = ""
        var i = 0
        // Silent first letters.
        if let first = at(0), let second = at(1), ["KN", "GN", "PN", "WR", "PS"].contains(String([first, second])) { i = 1 }
        if at(0) == "X" { key = "S"; i = 1 }
        while i < letters.count {
            let c = letters[i], next = at(i + 1), prev = at(i - 1)
            var code = ""
            var skip = 1
            switch c {
            case "A", "E", "I", "O", "U":
                if i == 0 { code = "A" }
            case "Y":
                if i == 0 && isVowel(next) { code = "Y" }
            case "B":
                if !(prev == "M" && next == nil) { code = "P" }
            case "C":
                if next == "H" { code = "X"; skip = 2 }
                else if let n = next, "EIY".contains(n) { code = "S" }
                else if next == "K" { code = "K"; skip = 2 }
                else { code = "K" }
            case "D":
                if next == "G", let n = at(i + 2), "EIY".contains(n) { code = "J"; skip = 2 } else { code = "T" }
            case "G":
                if next == "H" { code = isVowel(at(i + 2)) && i == 0 ? "K" : ""; skip = 2 }
                else if let n = next, "EIY".contains(n) { code = "J" }
                else { code = "K" }
            case "H":
                // Silent after a vowel unless a vowel follows ("Sarah", "John"); kept between consonants, as in
                // names written without vowels ("mhmd").
                let afterVowelOnly = isVowel(prev) && !isVowel(next)
                if !afterVowelOnly && !(prev.map { "CGPST".contains($0) } ?? false) && next != nil { code = "H" }
            case "K":
                if prev != "C" { code = "K" }
            case "P":
                if next == "H" { code = "F"; skip = 2 } else { code = "P" }
            case "Q": code = "K"
            case "S":
                if next == "H" { code = "X"; skip = 2 }
                else if next == "C", at(i + 2) == "H" { code = "SK"; skip = 3 }
                else { code = "S" }
            case "T":
                if next == "H" { code = "0"; skip = 2 }
                else if next == "S" { code = "S"; skip = 2 }
                else { code = "T" }
            case "V": code = "F"
            case "W":
                if isVowel(next) && i == 0 { code = "W" }
            case "X": code = "KS"
            case "Z": code = "S"
            case "J": code = "J"
            default: code = String(c)
            }
            // Doubled letters sound once.
            if let last = key.last, code.count == 1, code.first == last, !(c == "C" && next == "C") { code = "" }
            key += code
            i += skip
        }
        return key
    }
}
