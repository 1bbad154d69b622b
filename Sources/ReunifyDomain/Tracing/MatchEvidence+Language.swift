import Foundation
import ReunifyMatching

// The matcher's evidence in the reader's language. The matcher keeps a comparison's level as the field's English
// words (stored with every candidate since the first engine); the level's position among the field's levels is what
// is worded here, so evidence stored before reads in every language too.

extension MatchField {
    /// The field's name on the review pages.
    public func label(_ language: UILanguage) -> String {
        switch language {
        case .english: label
        case .spanish: spanishLabel
        }
    }

    private var spanishLabel: String {
        switch self {
        case .name: "Nombre"
        case .birthDate: "Fecha de nacimiento"
        case .sex: "Sexo"
        case .place: "Lugar de origen"
        case .parents: "Padres"
        case .identifier: "Número de identificación"
        case .streetNumber: "Número de casa"
        case .street: "Calle"
        case .area: "Código postal y localidad"
        case .country: "País"
        case .phone: "Teléfono"
        case .email: "Correo electrónico"
        }
    }

    /// The field's comparison levels in a language, in the matcher's order (0 = disagreement).
    public func levels(_ language: UILanguage) -> [String] {
        switch language {
        case .english: levels
        case .spanish: spanishLevels
        }
    }

    private var spanishLevels: [String] {
        switch self {
        case .name: ["nombres distintos", "nombres algo parecidos", "nombres parecidos en el sonido o la escritura",
                     "mismos nombres, aunque falta alguno", "mismos nombres"]
        case .birthDate: ["fechas de nacimiento distintas", "una edad o un año que no concuerda", "una edad o un año que concuerda",
                          "años de nacimiento cercanos", "una parte de la fecha no coincide", "día y mes intercambiados",
                          "misma fecha de nacimiento"]
        case .sex: ["sexo distinto", "mismo sexo"]
        case .place: ["lugares distintos", "nombres de lugar parecidos", "mismo lugar"]
        case .parents: ["nombres de los padres distintos", "nombres de los padres parecidos", "mismo nombre de uno de los padres"]
        case .identifier: ["identificadores distintos", "identificadores que difieren en un carácter", "mismo identificador"]
        case .streetNumber: ["números de casa distintos", "números de casa que difieren en un carácter", "mismo número de casa"]
        case .street: ["calles distintas", "nombres de calle de escritura parecida", "las palabras de una calle están en la otra",
                       "misma calle"]
        case .area: ["zonas distintas", "solo la misma región", "códigos postales que difieren en dos caracteres",
                     "códigos postales que difieren en un carácter, o localidades parecidas", "misma localidad",
                     "mismo código postal, con localidad distinta o sin indicar", "mismo código postal y localidad"]
        case .country: ["países distintos", "mismo país"]
        case .phone: ["teléfonos distintos", "teléfonos que difieren en una cifra", "mismo teléfono"]
        case .email: ["correos electrónicos distintos", "correos electrónicos que difieren en un carácter", "mismo correo electrónico"]
        }
    }
}

extension MatchEvidence {
    /// The evidence in a sentence, in the reader's language, and the language it is written in: evidence whose
    /// level an older engine worded differently is shown in its stored English (and marked so by the page).
    public func worded(_ language: UILanguage) -> (text: String, language: UILanguage) {
        guard let weight else {
            return (Catalogue.text(.mevNothing, language, ["field": field.label(language), "level": Catalogue.text(.mevNotCompared, language)]), language)
        }
        let speaks: UILanguage = levelIndex == nil ? .english : language
        let level = levelIndex.map { field.levels(language)[$0] } ?? self.level
        let factor = pow(2, abs(weight))
        let times = factor >= 10 ? String(Int(factor.rounded())) : LocalFormat.decimal(factor, places: 1, speaks)
        let id: Msg = switch weight {
        case 3...: .mevStrongFor
        case 1..<3: .mevSomeFor
        case (-1)..<1: .mevLittle
        case (-3)..<(-1): .mevSomeAgainst
        default: .mevStrongAgainst
        }
        return (Catalogue.text(id, speaks, ["field": field.label(speaks), "level": level, "times": times]), speaks)
    }

    /// The evidence in a sentence, in English (the API's explanation).
    public var sentence: String { worded(.english).text }

    /// One sentence naming the fields that say nothing because one side or both lack them, or nil when every field
    /// was compared.
    public static func unrecorded(_ evidence: [MatchEvidence], _ language: UILanguage) -> String? {
        let missing = evidence.filter { $0.weight == nil }.map { $0.field.label(language) }
        guard !missing.isEmpty else { return nil }
        return Catalogue.text(.mevUnrecorded, language, ["fields": missing.joined(separator: ", ")])
    }
}
