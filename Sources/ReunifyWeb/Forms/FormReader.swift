import Foundation
import ReunifyDomain

/// Reads a form's fields into domain values, collecting every problem instead of stopping at the first,
/// so the page can list them all at once.
struct FormReader {
    let form: FormData
    var errors: [FieldError] = []

    init(_ form: FormData) { self.form = form }

    mutating func required(_ key: String, _ message: String) -> String {
        let value = form.string(key)
        if value.isEmpty { errors.append(FieldError(key, message)) }
        return value
    }

    mutating func code<T: CodedValue>(_ type: T.Type, _ key: String, required message: String) -> T? {
        let raw = form.string(key)
        if raw.isEmpty {
            errors.append(FieldError(key, message))
            return nil
        }
        return capture { () throws(ValidationFailure) in try T.parse(raw, field: key) }
    }

    mutating func optionalCode<T: CodedValue>(_ type: T.Type, _ key: String) -> T? {
        let raw = form.optional(key)
        return capture { () throws(ValidationFailure) in try T.parseOptional(raw, field: key) } ?? nil
    }

    mutating func codes<T: CodedValue>(_ type: T.Type, _ key: String) -> [T] {
        var values: [T] = []
        for raw in form.all(key) {
            if let value = capture({ () throws(ValidationFailure) in try T.parse(raw, field: key) }) { values.append(value) }
        }
        return values
    }

    mutating func date(_ key: String) -> CalendarDate? {
        let (d, m, y) = (form[key + "-day"], form[key + "-month"], form[key + "-year"])
        return capture { () throws(ValidationFailure) in try CalendarDate.fromParts(day: d, month: m, year: y, field: key) } ?? nil
    }

    mutating func requiredDate(_ key: String, _ message: String) -> CalendarDate? {
        let hadError = errors.count
        let value = date(key)
        if value == nil && errors.count == hadError { errors.append(FieldError(key, message)) }
        return value
    }

    /// A record's id chosen in the form, of the type the caller names.
    mutating func id<Subject>(_ key: String, _ message: String) -> Identifier<Subject>? {
        guard let value = Identifier<Subject>(form.string(key)) else {
            errors.append(FieldError(key, message))
            return nil
        }
        return value
    }

    // The same with the message as a catalogue id, so the page shows it in the reader's language.

    mutating func required(_ key: String, _ message: Msg) -> String {
        let value = form.string(key)
        if value.isEmpty { errors.append(FieldError(key, message)) }
        return value
    }

    mutating func code<T: CodedValue>(_ type: T.Type, _ key: String, required message: Msg, _ values: [String: String] = [:]) -> T? {
        if form.string(key).isEmpty {
            errors.append(FieldError(key, message, values))
            return nil
        }
        return code(type, key, required: "")
    }

    mutating func requiredDate(_ key: String, _ message: Msg) -> CalendarDate? {
        let hadError = errors.count
        let value = date(key)
        if value == nil && errors.count == hadError { errors.append(FieldError(key, message)) }
        return value
    }

    mutating func id<Subject>(_ key: String, _ message: Msg) -> Identifier<Subject>? {
        guard let value = Identifier<Subject>(form.string(key)) else {
            errors.append(FieldError(key, message))
            return nil
        }
        return value
    }

    var version: Int { Int(form.string("version")) ?? 0 }

    mutating func capture<T>(_ body: () throws(ValidationFailure) -> T) -> T? {
        do { return try body() } catch { errors.append(contentsOf: error.errors); return nil }
    }

    /// Adds the domain rule's own findings, skipping fields that already have a message.
    mutating func add(_ more: [FieldError]) {
        for error in more where !errors.contains(where: { $0.field == error.field }) { errors.append(error) }
    }
}

extension CalendarDate {
    var parts: CalendarDateParts { CalendarDateParts(day: String(day), month: String(month), year: String(year)) }
}
