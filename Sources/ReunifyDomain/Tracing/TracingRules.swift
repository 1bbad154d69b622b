import Foundation
import ReunifyMatching

/// The rules a tracing request's changes obey, whichever surface asks for them (a page, the API, an import).
public struct TracingRules: Sendable {
    public let today: CalendarDate

    public init(today: CalendarDate) { self.today = today }

    /// A request as it will be filed or saved. A family search names a child in a case open to the person filing it
    /// (`child` is that child's record, nil when the child is not open to them); its sought names, when left empty,
    /// are taken from the child's record.
    public func complete(_ details: TracingRequestDetails, child: PersonDetails?) throws(ValidationFailure) -> TracingRequestDetails {
        try ValidationFailure.check(details.validate(today: today))
        guard details.childID != nil else { return details }
        guard let c = child else { throw ValidationFailure(field: "childId", .ruleTraceChildOpen) }
        guard details.kind == .familySearch else { return details }
        var d = details
        if d.sought.givenName.isEmpty && d.sought.familyName.isEmpty {
            d.sought.givenName = c.givenName
            d.sought.familyName = c.familyName
            d.sought.otherNames = c.otherNames
            d.sought.birthDate = c.birthDate.flatMap { PartialDate(year: $0.year, month: $0.month, day: $0.day) }
            if d.sought.sex == .unknown { d.sought.sex = c.sex }
            if d.sought.placeOfOrigin == nil { d.sought.placeOfOrigin = c.placeOfOrigin }
        }
        return d
    }

    /// A change of a filed request: its status moves only as `TracingStatus.problem` allows.
    public func checkChange(from saved: TracingStatus, to details: TracingRequestDetails, verification: VerificationDetails?,
                            linked: Bool) throws(ValidationFailure) {
        if let problem = TracingStatus.problem(moving: saved, to: details.status, verification: verification, linked: linked) {
            throw ValidationFailure(field: "status", problem)
        }
    }

    /// A request is deleted only when filed in error: one with a confirmed match is kept (and closed instead).
    public static func checkDeletion(linked: Bool, anyConfirmed: Bool) throws(StateConflict) {
        if linked || anyConfirmed { throw StateConflict(.ruleTraceKeepConfirmed) }
    }

    /// A decision on a proposed match: confirmed or rejected, once, with the reason in words; a request is linked to
    /// one child at a time. Returns the reason as it is kept.
    public static func checkDecision(_ decision: CandidateDecision, reason: String, current: CandidateDecision,
                                     linkedTo: PersonID?, candidate: PersonID) throws -> String {
        guard decision != .pending else { throw ValidationFailure(field: "decision", .ruleTraceChooseDecision) }
        guard current == .pending else {
            throw StateConflict(.ruleTraceAlreadyDecided, each: { ["decision": current.staffLabel($0).lowercased()] })
        }
        let kept = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !kept.isEmpty else {
            throw ValidationFailure(field: "reason", decision == .confirmed ? .ruleTraceWhyChild : .ruleTraceWhyOther)
        }
        if decision == .confirmed, let linkedTo, linkedTo != candidate {
            throw StateConflict(.ruleTraceLinkedOther)
        }
        return kept
    }

    /// Verification follows a confirmed match.
    public static func checkVerification(_ v: VerificationDetails, linked: Bool) throws {
        guard linked else { throw StateConflict(.ruleTraceConfirmFirst) }
        try ValidationFailure.check(v.validate())
    }
}
