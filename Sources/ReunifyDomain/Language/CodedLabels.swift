/// A coded value with a label in every language. English keeps the value's own `label` (staff wording) unless the
/// family wording differs; each `spanish` is a switch, so a new code does not compile without its Spanish label.
public protocol Translated: CodedValue {
    var spanish: String { get }
    /// The English a family reads, where it differs from the staff label.
    var familyEnglish: String { get }
}

extension Translated {
    public var familyEnglish: String { label }
    public func label(_ language: UILanguage) -> String {
        switch language {
        case .english: familyEnglish
        case .spanish: spanish
        }
    }
}

extension CaseStage: Translated {
    public var spanish: String {
        switch self {
        case .intake: "Primeros pasos"
        case .assessment: "Evaluación"
        case .planning: "Preparación del plan"
        case .services: "Servicios"
        case .familyTime: "Tiempo en familia en aumento"
        case .trialHomeVisit: "Visita de prueba en casa"
        case .aftercare: "Apoyo después del regreso a casa"
        case .closed: "Caso cerrado"
        }
    }
    public var familyEnglish: String {
        switch self {
        case .intake: "Getting started"
        case .assessment: "Assessment"
        case .planning: "Making your plan"
        case .services: "Services"
        case .familyTime: "Family time growing"
        case .trialHomeVisit: "Trial home visit"
        case .aftercare: "Support after coming home"
        case .closed: "Case closed"
        }
    }

    /// What the stage means for the family, in plain words.
    public func explained(_ language: UILanguage) -> String {
        switch (self, language) {
        case (.intake, .english): "Your caseworker is getting to know your family and what you need."
        case (.intake, .spanish): "Su trabajador/a social está conociendo a su familia y lo que necesita."
        case (.assessment, .english): "Your caseworker is looking, together with you, at your family's strengths and needs."
        case (.assessment, .spanish): "Su trabajador/a social está revisando con usted las fortalezas y necesidades de su familia."
        case (.planning, .english): "You and your caseworker are writing your plan together."
        case (.planning, .spanish): "Usted y su trabajador/a social están escribiendo su plan juntos."
        case (.services, .english): "You are taking part in the services of your plan."
        case (.services, .spanish): "Usted está participando en los servicios de su plan."
        case (.familyTime, .english): "Your family time is growing, step by step, toward your children coming home."
        case (.familyTime, .spanish): "Su tiempo en familia está aumentando, paso a paso, para que sus hijos/as vuelvan a casa."
        case (.trialHomeVisit, .english): "Your child is home on a trial home visit: a step toward coming home for good."
        case (.trialHomeVisit, .spanish): "Su hijo/a está en casa en una visita de prueba: un paso para volver a casa para siempre."
        case (.aftercare, .english): "Your child is home. Your caseworker keeps supporting your family for a while."
        case (.aftercare, .spanish): "Su hijo/a está en casa. Su trabajador/a social sigue apoyando a su familia por un tiempo."
        case (.closed, .english): "Your case is closed."
        case (.closed, .spanish): "Su caso está cerrado."
        }
    }
}

extension PlacementSetting: Translated {
    public var spanish: String {
        switch self {
        case .fosterFamilyHome: "Familia de recursos"
        case .relativeFosterHome: "Familia de recursos (parientes)"
        case .groupHomeFamilyOperated: "Hogar grupal a cargo de una familia"
        case .groupHomeStaffOperated: "Hogar grupal con personal"
        case .groupHomeShelterCare: "Hogar grupal de acogida temporal"
        case .residentialTreatmentCenter: "Centro de tratamiento residencial"
        case .qualifiedResidentialTreatmentProgram: "Programa de tratamiento residencial calificado"
        case .childCareInstitution: "Institución de cuidado infantil"
        case .childCareInstitutionShelter: "Institución de cuidado infantil, acogida temporal"
        case .supervisedIndependentLiving: "Servicios para una vida independiente, con supervisión"
        case .juvenileJusticeFacility: "Centro de justicia juvenil"
        case .medicalFacility: "Centro médico o de rehabilitación"
        case .psychiatricHospital: "Hospital psiquiátrico"
        case .runaway: "Se fue del hogar"
        case .whereaboutsUnknown: "Se desconoce dónde está"
        case .placedAtHome: "En casa (visita de prueba)"
        }
    }
}

extension VisitLevel: Translated {
    public var spanish: String {
        switch self {
        case .therapeuticSupervised: "Visita supervisada con terapeuta"
        case .supervised: "Visita supervisada"
        case .monitored: "Visita con monitor"
        case .unsupervisedDay: "Visita de día sin supervisión"
        case .overnight: "Visita en la que su hijo/a se queda a dormir"
        case .extended: "Visita de varias noches"
        case .trialHomeVisit: "Visita de prueba en casa"
        }
    }
    public var familyEnglish: String {
        switch self {
        case .therapeuticSupervised: "Supervised visit with a therapist"
        case .supervised: "Supervised visit"
        case .monitored: "Visit with a monitor"
        case .unsupervisedDay: "Day visit on your own"
        case .overnight: "Overnight visit"
        case .extended: "Visit of several nights"
        case .trialHomeVisit: "Trial home visit"
        }
    }
}

