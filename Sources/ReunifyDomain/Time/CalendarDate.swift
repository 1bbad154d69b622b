import Foundation

/// A day on the calendar with no time of day or zone: birth dates, removal dates, placement starts.
/// Stored and exchanged as ISO 8601 `YYYY-MM-DD`, which also sorts correctly as text in both databases.
public struct CalendarDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// Nil when the parts do not name a real day (30 February, month 13).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        let parts = DateComponents(year: year, month: month, day: day)
        guard let date = Self.calendar.date(from: parts) else { return nil }
        let back = Self.calendar.dateComponents([.year, .month, .day], from: date)
        guard back.year == year, back.month == month, back.day == day else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`.
    public init?(iso text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The calendar day (UTC) that an instant falls on.
    public init(_ instant: Date) {
        let c = Self.calendar.dateComponents([.year, .month, .day], from: instant)
        self.year = c.year!
        self.month = c.month!
        self.day = c.day!
    }

    public var startOfDay: Date {
        Self.calendar.date(from: DateComponents(year: year, month: month, day: day))!
    }

    public var iso: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    public var description: String { iso }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public func adding(days: Int) -> CalendarDate {
        CalendarDate(Self.calendar.date(byAdding: .day, value: days, to: startOfDay)!)
    }

    /// Adds months, keeping the day where the month has it and otherwise taking the month's last day.
    public func adding(months: Int) -> CalendarDate {
        CalendarDate(Self.calendar.date(byAdding: .month, value: months, to: startOfDay)!)
    }

    /// Whole days from this date to `other` (negative when `other` is earlier).
    public func days(until other: CalendarDate) -> Int {
        Self.calendar.dateComponents([.day], from: startOfDay, to: other.startOfDay).day!
    }

    /// Whole months from this date to `other` (0 when `other` is earlier).
    public func wholeMonths(until other: CalendarDate) -> Int {
        var months = (other.year - year) * 12 + (other.month - month)
        if other.day < day { months -= 1 }
        return max(0, months)
    }

    /// Completed years of age on `date`.
    public func age(on date: CalendarDate) -> Int {
        var years = date.year - year
        if (date.month, date.day) < (month, day) { years -= 1 }
        return max(0, years)
    }

    /// Reads a form's day / month / year fields. Empty fields give nil; a partial or impossible
    /// date is an error naming the field.
    public static func fromParts(day: String?, month: String?, year: String?, field: String) throws(ValidationFailure) -> CalendarDate? {
        let parts = [day, month, year].map { ($0 ?? "").trimmingCharacters(in: .whitespaces) }
        if parts.allSatisfy(\.isEmpty) { return nil }
        guard let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]) else {
            throw ValidationFailure(field: field, .ruleDateNumbers)
        }
        guard parts[2].count == 4 else { throw ValidationFailure(field: field, .ruleDateYear) }
        guard let date = CalendarDate(year: y, month: m, day: d) else {
            throw ValidationFailure(field: field, .ruleDateReal, ["day": String(d), "month": String(m), "year": String(y)])
        }
        return date
    }

    /// Reads an ISO date from an API body; an unreadable one is an error naming the field.
    public static func parseOptional(_ text: String?, field: String) throws(ValidationFailure) -> CalendarDate? {
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        guard let date = CalendarDate(iso: text) else {
            throw ValidationFailure(field: field, "'\(text)' is not a date; write it as YYYY-MM-DD")
        }
        return date
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CalendarDate(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "'\(text)' is not a date; write it as YYYY-MM-DD"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
