/// What a repository can refuse, for the web layer to turn into a status and a message.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The record does not exist (or was removed).
    case notFound(String)
    /// Someone saved the record since this edit began; `currentVersion` is theirs.
    case versionConflict(currentVersion: Int)
    /// A value that must be unique is taken.
    case duplicate(String)

    public var description: String {
        switch self {
        case .notFound(let what): "No such \(what)"
        case .versionConflict(let current): "Someone else saved this record since it was read (it is now at version \(current))"
        case .duplicate(let message): message
        }
    }
}
