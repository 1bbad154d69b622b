/// The kinds of record a request can touch; the policy decides per kind.
public enum RecordKind: String, CaseIterable, Sendable, Codable {
    case caseFile = "case"
    case person
    case member
    case relationship
    case removalEpisode = "removal_episode"
    case placement
    case permanencyGoal = "permanency_goal"
    case team
    case auditTrail = "audit_trail"
    case assessment
    case reunificationReview = "reunification_review"
}

public enum AccessAction: String, CaseIterable, Sendable, Codable {
    case read, create, update, delete
}
