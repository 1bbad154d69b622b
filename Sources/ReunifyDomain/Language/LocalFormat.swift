import Foundation

/// Dates, times and numbers as each language writes them for families (GLOSSARY-es.md, "Dates, times and numbers"):
/// "December 1, 2026" and "1 de diciembre de 2026", never all-numeric; 12-hour times, "4:00 PM" and "4:00 p. m.";
/// thousands with a comma in both.
public enum LocalFormat {
    static let englishMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                                "October", "November", "December"]
    static let spanishMonths = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
                                "octubre", "noviembre", "diciembre"]
    static let englishWeekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    static let spanishWeekdays = ["domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"]

    /// Day of the week, 0 for Sunday (Sakamoto's method on the proleptic Gregorian calendar).
    static func weekday(_ d: CalendarDate) -> Int {
        let offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let y = d.month < 3 ? d.year - 1 : d.year
        return (y + y / 4 - y / 100 + y / 400 + offsets[d.month - 1] + d.day) % 7
    }

    public static func date(_ d: CalendarDate, _ language: UILanguage, weekday withWeekday: Bool = false) -> String {
        let w = weekday(d)
        switch language {
        case .english:
            let text = "\(englishMonths[d.month - 1]) \(d.day), \(d.year)"
            return withWeekday ? "\(englishWeekdays[w]), \(text)" : text
        case .spanish:
            let text = "\(d.day) de \(spanishMonths[d.month - 1]) de \(d.year)"
            return withWeekday ? "\(spanishWeekdays[w]), \(text)" : text
        }
    }

    /// A time of day on the 12-hour clock.
    public static func time(hour: Int, minute: Int, _ language: UILanguage) -> String {
        let h12 = hour % 12 == 0 ? 12 : hour % 12
        let clock = "\(h12):\(minute < 10 ? "0" : "")\(minute)"
        switch language {
        case .english:
            return "\(clock) \(hour < 12 ? "AM" : "PM")"
        case .spanish:
            if hour == 12 && minute == 0 { return "12:00 del mediodía" }
            return "\(clock) \(hour < 12 ? "a. m." : "p. m.")"
        }
    }

    /// The date and time of an instant as read at a UTC offset (the one a visit was scheduled in).
    public static func localParts(_ instant: Date, utcOffsetMinutes: Int) -> (date: CalendarDate, hour: Int, minute: Int) {
        let shifted = instant.addingTimeInterval(TimeInterval(utcOffsetMinutes * 60))
        let date = CalendarDate(shifted)
        let seconds = Int(shifted.timeIntervalSince(date.startOfDay))
        return (date, seconds / 3600, (seconds % 3600) / 60)
    }

    /// An instant's date and time as read at a UTC offset: "December 1, 2026, 4:30 PM".
    public static func dateTime(_ instant: Date, utcOffsetMinutes: Int, _ language: UILanguage) -> String {
        let parts = localParts(instant, utcOffsetMinutes: utcOffsetMinutes)
        return date(parts.date, language) + ", " + time(hour: parts.hour, minute: parts.minute, language)
    }

    /// A whole number with thousands separated by commas, as both US English and US Spanish write it.
    public static func number(_ n: Int, _ language: UILanguage) -> String {
        let digits = String(n.magnitude)
        var grouped = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { grouped.append(",") }
            grouped.append(c)
        }
        return (n < 0 ? "-" : "") + grouped
    }

    /// A decimal with a point, as both US English and US Spanish write it: "0.5", "1.25".
    public static func decimal(_ x: Double, places: Int, _ language: UILanguage) -> String {
        String(format: "%.\(places)f", x)
    }

    /// A decimal with its sign always written: "+0.50", "-1.25".
    public static func signedDecimal(_ x: Double, places: Int, _ language: UILanguage) -> String {
        String(format: "%+.\(places)f", x)
    }

    /// Names joined as a sentence lists them: "Ana, Luis and Sofía", "Ana, Luis y Sofía".
    public static func list(_ items: [String], _ language: UILanguage) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        let and = language == .spanish ? "y" : "and"
        return items.dropLast().joined(separator: ", ") + " \(and) " + items.last!
    }
}
