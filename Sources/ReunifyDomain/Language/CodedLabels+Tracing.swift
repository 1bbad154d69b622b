// Tracing's coded values in Spanish (staff wording: tracing pages are for caseworkers and tracing staff).

extension TracingKind: Translated {
    public var spanish: String {
        switch self {
        case .inquiry: "Un familiar busca a un niño/a"
        case .familySearch: "Buscamos a la familia de un niño/a"
        }
    }
}

extension TracingStatus: Translated {
    public var spanish: String {
        switch self {
        case .open: "Abierta"
        case .matchFound: "Coincidencia encontrada"
        case .verifying: "En verificación"
        case .reunified: "Reunificado/a"
        case .closed: "Cerrada"
        }
    }
}

extension TracingActionType: Translated {
    public var spanish: String {
        switch self {
        case .siteVisit: "Visita a la comunidad de origen"
        case .mediaOutreach: "Difusión en medios"
        case .localAuthorities: "Consulta a las autoridades locales"
        case .phone: "Llamada telefónica"
        case .registrySearch: "Búsqueda en registros"
        case .other: "Otra"
        }
    }
}

extension CandidateDecision: Translated {
    public var spanish: String {
        switch self {
        case .pending: "Sin revisar"
        case .confirmed: "Confirmada"
        case .rejected: "Rechazada"
        }
    }
}

extension VerificationAnswer: Translated {
    public var spanish: String {
        switch self {
        case .yes: "Sí"
        case .no: "No"
        case .notYetKnown: "Aún no se sabe"
        }
    }
}
