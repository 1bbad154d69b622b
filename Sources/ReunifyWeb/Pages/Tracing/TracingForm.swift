import Foundation
import Plot
import ReunifyDomain
import ReunifyMatching

/// The tracing request form: who asks, who is sought, and (when editing) where the trace stands.
enum TracingForm {
    static func values(_ d: TracingRequestDetails, version: Int) -> FormData {
        var f = FormData()
        f.set("kind", d.kind.rawValue)
        f.set("childId", d.childID?.description)
        f.set("inquirerName", d.inquirer.name)
        f.set("inquirerRelationship", d.inquirer.relationship)
        f.set("inquirerContact", d.inquirer.contact)
        f.set("inquirerLanguage", d.inquirer.language)
        let s = d.sought
        f.set("givenName", s.givenName)
        f.set("familyName", s.familyName)
        f.set("otherNames", s.otherNames.joined(separator: ", "))
        f.set("sex", s.sex.rawValue)
        f.set("birthDate", s.birthDate?.text)
        f.set("ageEstimate", s.ageEstimate.map(String.init))
        f.set("separationPlace", s.separationPlace)
        f.set("separationDate", date: s.separationDate?.parts)
        f.set("placeOfOrigin", s.placeOfOrigin)
        f.set("motherName", s.motherName)
        f.set("fatherName", s.fatherName)
        f.set("distinguishingDetails", s.distinguishingDetails)
        f.set("lastKnownAddress", s.lastKnownAddress)
        f.set("notes", d.notes)
        f.set("status", d.status.rawValue)
        f.set("version", String(version))
        return f
    }

    static func read(_ form: FormData, today: CalendarDate, status: TracingStatus) -> (TracingRequestDetails?, [FieldError]) {
        var r = FormReader(form)
        let kind = r.optionalCode(TracingKind.self, "kind") ?? .inquiry
        let sex = r.optionalCode(Sex.self, "sex") ?? .unknown
        let newStatus = r.optionalCode(TracingStatus.self, "status") ?? status
        var birth: PartialDate?
        if let text = form.optional("birthDate") {
            birth = PartialDate(text)
            if birth == nil { r.errors.append(FieldError("birthDate", .trfBirthFormat)) }
        }
        var age: Int?
        if let text = form.optional("ageEstimate") {
            age = Int(text)
            if age == nil { r.errors.append(FieldError("ageEstimate", .trfAgeFormat)) }
        }
        let separation = r.date("separationDate")
        let list = form.string("otherNames").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let childID = form.optional("childId").flatMap { PersonID($0) }
        let details = TracingRequestDetails(
            kind: kind,
            inquirer: Inquirer(name: form.string("inquirerName"), relationship: form.string("inquirerRelationship"),
                               contact: form.string("inquirerContact"), language: form.string("inquirerLanguage")),
            sought: SoughtPerson(givenName: form.string("givenName"), familyName: form.string("familyName"), otherNames: list, sex: sex,
                                 birthDate: birth, ageEstimate: age, separationPlace: form.optional("separationPlace"), separationDate: separation,
                                 placeOfOrigin: form.optional("placeOfOrigin"), motherName: form.optional("motherName"),
                                 fatherName: form.optional("fatherName"), distinguishingDetails: form.optional("distinguishingDetails"),
                                 lastKnownAddress: form.optional("lastKnownAddress")),
            status: newStatus, childID: kind == .familySearch ? childID : nil, notes: form.optional("notes"))
        r.add(details.validate(today: today))
        return r.errors.isEmpty ? (details, []) : (nil, r.errors)
    }

    static func fields(_ v: FormView, children: [(String, String)], editing: Bool) -> [Node<HTML.FormContext>] {
        var fields: [Node<HTML.FormContext>] = [
            v.select("kind", v.t(.trfKind), TracingKind.self, blank: nil),
            v.select("childId", v.t(.trfChild), options: children, blank: v.t(.trfNotFamily),
                     hint: v.t(.trfChildHint)),
        ]
        if editing { fields.append(v.select("status", v.t(.trcStatus), TracingStatus.self, blank: nil)) }
        return fields + [
            .h2(.text(v.t(.trfWhoAsks))),
            v.text("inquirerName", v.t(.trfInquirer)),
            v.text("inquirerRelationship", v.t(.trfRelationship), hint: v.t(.trfRelationshipHint)),
            v.text("inquirerContact", v.t(.trfReach), hint: v.t(.trfReachHint)),
            v.text("inquirerLanguage", v.t(.trfSpeaks)),
            .h2(.text(v.t(.trfWhoSought))),
            v.text("givenName", v.t(.trfGiven), hint: v.t(.trfGivenHint)),
            v.text("familyName", v.t(.trfFamily)),
            v.text("otherNames", v.t(.trfOther), hint: v.t(.trfOtherHint)),
            v.select("sex", v.t(.trcSex), Sex.self, blank: nil),
            v.text("birthDate", v.t(.trfBirth), hint: v.t(.trfBirthHint), width: "w10"),
            v.text("ageEstimate", v.t(.trfAge), width: "w5"),
            v.text("separationPlace", v.t(.trfSeparationPlace)),
            v.date("separationDate", v.t(.trfSeparationDate), hint: v.t(.trfUnknownHint)),
            v.text("placeOfOrigin", v.t(.trcOrigin), hint: v.t(.trfOriginHint)),
            v.text("lastKnownAddress", v.t(.trcLastAddress), hint: v.t(.trfAddressHint)),
            v.text("motherName", v.t(.trfMother)),
            v.text("fatherName", v.t(.trfFather)),
            v.textarea("distinguishingDetails", v.t(.trcDetails), hint: v.t(.trfDetailsHint)),
            v.textarea("notes", v.t(.trcNotes)),
        ]
    }

    static func summary(_ d: TracingRequestDetails, _ language: UILanguage) -> [(String, String)] {
        func t(_ id: Msg) -> String { Catalogue.text(id, language) }
        return [(t(.trcStatus), d.status.staffLabel(language)), (t(.trcSoughtChild), d.sought.fullName), (t(.trcBirthDate), d.sought.birthDate?.text ?? "—"),
                (t(.trcAgeEstimate), d.sought.ageEstimate.map(String.init) ?? "—"), (t(.trcOrigin), d.sought.placeOfOrigin ?? "—"),
                (t(.trcMother), d.sought.motherName ?? "—"), (t(.trcFather), d.sought.fatherName ?? "—"), (t(.trfPersonAsking), d.inquirer.name)]
    }
}
