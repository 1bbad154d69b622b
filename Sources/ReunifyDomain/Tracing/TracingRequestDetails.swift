import Foundation
import ReunifyMatching

/// The person who asks: a relative filing an inquiry, or the worker searching for a child's family.
public struct Inquirer: Equatable, Sendable, Codable {
    public var name: String
    /// Their relationship to the sought child ("aunt", "grandmother", "caseworker").
    public var relationship: String
    /// How to reach them: phone, address, a camp's tent number, an agency contact.
    public var contact: String
    public var language: String

    public init(name: String, relationship: String, contact: String = "", language: String = "") {
        self.name = name
        self.relationship = relationship
        self.contact = contact
        self.language = language
    }
}

/// The child being sought, as the inquirer describes them: any spelling, any script, dates often partial.
public struct SoughtPerson: Equatable, Sendable, Codable {
    public var givenName: String
    public var familyName: String
    public var otherNames: [String]
    public var sex: Sex
    public var birthDate: PartialDate?
    /// Age in years when the request was filed, when the birth date is not known.
    public var ageEstimate: Int?
    public var separationPlace: String?
    public var separationDate: CalendarDate?
    public var placeOfOrigin: String?
    public var motherName: String?
    public var fatherName: String?
    public var distinguishingDetails: String?
    /// Where the child or the family last lived, as the inquirer gives it (house number, street, town, postcode).
    public var lastKnownAddress: String?

    public init(givenName: String, familyName: String, otherNames: [String] = [], sex: Sex = .unknown, birthDate: PartialDate? = nil,
                ageEstimate: Int? = nil, separationPlace: String? = nil, separationDate: CalendarDate? = nil, placeOfOrigin: String? = nil,
                motherName: String? = nil, fatherName: String? = nil, distinguishingDetails: String? = nil, lastKnownAddress: String? = nil) {
        self.givenName = givenName
        self.familyName = familyName
        self.otherNames = otherNames
        self.sex = sex
        self.birthDate = birthDate
        self.ageEstimate = ageEstimate
        self.separationPlace = separationPlace
        self.separationDate = separationDate
        self.placeOfOrigin = placeOfOrigin
        self.motherName = motherName
        self.fatherName = fatherName
        self.distinguishingDetails = distinguishingDetails
        self.lastKnownAddress = lastKnownAddress
    }

    public var fullName: String { [givenName, familyName].filter { !$0.isEmpty }.joined(separator: " ") }

    /// The sought child as matching sees them; an age estimate is carried forward from the day it was given.
    public func matchRecord(id: String, filedOn: CalendarDate, today: CalendarDate) -> MatchRecord {
        MatchRecord(id: id, givenName: givenName, familyName: familyName, otherNames: otherNames, sex: sex.forMatching,
                    birthDate: birthDate, age: ageEstimate.map { $0 + max(0, today.year - filedOn.year) },
                    place: placeOfOrigin ?? separationPlace, motherName: motherName, fatherName: fatherName,
                    address: PostalAddress(street: lastKnownAddress))
    }
}

/// A tracing request: who asks, who is sought, and where the trace stands.
public struct TracingRequestDetails: Equatable, Sendable, Codable {
    public var kind: TracingKind
    public var inquirer: Inquirer
    public var sought: SoughtPerson
    public var status: TracingStatus
    /// For a family search: the registered child whose family is sought.
    public var childID: PersonID?
    public var notes: String?

    public init(kind: TracingKind = .inquiry, inquirer: Inquirer, sought: SoughtPerson, status: TracingStatus = .open,
                childID: PersonID? = nil, notes: String? = nil) {
        self.kind = kind
        self.inquirer = inquirer
        self.sought = sought
        self.status = status
        self.childID = childID
        self.notes = notes
    }

