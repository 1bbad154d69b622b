import ReunifyDomain

/// What a repository can refuse, for the web layer to turn into a status and a message.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The record does not exist (or was removed).
    case notFound(String)
    /// Someone saved the record since this edit began; `currentVersion` is theirs.
    case versionConflict(currentVersion: Int)
    /// A value that must be unique is taken.
    case duplicate(String)
    /// A record that is not there (or not in this case), with a sentence saying so.
    case absent(String)
    /// No such case, or not one open to the actor: one answer for both, so a case's existence is not leaked.
    case noSuchCase
    /// The access policy refuses the action; the reason says who may do it.
    case forbidden(String)
    /// The same, with the catalogue's reason, for a page to give in the reader's language.
    case refused(Msg)

    public var description: String {
        switch self {
        case .notFound(let what): "No such \(what)"
        case .versionConflict(let current): "Someone else saved this record since it was read (it is now at version \(current))"
        case .duplicate(let message): message
        case .absent(let why): why
        case .noSuchCase: "There is no case at this address, or it is not open to you"
        case .forbidden(let why): why
        case .refused(let why): Catalogue.text(why, .english)
        }
    }
}
