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
            if birth == nil { r.errors.append(FieldError("birthDate", "Write the birth date as a year (2015), a month (2015-04) or a full date (2015-04-09)")) }
        }
        var age: Int?
        if let text = form.optional("ageEstimate") {
            age = Int(text)
            if age == nil { r.errors.append(FieldError("ageEstimate", "Write the age estimate in whole years, for example 9")) }
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
            v.select("kind", "What kind of trace is this?", TracingKind.self, blank: nil),
            v.select("childId", "Registered child whose family is sought", options: children, blank: "Not a family search",
                     hint: "Only for a family search. Leave the sought child's names empty to copy them from the child's record"),
        ]
        if editing { fields.append(v.select("status", "Status", TracingStatus.self, blank: nil)) }
        return fields + [
            .h2("Who is asking"),
            v.text("inquirerName", "Name of the person asking"),
            v.text("inquirerRelationship", "Their relationship to the child", hint: "For example: aunt, grandmother, older brother"),
            v.text("inquirerContact", "How to reach them", hint: "Phone, address, or the office that passes on messages"),
            v.text("inquirerLanguage", "Language they speak"),
            .h2("Who is sought"),
            v.text("givenName", "Child's given name", hint: "Any spelling or script, as the family writes it"),
            v.text("familyName", "Child's family name"),
            v.text("otherNames", "Other names the child is known by", hint: "Separate names with commas"),
            v.select("sex", "Sex", Sex.self, blank: nil),
            v.text("birthDate", "Birth date, as far as it is known", hint: "A year (2015), a month (2015-04) or a full date (2015-04-09)", width: "w10"),
            v.text("ageEstimate", "Age estimate in years, if the birth date is not known", width: "w5"),
            v.text("separationPlace", "Where the child was separated from the family"),
            v.date("separationDate", "When they were separated", hint: "Leave empty if not known"),
            v.text("placeOfOrigin", "Place of origin", hint: "Town, district or country the family comes from"),
            v.text("lastKnownAddress", "Last known address", hint: "House number, street, town and postcode, as far as they are known"),
            v.text("motherName", "Mother's name"),
            v.text("fatherName", "Father's name"),
            v.textarea("distinguishingDetails", "Distinguishing details", hint: "Marks, belongings, what the child would remember"),
            v.textarea("notes", "Notes"),
        ]
    }

    static func summary(_ d: TracingRequestDetails) -> [(String, String)] {
        [("Status", d.status.label), ("Sought child", d.sought.fullName), ("Birth date", d.sought.birthDate?.text ?? "—"),
         ("Age estimate", d.sought.ageEstimate.map(String.init) ?? "—"), ("Place of origin", d.sought.placeOfOrigin ?? "—"),
         ("Mother", d.sought.motherName ?? "—"), ("Father", d.sought.fatherName ?? "—"), ("Person asking", d.inquirer.name)]
    }
}
