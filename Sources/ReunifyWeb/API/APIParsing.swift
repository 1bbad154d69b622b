import ReunifyDomain

/// The API reads codes and dates exactly as its document describes them: a code from the list, a date as YYYY-MM-DD.
/// (Forms are kinder: a blank select is "not chosen" there.) Anything else is a 422 that names the field.
extension CodedValue {
    static func api(_ code: String, field: String) throws(ValidationFailure) -> Self {
        guard let value = Self(rawValue: code) else { throw ValidationFailure(field: field, unknownMessage(code)) }
        return value
    }

    static func api(_ code: String?, field: String) throws(ValidationFailure) -> Self? {
        guard let code else { return nil }
        return try api(code, field: field) as Self
    }
}

extension CalendarDate {
    static func api(_ text: String?, field: String) throws(ValidationFailure) -> CalendarDate? {
        guard let text else { return nil }
        guard let date = CalendarDate(iso: text) else {
            throw ValidationFailure(field: field, "'\(text)' is not a date; write it as YYYY-MM-DD")
        }
        return date
    }
}
