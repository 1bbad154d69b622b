import Foundation
import Testing
@testable import ReunifyDomain
import ReunifyMatching

@Suite("Rules of the agency-wide write paths: tracing, merges, practice")
struct AgencyRulesTests {
    let rules = TracingRules(today: CalendarDate(iso: "2026-11-23")!)
    let child = PersonID(UUID())
    var childRecord: PersonDetails {
        PersonDetails(givenName: "Amir", familyName: "Haddad", birthDate: CalendarDate(iso: "2016-04-09"), sex: .male, placeOfOrigin: "Homs")
    }
    func search(given: String = "", family: String = "") -> TracingRequestDetails {
        TracingRequestDetails(kind: .familySearch, inquirer: Inquirer(name: "Caseworker", relationship: "caseworker"),
                              sought: SoughtPerson(givenName: given, familyName: family), childID: child)
    }

    @Test("a family search takes the sought names from the child's record, and only for a child open to the one filing")
    func familySearchCompleted() throws {
        let filled = try rules.complete(search(), child: childRecord)
        #expect(filled.sought.givenName == "Amir" && filled.sought.familyName == "Haddad")
        #expect(filled.sought.birthDate == PartialDate(year: 2016, month: 4, day: 9))
        #expect(filled.sought.sex == .male && filled.sought.placeOfOrigin == "Homs")
        // Names given are kept.
        #expect(try rules.complete(search(given: "Ameer"), child: childRecord).sought.givenName == "Ameer")
        #expect(throws: ValidationFailure(field: "childId", "Choose a child in a case open to you")) {
            try rules.complete(search(), child: nil)
        }
    }

    @Test("a trace moves to verifying only once linked, and to reunified only when verification says yes throughout")
    func statusMoves() {
        var d = search(given: "A")
        d.status = .verifying
        #expect(throws: ValidationFailure.self) { try rules.checkChange(from: .open, to: d, verification: nil, linked: false) }
        #expect(throws: Never.self) { try rules.checkChange(from: .matchFound, to: d, verification: nil, linked: true) }
        d.status = .reunified
        let halfway = VerificationDetails(willingAndAble: .yes, childKnowsThem: .no)
        #expect(throws: ValidationFailure.self) { try rules.checkChange(from: .verifying, to: d, verification: halfway, linked: true) }
    }

    @Test("a decision is confirmed or rejected, once, with a reason; a request links one child at a time")
    func decisions() throws {
        let other = PersonID(UUID())
        #expect(throws: ValidationFailure.self) {
            try TracingRules.checkDecision(.pending, reason: "x", current: .pending, linkedTo: nil, candidate: child)
        }
        #expect(throws: ValidationFailure.self) {
            try TracingRules.checkDecision(.confirmed, reason: "  \n", current: .pending, linkedTo: nil, candidate: child)
        }
        #expect(throws: StateConflict.self) {
            try TracingRules.checkDecision(.rejected, reason: "Not her", current: .confirmed, linkedTo: nil, candidate: child)
        }
        #expect(throws: StateConflict.self) {
            try TracingRules.checkDecision(.confirmed, reason: "Photo", current: .pending, linkedTo: other, candidate: child)
        }
        #expect(try TracingRules.checkDecision(.rejected, reason: " Different mother \n", current: .pending, linkedTo: other, candidate: child)
                == "Different mother")
    }

    @Test("a request with a confirmed match is kept; verification follows a confirmed match")
    func deletionAndVerification() {
        #expect(throws: StateConflict.self) { try TracingRules.checkDeletion(linked: true, anyConfirmed: false) }
        #expect(throws: StateConflict.self) { try TracingRules.checkDeletion(linked: false, anyConfirmed: true) }
        #expect(throws: Never.self) { try TracingRules.checkDeletion(linked: false, anyConfirmed: false) }
        #expect(throws: StateConflict.self) { try TracingRules.checkVerification(VerificationDetails(), linked: false) }
        #expect(throws: Never.self) { try TracingRules.checkVerification(VerificationDetails(), linked: true) }
    }

    @Test("two records are merged only with the reason they are one person")
    func mergeReason() throws {
        #expect(throws: ValidationFailure(field: "reason", "Say why these two records are the same person")) { try PersonRules.mergeReason(" \n ") }
        #expect(try PersonRules.mergeReason(" Same birth certificate ") == "Same birth certificate")
    }

    @Test("a vignette's ratings: at least one, each an item of the instrument with a rating on its scale")
    func vignetteRatings() throws {
        let instrument = try #require(BundledInstruments.all.first)
        let item = try #require(instrument.ratingIDs.first)
        let rating = try #require(instrument.ratings.first)
        #expect(throws: ValidationFailure(field: "ratings", "Rate at least one item")) { try VignetteRules.check([:], instrument: instrument) }
        #expect(throws: ValidationFailure.self) { try VignetteRules.check(["no-such-item": rating], instrument: instrument) }
        #expect(throws: Never.self) { try VignetteRules.check([item: rating], instrument: instrument) }
    }
}
