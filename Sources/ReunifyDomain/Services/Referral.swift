import Foundation

/// Where a referral stands. A provider answers a referral (accepts, declines with a reason, or puts the person on
/// its waiting list), starts the service, and closes it (completed with its outcome, or ended with a reason); the
/// caseworker may withdraw it while it is open.
public enum ReferralStatus: String, CodedValue {
    case referred, accepted, declined, waitlisted, active, completed, ended, withdrawn

    public static let listName = "referral status"
    public var label: String {
        switch self {
        case .referred: "Referred"
        case .accepted: "Accepted"
        case .declined: "Declined"
        case .waitlisted: "On the waiting list"
        case .active: "Receiving the service"
        case .completed: "Completed"
        case .ended: "Ended early"
        case .withdrawn: "Withdrawn"
        }
    }

    /// The moves from here, in the order a page offers them.
    public var next: [ReferralStatus] {
        switch self {
        case .referred: [.accepted, .waitlisted, .declined, .withdrawn]
        case .waitlisted: [.accepted, .active, .declined, .withdrawn]
        case .accepted: [.active, .withdrawn]
        case .active: [.completed, .ended, .withdrawn]
        case .declined, .completed, .ended, .withdrawn: []
        }
    }

    public var isOpen: Bool { !next.isEmpty }

    /// The provider has taken the person on (or will): sessions of the service are logged for them.
    public var takesSessions: Bool { [.accepted, .active, .waitlisted].contains(self) }
}

/// Who moves a referral: the provider answers and runs the service; the case's staff withdraw it, and may record a
/// provider's answer given by phone or letter.
public enum ReferralActor: Sendable, Equatable {
    case caseStaff
    case provider
}

/// A referral of one family member to one service, as recorded.
public struct ReferralDetails: Equatable, Sendable, Codable {
    public var personID: PersonID
    public var serviceID: ServiceID
    public var providerID: ProviderID
    public var category: ServiceCategory
    /// The plan intervention the referral serves, when it was made for one.
    public var interventionID: UUID?
    public var reason: String
    public var status: ReferralStatus
    public var referredOn: CalendarDate
    /// The reason given for a decline, an early end or a withdrawal.
    public var closingReason: String?
    /// What a completed service achieved.
    public var outcome: String?
    public var consentID: ConsentID?

    public init(personID: PersonID, serviceID: ServiceID, providerID: ProviderID, category: ServiceCategory, interventionID: UUID? = nil,
                reason: String, status: ReferralStatus = .referred, referredOn: CalendarDate, closingReason: String? = nil,
                outcome: String? = nil, consentID: ConsentID? = nil) {
        self.personID = personID
        self.serviceID = serviceID
        self.providerID = providerID
        self.category = category
        self.interventionID = interventionID
        self.reason = reason
        self.status = status
        self.referredOn = referredOn
        self.closingReason = closingReason
        self.outcome = outcome
        self.consentID = consentID
    }

    /// Substance use treatment referrals are restricted (42 CFR Part 2).
    public var isRestricted: Bool { category.isRestricted }
}

