// Staff labels for a case's people, removals and goals. English is the code's own `label`; see `staffLabel(_:)`.

extension MemberRole: Translated {
    public var spanish: String {
        switch self {
        case .child: "Niño/a"
        case .parent: "Padre o madre"
        case .caregiver: "Cuidador/a"
        case .sibling: "Hermano/a"
        case .relative: "Pariente"
        case .fosterParent: "Familia de recursos"
        case .nonResidentFather: "Padre que no vive con los niños/as"
        }
    }
}

extension UserRole: Translated {
    public var spanish: String {
        switch self {
        case .caseworker: "Trabajador/a social"
        case .supervisor: "Supervisor/a"
        case .clinician: "Terapeuta"
        case .provider: "Proveedor/a de servicios"
        case .legal: "Abogado/a"
        case .parent: "Padre o madre"
        case .administrator: "Administrador/a"
        }
    }
}

extension ICWAStatus: Translated {
    public var spanish: String {
        switch self {
        case .unknown: "Todavía no se ha preguntado"
        case .reasonToKnow: "Hay motivo para saber"
        case .confirmed: "Miembro de una tribu confirmado o con derecho a serlo"
        case .notApplicable: "No corresponde"
        }
    }
}

extension RelationshipKind: Translated {
    public var spanish: String {
        switch self {
        case .mother: "Madre"
        case .father: "Padre"
        case .stepParent: "Padrastro o madrastra"
        case .grandparent: "Abuelo/a"
        case .auntUncle: "Tía o tío"
        case .sibling: "Hermano/a"
        case .halfSibling: "Medio hermano/a"
        case .cousin: "Primo/a"
        case .partner: "Pareja"
        case .fosterParent: "Familia de recursos"
        case .legalGuardian: "Tutor/a legal"
        case .fictiveKin: "Amistad de la familia (parentesco por afinidad)"
        }
    }
}

extension RemovalManner: Translated {
    public var spanish: String {
        switch self {
        case .voluntary: "Voluntaria"
        case .courtOrdered: "Por orden de la corte"
        case .notYetDetermined: "Todavía sin determinar"
        }
    }
}

extension RemovalCircumstance: Translated {
    public var spanish: String {
        switch self {
        case .runaway: "Fuga del hogar"
        case .whereaboutsUnknown: "Paradero desconocido"
        case .physicalAbuse: "Maltrato físico"
        case .sexualAbuse: "Abuso sexual"
        case .psychologicalAbuse: "Maltrato psicológico o emocional"
        case .neglect: "Negligencia"
        case .medicalNeglect: "Negligencia médica"
        case .domesticViolence: "Violencia doméstica"
        case .abandonment: "Abandono"
        case .failureToReturn: "No regresó al niño/a"
        case .caretakerAlcoholUse: "Consumo de alcohol del cuidador/a"
        case .caretakerDrugUse: "Consumo de drogas del cuidador/a"
        case .childAlcoholUse: "Consumo de alcohol del niño/a"
        case .childDrugUse: "Consumo de drogas del niño/a"
        case .prenatalAlcoholExposure: "Exposición prenatal al alcohol"
        case .prenatalDrugExposure: "Exposición prenatal a drogas"
        case .diagnosedCondition: "Condición diagnosticada"
        case .inadequateMentalHealthAccess: "Acceso insuficiente a servicios de salud mental"
        case .inadequateMedicalAccess: "Acceso insuficiente a servicios médicos"
        case .childBehaviorProblem: "Problema de conducta del niño/a"
        case .deathOfCaretaker: "Muerte del cuidador/a"
        case .incarcerationOfCaretaker: "Encarcelamiento del cuidador/a"
        case .caretakerImpairmentPhysicalEmotional: "Limitación importante del cuidador/a (física o emocional)"
        case .caretakerImpairmentCognitive: "Limitación importante del cuidador/a (cognitiva)"
        case .inadequateHousing: "Vivienda inadecuada"
        case .homelessness: "Falta de vivienda"
        case .relinquishment: "Entrega voluntaria para adopción"
        case .childRequestedPlacement: "El niño/a pidió la colocación"
        case .sexTrafficking: "Trata con fines sexuales"
        case .parentalImmigrationDetainment: "Detención o deportación migratoria de un padre o madre"
        case .familyConflict: "Conflicto familiar relacionado con el niño/a"
        case .publicAgencyAgreement: "Acuerdo del título IV-E con una agencia pública"
        case .tribalAgreement: "Acuerdo tribal del título IV-E"
        }
    }
}

extension DischargeReason: Translated {
    public var spanish: String {
        switch self {
        case .reunification: "Reunificación con el padre, la madre o el tutor/a legal"
        case .liveWithRelative: "Vive con otro pariente"
        case .adoption: "Adopción"
        case .emancipation: "Emancipación"
        case .guardianship: "Tutela"
        case .runawayOrWhereaboutsUnknown: "Fuga o paradero desconocido"
        case .death: "Muerte del niño/a"
        case .transfer: "Traslado a otra agencia"
        }
    }
}

extension PermanencyPlan: Translated {
    public var spanish: String {
        switch self {
        case .reunification: "Reunificación con el padre, la madre o el tutor/a legal"
        case .liveWithRelatives: "Vivir con otros parientes"
        case .adoption: "Adopción"
        case .guardianship: "Tutela"
        case .plannedPermanentLivingArrangement: "Arreglo de vida permanente planificado"
        }
    }
}

extension TeamRole: Translated {
    public var spanish: String {
        switch self {
        case .caseworker: "Trabajador/a social asignado/a"
        case .secondaryCaseworker: "Trabajador/a social de apoyo"
        case .supervisor: "Supervisor/a"
        case .clinician: "Terapeuta o profesional clínico/a"
        case .legal: "Abogado/a o tutor/a ad lítem"
        case .courtAdvocate: "Defensor/a nombrado/a por la corte (CASA)"
        case .provider: "Proveedor/a de servicios"
        case .administrator: "Administrador/a"
        }
    }
}

extension Sex: Translated {
    public var spanish: String {
        switch self {
        case .female: "Femenino"
        case .male: "Masculino"
        case .unknown: "Desconocido"
        }
    }
}
