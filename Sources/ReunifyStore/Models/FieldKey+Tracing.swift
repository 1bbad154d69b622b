import FluentKit

/// Column names of tracing and matching.
extension FieldKey {
    // persons
    static let placeOfOrigin: FieldKey = "place_of_origin"
    static let tracingConsent: FieldKey = "tracing_consent"
    static let mergedInto: FieldKey = "merged_into"
    // tracing requests
    static let inquirer: FieldKey = "inquirer"
    static let sought: FieldKey = "sought"
    static let soughtName: FieldKey = "sought_name"
    static let linkedPersonID: FieldKey = "linked_person_id"
    static let verification: FieldKey = "verification"
    static let filedBy: FieldKey = "filed_by"
    static let filedOn: FieldKey = "filed_on"
    // tracing actions
    static let requestID: FieldKey = "request_id"
    static let actionDate: FieldKey = "action_date"
    static let actionType: FieldKey = "action_type"
    static let place: FieldKey = "place"
    static let recordedBy: FieldKey = "recorded_by"
    // match candidates
    static let probability: FieldKey = "probability"
    static let evidence: FieldKey = "evidence"
    static let engineVersion: FieldKey = "engine_version"
    static let decision: FieldKey = "decision"
    static let decidedBy: FieldKey = "decided_by"
    static let decidedAt: FieldKey = "decided_at"
    static let decisionReason: FieldKey = "decision_reason"
    static let scoredAt: FieldKey = "scored_at"
}
