import Foundation

/// Where rules get "now" from, so that tests and the demo can fix the day.
public protocol TimeSource: Sendable {
    func now() -> Date
}

extension TimeSource {
    public func today() -> CalendarDate { CalendarDate(now()) }
}

public struct SystemTime: TimeSource {
    public init() {}
    public func now() -> Date { Date() }
}

public struct FixedTime: TimeSource {
    public let instant: Date
    public init(_ instant: Date) { self.instant = instant }
    public init(_ day: CalendarDate) { self.instant = day.startOfDay.addingTimeInterval(12 * 3600) }
    public func now() -> Date { instant }
}
