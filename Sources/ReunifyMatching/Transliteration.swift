/// Writes Cyrillic and Arabic script in Latin letters, so that "Мария" can meet "Maria" and "محمد" can meet
/// "Mohamed". Arabic script leaves most short vowels unwritten; the phonetic key, which keeps consonants,
/// is what lets such names meet their Latin spellings.
public enum Transliteration {
    static let cyrillic: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i", "й": "y",
        "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
        "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
        "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u",
    ]

    static let arabic: [Character: String] = [
        "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d",
        "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "", "غ": "gh",
        "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "w", "ي": "y", "ى": "a", "ة": "a",
        "ء": "", "ؤ": "", "ئ": "", "پ": "p", "چ": "ch", "ژ": "zh", "گ": "g", "ک": "k", "ی": "y",
        // Harakat, when written, give the short vowels.
        "\u{064E}": "a", "\u{064F}": "u", "\u{0650}": "i", "\u{0651}": "", "\u{0652}": "", "\u{0640}": "",
    ]

    /// Lower-case Latin for any Cyrillic or Arabic letters; other characters pass through lower-cased.
    public static func toLatin(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        var out = ""
        var wordStart = true
        for ch in text.lowercased() {
            // Ayn is unwritten inside a word, but begins names with a vowel: علي Ali, عمر Omar, عبدالله Abdullah.
            if ch == "ع" && wordStart {
                out += "a"
            } else if let latin = cyrillic[ch] ?? arabic[ch] {
                out += latin
            } else {
                out.append(ch)
            }
            wordStart = !(ch.isLetter || ch.isNumber)
        }
        return out
    }
}
