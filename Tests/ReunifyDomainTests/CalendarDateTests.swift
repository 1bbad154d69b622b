import Foundation
import Testing
@testable import ReunifyDomain
import ReunifyMatching

@Suite("Calendar dates")
struct CalendarDateTests {
    @Test("reads ISO dates and refuses impossible ones")
    func parsing() {
        #expect(CalendarDate(iso: "2024-02-29")?.iso == "2024-02-29")
        #expect(CalendarDate(iso: "2023-02-29") == nil)
        #expect(CalendarDate(iso: "2024-13-01") == nil)
        #expect(CalendarDate(iso: "24-01-01") == nil)
        #expect(CalendarDate(iso: "not a date") == nil)
    }

    @Test("day and month arithmetic agrees with the Gregorian calendar of the platform, every day from 1899 to 2101")
    func arithmeticAgreesWithPlatform() throws {
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = TimeZone(identifier: "UTC")!
        let first = try #require(CalendarDate(iso: "1899-12-25"))
        var day = first
        var checked = 0
        while day.year <= 2101 {
            let instant = try #require(gregorian.date(from: DateComponents(year: day.year, month: day.month, day: day.day)))
            #expect(day.startOfDay == instant, "\(day)")
            #expect(CalendarDate(instant.addingTimeInterval(86_399)) == day, "\(day)")
            #expect(first.days(until: day) == gregorian.dateComponents([.day], from: first.startOfDay, to: instant).day, "\(day)")
            #expect(CalendarDate(iso: day.iso) == day)
            // A month ahead and behind, and a year (the anniversary): the month's last day where it has fewer.
            for months in [1, -1, 12, -12, 18 * 12] {
                let theirs = CalendarDate(try #require(gregorian.date(byAdding: .month, value: months, to: instant)))
                #expect(day.adding(months: months) == theirs, "\(day) + \(months) months")
            }
            let next = CalendarDate(try #require(gregorian.date(byAdding: .day, value: 1, to: instant)))
            #expect(day.adding(days: 1) == next, "\(day)")
            day = next
            checked += 1
        }
        #expect(checked > 73_000)
        #expect(CalendarDate(iso: "2024-01-31")!.adding(months: 1).iso == "2024-02-29")
        #expect(CalendarDate(iso: "2023-03-31")!.adding(months: -1).iso == "2023-02-28")
        // Further back than a year, by the same rule (the platform's calendar gives 1 March for the first).
        #expect(CalendarDate(iso: "1904-03-31")!.adding(months: -25).iso == "1902-02-28")
        #expect(CalendarDate(iso: "2098-03-30")!.adding(months: -25).iso == "2096-02-29")
        #expect(CalendarDate(iso: "1970-01-01")!.dayNumber == 0 && CalendarDate(dayNumber: -1).iso == "1969-12-31")
        #expect(CalendarDate(iso: " 2024-02-29 ")?.iso == "2024-02-29" && CalendarDate(iso: "2024-2-9") == nil && CalendarDate(iso: "2024/02/09") == nil)
    }

    @Test("form boxes: empty is nil, partial or impossible is an error naming the field")
    func formParts() throws {
        #expect(try CalendarDate.fromParts(day: "", month: " ", year: nil, field: "birthDate") == nil)
        #expect(try CalendarDate.fromParts(day: "5", month: "11", year: "2019", field: "birthDate")?.iso == "2019-11-05")
        #expect(throws: ValidationFailure.self) { try CalendarDate.fromParts(day: "31", month: "4", year: "2020", field: "x") }
        do {
            _ = try CalendarDate.fromParts(day: "3", month: "", year: "2020", field: "removalDate")
            Issue.record("a partial date was accepted")
        } catch {
            #expect(error.errors.first?.field == "removalDate")
        }
        #expect(throws: ValidationFailure.self) { try CalendarDate.fromParts(day: "3", month: "4", year: "20", field: "x") }
    }

    @Test("ages count completed years")
    func ages() throws {
        let born = try #require(CalendarDate(iso: "2016-06-15"))
        #expect(born.age(on: CalendarDate(iso: "2026-06-14")!) == 9)
        #expect(born.age(on: CalendarDate(iso: "2026-06-15")!) == 10)
    }

    @Test("whole months between two dates")
    func wholeMonths() {
        let start = CalendarDate(iso: "2026-01-31")!
        #expect(start.wholeMonths(until: CalendarDate(iso: "2026-02-28")!) == 0)
        #expect(start.wholeMonths(until: CalendarDate(iso: "2026-03-31")!) == 2)
        #expect(start.wholeMonths(until: CalendarDate(iso: "2025-12-01")!) == 0)
    }

    @Test("adding months keeps the day where it can")
    func months() {
        #expect(CalendarDate(iso: "2026-01-31")!.adding(months: 1).iso == "2026-02-28")
        #expect(CalendarDate(iso: "2026-03-10")!.adding(months: 6).iso == "2026-09-10")
        #expect(CalendarDate(iso: "2026-03-10")!.adding(days: 60).iso == "2026-05-09")
        #expect(CalendarDate(iso: "2026-03-10")!.days(until: CalendarDate(iso: "2026-05-09")!) == 60)
    }
}

@Suite("Name folding for search")
struct SearchTextTests {
    @Test("case, accents and punctuation fold away", arguments: [
        ("JOSÉ Núñez", "jose nunez"),
        ("María-Inés  Peña", "maria ines pena"),
        ("O'Brien", "o brien"),
        ("Ångström", "angstrom"),
        ("Straße", "strasse"),
    ])
    func folding(input: String, folded: String) {
        #expect(SearchText.fold(input) == folded)
    }

    @Test("a query becomes folded words")
    func terms() {
        #expect(SearchText.terms("  Núñez, José ") == ["nunez", "jose"])
        #expect(SearchText.terms("   ").isEmpty)
    }
}
