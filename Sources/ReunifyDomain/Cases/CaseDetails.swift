import Foundation

/// The editable facts of a case: one family's reunification work.
public struct CaseDetails: Equatable, Sendable, Codable {
    public var caseNumber: String
    public var familyName: String
    public var stage: CaseStage
    public var caseworkerID: UserID?
    public var supervisorID: UserID?
    /// The supervisory unit the case belongs to.
    public var unit: String
    public var openedOn: CalendarDate
    public var closedOn: CalendarDate?

    public init(caseNumber: String, familyName: String, stage: CaseStage = .intake, caseworkerID: UserID? = nil,
                supervisorID: UserID? = nil, unit: String, openedOn: CalendarDate, closedOn: CalendarDate? = nil) {
        self.caseNumber = caseNumber
        self.familyName = familyName
        self.stage = stage
        self.caseworkerID = caseworkerID
        self.supervisorID = supervisorID
        self.unit = unit
        self.openedOn = openedOn
        self.closedOn = closedOn
    }

    public func validate(today: CalendarDate) -> [FieldError] {
        var errors: [FieldError] = []
        let number = caseNumber.trimmingCharacters(in: .whitespaces)
        if number.isEmpty {
            errors.append(FieldError("caseNumber", .ruleCaseNumber))
        } else if number.count > 40 || !number.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "/" }) {
            errors.append(FieldError("caseNumber", .ruleCaseNumberShape))
        }
        if familyName.trimmingCharacters(in: .whitespaces).isEmpty {
            errors.append(FieldError("familyName", .ruleCaseFamilyKnown))
        }
        if unit.trimmingCharacters(in: .whitespaces).isEmpty {
            errors.append(FieldError("unit", .ruleCaseUnit))
        }
        if openedOn > today { errors.append(FieldError("openedOn", .ruleCaseOpenedPast)) }
        if let closedOn {
            if closedOn < openedOn { errors.append(FieldError("closedOn", .ruleCaseClosedAfter)) }
            if closedOn > today { errors.append(FieldError("closedOn", .ruleCaseClosedPast)) }
        }
        if stage == .closed && closedOn == nil {
            errors.append(FieldError("closedOn", .ruleCaseClosedDate))
        }
        return errors
    }

    /// A caseworker who opens a case holds it unless they named someone else.
    public func openedBy(_ actor: Actor) -> CaseDetails {
        var copy = self
        if copy.caseworkerID == nil && actor.role == .caseworker { copy.caseworkerID = actor.id }
        return copy
    }
}
