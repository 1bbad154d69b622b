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
        let child: PersonID? = r.id("childId", .epFormChooseChild)
        let removal = r.requiredDate("removalDate", .epFormEnterDate)
        let manner = r.code(RemovalManner.self, "manner", required: .epFormChooseManner)
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
            v.select("childId", v.t(.epFormChild), options: children),
            v.date("removalDate", v.t(.epFormRemovalDate)),
            v.select("manner", v.t(.epFormManner), RemovalManner.self),
            v.checkboxes("circumstances", v.t(.epFormCircumstances), RemovalCircumstance.self, hint: v.t(.epFormTickAll)),
            v.date("judicialFindingDate", v.t(.epFormFinding), hint: v.t(.epFormFindingHint)),
            v.date("dischargeDate", v.t(.epFormLeft), hint: v.t(.epFormLeftHint)),
            v.select("dischargeReason", v.t(.epFormWhyLeft), DischargeReason.self, blank: v.t(.epFormStillInCare)),
        ]
    }

    static func summary(_ d: RemovalEpisodeDetails, _ language: UILanguage) -> [(String, String)] {
        let t = { (id: Msg) in Catalogue.text(id, language) }
        let date = { (d: CalendarDate) in LocalFormat.date(d, language) }
        return [(t(.epFormSumRemoval), date(d.removalDate)), (t(.epFormSumManner), d.manner.staffLabel(language)),
                (t(.epFormSumCircumstances), d.circumstances.map { $0.staffLabel(language) }.joined(separator: ", ")),
                (t(.epFormSumFinding), d.judicialFindingDate.map(date) ?? "—"), (t(.epFormSumLeft), d.dischargeDate.map(date) ?? "—"),
                (t(.epFormSumReason), d.dischargeReason?.staffLabel(language) ?? "—")]
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
        let setting = r.code(PlacementSetting.self, "setting", required: .plFormChooseWhere)
        let start = r.requiredDate("startDate", .plFormEnterBegan)
        let end = r.date("endDate")
        guard let setting, let start else { return (nil, r.errors) }
        let details = PlacementDetails(setting: setting, caregiverName: form.string("caregiverName"), startDate: start, endDate: end,
                                       changeReason: form.optional("changeReason"))
        return r.errors.isEmpty ? (details, []) : (nil, r.errors)
    }

    static func fields(_ v: FormView) -> [Node<HTML.FormContext>] {
        [
            v.select("setting", v.t(.plFormWhere), PlacementSetting.self,
                     hint: v.t(.plFormWhereHint)),
            v.text("caregiverName", v.t(.plFormCaregiver), hint: v.t(.plFormCaregiverHint)),
            v.date("startDate", v.t(.plFormBegan)),
            v.date("endDate", v.t(.plFormEnded), hint: v.t(.plFormEndedHint)),
            v.textarea("changeReason", v.t(.plFormWhyEnded)),
        ]
    }

    static func summary(_ d: PlacementDetails, _ language: UILanguage) -> [(String, String)] {
        let t = { (id: Msg) in Catalogue.text(id, language) }
        let date = { (d: CalendarDate) in LocalFormat.date(d, language) }
        return [(t(.plFormSumSetting), d.setting.staffLabel(language)), (t(.plFormSumCaregiver), d.caregiverName),
                (t(.plFormSumBegan), date(d.startDate)), (t(.plFormSumEnded), d.endDate.map(date) ?? "—"),
                (t(.plFormSumReason), d.changeReason ?? "—")]
    }
}
