/// "`person` is the `kind` of `relatedPerson`", within one case.
public struct RelationshipDetails: Equatable, Sendable, Codable {
    public var personID: PersonID
    public var kind: RelationshipKind
    public var relatedPersonID: PersonID

    public init(personID: PersonID, kind: RelationshipKind, relatedPersonID: PersonID) {
        self.personID = personID
        self.kind = kind
        self.relatedPersonID = relatedPersonID
    }

    /// `members` are the persons on the case; both ends must be among them.
    public func validate(members: Set<PersonID>) -> [FieldError] {
        var errors: [FieldError] = []
        if personID == relatedPersonID {
            errors.append(FieldError("relatedPersonId", .ruleRelationTwo))
        }
        if !members.contains(personID) { errors.append(FieldError("personId", .ruleRelationMember)) }
        if !members.contains(relatedPersonID) {
            errors.append(FieldError("relatedPersonId", .ruleRelationMember))
        }
        return errors
    }
}