    public func validate(today: CalendarDate) -> [FieldError] {
        var errors: [FieldError] = []
        let s = sought
        // A family search may leave the names empty: they are copied from the registered child's record.
        let namesFromRecord = kind == .familySearch && childID != nil
        if !namesFromRecord && s.givenName.trimmingCharacters(in: .whitespaces).isEmpty && s.familyName.trimmingCharacters(in: .whitespaces).isEmpty {
            errors.append(FieldError("givenName", .ruleTraceNeedName))
        }
        if s.givenName.count > 100 || s.familyName.count > 100 {
            errors.append(FieldError("familyName", .ruleTraceNameLength))
        }
        if kind == .inquiry {
            if inquirer.name.trimmingCharacters(in: .whitespaces).isEmpty {
                errors.append(FieldError("inquirerName", .ruleTraceNeedInquirer))
            }
            if inquirer.relationship.trimmingCharacters(in: .whitespaces).isEmpty {
                errors.append(FieldError("inquirerRelationship", .ruleTraceNeedRelationship))
            }
        } else if childID == nil {
            errors.append(FieldError("childId", .ruleTraceNeedChild))
        }
        if let b = s.birthDate, b.year > today.year || (b.year == today.year && (b.month ?? 1) > today.month) {
            errors.append(FieldError("birthDate", .ruleTraceBirthPast))
        } else if let b = s.birthDate, today.year - b.year > 30 {
            errors.append(FieldError("birthDate", .ruleTraceBirthOld))
        }
        if let age = s.ageEstimate, !(0...30).contains(age) {
            errors.append(FieldError("ageEstimate", .ruleTraceAgeRange))
        }
        if let d = s.separationDate, d > today {
            errors.append(FieldError("separationDate", .ruleTraceSeparationPast))
        }
        return errors
    }
}

/// One thing done to find someone, kept as the trace's history.
public struct TracingActionDetails: Equatable, Sendable, Codable {
    public var date: CalendarDate
    public var type: TracingActionType
    public var place: String
    public var outcome: String
    public var notes: String

    public init(date: CalendarDate, type: TracingActionType, place: String = "", outcome: String, notes: String = "") {
        self.date = date
        self.type = type
        self.place = place
        self.outcome = outcome
        self.notes = notes
    }

    public func validate(today: CalendarDate) -> [FieldError] {
        var errors: [FieldError] = []
        if date > today { errors.append(FieldError("date", .ruleTraceActionPast)) }
        if outcome.trimmingCharacters(in: .whitespaces).isEmpty {
            errors.append(FieldError("outcome", .ruleTraceActionOutcome))
        }
        return errors
    }
}

/// The check made after a match is confirmed, before a child goes to the adult.
public struct VerificationDetails: Equatable, Sendable, Codable {
    public var willingAndAble: VerificationAnswer
    public var childKnowsThem: VerificationAnswer
    public var childWantsToGo: VerificationAnswer
    public var accountsAgree: VerificationAnswer
    public var notes: String

    public init(willingAndAble: VerificationAnswer = .notYetKnown, childKnowsThem: VerificationAnswer = .notYetKnown,
                childWantsToGo: VerificationAnswer = .notYetKnown, accountsAgree: VerificationAnswer = .notYetKnown, notes: String = "") {
        self.willingAndAble = willingAndAble
        self.childKnowsThem = childKnowsThem
        self.childWantsToGo = childWantsToGo
        self.accountsAgree = accountsAgree
        self.notes = notes
    }

    /// Every question answered yes: the trace may be marked reunified.
    public var supportsReunification: Bool {
        [willingAndAble, childKnowsThem, childWantsToGo, accountsAgree].allSatisfy { $0 == .yes }
    }

    public static let questions: [(key: String, text: Msg)] = [
        ("willingAndAble", .verifyWilling),
        ("childKnowsThem", .verifyKnows),
        ("childWantsToGo", .verifyWants),
        ("accountsAgree", .verifyAgree),
    ]

    public func answer(_ key: String) -> VerificationAnswer {
        switch key {
        case "willingAndAble": willingAndAble
        case "childKnowsThem": childKnowsThem
        case "childWantsToGo": childWantsToGo
        default: accountsAgree
        }
    }

    public func validate() -> [FieldError] {
        if [willingAndAble, childKnowsThem, childWantsToGo, accountsAgree].contains(.no) && notes.trimmingCharacters(in: .whitespaces).isEmpty {
            return [FieldError("notes", .ruleTraceVerifyNotes)]
        }
        return []
    }
}

extension TracingStatus {
    /// Whether a trace may move to this status, and if not, why.
    public static func problem(moving from: TracingStatus, to: TracingStatus, verification: VerificationDetails?, linked: Bool) -> Msg? {
        if from == to { return nil }
        switch to {
        case .verifying where !linked:
            return .ruleTraceConfirmBeforeVerifying
        case .reunified where !(verification?.supportsReunification ?? false):
            return .ruleTraceReunifiedNeedsYes
        default:
            return nil
        }
    }
}