/// The rules of a referral's life.
public enum ReferralRules {
    /// A new referral says why the person is referred.
    public static func checkNew(reason: String) throws(ValidationFailure) -> String {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw ValidationFailure(field: "reason", .ruleReferralReason) }
        return reason
    }

    /// A referral is made only to a service the person is eligible for; the failure names every rule not met.
    public static func checkEligible(_ service: ProviderService, person: PersonDetails, role: MemberRole?, on date: CalendarDate,
                                     referrer: UserRole? = nil) throws(ValidationFailure) {
        guard !service.eligibility.failures(of: person, role: role, on: date, referrer: referrer).isEmpty else { return }
        var texts: [UILanguage: String] = [:]
        for language in UILanguage.allCases {
            let text = service.eligibility.failures(of: person, role: role, on: date, referrer: referrer, in: language).joined(separator: "; ")
            texts[language] = text.prefix(1).uppercased() + text.dropFirst()
        }
        throw ValidationFailure([FieldError("serviceId", texts: texts)])
    }

    /// Moves a referral to `to`. A move the status does not allow is a conflict naming the moves that are; a decline,
    /// an early end and a withdrawal need a reason, a completion its outcome; only the case's staff withdraw.
    public static func move(_ referral: ReferralDetails, to: ReferralStatus, by actor: ReferralActor, reason: String?, outcome: String?) throws -> ReferralDetails {
        let from = referral.status
        guard from.next.contains(to) else {
            let allowed = from.next.map(\.rawValue)
            throw allowed.isEmpty
                ? StateConflict(.ruleReferralClosed, ["code": from.rawValue], each: { ["status": from.staffLabel($0).lowercased()] })
                : StateConflict(.ruleReferralMoves, ["code": from.rawValue, "allowed": allowed.joined(separator: ", "), "to": to.rawValue])
        }
        if to == .withdrawn && actor != .caseStaff {
            throw StateConflict(.ruleReferralWithdraw)
        }
        let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        let outcome = outcome?.trimmingCharacters(in: .whitespacesAndNewlines)
        var moved = referral
        moved.status = to
        switch to {
        case .declined, .ended, .withdrawn:
            guard let reason, !reason.isEmpty else {
                throw ValidationFailure(field: "reason", .ruleReferralWhy, each: { ["status": to.staffLabel($0).lowercased()] })
            }
            moved.closingReason = reason
        case .completed:
            guard let outcome, !outcome.isEmpty else {
                throw ValidationFailure(field: "outcome", .ruleReferralOutcome)
            }
            moved.outcome = outcome
        default:
            break
        }
        return moved
    }
}

/// A family member's consent to share their information with one provider: what may be shared, from when, until
/// when, and its revocation.
public struct ConsentDetails: Equatable, Sendable, Codable {
    public var personID: PersonID
    public var providerID: ProviderID
    /// What may be shared and for what, in the consent form's words.
    public var scope: String
    public var givenOn: CalendarDate
    public var expiresOn: CalendarDate?
    public var revokedOn: CalendarDate?
    public var revocationReason: String?

    public init(personID: PersonID, providerID: ProviderID, scope: String, givenOn: CalendarDate, expiresOn: CalendarDate? = nil,
                revokedOn: CalendarDate? = nil, revocationReason: String? = nil) {
        self.personID = personID
        self.providerID = providerID
        self.scope = scope
        self.givenOn = givenOn
        self.expiresOn = expiresOn
        self.revokedOn = revokedOn
        self.revocationReason = revocationReason
    }

    /// What a referral shares with a provider when the consent says no more: the minimum the provider needs.
    public static let referralMinimum = "Name, contact, language and the reason for referral"

    /// In force on `date`: given by then, not expired, not revoked.
    public func stands(on date: CalendarDate) -> Bool {
        givenOn <= date && (expiresOn.map { date <= $0 } ?? true) && (revokedOn.map { date < $0 } ?? true)
    }

    public func validate(today: CalendarDate) -> [FieldError] {
        var errors: [FieldError] = []
        if scope.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors.append(FieldError("scope", .ruleConsentScope))
        }
        if givenOn > today { errors.append(FieldError("givenOn", .ruleConsentGiven)) }
        if let expiresOn, expiresOn < givenOn { errors.append(FieldError("expiresOn", .ruleConsentExpires)) }
        return errors
    }

    /// Revokes the consent from `date`; a consent already revoked stays as it was.
    public func revoked(on date: CalendarDate, reason: String?) throws -> ConsentDetails {
        guard revokedOn == nil else { throw StateConflict(.ruleConsentRevoked, ["date": revokedOn!.iso]) }
        var c = self
        c.revokedOn = date
        c.revocationReason = reason?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        return c
    }
}

extension String {
    /// The text, or nil when it is empty.
    public var nilIfEmpty: String? { isEmpty ? nil : self }
}
