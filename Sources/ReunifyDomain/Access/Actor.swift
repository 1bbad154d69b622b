/// The signed-in person a request acts for.
public struct Actor: Equatable, Sendable {
    public let id: UserID
    public let role: UserRole
    /// The supervisory unit the user works in.
    public let unit: String?

    public init(id: UserID, role: UserRole, unit: String?) {
        self.id = id
        self.role = role
        self.unit = unit
    }
}

/// The facts about one case the policy needs: who holds it, who is on its team, which parents' accounts
/// belong to it.
public struct CaseAccessFacts: Equatable, Sendable {
    public let caseworkerID: UserID?
    public let supervisorID: UserID?
    public let unit: String
    public let team: [UserID: TeamRole]
    /// Accounts of parents and caregivers who are members of the case.
    public let familyAccounts: Set<UserID>

    public init(caseworkerID: UserID?, supervisorID: UserID?, unit: String, team: [UserID: TeamRole] = [:],
                familyAccounts: Set<UserID> = []) {
        self.caseworkerID = caseworkerID
        self.supervisorID = supervisorID
        self.unit = unit
        self.team = team
        self.familyAccounts = familyAccounts
    }
}

/// Which cases a role may list: the policy's scope, resolved into a query by the store.
public enum CaseScope: Equatable, Sendable {
    /// Cases assigned to the user or whose team they are on.
    case assignedOrTeam(UserID)
    /// Cases of the unit, plus any they supervise or are on the team of.
    case unit(String?, UserID)
    /// Cases whose family the user belongs to.
    case family(UserID)
    case none
}
