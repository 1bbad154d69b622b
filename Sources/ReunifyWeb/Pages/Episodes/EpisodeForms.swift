import Foundation
import Plot
import ReunifyDomain

enum EpisodeForm {
    static func values(_ d: RemovalEpisodeDetails, version: Int) -> FormData {
        var f = FormData()
        f.set("childId", d.childID.uuid.lower)
        f.set("removalDate", date: d.removalDate.parts)
        f.set("manner", d.manner.rawValue)
        f.values["circumstances"] = d.circumstances.map(\.rawValue)
        f.set("judicialFindingDate", date: d.judicialFindingDate?.parts)
        f.set("dischargeDate", date: d.dischargeDate?.parts)
        f.set("dischargeReason", d.dischargeReason?.rawValue)
        f.set("version", String(version))
        return f
    }

    /// The episode as filled in; `EpisodeRules` decides whether it may be written.
    static func read(_ form: FormData) -> (RemovalEpisodeDetails?, [FieldError]) {
        var r = FormReader(form)
        let child: PersonID? = r.id("childId", "Choose the child who was removed")
        let removal = r.requiredDate("removalDate", "Enter the date of removal")
        let manner = r.code(RemovalManner.self, "manner", required: "Choose the manner of removal")
        let circumstances = r.codes(RemovalCircumstance.self, "circumstances")
        let finding = r.date("judicialFindingDate")
        let discharge = r.date("dischargeDate")
        let reason = r.optionalCode(DischargeReason.self, "dischargeReason")
        guard let child, let removal, let manner else { return (nil, r.errors) }
        let details = RemovalEpisodeDetails(childID: child, removalDate: removal, manner: manner, circumstances: circumstances,
                                            judicialFindingDate: finding, dischargeDate: discharge, dischargeReason: reason)
        return r.errors.isEmpty ? (details, []) : (nil, r.errors)
    }

    static func fields(_ v: FormView, children: [(String, String)]) -> [Node<HTML.FormContext>] {
        [
            v.select("childId", "Child", options: children),
            v.date("removalDate", "Date of removal"),
            v.select("manner", "Manner of removal", RemovalManner.self),
            v.checkboxes("circumstances", "Circumstances at removal", RemovalCircumstance.self, hint: "Tick every one that applies"),
            v.date("judicialFindingDate", "First judicial finding of abuse or neglect", hint: "Leave empty if none has been made yet"),
            v.date("dischargeDate", "Date the child left care", hint: "Only when the child has left care"),
            v.select("dischargeReason", "Why the child left care", DischargeReason.self, blank: "Still in care"),
        ]
    }

    static func summary(_ d: RemovalEpisodeDetails) -> [(String, String)] {
        [("Removal date", d.removalDate.iso), ("Manner", d.manner.label), ("Circumstances", d.circumstances.map(\.label).joined(separator: ", ")),
         ("Judicial finding", d.judicialFindingDate?.iso ?? "—"), ("Left care", d.dischargeDate?.iso ?? "—"),
         ("Reason", d.dischargeReason?.label ?? "—")]
    }
}

enum PlacementForm {
    static func values(_ d: PlacementDetails, version: Int) -> FormData {
        var f = FormData()
        f.set("setting", d.setting.rawValue)
        f.set("caregiverName", d.caregiverName)
        f.set("startDate", date: d.startDate.parts)
        f.set("endDate", date: d.endDate?.parts)
        f.set("changeReason", d.changeReason)
        f.set("version", String(version))
        return f
    }

    /// The placement as filled in; `PlacementRules` decides whether it may be written.
    static func read(_ form: FormData) -> (PlacementDetails?, [FieldError]) {
        var r = FormReader(form)
        let setting = r.code(PlacementSetting.self, "setting", required: "Choose where the child lives")
        let start = r.requiredDate("startDate", "Enter the date the placement began")
        let end = r.date("endDate")
        guard let setting, let start else { return (nil, r.errors) }
        let details = PlacementDetails(setting: setting, caregiverName: form.string("caregiverName"), startDate: start, endDate: end,
                                       changeReason: form.optional("changeReason"))
        return r.errors.isEmpty ? (details, []) : (nil, r.errors)
    }

    static func fields(_ v: FormView) -> [Node<HTML.FormContext>] {
        [
            v.select("setting", "Where the child lives", PlacementSetting.self,
                     hint: "A trial home visit is recorded as \"placed at home\""),
            v.text("caregiverName", "Caregiver or facility", hint: "The foster family's, relative's or facility's name"),
            v.date("startDate", "Date the placement began"),
            v.date("endDate", "Date the placement ended", hint: "Only when the child has moved on"),
            v.textarea("changeReason", "Why the placement ended"),
        ]
    }

    static func summary(_ d: PlacementDetails) -> [(String, String)] {
        [("Setting", d.setting.label), ("Caregiver", d.caregiverName), ("Began", d.startDate.iso), ("Ended", d.endDate?.iso ?? "—"),
         ("Reason for change", d.changeReason ?? "—")]
    }
}
