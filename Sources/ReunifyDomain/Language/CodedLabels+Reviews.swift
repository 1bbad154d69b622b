// The reunification review's coded values in Spanish (staff wording: the review is a worker's and a supervisor's form).
// Those read inside a sentence are written as the English is: lower case, a fragment that follows its subject.

extension InitialRiskLevel: Translated {
    public var spanish: String {
        switch self {
        case .low: "Bajo"
        case .moderate: "Moderado"
        case .high: "Alto"
        case .veryHigh: "Muy alto"
        case .none: "Ninguno registrado"
        }
    }
}

extension CaregiverProgress: Translated {
    public var spanish: String {
        switch self {
        case .all: "ha cumplido todos los objetivos del plan"
        case .most: "ha cumplido la mayoría de los objetivos del plan"
        case .some: "ha cumplido algunos de los objetivos del plan"
        case .minimal: "ha avanzado muy poco en los objetivos del plan"
        case .refuses: "se niega a participar en el plan"
        }
    }
}

extension RiskPolicyOverride: Translated {
    public var spanish: String {
        switch self {
        case .sexualAbusePerpetratorAccess: "abuso sexual en el que el agresor puede tener acceso al niño/a"
        case .nonAccidentalInjuryUnderThree: "una lesión no accidental a un niño/a menor de tres años"
        case .severeNonAccidentalInjury: "una lesión no accidental grave"
        case .caregiverCausedDeath: "un acto u omisión de una persona cuidadora causó la muerte de un niño/a"
        }
    }
}

extension SafetyDecision: Translated {
    public var spanish: String {
        switch self {
        case .safe: "seguro"
        case .safeWithInterventions: "seguro con intervenciones"
        case .unsafe: "no seguro"
        }
    }
}

extension VisitationStatus: Translated {
    public var spanish: String {
        switch self {
        case .acceptable: "aceptable"
        case .unacceptable: "no aceptable"
        }
    }
}

extension VisitationSource: Translated {
    public var spanish: String {
        switch self {
        case .recordedVisits: "calculado a partir de las visitas registradas en el periodo"
        case .entered: "como se anotó (no hay visitas registradas en el periodo)"
        }
    }
}

// The six-point scale of family assessment (not a coded value: its values are numbers).
extension Rating {
    public var spanish: String {
        switch self {
        case .clearStrength: "Fortaleza clara"
        case .mildStrength: "Fortaleza leve"
        case .baseline: "Nivel base / adecuado"
        case .mildProblem: "Problema leve"
        case .moderateProblem: "Problema moderado"
        case .seriousProblem: "Problema grave"
        }
    }

    public func label(_ language: UILanguage) -> String {
        switch language {
        case .english: label
        case .spanish: spanish
        }
    }
}

extension CalibrationReport.Tendency {
    public func label(_ language: UILanguage) -> String {
        switch self {
        case .strengthFocused: Catalogue.text(.calStrength, language)
        case .deficitFocused: Catalogue.text(.calDeficit, language)
        case .inLine: Catalogue.text(.calInLine, language)
        case .tooFewRatings: Catalogue.text(.calTooFew, language)
        }
    }
}
