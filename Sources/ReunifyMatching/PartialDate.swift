/// A date that may be known only to the year or the month: "2016", "2016-04", "2016-04-09", "20160409".
public struct PartialDate: Sendable, Hashable, Codable {
    public let year: Int
    public let month: Int?
    public let day: Int?

    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        guard (1850...2200).contains(year) else { return nil }
        if let month, !(1...12).contains(month) { return nil }
        if let day {
            guard let month, (1...Self.days(inMonth: month, of: year)).contains(day) else { return nil }
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Days in a month of the Gregorian calendar.
    static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// As written: 2015, 2015-04 or 2015-04-09.
    public var text: String {
        var s = String(format: "%04d", year)
        if let month { s += String(format: "-%02d", month) }
        if let day { s += String(format: "-%02d", day) }
        return s
    }

    public init?(_ text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        let digits = t.filter(\.isNumber)
        if t.contains("-") {
            let parts = t.split(separator: "-").map { Int($0) }
            guard parts.allSatisfy({ $0 != nil }), (1...3).contains(parts.count), t.count == [4, 7, 10][parts.count - 1] else { return nil }
            self.init(year: parts[0]!, month: parts.count > 1 ? parts[1] : nil, day: parts.count > 2 ? parts[2] : nil)
        } else if digits.count == t.count, [4, 6, 8].contains(t.count) {
            let y = Int(t.prefix(4))!
            let m = t.count >= 6 ? Int(t.dropFirst(4).prefix(2)) : nil
            let d = t.count == 8 ? Int(t.suffix(2)) : nil
            self.init(year: y, month: m, day: d)
        } else {
            return nil
        }
    }
}

import Foundation
