import Foundation
import Plot
import ReunifyDomain

enum PersonForm {
    static func values(_ d: PersonDetails, version: Int) -> FormData {
        var f = FormData()
        f.set("givenName", d.givenName)
        f.set("familyName", d.familyName)
        f.set("otherNames", d.otherNames.joined(separator: ", "))
        f.set("birthDate", date: d.birthDate?.parts)
        f.set("birthDateEstimated", d.birthDateEstimated ? "on" : nil)
        f.set("sex", d.sex.rawValue)
        f.set("languages", d.languages.joined(separator: ", "))
        f.set("interpreterNeeded", d.interpreterNeeded ? "on" : nil)
        f.set("tribalAffiliation", d.tribalAffiliation)
        f.set("icwaStatus", d.icwaStatus.rawValue)
        f.set("phone", d.phone)
        f.set("email", d.email)
        f.set("address.line", d.address?.line)
        f.set("address.locality", d.address?.locality)
        f.set("address.region", d.address?.region)
        f.set("address.postcode", d.address?.postcode)
        f.set("address.country", d.address?.country)
        f.set("placeOfOrigin", d.placeOfOrigin)
        f.set("tracingConsent", d.tracingConsent ? "on" : nil)
        f.set("version", String(version))
        return f
    }

    static func read(_ form: FormData, today: CalendarDate) -> (PersonDetails?, [FieldError]) {
        var r = FormReader(form)
        let given = r.required("givenName", .rulePersonGiven)
        let family = r.required("familyName", .rulePersonFamily)
        let birth = r.date("birthDate")
        let sex = r.optionalCode(Sex.self, "sex") ?? .unknown
        let icwa = r.optionalCode(ICWAStatus.self, "icwaStatus") ?? .unknown
        let list: (String) -> [String] = { form.string($0).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        let details = PersonDetails(givenName: given, familyName: family, otherNames: list("otherNames"), birthDate: birth,
                                    birthDateEstimated: form.bool("birthDateEstimated"), sex: sex, languages: list("languages"),
                                    interpreterNeeded: form.bool("interpreterNeeded"), tribalAffiliation: form.optional("tribalAffiliation"),
                                    icwaStatus: icwa, phone: form.optional("phone"), email: form.optional("email"), address: address(form),
                                    placeOfOrigin: form.optional("placeOfOrigin"), tracingConsent: form.bool("tracingConsent"))
        r.add(details.validate(today: today))
        return r.errors.isEmpty ? (details, []) : (nil, r.errors)
    }

    /// The address parts as typed, codes upper-cased (a person types "ca" for California).
    static func address(_ form: FormData) -> Address? {
        Address.tidy(line: form.optional("address.line"), locality: form.optional("address.locality"),
                     region: form.optional("address.region")?.uppercased(), postcode: form.optional("address.postcode"),
                     country: form.optional("address.country")?.uppercased())
    }

    static func fields(_ v: FormView) -> [Node<HTML.FormContext>] {
        [
            v.text("givenName", v.t(.personGivenName)),
            v.text("familyName", v.t(.personFamilyName)),
            v.text("otherNames", v.t(.personOtherNames), hint: v.t(.personOtherNamesHint)),
            v.date("birthDate", v.t(.personBirthDate), hint: v.t(.personBirthDateHint)),
            v.checkbox("birthDateEstimated", v.t(.personEstimated)),
            v.select("sex", v.t(.personSex), Sex.self, blank: nil),
            v.text("languages", v.t(.personLanguages), hint: v.t(.personLanguagesHint)),
            v.checkbox("interpreterNeeded", v.t(.personInterpreter)),
            v.select("icwaStatus", v.t(.personICWA), ICWAStatus.self, blank: nil,
                     hint: v.t(.personICWAHint)),
            v.text("tribalAffiliation", v.t(.personTribe), hint: v.t(.personTribeHint)),
            v.text("phone", v.t(.personPhone), type: "tel", width: "w10"),
            v.text("email", v.t(.personEmail), type: "email"),
            v.text("address.line", v.t(.personStreet), autocomplete: "off"),
            v.text("address.locality", v.t(.personTown), autocomplete: "off"),
            v.text("address.region", v.t(.personRegion), hint: v.t(.personRegionHint),
                   autocomplete: "off", width: "w5"),
            v.text("address.postcode", v.t(.personPostcode), autocomplete: "off", width: "w10"),
            v.text("address.country", v.t(.personCountry), hint: v.t(.personCountryHint), autocomplete: "off", width: "w5"),
            v.text("placeOfOrigin", v.t(.personOrigin), hint: v.t(.personOriginHint)),
            v.checkbox("tracingConsent", v.t(.personConsent)),
        ]
    }

    static func summary(_ d: PersonDetails, _ language: UILanguage) -> [(String, String)] {
        let t = { (id: Msg) in Catalogue.text(id, language) }
        return [(t(.personGivenName), d.givenName), (t(.personFamilyName), d.familyName),
                (t(.personOtherNamesShort), d.otherNames.joined(separator: ", ")),
                (t(.personBirthDate), d.birthDate.map { LocalFormat.date($0, language) } ?? "—"), (t(.personSex), d.sex.staffLabel(language)),
                (t(.personLanguages), d.languages.joined(separator: ", ")),
                (t(.personInterpreterShort), t(d.interpreterNeeded ? .yes : .no)), ("ICWA", d.icwaStatus.staffLabel(language)),
                (t(.personPhone), d.phone ?? "—"), (t(.personEmail), d.email ?? "—"), (t(.personAddress), d.address?.text ?? "—"),
                (t(.personOrigin), d.placeOfOrigin ?? "—"),
                (t(.personConsentShort), t(d.tracingConsent ? .personConsentGiven : .personConsentNotGiven))]
    }
}
