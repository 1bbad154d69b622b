import Foundation
import Testing
@testable import ReunifyDomain
import ReunifyMatching
@testable import ReunifyDemo

@Suite("Tracing rules")
struct TracingDomainTests {
    let today = CalendarDate(iso: "2026-11-23")!

    @Test("a request says what is missing: a name, who asks and how they are related, a child for a family search")
    func validation() {
        let empty = TracingRequestDetails(inquirer: Inquirer(name: "", relationship: ""), sought: SoughtPerson(givenName: "", familyName: ""))
        #expect(Set(empty.validate(today: today).map(\.field)) == ["givenName", "inquirerName", "inquirerRelationship"])
        let search = TracingRequestDetails(kind: .familySearch, inquirer: Inquirer(name: "", relationship: ""), sought: SoughtPerson(givenName: "A", familyName: ""))
        #expect(search.validate(today: today).map(\.field) == ["childId"])
        var late = TracingRequestDetails(inquirer: Inquirer(name: "B", relationship: "aunt"), sought: SoughtPerson(givenName: "A", familyName: "C"))
        late.sought.birthDate = PartialDate(year: 2027)
        late.sought.ageEstimate = 40
        late.sought.separationDate = today.adding(days: 1)
        #expect(Set(late.validate(today: today).map(\.field)) == ["birthDate", "ageEstimate", "separationDate"])
        late.sought = SoughtPerson(givenName: "A", familyName: "C", birthDate: PartialDate("2026-11"), ageEstimate: 0)
        #expect(late.validate(today: today).isEmpty)
    }

    @Test("an age estimate is carried forward from the day it was given")
    func ageCarriedForward() {
        let s = SoughtPerson(givenName: "A", familyName: "B", ageEstimate: 9, placeOfOrigin: nil)
        #expect(s.matchRecord(id: "x", filedOn: CalendarDate(iso: "2024-05-01")!, today: today).age == 11)
        let placed = SoughtPerson(givenName: "A", familyName: "B", separationPlace: "Kilis")
        #expect(placed.matchRecord(id: "x", filedOn: today, today: today).place == "Kilis")
    }

    @Test("evidence reads as a sentence with how much it moves the odds", arguments: [
        (5.0, "Strong evidence for a match (32 times likelier)."), (1.5, "Some evidence for a match (2.8 times likelier)."),
        (0.2, "Tells little either way."), (-2.0, "Some evidence against a match (4.0 times less likely)."),
        (-6.0, "Strong evidence against a match (64 times less likely)."),
    ])
    func sentences(weight: Double, ending: String) {
        let e = MatchEvidence(field: .birthDate, level: "day and month swapped", weight: weight)
        #expect(e.sentence == "Birth date: day and month swapped. " + ending)
        #expect(MatchEvidence(field: .parents, level: "not recorded on both sides", weight: nil).sentence
                == "Parents: not recorded on both sides, so it says nothing either way.")
    }

    @Test("evidence is worded in Spanish from the level's position; a level an older engine worded otherwise stays English")
    func spanishEvidence() {
        for field in MatchField.allCases {
            let spanish = field.levels(.spanish)
            #expect(spanish.count == field.levels.count, "\(field)")
            #expect(Set(spanish).count == spanish.count && Set(spanish).isDisjoint(with: field.levels), "\(field)")
            #expect(field.label(.spanish) != field.label)
        }
        let swapped = MatchEvidence(field: .birthDate, level: "day and month swapped", weight: 5)
        #expect(swapped.levelIndex == 5)
        #expect(swapped.worded(.spanish) == ("Fecha de nacimiento: día y mes intercambiados. Evidencia fuerte de que es la misma persona (32 veces más probable).", .spanish))
        #expect(MatchEvidence(field: .sex, level: "different sex", weight: -2).worded(.spanish).text
                == "Sexo: sexo distinto. Alguna evidencia de que son personas distintas (4.0 veces menos probable).")
        let older = MatchEvidence(field: .name, level: "names nearly alike", weight: 2)
        #expect(older.levelIndex == nil)
        #expect(older.worded(.spanish) == ("Name: names nearly alike. Some evidence for a match (4.0 times likelier).", .english))
        let missing = [MatchEvidence(field: .parents, level: MatchEvidence.notCompared, weight: nil),
                       MatchEvidence(field: .phone, level: MatchEvidence.notCompared, weight: nil), swapped]
        #expect(MatchEvidence.unrecorded(missing, .spanish) == "No consta en los dos registros, así que no inclina la balanza hacia ningún lado: Padres, Teléfono.")
        #expect(MatchEvidence.unrecorded(missing, .english) == "Not recorded on both sides, so saying nothing either way: Parents, Phone.")
        #expect(MatchEvidence.unrecorded([swapped], .english) == nil)
    }

    @Test("reunified only after a verification that answers yes to everything; verifying only once linked")
    func statusRules() {
        let yes = VerificationDetails(willingAndAble: .yes, childKnowsThem: .yes, childWantsToGo: .yes, accountsAgree: .yes)
        var partly = yes
        partly.childWantsToGo = .notYetKnown
        #expect(TracingStatus.problem(moving: .verifying, to: .reunified, verification: yes, linked: true) == nil)
        #expect(TracingStatus.problem(moving: .verifying, to: .reunified, verification: partly, linked: true) != nil)
        #expect(TracingStatus.problem(moving: .open, to: .reunified, verification: nil, linked: false) != nil)
        #expect(TracingStatus.problem(moving: .open, to: .verifying, verification: nil, linked: false) != nil)
        #expect(TracingStatus.problem(moving: .open, to: .closed, verification: nil, linked: false) == nil)
        var no = yes
        no.accountsAgree = .no
        #expect(no.validate().map(\.field) == ["notes"])
        no.notes = "The aunt's account of the separation differs"
        #expect(no.validate().isEmpty)
    }

    @Test("the demo's inquiries meet their children through the reference model; the unknown boy meets nobody")
    func demoMatches() {
        let agency = DemoAgencyGenerator(today: today).generate()
        let children = agency.families.flatMap { f in f.persons.filter { $0.role == .child && $0.details.tracingConsent }.map { p in (f, p) } }
        let registry = children.map { f, p -> MatchRecord in
            let parent = { (kind: RelationshipKind) in
                f.relationships.first { $0.kind == kind && $0.relatedPersonID == p.id }
                    .flatMap { r in f.persons.first { $0.id == r.personID }?.details.fullName }
            }
            let d = p.details
            return MatchRecord(id: p.id.description, givenName: d.givenName, familyName: d.familyName, sex: d.sex.forMatching,
                               birthDate: d.birthDate.flatMap { PartialDate(year: $0.year, month: $0.month, day: $0.day) },
                               place: d.placeOfOrigin ?? d.address?.text, motherName: parent(.mother), fatherName: parent(.father))
        }
        let matcher = TracingMatcher(model: TracingMatcher.reference(referenceYear: today.year), referenceYear: today.year)
        var tops: [String] = []
        for r in agency.tracingRequests where r.details.kind == .inquiry {
            let found = matcher.candidates(for: r.details.sought.matchRecord(id: r.id.uuidString, filedOn: r.filedOn, today: today), among: registry)
            if let top = found.first, top.probability > 0.5 {
                tops.append(registry.first { $0.id == top.registeredID }.map { "\($0.givenName) \($0.familyName)" } ?? "")
            }
        }
        #expect(tops.count == 3, "\(tops)")
        #expect(tops.contains("Mohamed Alhassan") && tops.contains("Mariia Kovalenko"))
        #expect(DemoTracingBuilder.misspell("Johnson") == "Johnsen")
    }
}
