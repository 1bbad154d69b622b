/// Who opened a trace: a relative looking for a child, or a caseworker looking for a registered child's family.
public enum TracingKind: String, CodedValue {
    case inquiry
    case familySearch = "family_search"

    public static let listName = "kind of tracing request"
    public var label: String {
        switch self {
        case .inquiry: "A relative is looking for a child"
        case .familySearch: "We are looking for a child's family"
        }
    }
}

/// Where a trace stands.
public enum TracingStatus: String, CodedValue {
    case open
    case matchFound = "match_found"
    case verifying
    case reunified
    case closed

    public static let listName = "tracing status"
    public var label: String {
        switch self {
        case .open: "Open"
        case .matchFound: "Match found"
        case .verifying: "Verifying"
        case .reunified: "Reunified"
        case .closed: "Closed"
        }
    }

    /// Still being worked: new records are matched against it.
    public var isActive: Bool { self == .open || self == .matchFound || self == .verifying }
}

/// What was done to find someone.
public enum TracingActionType: String, CodedValue {
    case siteVisit = "site_visit"
    case mediaOutreach = "media_outreach"
    case localAuthorities = "local_authorities"
    case phone
    case registrySearch = "registry_search"
    case other

    public static let listName = "tracing action"
    public var label: String {
        switch self {
        case .siteVisit: "Site visit to the community of origin"
        case .mediaOutreach: "Media outreach"
        case .localAuthorities: "Consulting local authorities"
        case .phone: "Phone call"
        case .registrySearch: "Registry search"
        case .other: "Other"
        }
    }
}

/// A person's decision on a proposed match.
public enum CandidateDecision: String, CodedValue {
    case pending
    case confirmed
    case rejected

    public static let listName = "decision"
    public var label: String {
        switch self {
        case .pending: "Not yet reviewed"
        case .confirmed: "Confirmed"
        case .rejected: "Rejected"
        }
    }
}

/// An answer in the verification step.
public enum VerificationAnswer: String, CodedValue {
    case yes
    case no
    case notYetKnown = "not_yet_known"

    public static let listName = "answer"
    public var label: String {
        switch self {
        case .yes: "Yes"
        case .no: "No"
        case .notYetKnown: "Not yet known"
        }
    }
}
