// Staff labels for assessments, reviews, services and family time. English is the code's own `label`; see `staffLabel(_:)`.

extension AssessmentPoint: Translated {
    public var spanish: String {
        switch self {
        case .intake: "Ingreso"
        case .interim: "Intermedia"
        case .reunification: "Antes de la reunificación"
        case .closure: "Cierre"
        }
    }
}

extension Recommendation: Translated {
    public var spanish: String {
        switch self {
        case .returnHome: "Regreso a casa"
        case .continueReunification: "Continuar los servicios de reunificación"
        case .changePermanencyGoal: "Cambiar la meta de permanencia"
        }
    }
}

extension SafetyAssessmentDecision: Translated {
    public var spanish: String {
        switch self {
        case .safe: "Seguro/a"
        case .safeWithPlan: "Seguro/a con un plan de seguridad"
        case .unsafe: "No seguro/a"
        }
    }
}

extension RiskLevel: Translated {
    /// Lower case, as the English: read inside a sentence ("risk moderate").
    public var spanish: String {
        switch self {
        case .low: "bajo"
        case .moderate: "moderado"
        case .high: "alto"
        case .veryHigh: "muy alto"
        }
    }
}

extension VisitQuality: Translated {
    /// Lower case, as the English: read inside a sentence.
    public var spanish: String {
        switch self {
        case .strong: "muy buena"
        case .adequate: "adecuada"
        case .limited: "limitada"
        case .harmful: "perjudicial"
        }
    }
}

extension SessionKind: Translated {
    public var spanish: String {
        switch self {
        case .parentingTraining: "Capacitación en crianza"
        case .familyTherapy: "Terapia familiar"
        case .individualTherapy: "Terapia individual"
        case .reunificationTherapy: "Terapia de reunificación (niño/a y padre o madre)"
        case .caseManagement: "Contacto de gestión del caso"
        case .homeVisit: "Visita al hogar"
        }
    }
}

extension Attendance: Translated {
    public var spanish: String {
        switch self {
        case .attended: "Asistió"
        case .late: "Llegó tarde"
        case .noShow: "No asistió"
        case .cancelledByFamily: "Cancelada por la familia"
        case .cancelledByProvider: "Cancelada por el proveedor/a"
        }
    }
}

extension VisitAttendance: Translated {
    public var spanish: String {
        switch self {
        case .attended: "Asistió"
        case .late: "Llegó tarde"
        case .noShow: "No asistió"
        case .cancelledByFamily: "Cancelada por la familia"
        case .cancelledByCaregiver: "Cancelada por el cuidador/a del niño/a"
        case .cancelledByAgency: "Cancelada por la agencia"
        }
    }
}
