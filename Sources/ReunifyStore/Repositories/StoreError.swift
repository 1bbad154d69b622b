/// What a repository can refuse, for the web layer to turn into a status and a message.
public enum StoreError: Error, Equatable, Sendable {
    /// The record does not exist (or was removed).
    case notFound(String)
    /// Someone saved the record since this edit began; `currentVersion` is theirs.
    case versionConflict(currentVersion: Int)
    /// A value that must be unique is taken.
    case duplicate(String)
}
