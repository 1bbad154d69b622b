/// One problem with one field of a submitted record, worded so a person knows what to change.
public struct FieldError: Equatable, Sendable, Codable {
    public let field: String
    public let message: String
    public init(_ field: String, _ message: String) {
        self.field = field
        self.message = message
    }
}

/// A submission that cannot be saved as it stands; nothing was written.
public struct ValidationFailure: Error, Equatable, Sendable {
    public let errors: [FieldError]
    public init(_ errors: [FieldError]) { self.errors = errors }
    public init(field: String, _ message: String) { self.errors = [FieldError(field, message)] }

    /// One sentence naming every problem, for API clients and logs.
    public var summary: String {
        errors.map { "\($0.field): \($0.message)" }.joined(separator: "; ")
    }

    /// Throws when any errors were collected.
    public static func check(_ errors: [FieldError]) throws(ValidationFailure) {
        if !errors.isEmpty { throw ValidationFailure(errors) }
    }
}

/// A record that would be a second of what may exist once (a child's open removal episode, their goals); nothing was
/// written. The field names where the person can put it right.
public struct DuplicateRecord: Error, Equatable, Sendable {
    public let error: FieldError
    public init(_ field: String, _ message: String) { self.error = FieldError(field, message) }
    public var message: String { error.message }
}

/// A change the record's present state does not allow (a match already decided, a trace already linked); nothing was
/// written. The message says what to do first.
public struct StateConflict: Error, Equatable, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
}
