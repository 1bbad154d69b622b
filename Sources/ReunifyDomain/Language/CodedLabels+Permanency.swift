// Staff labels for the court, deadlines, permanency paths and team decisions. English is the code's own `label`; see `staffLabel(_:)`.

extension ClockKind: Translated {
    public var spanish: String {
        switch self {
        case .casePlan: "Plan del caso"
        case .periodicReview: "Revisión periódica"
        case .permanencyHearing: "Audiencia de permanencia"
        case .tprFiling: "Petición de terminación de los derechos de los padres"
        case .icwaNotice: "Aviso de ICWA recibido"
        case .reunificationReview: "Revisión de la reunificación"
        case .trialHomeVisitLimit: "Límite de la visita de prueba en casa"
        case .aftercareFollowUp: "Seguimiento después del regreso a casa"
        }
    }
}

extension DueItem.Kind {
    public var spanish: String {
        switch self {
        case .casePlan: "Plan del caso"
        case .casePlanReview: "Revisión del plan del caso"
        case .periodicReview: "Revisión periódica"
        case .permanencyHearing: "Audiencia de permanencia"
        case .trialHomeVisitLimit: "La visita de prueba en casa llega a su límite"
        case .reunificationReview: "Revisión de la reunificación"
        }
    }

    public func label(_ language: UILanguage) -> String {
        switch language {
        case .english: label
        case .spanish: spanish
        }
    }
}

extension TPRExceptionReason: Translated {
    public var spanish: String {
        switch self {
        case .relativePlacement: "El niño/a está colocado/a con un pariente"
        case .compellingReason: "Hay una razón de peso documentada en el plan del caso"
        case .servicesNotProvided: "La agencia no ha dado los servicios que el plan necesita para la reunificación"
        }
    }
}

extension ClockStatus: Translated {
    public var spanish: String {
        switch self {
        case .upcoming: "Próximo"
        case .dueSoon: "Vence pronto"
        case .overdue: "Vencido"
        case .done: "Cumplido"
        case .excepted: "Con excepción"
        }
    }
}

extension EffortsFinding: Translated {
    /// Read after "Reasonable efforts:" and "Active efforts:".
    public var spanish: String {
        switch self {
        case .made: "se hicieron"
        case .notMade: "no se hicieron"
        }
    }
}

extension PathStep: Translated {
    public var spanish: String {
        switch self {
        case .relativeSearch: "Búsqueda de parientes y allegados"
        case .homeAssessment: "Evaluación del hogar del pariente"
        case .homeApproval: "Aprobación del hogar del pariente"
        case .guardianIdentified: "Un tutor/a identificado/a y dispuesto/a"
        case .guardianHomeAssessment: "Evaluación del hogar del tutor/a"
        case .guardianshipOrder: "La orden de tutela de la corte"
        case .terminationOfRights: "Terminación de los derechos de los padres"
        case .adoptiveHome: "Un hogar adoptivo aprobado"
        case .finalisation: "Adopción finalizada"
        case .livingArrangement: "El arreglo de vida planificado, descrito"
        case .permanentConnections: "Vínculos permanentes con adultos que se preocupan por el joven"
        case .independentLivingServices: "Servicios para una vida independiente"
        }
    }
}

extension StepStatus: Translated {
    public var spanish: String {
        switch self {
        case .started: "Empezado"
        case .done: "Hecho"
        case .notNeeded: "No hace falta"
        case .ruledOut: "Descartado"
        }
    }
}

extension TeamDecisionKind: Translated {
    public var spanish: String {
        switch self {
        case .returnHome: "Regreso a casa"
        case .continueReunification: "Seguir trabajando hacia la reunificación"
        case .changePermanencyGoal: "Cambiar la meta de permanencia"
        case .closeCase: "Cerrar el caso"
        }
    }
}

extension ParticipantRole: Translated {
    public var spanish: String {
        switch self {
        case .caseworker: "Trabajador/a social"
        case .supervisor: "Supervisor/a"
        case .clinician: "Profesional clínico/a"
        case .legal: "Abogado/a"
        case .parent: "Padre o madre"
        case .childAdvocate: "Defensor/a del niño/a"
        case .provider: "Proveedor/a de servicios"
        case .child: "Niño/a o joven"
        case .relative: "Pariente o allegado/a"
        case .other: "Otra persona"
        }
    }
}

extension DecisionStatus: Translated {
    public var spanish: String {
        switch self {
        case .approved: "Aprobada"
        case .awaitingApproval: "Pendiente de la aprobación del supervisor/a"
        }
    }
}
