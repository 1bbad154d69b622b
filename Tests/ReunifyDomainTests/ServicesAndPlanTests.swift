import Foundation
import Testing
@testable import ReunifyDomain
import ReunifyDemo

@Suite("Services, referrals, consent and the case plan")
struct ServicesAndPlanTests {
    let today = CalendarDate(iso: "2026-11-23")!
    func date(_ s: String) -> CalendarDate { CalendarDate(iso: s)! }

    func person(_ given: String, _ family: String, region: String?, born: String? = "1990-05-01") -> PersonDetails {
        PersonDetails(givenName: given, familyName: family, birthDate: born.map(date),
                      address: region.map { Address(line: "12 Oak St", locality: "Town", region: $0, postcode: "00000", country: "US") })
    }

    @Test("an address keeps its parts; codes must have their standard shape, and a US region must be a state")
    func address() {
        let tidy = Address.tidy(line: " 4 Elm St ", locality: "", region: "NV", postcode: nil, country: "US")
        #expect(tidy == Address(line: "4 Elm St", region: "NV", country: "US"))
        #expect(Address.tidy(line: "", locality: " ", region: nil, postcode: nil, country: nil) == nil)
        #expect(tidy?.regionName == "Nevada")
        #expect(Address(line: "1 A St", region: "ca").validate().map(\.field) == ["address.region"])
        #expect(Address(line: "1 A St", region: "ZZ").validate().map(\.field) == ["address.region"])
        #expect(Address(line: "1 A St", region: "ON", country: "CA").validate().isEmpty)
        #expect(Address(line: "1 A St", country: "USA").validate().map(\.field) == ["address.country"])
        #expect(Address(line: "1 Calle", locality: "Tijuana", region: "BCN", country: "MX").validate().isEmpty)
        #expect(Address(line: "12 Oak St", locality: "Fairview", region: "CA", postcode: "95301", country: "US").text
                == "12 Oak St, Fairview, CA 95301, US")
    }

    @Test("eligibility names the rule a person fails, in words: residency, age, part in the family")
    func eligibility() {
        let californiaOnly = Eligibility(residentOf: ["CA"])
        let dana = person("Dana", "Cole", region: "NV")
        #expect(californiaOnly.failures(of: dana, role: .parent, on: today)
                == ["this service is for residents of California; Dana Cole lives in Nevada"])
        #expect(californiaOnly.failures(of: person("Ana", "Ruiz", region: "CA"), role: .parent, on: today).isEmpty)
        #expect(californiaOnly.failures(of: person("Ana", "Ruiz", region: nil), role: .parent, on: today)
                == ["this service is for residents of California; Ana Ruiz's address has no state recorded"])
        #expect(Eligibility(residentOf: ["CA", "NV", "AZ"]).failures(of: person("Li", "Wu", region: "OR"), role: nil, on: today)
                == ["this service is for residents of California, Nevada or Arizona; Li Wu lives in Oregon"])
        let adults = Eligibility(minAge: 18)
        #expect(adults.failures(of: person("Kid", "Lee", region: "CA", born: "2015-01-01"), role: .child, on: today)
                == ["this service takes people aged 18 or older; Kid Lee is 11"])
        #expect(adults.failures(of: person("No", "Date", region: "CA", born: nil), role: .parent, on: today).count == 1)
        #expect(Eligibility(maxAge: 17).failures(of: person("Kid", "Lee", region: "CA", born: "2015-01-01"), role: .child, on: today).isEmpty)
        #expect(Eligibility(memberRoles: [.parent]).failures(of: dana, role: .relative, on: today)
                == ["this service takes only a family's parent; Dana Cole is the relative (kin)"])
        #expect(Eligibility(referrers: [.caseworker, .clinician]).failures(of: dana, role: .parent, on: today, referrer: .supervisor)
                == ["this service takes referrals only from caseworkers and clinicians; you are signed in as a supervisor"])
        #expect(Eligibility(referrers: [.caseworker]).failures(of: dana, role: .parent, on: today, referrer: .caseworker).isEmpty)
        #expect(Eligibility(residentOf: []).validate().map(\.field) == ["eligibility.residentOf"])
        #expect(Eligibility(minAge: 19, maxAge: 18).validate().map(\.field) == ["eligibility.maxAge"])
    }

    @Test("a referral moves only as its status allows; other moves are conflicts naming the allowed ones")
    func referralMoves() throws {
        let r = ReferralDetails(personID: PersonID(UUID()), serviceID: ServiceID(UUID()), providerID: ProviderID(UUID()), category: .parentingEducation,
                                reason: "Parenting class", referredOn: today)
        let accepted = try ReferralRules.move(r, to: .accepted, by: .provider, reason: nil, outcome: nil)
        #expect(accepted.status == .accepted)
        #expect(throws: StateConflict("A referral that is referred can move only to accepted, waitlisted, declined, withdrawn; not to completed")) {
            try ReferralRules.move(r, to: .completed, by: .provider, reason: nil, outcome: "done")
        }
        #expect(throws: ValidationFailure.self) { try ReferralRules.move(r, to: .declined, by: .provider, reason: " ", outcome: nil) }
        let declined = try ReferralRules.move(r, to: .declined, by: .provider, reason: "No places left in Spanish", outcome: nil)
        #expect(declined.closingReason == "No places left in Spanish")
        #expect(throws: StateConflict.self) { try ReferralRules.move(declined, to: .accepted, by: .provider, reason: nil, outcome: nil) }
        #expect(throws: StateConflict.self) { try ReferralRules.move(r, to: .withdrawn, by: .provider, reason: "x", outcome: nil) }
        let active = try ReferralRules.move(accepted, to: .active, by: .provider, reason: nil, outcome: nil)
        #expect(throws: ValidationFailure.self) { try ReferralRules.move(active, to: .completed, by: .provider, reason: nil, outcome: nil) }
        #expect(try ReferralRules.move(active, to: .completed, by: .provider, reason: nil, outcome: "Finished all 10 sessions").status == .completed)
        let waiting = try ReferralRules.move(r, to: .waitlisted, by: .provider, reason: nil, outcome: nil)
        #expect(try ReferralRules.move(waiting, to: .active, by: .caseStaff, reason: nil, outcome: nil).status == .active)
        #expect(ReferralStatus.allCases.filter { !$0.isOpen } == [.declined, .completed, .ended, .withdrawn])
    }

    @Test("an ineligible referral is refused with the rule that failed")
    func ineligibleReferral() {
        let service = ProviderService(category: .housing, name: "Housing help", languages: ["en", "es"], eligibility: Eligibility(residentOf: ["CA"]))
        #expect(throws: ValidationFailure(field: "serviceId", "This service is for residents of California; Dana Cole lives in Nevada")) {
            try ReferralRules.checkEligible(service, person: person("Dana", "Cole", region: "NV"), role: .parent, on: today)
        }
    }

    @Test("consent stands from the day given until it expires or is revoked")
    func consent() throws {
        let c = ConsentDetails(personID: PersonID(UUID()), providerID: ProviderID(UUID()), scope: "Referral and attendance", givenOn: date("2026-11-01"),
                               expiresOn: date("2027-10-31"))
        #expect(c.stands(on: today))
        #expect(!c.stands(on: date("2026-10-31")))
        #expect(!c.stands(on: date("2027-11-01")))
        let revoked = try c.revoked(on: today, reason: "Changed her mind")
        #expect(!revoked.stands(on: today))
        #expect(throws: StateConflict.self) { try revoked.revoked(on: today, reason: nil) }
        #expect(ConsentDetails(personID: c.personID, providerID: c.providerID, scope: "", givenOn: date("2026-12-01"),
                               expiresOn: date("2026-11-30")).validate(today: today).map(\.field) == ["scope", "givenOn", "expiresOn"])
    }

    func goals(target: String = "2027-03-01") -> [PlanGoal] {
        [PlanGoal(statement: "Keep the children safe at home", objectives: [
            PlanObjective(statement: "Ms. Ruiz uses calm discipline", measure: "Observed in 4 of 5 visits", targetDate: date(target),
                          interventions: [PlanIntervention(category: .parentingEducation, frequency: "weekly")]),
        ])]
    }

    @Test("a plan is drafted, agreed by every parent, approved by the supervisor and then active; approved plans are not changed")
    func planVersions() throws {
        let mother = PersonID(UUID()), father = PersonID(UUID()), child = PersonID(UUID())
        let worker = UserID(UUID()), supervisor = UserID(UUID())
        try PlanRules.check(goals(), draftedOn: today)
        #expect(throws: ValidationFailure.self) { try PlanRules.check([], draftedOn: today) }
        #expect(throws: ValidationFailure.self) { try PlanRules.check(goals(target: "2026-01-01"), draftedOn: today) }
        var plan = CasePlanDetails(number: 1, goals: goals(), draftedOn: today)
        let parents: Set<PersonID> = [mother, father]
        #expect(throws: ValidationFailure.self) {
            try PlanRules.recordAgreement(PlanAgreement(personID: child, agreed: true, language: "en", note: nil, recordedOn: today, recordedBy: worker),
                                          on: plan, role: .child, agreeingMembers: parents)
        }
        #expect(throws: ValidationFailure.self) {
            try PlanRules.recordAgreement(PlanAgreement(personID: father, agreed: false, language: "en", note: nil, recordedOn: today, recordedBy: worker),
                                          on: plan, role: .nonResidentFather, agreeingMembers: parents)
        }
        plan = try PlanRules.recordAgreement(PlanAgreement(personID: mother, agreed: true, language: "es", note: nil, recordedOn: today, recordedBy: worker),
                                             on: plan, role: .parent, agreeingMembers: parents)
        #expect(plan.status == .draft)
        #expect(throws: StateConflict.self) { try PlanRules.approve(plan, by: supervisor, today: today, startsOn: nil) }
        plan = try PlanRules.recordAgreement(PlanAgreement(personID: father, agreed: false, language: "en", note: "Wants more visits first",
                                                           recordedOn: today, recordedBy: worker),
                                             on: plan, role: .nonResidentFather, agreeingMembers: parents)
        #expect(plan.status == .agreed)
        let later = try PlanRules.approve(plan, by: supervisor, today: today, startsOn: date("2026-12-01"))
        #expect(later.status == .approved && later.status(on: date("2026-12-01")) == .active && later.status(on: today) == .approved)
        let active = try PlanRules.approve(plan, by: supervisor, today: today, startsOn: nil)
        #expect(active.status == .active && active.approvedBy == supervisor)
        #expect(throws: StateConflict.self) { try PlanRules.change(active, goals: goals(target: "2027-04-01"), today: today) }
        let changed = try PlanRules.change(plan, goals: goals(target: "2027-04-01"), today: today)
        #expect(changed.status == .draft && changed.agreements.isEmpty)
    }

    @Test("a plan is due 60 days after removal, then reviewed every 6 months; overdue when the day has passed")
    func planDue() throws {
        let policy = PlanPolicy.federal
        let first = try #require(policy.due(removedOn: date("2026-08-01"), plans: [], today: today))
        #expect(first.kind == .first && first.date == date("2026-09-30") && first.overdue)
        var approved = CasePlanDetails(number: 1, goals: goals(), status: .active, draftedOn: date("2026-09-01"))
        approved.approvedOn = date("2026-09-15")
        let review = try #require(policy.due(removedOn: date("2026-08-01"), plans: [approved], today: today))
        #expect(review.kind == .review && review.date == date("2027-03-15") && !review.overdue)
        #expect(policy.due(removedOn: nil, plans: [], today: today) == nil)
    }

    @Test("an assessment's problems rated −2 or worse are offered as goals, worst first")
    func suggestedGoals() {
        let instrument = BundledInstruments.familyStrengthsAndNeeds
        let items = instrument.domains.flatMap(\.items)
        let ratings: [String: Rating] = [items[0].id: .moderateProblem, items[1].id: .seriousProblem, items[2].id: .mildProblem]
        let suggested = PlanRules.suggestedGoals(ratings: ratings, instrument: instrument)
        #expect(suggested.map(\.itemID) == [items[1].id, items[0].id])
    }

    @Test("language tags")
    func languages() {
        #expect(Languages.isTag("en") && Languages.isTag("es-MX") && Languages.isTag("hmn"))
        #expect(!Languages.isTag("English") && !Languages.isTag("e") && !Languages.isTag(""))
        #expect(Languages.matches(["es-MX", "en"], "es"))
        #expect(Languages.name(of: "es-MX") == "Spanish")
    }
}

