/// What the policy answers. `notFound` hides that a case exists from someone with no part in it;
/// `forbidden` is for a case the person knows of but a record kind or action their role may not use.
public enum AccessDecision: Equatable, Sendable {
    case allow
    case forbidden(String)
    case notFound

    public var isAllowed: Bool { self == .allow }
}
