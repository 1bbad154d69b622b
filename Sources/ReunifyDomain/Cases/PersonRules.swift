import Foundation

/// Rules about people that no single field decides.
public enum PersonRules {
    /// Two records are merged only with the reason they are one person, in words; returns it as kept.
    public static func mergeReason(_ reason: String) throws(ValidationFailure) -> String {
        let kept = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !kept.isEmpty else { throw ValidationFailure(field: "reason", .ruleMergeReason) }
        return kept
    }
}
