import Foundation
import ReunifyDomain

extension DemoAgency {
    /// What the domain's rules say against the agency's records, as of `today`: the same checks a worker's entry
    /// passes through the commands. The loader refuses an agency with any, so the import path obeys the rules too.
    public func problems(today: CalendarDate) -> [String] {
        var found: [String] = []
        func note(_ where_: String, _ errors: [FieldError]) {
            found += errors.map { "\(where_): \($0.field): \($0.message)" }
        }
        for family in families {
            let number = family.details.caseNumber
            note(number, family.details.validate(today: today))
            let births = Dictionary(family.persons.map { ($0.id, $0.details.birthDate) }, uniquingKeysWith: { a, _ in a })
            for person in family.persons { note("\(number) \(person.details.fullName)", person.details.validate(today: today)) }
            for r in family.relationships { note("\(number) relationship", r.validate(members: Set(births.keys))) }
            for e in family.episodes {
                note("\(number) removal \(e.details.removalDate.iso)", e.details.validate(today: today, childBirthDate: births[e.details.childID] ?? nil))
                for p in e.placements { note("\(number) placement \(p.startDate.iso)", p.validate(today: today, episode: e.details)) }
            }
            for g in family.goals { note("\(number) goals", g.validate(today: today)) }
        }
        return found
    }
}
