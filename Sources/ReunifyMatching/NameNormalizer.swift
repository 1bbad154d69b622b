/// Turns a name as written into comparable tokens: transliterated to Latin, case, accents and punctuation
/// folded, particles (de, van, al-, bin) set aside, common nicknames read as the name they stand for.
public enum NameNormalizer {
    static let particles: Set<String> = ["de", "del", "della", "der", "den", "da", "das", "dos", "do", "di", "du", "la", "le", "van", "von",
                                         "al", "el", "bin", "ibn", "bint", "ben", "abu", "y", "e", "st"]

    /// Nickname → the name it stands for. Common English, Spanish, Russian and Arabic short forms.
    static let nicknames: [String: String] = [
        "bill": "william", "billy": "william", "will": "william", "willy": "william", "liam": "william",
        "bob": "robert", "bobby": "robert", "rob": "robert", "robbie": "robert", "jim": "james", "jimmy": "james",
        "mike": "michael", "mikey": "michael", "tom": "thomas", "tommy": "thomas", "tony": "anthony", "joe": "joseph",
        "joey": "joseph", "dan": "daniel", "danny": "daniel", "dave": "david", "chris": "christopher", "matt": "matthew",
        "nick": "nicholas", "sam": "samuel", "ben": "benjamin", "alex": "alexander", "andy": "andrew", "drew": "andrew",
        "liz": "elizabeth", "beth": "elizabeth", "betty": "elizabeth", "eliza": "elizabeth", "lizzie": "elizabeth",
        "kate": "katherine", "katie": "katherine", "kathy": "katherine", "cathy": "katherine", "jenny": "jennifer",
        "jen": "jennifer", "maggie": "margaret", "peggy": "margaret", "meg": "margaret", "sue": "susan", "susie": "susan",
        "patty": "patricia", "trish": "patricia", "abby": "abigail", "becky": "rebecca", "vicky": "victoria",
        "pepe": "jose", "paco": "francisco", "pancho": "francisco", "lupe": "guadalupe", "chucho": "jesus", "nacho": "ignacio",
        "lalo": "eduardo", "memo": "guillermo", "beto": "roberto", "quique": "enrique", "toño": "antonio", "tono": "antonio",
        "lola": "dolores", "lupita": "guadalupe", "conchita": "concepcion", "chela": "graciela", "nena": "elena",
        "sasha": "alexander", "sanya": "alexander", "dima": "dmitry", "masha": "mariya", "misha": "mikhail", "kolya": "nikolay",
        "vanya": "ivan", "petya": "pyotr", "natasha": "natalya", "tanya": "tatyana", "olya": "olga", "katya": "yekaterina",
        "seryozha": "sergey", "volodya": "vladimir", "lena": "yelena",
        "mo": "muhammad", "hamo": "muhammad", "abdo": "abdullah", "abboud": "abdullah",
    ]

    /// The name's tokens, in written order, without particles, nicknames read as full names.
    public static func tokens(_ name: String) -> [String] {
        let latin = Transliteration.toLatin(name)
        let separated = String(latin.map { $0 == "-" || $0 == "'" ? " " : $0 })
        return SearchText.fold(separated).split(separator: " ").map(String.init)
            .filter { !particles.contains($0) }
            .map { nicknames[$0] ?? $0 }
    }

    /// Every token of several names (given, family, other names), in order, without repeats.
    public static func tokens(of names: [String]) -> [String] {
        var seen = Set<String>()
        return names.flatMap(tokens).filter { seen.insert($0).inserted }
    }
}
