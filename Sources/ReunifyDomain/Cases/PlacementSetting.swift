/// AFCARS living arrangement (E120, RULES.md §4.1); a trial home visit is reported as placed at home.
public enum PlacementSetting: String, CodedValue {
    case fosterFamilyHome = "foster_family_home"
    case relativeFosterHome = "relative_foster_home"
    case groupHomeFamilyOperated = "group_home_family_operated"
    case groupHomeStaffOperated = "group_home_staff_operated"
    case groupHomeShelterCare = "group_home_shelter_care"
    case residentialTreatmentCenter = "residential_treatment_center"
    case qualifiedResidentialTreatmentProgram = "qualified_residential_treatment_program"
    case childCareInstitution = "child_care_institution"
    case childCareInstitutionShelter = "child_care_institution_shelter"
    case supervisedIndependentLiving = "supervised_independent_living"
    case juvenileJusticeFacility = "juvenile_justice_facility"
    case medicalFacility = "medical_facility"
    case psychiatricHospital = "psychiatric_hospital"
    case runaway = "runaway"
    case whereaboutsUnknown = "whereabouts_unknown"
    case placedAtHome = "placed_at_home"

    public static let listName = "placement setting"

    public var label: String {
        switch self {
        case .fosterFamilyHome: "Foster family home"
        case .relativeFosterHome: "Foster family home (relative or kin)"
        case .groupHomeFamilyOperated: "Group home, family operated"
        case .groupHomeStaffOperated: "Group home, staff operated"
        case .groupHomeShelterCare: "Group home, shelter care"
        case .residentialTreatmentCenter: "Residential treatment center"
        case .qualifiedResidentialTreatmentProgram: "Qualified residential treatment program"
        case .childCareInstitution: "Child care institution"
        case .childCareInstitutionShelter: "Child care institution, shelter care"
        case .supervisedIndependentLiving: "Supervised independent living"
        case .juvenileJusticeFacility: "Juvenile justice facility"
        case .medicalFacility: "Medical or rehabilitative facility"
        case .psychiatricHospital: "Psychiatric hospital"
        case .runaway: "Runaway"
        case .whereaboutsUnknown: "Whereabouts unknown"
        case .placedAtHome: "Placed at home (trial home visit)"
        }
    }
}
