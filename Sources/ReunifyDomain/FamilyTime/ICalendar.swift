import Foundation

/// An iCalendar (RFC 5545) feed: a VCALENDAR of VEVENTs, lines folded at 75 octets and ended by CRLF, text escaped.
public struct ICalendar: Sendable {
    public struct Event: Sendable, Equatable {
        public var uid: String
        public var start: Date
        public var end: Date
        public var summary: String
        public var location: String?
        public var description: String?
        public var cancelled: Bool
        public var sequence: Int

        public init(uid: String, start: Date, end: Date, summary: String, location: String? = nil, description: String? = nil,
                    cancelled: Bool = false, sequence: Int = 0) {
            self.uid = uid
            self.start = start
            self.end = end
            self.summary = summary
            self.location = location
            self.description = description
            self.cancelled = cancelled
            self.sequence = sequence
        }
    }

    public var name: String
    public var events: [Event]
    public var stamp: Date

    public init(name: String, events: [Event], stamp: Date) {
        self.name = name
        self.events = events
        self.stamp = stamp
    }

    /// The whole feed as text.
    public var text: String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Reunify//Family time//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                     "X-WR-CALNAME:" + Self.escape(name)]
        for e in events {
            lines += ["BEGIN:VEVENT", "UID:" + e.uid, "DTSTAMP:" + Self.utc(stamp), "DTSTART:" + Self.utc(e.start), "DTEND:" + Self.utc(e.end),
                      "SEQUENCE:\(e.sequence)", "SUMMARY:" + Self.escape(e.summary)]
            if let l = e.location, !l.isEmpty { lines.append("LOCATION:" + Self.escape(l)) }
            if let d = e.description, !d.isEmpty { lines.append("DESCRIPTION:" + Self.escape(d)) }
            lines.append("STATUS:" + (e.cancelled ? "CANCELLED" : "CONFIRMED"))
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// A date-time in UTC, the form every client reads without a time zone definition.
    static func utc(_ instant: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    /// TEXT values escape backslash, semicolon, comma and line breaks.
    static func escape(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n": out += "\\n"
            case "\r": break
            default: out.append(ch)
            }
        }
        return out
    }

    /// Folds a content line into pieces of at most 75 octets, never splitting a character; each continuation starts
    /// with a space.
    static func fold(_ line: String) -> String {
        var pieces: [String] = []
        var current = "", octets = 0
        for ch in line {
            let size = String(ch).utf8.count
            let limit = pieces.isEmpty ? 75 : 74
            if octets + size > limit {
                pieces.append(current)
                current = ""
                octets = 0
            }
            current.append(ch)
            octets += size
        }
        pieces.append(current)
        return pieces.joined(separator: "\r\n ")
    }
}

/// What a calendar feed may say of a visit: the case number and the child's first name at most, never a full name.
public enum VisitFeedText {
    public static func summary(caseNumber: String, childGivenName: String, level: VisitLevel) -> String {
        "\(level.label) visit: \(childGivenName) (case \(caseNumber))"
    }
}

/// A calendar feed's secret: 256 random bits, URL-safe base64 without padding (43 characters).
public enum FeedToken {
    public static func generate<G: RandomNumberGenerator>(using generator: inout G) -> String {
        var bytes = [UInt8](repeating: 0, count: 32)
        for i in bytes.indices { bytes[i] = UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    public static func generate() -> String {
        var system = SystemRandomNumberGenerator()
        return generate(using: &system)
    }

    /// The shape of a token, checked before any look-up.
    public static func isWellFormed(_ token: String) -> Bool {
        token.count == 43 && token.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }
}
