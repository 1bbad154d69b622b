import Foundation

/// A day on the calendar with no time of day or zone: birth dates, removal dates, placement starts.
/// Stored and exchanged as ISO 8601 `YYYY-MM-DD`, which also sorts correctly as text in both databases.
public struct CalendarDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Nil when the parts do not name a real day (30 February, month 13).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), (1...Self.days(inMonth: month, of: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`.
    public init?(iso text: String) {
        // The common case, ten digits and dashes as stored, read without splitting (a state's figures read millions).
        let u = text.utf8
        if u.count == 10 {
            var y = 0, m = 0, d = 0, ok = true
            for (i, c) in u.enumerated() {
                if i == 4 || i == 7 {
                    if c != UInt8(ascii: "-") { ok = false; break }
                    continue
                }
                guard (48...57).contains(c) else { ok = false; break }
                let digit = Int(c - 48)
                if i < 4 { y = y * 10 + digit } else if i < 7 { m = m * 10 + digit } else { d = d * 10 + digit }
            }
            if ok {
                self.init(year: y, month: m, day: d)
                return
            }
        }
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The calendar day (UTC) that an instant falls on.
    public init(_ instant: Date) {
        self.init(dayNumber: Int((instant.timeIntervalSince1970 / 86_400).rounded(.down)))
    }

    public var startOfDay: Date {
        Date(timeIntervalSince1970: Double(dayNumber) * 86_400)
    }

    public var iso: String {
        func padded(_ n: Int, _ width: Int) -> String {
            let digits = String(n)
            return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        }
        return padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2)
    }

    // Arithmetic on the proleptic Gregorian calendar, in whole numbers: a day is its count from 1970-01-01 (the
    // civil-from-days method published by Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms").

    /// Days from 1970-01-01 to this date (negative before it).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1   // counted from 1 March
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `dayNumber` days after 1970-01-01.
    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let m = (5 * dayOfYear + 2) / 153                                  // 0 is March
        self.day = dayOfYear - (153 * m + 2) / 5 + 1
        self.month = m < 10 ? m + 3 : m - 9
        self.year = yearOfEra + era * 400 + (self.month <= 2 ? 1 : 0)
    }

    static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    /// The days of a month (1–12) of a year.
    public static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public var description: String { iso }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public func adding(days: Int) -> CalendarDate {
        CalendarDate(dayNumber: dayNumber + days)
    }

    /// Adds months, keeping the day where the month has it and otherwise taking the month's last day.
    public func adding(months: Int) -> CalendarDate {
        let total = year * 12 + (month - 1) + months
        let y = total >= 0 ? total / 12 : (total - 11) / 12
        let m = total - y * 12 + 1
        return CalendarDate(unchecked: y, m, min(day, Self.days(inMonth: m, of: y)))
    }

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Whole days from this date to `other` (negative when `other` is earlier).
    public func days(until other: CalendarDate) -> Int {
        other.dayNumber - dayNumber
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
