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
        let number = r.required("caseNumber", .ruleCaseNumber)
        let family = r.required("familyName", .ruleCaseFamily)
        let stage = r.code(CaseStage.self, "stage", required: .ruleCaseStage)
        let unit = r.required("unit", .ruleCaseUnit)
        let opened = r.requiredDate("openedOn", .ruleCaseOpened)
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
            view.text("caseNumber", view.t(.caseFormNumber), hint: view.t(.caseFormNumberHint), width: "w10"),
            view.text("familyName", view.t(.caseFormFamily), hint: view.t(.caseFormFamilyHint)),
            view.select("stage", view.t(.caseFormStage), CaseStage.self),
            view.select("caseworkerId", view.t(.caseFormCaseworker), options: caseworkers.map { ($0.id.description, $0.name) }, blank: view.t(.caseFormNotAssigned)),
            view.select("supervisorId", view.t(.caseFormSupervisor), options: supervisors.map { ($0.id.description, $0.name) }, blank: view.t(.caseFormNotAssigned)),
            view.text("unit", view.t(.caseFormUnit), width: "w10"),
            view.date("openedOn", view.t(.caseFormOpened)),
            view.date("closedOn", view.t(.caseFormClosed), hint: view.t(.caseFormClosedHint)),
        ]
    }

    static func summary(_ d: CaseDetails, names: [UserID: String], _ language: UILanguage) -> [(String, String)] {
        let t = { (id: Msg) in Catalogue.text(id, language) }
        let date = { (d: CalendarDate) in LocalFormat.date(d, language) }
        return [(t(.caseFormNumber), d.caseNumber), (t(.caseFormFamily), d.familyName), (t(.caseFormStage), d.stage.staffLabel(language)),
                (t(.caseFormCaseworkerShort), d.caseworkerID.flatMap { names[$0] } ?? "—"),
                (t(.caseFormSupervisor), d.supervisorID.flatMap { names[$0] } ?? "—"),
                (t(.caseFormUnit), d.unit), (t(.caseFormOpenedShort), date(d.openedOn)), (t(.caseFormClosedShort), d.closedOn.map(date) ?? "—")]
    }
}
