import Foundation
import Plot
import ReunifyDomain
import ReunifyStore

/// The case's own facts as a form, both ways.
enum CaseForm {
    static func values(_ d: CaseDetails, version: Int) -> FormData {
        var form = FormData()
        form.set("caseNumber", d.caseNumber)
        form.set("familyName", d.familyName)
        form.set("stage", d.stage.rawValue)
        form.set("caseworkerId", d.caseworkerID?.uuid.lower)
        form.set("supervisorId", d.supervisorID?.uuid.lower)
        form.set("unit", d.unit)
        form.set("openedOn", date: d.openedOn.parts)
        form.set("closedOn", date: d.closedOn?.parts)
        form.set("version", String(version))
        return form
    }

    static func read(_ form: FormData, today: CalendarDate) -> (CaseDetails?, [FieldError]) {
        var r = FormReader(form)
        let number = r.required("caseNumber", "Enter a case number")
        let family = r.required("familyName", "Enter the family's name")
        let stage = r.code(CaseStage.self, "stage", required: "Choose the case's stage")
        let unit = r.required("unit", "Enter the unit that holds the case")
        let opened = r.requiredDate("openedOn", "Enter the date the case was opened")
        let closed = r.date("closedOn")
        let worker = form.optional("caseworkerId").flatMap(UUID.init(uuidString:)).map(UserID.init)
        let supervisor = form.optional("supervisorId").flatMap(UUID.init(uuidString:)).map(UserID.init)
        guard let stage, let opened, r.errors.isEmpty else { return (nil, r.errors) }
        let details = CaseDetails(caseNumber: number, familyName: family, stage: stage, caseworkerID: worker,
                                  supervisorID: supervisor, unit: unit, openedOn: opened, closedOn: closed)
        r.add(details.validate(today: today))
        return r.errors.isEmpty ? (details, []) : (nil, r.errors)
    }

    typealias StaffOption = (id: UserID, name: String)

    static func fields(_ view: FormView, caseworkers: [StaffOption], supervisors: [StaffOption]) -> [Node<HTML.FormContext>] {
        [
            view.text("caseNumber", "Case number", hint: "As the court and the agency know it, for example FV-2026-101", width: "w10"),
            view.text("familyName", "Family name", hint: "The name the case is known by"),
            view.select("stage", "Stage", CaseStage.self),
            view.select("caseworkerId", "Assigned caseworker", options: caseworkers.map { ($0.id.description, $0.name) }, blank: "Not assigned yet"),
            view.select("supervisorId", "Supervisor", options: supervisors.map { ($0.id.description, $0.name) }, blank: "Not assigned yet"),
            view.text("unit", "Unit", width: "w10"),
            view.date("openedOn", "Date opened"),
            view.date("closedOn", "Date closed", hint: "Only when the case is closed"),
        ]
    }

    static func summary(_ d: CaseDetails, names: [UserID: String]) -> [(String, String)] {
        [("Case number", d.caseNumber), ("Family name", d.familyName), ("Stage", d.stage.label),
         ("Caseworker", d.caseworkerID.flatMap { names[$0] } ?? "—"), ("Supervisor", d.supervisorID.flatMap { names[$0] } ?? "—"),
         ("Unit", d.unit), ("Opened", d.openedOn.iso), ("Closed", d.closedOn?.iso ?? "—")]
    }
}