extension ReferralStatus: Translated {
    public var spanish: String {
        switch self {
        case .referred: "Le conectamos con el programa"
        case .accepted: "Aceptada"
        case .declined: "El programa no pudo recibirle"
        case .waitlisted: "En lista de espera"
        case .active: "Recibiendo el servicio"
        case .completed: "Terminada"
        case .ended: "Terminó antes de tiempo"
        case .withdrawn: "Cancelada"
        }
    }
    public var familyEnglish: String {
        switch self {
        case .referred: "We connected you with the program"
        case .accepted: "Accepted"
        case .declined: "The program could not take you"
        case .waitlisted: "On the waiting list"
        case .active: "Receiving the service"
        case .completed: "Completed"
        case .ended: "Ended early"
        case .withdrawn: "Cancelled"
        }
    }
}

extension PlanStatus: Translated {
    public var spanish: String {
        switch self {
        case .draft: "En preparación con usted"
        case .agreed: "Aceptado por la familia"
        case .approved: "Aprobado, todavía no empieza"
        case .active: "Vigente"
        case .superseded: "Reemplazado por un plan nuevo"
        }
    }
    public var familyEnglish: String {
        switch self {
        case .draft: "Being worked out with you"
        case .agreed: "Agreed by the family"
        case .approved: "Approved, not started yet"
        case .active: "In force"
        case .superseded: "Replaced by a newer plan"
        }
    }
}

extension InterventionStatus: Translated {
    public var spanish: String {
        switch self {
        case .planned: "Todavía está pendiente"
        case .inProgress: "En curso"
        case .done: "Terminado"
        case .stopped: "Se detuvo"
        }
    }
    public var familyEnglish: String {
        switch self {
        case .planned: "Not started yet"
        case .inProgress: "Under way"
        case .done: "Done"
        case .stopped: "Stopped"
        }
    }
}

extension HearingKind: Translated {
    public var spanish: String {
        switch self {
        case .adjudication: "Audiencia sobre los hechos del caso"
        case .disposition: "Audiencia para decidir el plan del caso"
        case .review: "Audiencia de revisión"
        case .permanency: "Audiencia para decidir el plan permanente"
        case .tpr: "Audiencia sobre los derechos de los padres"
        case .other: "Otra audiencia"
        }
    }
    public var familyEnglish: String {
        switch self {
        case .adjudication: "Hearing on the facts of the case"
        case .disposition: "Hearing to decide the case plan"
        case .review: "Review hearing"
        case .permanency: "Hearing to decide the permanent plan"
        case .tpr: "Hearing about parents' rights"
        case .other: "Other hearing"
        }
    }
}

extension ServiceCategory: Translated {
    public var spanish: String {
        switch self {
        case .parentingEducation: "Clase de crianza"
        case .individualTherapy: "Terapia individual"
        case .familyTherapy: "Terapia familiar"
        case .reunificationTherapy: "Terapia de reunificación"
        case .substanceUseTreatment: "Tratamiento para el uso de sustancias"
        case .mentalHealth: "Servicios de salud mental"
        case .housing: "Ayuda con la vivienda"
        case .financialAssistance: "Ayuda financiera"
        case .domesticViolence: "Apoyo ante la violencia en el hogar"
        case .employment: "Ayuda para encontrar trabajo"
        case .transportation: "Transporte"
        case .other: "Otro servicio"
        }
    }
}

extension Languages {
    /// A language's name in one of Reunify's languages ("Spanish", "español").
    public static func name(of tag: String, in language: UILanguage) -> String {
        guard language == .spanish else { return name(of: tag) }
        let primary = String(tag.split(separator: "-").first ?? "").lowercased()
        return spanishNames[primary] ?? name(of: tag)
    }

    static let spanishNames: [String: String] = [
        "en": "inglés", "es": "español", "fr": "francés", "pt": "portugués", "zh": "chino", "vi": "vietnamita",
        "ko": "coreano", "tl": "tagalo", "ar": "árabe", "ru": "ruso", "hy": "armenio", "fa": "persa", "so": "somalí",
        "uk": "ucraniano", "ht": "criollo haitiano", "hmn": "hmong", "asl": "lengua de señas americana",
    ]
}

// Staff wording. Staff pages keep the field's terms (GLOSSARY-es.md: "staff-facing screens may stay technical"):
// English is the code's own `label`, Spanish the term a Spanish-speaking worker uses.
extension Translated {
    /// The label a staff page shows: the field's own term in English, the Spanish label otherwise.
    public func staffLabel(_ language: UILanguage) -> String {
        switch language {
        case .english: label
        case .spanish: spanish
        }
    }
}

extension Languages {
    /// A language as a person's record holds it (a tag such as `es`, or a name such as "Spanish"), named in a page's
    /// language; anything else as written.
    public static func display(_ stored: String, in language: UILanguage) -> String {
        if isTag(stored) { return name(of: stored, in: language) }
        guard let tag = names.first(where: { $0.value.caseInsensitiveCompare(stored) == .orderedSame })?.key else { return stored }
        return name(of: tag, in: language)
    }
}
