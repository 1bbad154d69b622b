/// What the policy answers. `notFound` hides that a case exists from someone with no part in it;
/// `forbidden` is for a case the person knows of but a record kind or action their role may not use.
public enum AccessDecision: Equatable, Sendable {
    case allow
    /// Refused, with the catalogue's reason (who may do it, or what to do instead).
    case forbidden(Msg)
    case notFound

    public var isAllowed: Bool { self == .allow }

    /// The reason of a refusal in English (for the audit log and the API).
    public var reason: String? {
        if case .forbidden(let why) = self { return Catalogue.text(why, .english) }
        return nil
    }
}
