/// Double Metaphone, written for Reunify after Lawrence Philips' description (2000): a primary sound code and an
/// alternate for names whose spelling reads two ways across languages ("Schmidt" → XMT / SMT, "Jose" → JS / HS).
/// Codes are at most four sounds; "0" is the th sound, "X" sh/ch, "A" a leading vowel.
public enum DoubleMetaphone {
    public static func codes(_ word: String) -> (primary: String, alternate: String) {
        let folded = SearchText.fold(Transliteration.toLatin(word)).uppercased()
        let s = Array(folded.filter { $0.isLetter && $0.isASCII })
        guard !s.isEmpty else { return ("", "") }
        var primary = "", alternate = ""
        func add(_ p: String, _ a: String? = nil) {
            primary += p
            alternate += a ?? p
        }
        func at(_ i: Int) -> Character { i >= 0 && i < s.count ? s[i] : " " }
        func isVowel(_ i: Int) -> Bool { "AEIOUY".contains(at(i)) }
        func matches(_ i: Int, _ options: String...) -> Bool {
            options.contains { o in o.enumerated().allSatisfy { at(i + $0.offset) == $0.element } }
        }
        let slavoGermanic = folded.contains("W") || folded.contains("K") || folded.contains("CZ") || folded.contains("WITZ")
        var i = 0
        if matches(0, "GN", "KN", "PN", "WR", "PS") { i = 1 }
        if at(0) == "X" { add("S"); i = 1 }
        while i < s.count && (primary.count < 4 || alternate.count < 4) {
            let c = s[i]
            switch c {
            case "A", "E", "I", "O", "U", "Y":
                if i == 0 { add("A") }
                i += 1
            case "B":
                add("P")
                i += at(i + 1) == "B" ? 2 : 1
            case "C":
                if matches(i, "CH") {
                    if i == 0 && matches(i, "CHAE") { add("K", "X") }
                    else if i == 0 && (matches(i + 1, "HARAC", "HARIS", "HOR", "HYM", "HIA", "HEM")) { add("K") }
                    else if matches(0, "SCH") || matches(i - 2, "ORCHES", "ARCHIT", "ORCHID") || matches(i + 2, "T", "S") { add("K") }
                    else if i > 0 { add(matches(0, "MC") ? "K" : "X", "K") }
                    else { add("X") }
                    i += 2
                } else if matches(i, "CZ") && !matches(i - 2, "WICZ") {
                    add("S", "X"); i += 2
                } else if matches(i, "CC") && !(i == 1 && at(0) == "M") {
                    if matches(i + 2, "I", "E", "H") && !matches(i + 2, "HU") { add("KS"); i += 3 } else { add("K"); i += 2 }
                } else if matches(i, "CK", "CG", "CQ") {
                    add("K"); i += 2
                } else if matches(i, "CI", "CE", "CY") {
                    add("S", matches(i, "CIO", "CIE", "CIA") ? "X" : "S"); i += 2
                } else {
                    add("K")
                    i += matches(i + 1, " C", " Q", " G") ? 3 : (matches(i + 1, "C", "K", "Q") && !matches(i + 1, "CE", "CI") ? 2 : 1)
                }
            case "D":
                if matches(i, "DG") {
                    if matches(i + 2, "I", "E", "Y") { add("J"); i += 3 } else { add("TK"); i += 2 }
                } else {
                    add("T"); i += matches(i, "DT", "DD") ? 2 : 1
                }
            case "F":
                add("F"); i += at(i + 1) == "F" ? 2 : 1
            case "G":
                if at(i + 1) == "H" {
                    if i > 0 && !isVowel(i - 1) { add("K"); i += 2 }
                    else if i == 0 { add(at(i + 2) == "I" ? "J" : "K"); i += 2 }
                    else if matches(i - 2, "B", "H", "D") || matches(i - 3, "B", "H", "D") || matches(i - 4, "B", "H") { i += 2 }
                    else { if i > 2 && at(i - 1) == "U" && matches(i - 3, "C", "G", "L", "R", "T") { add("F") } else if i > 0 && at(i - 1) != "I" { add("K") }; i += 2 }
                } else if at(i + 1) == "N" {
                    if i == 1 && isVowel(0) && !slavoGermanic { add("KN", "N") }
                    else if !matches(i + 2, "EY") && at(i + 1) != "Y" && !slavoGermanic { add("N", "KN") }
                    else { add("KN") }
                    i += 2
                } else if matches(i + 1, "LI") && !slavoGermanic {
                    add("KL", "L"); i += 2
                } else if i == 0 && (at(1) == "Y" || matches(1, "ES", "EP", "EB", "EL", "EY", "IB", "IL", "IN", "IE", "EI", "ER")) {
                    add("K", "J"); i += 2
                } else if matches(i + 1, "E", "I", "Y") || matches(i - 1, "AGGI", "OGGI") {
                    if matches(0, "VAN ", "VON ", "SCH") || matches(i + 1, "ET") { add("K") }
                    else if matches(i + 1, "IER") { add("J") }
                    else { add("J", "K") }
                    i += 2
                } else {
                    add("K"); i += at(i + 1) == "G" ? 2 : 1
                }
            case "H":
                // Kept between vowels and, unlike the original, before or between consonants: names transliterated
                // from scripts that leave vowels unwritten ("hsn", "mhmd") still sound like "Hassan", "Mohamed".
                if (i == 0 || isVowel(i - 1)) && isVowel(i + 1) { add("H"); i += 2 }
                else if (i == 0 || !isVowel(i - 1)) && !"CGPST".contains(at(i - 1)) && i + 1 < s.count { add("H"); i += 1 }
                else { i += 1 }
            case "J":
                if matches(i, "JOSE") || matches(0, "SAN ") {
                    add(i == 0 ? "H" : "J", "H")
                } else if i == 0 {
                    add("J", "A")
                } else if isVowel(i - 1) && !slavoGermanic && (at(i + 1) == "A" || at(i + 1) == "O") {
                    add("J", "H")
                } else {
                    add("J")
                }
                i += at(i + 1) == "J" ? 2 : 1
            case "K":
                add("K"); i += at(i + 1) == "K" ? 2 : 1
            case "L":
                if at(i + 1) == "L" {
                    if (i == s.count - 3 && matches(i - 1, "ILLO", "ILLA", "ALLE")) { add("L", "") } else { add("L") }
                    i += 2
                } else { add("L"); i += 1 }
            case "M":
                add("M"); i += at(i + 1) == "M" || (matches(i - 1, "UMB") && (i + 1 == s.count - 1 || matches(i + 2, "ER"))) ? 2 : 1
            case "N":
                add("N"); i += at(i + 1) == "N" ? 2 : 1
            case "P":
                if at(i + 1) == "H" { add("F"); i += 2 } else { add("P"); i += matches(i + 1, "P", "B") ? 2 : 1 }
            case "Q":
                add("K"); i += at(i + 1) == "Q" ? 2 : 1
            case "R":
                if i == s.count - 1 && !slavoGermanic && matches(i - 2, "IE") && !matches(i - 4, "ME", "MA") { add("", "R") } else { add("R") }
                i += at(i + 1) == "R" ? 2 : 1
            case "S":
                if matches(i - 1, "ISL", "YSL") { i += 1 }
                else if i == 0 && matches(i, "SUGAR") { add("X", "S"); i += 1 }
                else if matches(i, "SH") { add(matches(i + 1, "HEIM", "HOEK", "HOLM", "HOLZ") ? "S" : "X"); i += 2 }
                else if matches(i, "SIO", "SIA") { add("S", slavoGermanic ? "S" : "X"); i += 3 }
                else if (i == 0 && matches(i + 1, "M", "N", "L", "W")) || at(i + 1) == "Z" { add("S", "X"); i += at(i + 1) == "Z" ? 2 : 1 }
                else if matches(i, "SC") {
                    if at(i + 2) == "H" {
                        if matches(i + 3, "OO", "ER", "EN", "UY", "ED", "EM") { add(matches(i + 3, "ER", "EN") ? "X" : "SK", "SK") }
                        else if i == 0 && !isVowel(3) && at(3) != "W" { add("X", "S") }
                        else { add("X") }
                        i += 3
                    }
                    else if matches(i + 2, "I", "E", "Y") { add("S"); i += 3 }
                    else { add("SK"); i += 3 }
                } else {
                    if i == s.count - 1 && matches(i - 2, "AI", "OI") { add("", "S") } else { add("S") }
                    i += matches(i + 1, "S", "Z") ? 2 : 1
                }
            case "T":
                if matches(i, "TION", "TIA", "TCH") { add("X"); i += 3 }
                else if matches(i, "TH", "TTH") {
                    if matches(i + 2, "OM", "AM") || matches(0, "VAN ", "VON ", "SCH") { add("T") } else { add("0", "T") }
                    i += 2
                } else { add("T"); i += matches(i + 1, "T", "D") ? 2 : 1 }
            case "V":
                add("F"); i += at(i + 1) == "V" ? 2 : 1
            case "W":
                if matches(i, "WR") { add("R"); i += 2 }
                else if i == 0 && (isVowel(1) || at(1) == "H") { add("A", "F"); i += 1 }
                else if (i == s.count - 1 && isVowel(i - 1)) || matches(i - 1, "EWSKI", "EWSKY", "OWSKI", "OWSKY") { add("", "F"); i += 1 }
                else if matches(i, "WICZ", "WITZ") { add("TS", "FX"); i += 4 }
                else { i += 1 }
            case "X":
                if !(i == s.count - 1 && (matches(i - 3, "IAU", "EAU") || matches(i - 2, "AU", "OU"))) { add("KS") }
                i += matches(i + 1, "C", "X") ? 2 : 1
            case "Z":
                if at(i + 1) == "H" { add("J"); i += 2 }
                else { add("S", matches(i + 1, "ZO", "ZI", "ZA") || (slavoGermanic && i > 0 && at(i - 1) != "T") ? "TS" : "S"); i += at(i + 1) == "Z" ? 2 : 1 }
            default:
                i += 1
            }
        }
        return (String(primary.prefix(4)), String(alternate.prefix(4)))
    }
}