@Suite("The demo's plans and services")
struct DemoServiceRecordsTests {
    @Test("every plan and referral status is shown, the records pass the domain's rules, the restricted case has its records")
    func coverage() throws {
        let today = CalendarDate(iso: "2026-11-23")!
        let agency = ReunifyDemo.DemoAgencyGenerator(today: today).generate()
        let records = ReunifyDemo.DemoServiceRecords.make(agency, today: today)
        #expect(records.problems(agency, today: today).isEmpty, "\(records.problems(agency, today: today))")
        #expect(Set(records.plans.map(\.details.status)) == Set(PlanStatus.allCases))
        #expect(Set(records.referrals.map(\.details.status)) == Set(ReferralStatus.allCases))
        #expect(DemoServices.problems().isEmpty)
        let organisation = DemoServices.providerAccountOrganisation
        #expect(records.referrals.contains { $0.details.providerID == organisation && $0.details.status == .referred })
        let legal = try #require(agency.user("legal@demo.reunify.test")).id
        let legalCases = Set(agency.families.filter { $0.team.contains { $0.0 == legal } }.map(\.caseID))
        #expect(records.referrals.contains { legalCases.contains($0.caseID) && $0.details.isRestricted && $0.details.consentID != nil })
        #expect(records.sessions.contains { legalCases.contains($0.caseID) && $0.clinicalNote != nil })
        let parent = try #require(agency.user("parent@demo.reunify.test")?.personID)
        #expect(records.sessions.contains { $0.details.participants.contains { $0.personID == parent } })
        // Every referral's consent is on file and stands on the day it was made.
        for r in records.referrals {
            let consent = try #require(records.consents.first { $0.id == r.details.consentID })
            #expect(consent.details.stands(on: r.details.referredOn))
        }
    }
}
