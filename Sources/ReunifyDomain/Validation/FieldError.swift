/// One problem with one field of a submitted record, worded so a person knows what to change.
///
/// A rule's message is a catalogue id with its values, so a page shows it in the reader's language; `message` is its
/// English, which the API and the logs give. A few messages built outside the catalogue carry English only.
public struct FieldError: Equatable, Sendable, Codable {
    public let field: String
    public let message: String
    /// The catalogue id of the message, and its text in every language (empty for an English-only message).
    public private(set) var key: Msg? = nil
    public private(set) var texts: [UILanguage: String] = [:]

    private enum CodingKeys: String, CodingKey { case field, message }

    public init(_ field: String, _ message: String) {
        self.field = field
        self.message = message
    }

    /// A message put together from parts of the catalogue, given in every language (English at least).
    public init(_ field: String, texts: [UILanguage: String]) {
        self.field = field
        self.message = texts[.english] ?? ""
        self.texts = texts
    }

    /// A message from the catalogue. `values` fill its placeholders in every language; `each` adds values that differ
    /// by language (a coded value's label).
    public init(_ field: String, _ key: Msg, _ values: [String: String] = [:],
                each: ((UILanguage) -> [String: String])? = nil) {
        var texts: [UILanguage: String] = [:]
        for language in UILanguage.allCases {
            texts[language] = Catalogue.text(key, language, values.merging(each?(language) ?? [:]) { $1 })
        }
        self.field = field
        self.message = texts[.english] ?? key.rawValue
        self.key = key
        self.texts = texts
    }

    /// Two errors are the same when they name the same field with the same English message, however they were made.
    public static func == (a: FieldError, b: FieldError) -> Bool { a.field == b.field && a.message == b.message }

    /// The message in a language (English where it has no catalogue id).
    public func text(_ language: UILanguage) -> String { texts[language] ?? message }

    /// The same message beside another field (a form that shows a record's parts under one field of its own).
    public func on(_ field: String) -> FieldError {
        var moved = FieldError(field, message)
        moved.key = key
        moved.texts = texts
        return moved
    }
}

/// A submission that cannot be saved as it stands; nothing was written.
public struct ValidationFailure: Error, Equatable, Sendable {
    public let errors: [FieldError]
    public init(_ errors: [FieldError]) { self.errors = errors }
    public init(field: String, _ message: String) { self.errors = [FieldError(field, message)] }
    public init(field: String, _ key: Msg, _ values: [String: String] = [:], each: ((UILanguage) -> [String: String])? = nil) {
        self.errors = [FieldError(field, key, values, each: each)]
    }

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
    public init(_ field: String, _ key: Msg, _ values: [String: String] = [:]) { self.error = FieldError(field, key, values) }
    public var message: String { error.message }
}

/// A change the record's present state does not allow (a match already decided, a trace already linked); nothing was
/// written. The message says what to do first.
public struct StateConflict: Error, Equatable, Sendable {
    /// The refusal's message, in every language it has, beside no field.
    public let reason: FieldError
    public var message: String { reason.message }
    public init(_ message: String) { self.reason = FieldError("", message) }
    /// A message from the catalogue; `each` adds values that differ by language (a coded value's label).
    public init(_ key: Msg, _ values: [String: String] = [:], each: ((UILanguage) -> [String: String])? = nil) {
        self.reason = FieldError("", key, values, each: each)
    }
    /// The refusal as a message beside a form's field, in every language it has.
    public func error(field: String) -> FieldError { reason.on(field) }
}
