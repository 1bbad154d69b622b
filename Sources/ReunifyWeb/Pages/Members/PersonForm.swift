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
        let given = r.required("givenName", "Enter the person's given name (first name)")
        let family = r.required("familyName", "Enter the person's family name (last name)")
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
            v.text("givenName", "Given name"),
            v.text("familyName", "Family name"),
            v.text("otherNames", "Other names or aliases", hint: "Separate names with commas"),
            v.date("birthDate", "Date of birth", hint: "If you do not know the exact date, enter your best estimate and tick the box below"),
            v.checkbox("birthDateEstimated", "The date of birth is an estimate"),
            v.select("sex", "Sex", Sex.self, blank: nil),
            v.text("languages", "Languages", hint: "The one the person prefers first, separated by commas"),
            v.checkbox("interpreterNeeded", "Needs an interpreter"),
            v.select("icwaStatus", "Indian Child Welfare Act status", ICWAStatus.self, blank: nil,
                     hint: "Ask every family at the start of the case whether a child is or may be a tribal member"),
            v.text("tribalAffiliation", "Tribe", hint: "If a tribal affiliation is known or claimed"),
            v.text("phone", "Phone", type: "tel", width: "w10"),
            v.text("email", "Email", type: "email"),
            v.text("address.line", "Street address", autocomplete: "off"),
            v.text("address.locality", "Town or city", autocomplete: "off"),
            v.text("address.region", "State or province", hint: "Its code, for example CA or NV; services check where a person lives",
                   autocomplete: "off", width: "w5"),
            v.text("address.postcode", "ZIP or postcode", autocomplete: "off", width: "w10"),
            v.text("address.country", "Country", hint: "Its two-letter code, for example US or MX", autocomplete: "off", width: "w5"),
            v.text("placeOfOrigin", "Place of origin", hint: "Town, district or country the person comes from; tracing compares it"),
            v.checkbox("tracingConsent", "Consent for tracing this child's family was given (a child is matched with tracing requests only then)"),
        ]
    }

    static func summary(_ d: PersonDetails) -> [(String, String)] {
        [("Given name", d.givenName), ("Family name", d.familyName), ("Other names", d.otherNames.joined(separator: ", ")),
         ("Date of birth", d.birthDate?.iso ?? "—"), ("Sex", d.sex.label), ("Languages", d.languages.joined(separator: ", ")),
         ("Interpreter", d.interpreterNeeded ? "Yes" : "No"), ("ICWA", d.icwaStatus.label), ("Phone", d.phone ?? "—"),
         ("Email", d.email ?? "—"), ("Address", d.address?.text ?? "—"),
         ("Place of origin", d.placeOfOrigin ?? "—"), ("Tracing consent", d.tracingConsent ? "Given" : "Not given")]
    }
}
