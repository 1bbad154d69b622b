import Foundation
import Testing
@testable import ReunifyDomain

@Suite("Languages: the catalogue, formats and choosing a language")
struct LanguageTests {
    @Test("placeholders are filled in one pass: unknown ones stay, values are not searched again")
    func filling() {
        #expect(Catalogue.filled("{a} and {b}", ["a": "x", "b": "y"]) == "x and y")
        #expect(Catalogue.filled("{a} and {c}", ["a": "x"]) == "x and {c}")
        #expect(Catalogue.filled("{a}{a}", ["a": "{a}"]) == "{a}{a}")
        #expect(Catalogue.filled("{a} then {b", ["a": "{b}", "b": "no"]) == "{b} then {b")
        #expect(Catalogue.filled("no placeholders", ["a": "x"]) == "no placeholders")
        #expect(Catalogue.filled("café {n} niños", ["n": "3"]) == "café 3 niños")
    }

    @Test("every message has a text in every language, with the same placeholders as the English")
    func catalogueComplete() {
        for language in UILanguage.allCases {
            #expect(Catalogue.missing(in: language).isEmpty, "\(language) lacks \(Catalogue.missing(in: language).map(\.rawValue))")
            #expect(Set(Catalogue.table(language).keys) == Set(Msg.allCases))
            for id in Msg.allCases {
                let english = Catalogue.placeholders(Catalogue.text(id, .english))
                #expect(Catalogue.placeholders(Catalogue.table(language)[id] ?? "") == english, "\(id.rawValue) in \(language)")
            }
        }
    }

    @Test("every declared message id is known to the catalogue, once, and the catalogue knows no other")
    func declaredIdsComplete() throws {
        // The ids are declared by area in `Msg+*.swift`; `Msg.allCases` is what the English table holds. Reading the
        // declarations catches an id declared without texts (a page would show it raw) or declared twice.
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/ReunifyDomain/Language")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("Msg+") }
        #expect(files.count >= 8)
        var declared: [String] = []
        var names: [String] = []
        let pattern = try NSRegularExpression(pattern: #"public static let (\w+) = Msg\(id: "([^"]+)"\)"#)
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                names.append(String(text[Range(match.range(at: 1), in: text)!]))
                declared.append(String(text[Range(match.range(at: 2), in: text)!]))
            }
        }
        #expect(declared.count > 1_500)
        #expect(Set(declared).count == declared.count, "an id's text is declared twice")
        #expect(Set(names).count == names.count, "a name is declared twice")
        let known = Set(Msg.allCases.map(\.rawValue))
        let withoutTexts = Set(declared).subtracting(known).sorted()
        let notDeclared = known.subtracting(declared).sorted()
        #expect(withoutTexts.isEmpty, "declared without texts: \(withoutTexts)")
        #expect(notDeclared.isEmpty, "given texts but not declared: \(notDeclared)")
        #expect(Msg(rawValue: "layout.skip") == .skipLink)
        #expect(Msg(rawValue: "layout.nothing") == nil)
    }

    @Test("JSON written directly reads back as written: quotes, backslashes, control characters, accents, emoji")
    func jsonText() throws {
        let values = ["plain", "", "O'Brien \"Jr\"", "back\\slash", "line\nbreak\ttab\r", "\u{0}nul \u{1f}unit \u{7f}",
                      "Núñez 家 👪🏽", "{\"not\": \"json\"}", "/slash/"]
        for value in values {
            let read = try JSONSerialization.jsonObject(with: Data(JSONText.quoted(value).utf8), options: [.fragmentsAllowed]) as? String
            #expect(read == value, "\(JSONText.quoted(value))")
        }
        #expect(JSONText.quoted("a\u{1}b") == #""a\u0001b""#)
        var object = JSONText()
        object.raw("{")
        object.field("name", "Ana \"A\"", first: true)
        object.field("count", "-3")
        object.raw("}")
        let read = try #require(try JSONSerialization.jsonObject(with: Data(object.text.utf8)) as? [String: Any])
        #expect(read["name"] as? String == "Ana \"A\"" && read["count"] as? String == "-3")

        // An audit entry's other languages are kept as such JSON and read back unchanged.
        let worded = Worded(.audListedCases, ["count": "3", "total": "Núñez \"x\" \\ {total}"])
        #expect(Worded.stored(english: worded.english, others: worded.othersJSON) == worded)
        #expect(worded.othersJSON.hasPrefix(#"{"es":""#))
    }

    @Test("the Spanish is written, not copied from the English")
    func spanishIsTranslated() {
        // Texts that read the same in both: a pattern of placeholders and one word shared by the languages.
        let same: Set<Msg> = [.teamFormWho, .ftVisitor, .svcPlanObjective, .stepFormStepLine, .homeHearingLine, .errorPrefix, .messagesLine, .membersICWA, .planColumn, .planNumber, .no, .permExceptionLine, .decisionGoalLine, .reportPlanLine, .planPageInterventionService, .planPageSessionLine]
        let copied = Msg.allCases.filter { !same.contains($0) && Catalogue.text($0, .spanish) == Catalogue.text($0, .english) }
        #expect(copied.isEmpty, "\(copied.map(\.rawValue))")
    }

    @Test("placeholders are filled by name, in whatever order the language puts them")
    func placeholdersFilled() {
        #expect(Catalogue.text(.homeWorkerContact, .spanish, ["name": "Jordan Lee", "email": "j@x.test"])
                == "Jordan Lee es su trabajador/a social. Puede escribirle a j@x.test.")
        #expect(Catalogue.placeholders("{a} y {b}, {a}") == ["a", "b"])
    }

    @Test("family wording keeps to the trauma-informed rule in both languages")
    func familyWording() {
        let family = Msg.allCases.filter { $0.rawValue.hasPrefix("family.") || $0.rawValue.hasPrefix("error.") || $0.rawValue.hasPrefix("signIn.") }
        let spanish = family.map { Catalogue.text($0, .spanish).lowercased() }.joined(separator: "\n")
            + CaseStage.allCases.map { $0.explained(.spanish) + $0.spanish }.joined(separator: "\n").lowercased()
        for avoided in ["menor", "progenitor", "incumplimiento", "abuso", "adicto", "rechazad", "denegad", "régimen de visitas",
                        "pernocta", "negligencia", "maltrato", " tú ", "tienes", "referido"] {
            #expect(!spanish.contains(avoided), "Spanish family text says '\(avoided)'")
        }
        let english = family.map { Catalogue.text($0, .english).lowercased() }.joined(separator: "\n")
            + CaseStage.allCases.map { $0.explained(.english) + $0.familyEnglish }.joined(separator: "\n").lowercased()
        for avoided in ["visitation", "compliance", "comply", "non-compliant", "removal", "neglect", "abuse"] {
            #expect(!english.contains(avoided), "English family text says '\(avoided)'")
        }
    }

    @Test("coded values have labels in both languages")
    func codedLabels() {
        func check<T: Translated>(_ type: T.Type) {
            for value in T.allCases {
                #expect(!value.label(.spanish).isEmpty && value.label(.spanish) != value.rawValue, "\(T.listName) \(value.rawValue)")
                #expect(!value.label(.english).isEmpty)
            }
            #expect(Set(T.allCases.map { $0.label(.spanish) }).count == T.allCases.count, "two \(T.listName) codes read the same in Spanish")
        }
        check(CaseStage.self)
        check(PlacementSetting.self)
        check(VisitLevel.self)
        check(ReferralStatus.self)
        check(PlanStatus.self)
        check(InterventionStatus.self)
        check(HearingKind.self)
        check(ServiceCategory.self)
        check(MemberRole.self)
        check(UserRole.self)
        check(ClockKind.self)
        check(ICWAStatus.self)
        check(RelationshipKind.self)
        check(RemovalManner.self)
        check(RemovalCircumstance.self)
        check(DischargeReason.self)
        check(PermanencyPlan.self)
        check(TeamRole.self)
        check(AssessmentPoint.self)
        check(Recommendation.self)
        check(SafetyAssessmentDecision.self)
        check(TPRExceptionReason.self)
        check(ClockStatus.self)
        check(EffortsFinding.self)
        check(PathStep.self)
        check(StepStatus.self)
        check(TeamDecisionKind.self)
        check(ParticipantRole.self)
        check(DecisionStatus.self)
        check(SessionKind.self)
        check(Attendance.self)
        check(VisitAttendance.self)
        check(TracingKind.self)
        check(TracingStatus.self)
        check(TracingActionType.self)
        check(CandidateDecision.self)
        check(VerificationAnswer.self)
        check(InitialRiskLevel.self)
        check(CaregiverProgress.self)
        check(RiskPolicyOverride.self)
        check(SafetyDecision.self)
        check(VisitationStatus.self)
        check(VisitationSource.self)
        #expect(Languages.display("Spanish", in: .spanish) == "español" && Languages.display("es-MX", in: .english) == "Spanish")
        #expect(Languages.display("Mixteco", in: .spanish) == "Mixteco")
        // Staff pages keep the field's own English terms; a family's English may differ.
        #expect(CaseStage.planning.staffLabel(.english) == CaseStage.planning.label && CaseStage.planning.label(.english) == "Making your plan")
        #expect(ClockKind.tprFiling.staffLabel(.spanish) == "Petición de terminación de los derechos de los padres")
        #expect(VisitLevel.overnight.label(.spanish) == "Visita en la que su hijo/a se queda a dormir")
        #expect(Languages.name(of: "es", in: .spanish) == "español")
        #expect(Languages.name(of: "vi", in: .english) == "Vietnamese")
    }

    @Test("dates, times and numbers as each language writes them")
    func formats() {
        let d = CalendarDate(iso: "2026-12-01")!
        #expect(LocalFormat.date(d, .english) == "December 1, 2026")
        #expect(LocalFormat.date(d, .spanish) == "1 de diciembre de 2026")
        #expect(LocalFormat.date(d, .spanish, weekday: true) == "martes, 1 de diciembre de 2026")
        #expect(LocalFormat.date(d, .english, weekday: true) == "Tuesday, December 1, 2026")
        #expect(LocalFormat.date(CalendarDate(iso: "2024-02-29")!, .spanish, weekday: true) == "jueves, 29 de febrero de 2024")
        #expect(LocalFormat.date(CalendarDate(iso: "2000-01-01")!, .english, weekday: true) == "Saturday, January 1, 2000")
        #expect(LocalFormat.time(hour: 10, minute: 30, .spanish) == "10:30 a. m.")
        #expect(LocalFormat.time(hour: 16, minute: 0, .spanish) == "4:00 p. m.")
        #expect(LocalFormat.time(hour: 12, minute: 0, .spanish) == "12:00 del mediodía")
        #expect(LocalFormat.time(hour: 0, minute: 5, .english) == "12:05 AM")
        #expect(LocalFormat.time(hour: 12, minute: 45, .english) == "12:45 PM")
        #expect(LocalFormat.number(1_250_000, .spanish) == "1,250,000")
        #expect(LocalFormat.number(-5000, .english) == "-5,000")
        #expect(LocalFormat.number(999, .english) == "999")
        #expect(LocalFormat.list(["Ana", "Luis", "Sofía"], .spanish) == "Ana, Luis y Sofía")
        #expect(LocalFormat.list(["Ana", "Luis"], .english) == "Ana and Luis")
        // A visit scheduled at 16:30 in California (UTC−8) reads back at 4:30 PM on its own day.
        let instant = ISO8601DateFormatter().date(from: "2026-12-02T00:30:00Z")!
        let parts = LocalFormat.localParts(instant, utcOffsetMinutes: -480)
        #expect(parts.date == CalendarDate(iso: "2026-12-01")! && parts.hour == 16 && parts.minute == 30)
    }

    @Test("a browser's Accept-Language picks the best language Reunify is written in")
    func negotiation() {
        #expect(UILanguage.negotiate(acceptLanguage: "es-MX,es;q=0.9,en;q=0.8") == .spanish)
        #expect(UILanguage.negotiate(acceptLanguage: "fr-FR, en;q=0.5, es;q=0.4") == .english)
        #expect(UILanguage.negotiate(acceptLanguage: "en;q=0.2, es;q=0.7") == .spanish)
        #expect(UILanguage.negotiate(acceptLanguage: "es;q=0, en") == .english)
        #expect(UILanguage.negotiate(acceptLanguage: "fr, de") == nil)
        #expect(UILanguage.negotiate(acceptLanguage: "*") == .english)
        #expect(UILanguage.negotiate(acceptLanguage: "") == nil)
        #expect(UILanguage.negotiate(acceptLanguage: nil) == nil)
    }

    @Test("a person's recorded language names a language of the pages")
    func personLanguage() {
        #expect(UILanguage(personLanguage: "Spanish") == .spanish)
        #expect(UILanguage(personLanguage: "Español") == .spanish)
        #expect(UILanguage(personLanguage: "es-MX") == .spanish)
        #expect(UILanguage(personLanguage: "English") == .english)
        #expect(UILanguage(personLanguage: "Vietnamese") == nil)
        #expect(UILanguage.first(of: ["Vietnamese", "Spanish", "English"]) == .spanish)
        #expect(UILanguage.first(of: []) == nil)
        #expect(UILanguage(tag: "EN-us") == .english)
    }

    @Test("the page direction follows the language; languages written right to left are known")
    func direction() {
        #expect(UILanguage.allCases.allSatisfy { $0.direction == "ltr" })
        #expect(UILanguage.rightToLeft.isSuperset(of: ["ar", "fa", "he"]))
        #expect(UILanguage.allCases.map(\.nativeName) == ["English", "Español"])
    }

    @Test("a parent answers a plan themselves and reads only the referrals made for them")
    func familyPlanAnswerPolicy() {
        let parent = Actor(id: UserID(UUID()), role: .parent, unit: nil)
        let facts = CaseAccessFacts(caseworkerID: nil, supervisorID: nil, unit: "North", team: [:], familyAccounts: [parent.id])
        let policy = AccessPolicy()
        #expect(policy.decide(parent, .create, .planAnswer, in: facts).isAllowed)
        #expect(!policy.decide(parent, .update, .casePlan, in: facts).isAllowed)
        #expect(!policy.decide(parent, .create, .planApproval, in: facts).isAllowed)
        let other = CaseAccessFacts(caseworkerID: nil, supervisorID: nil, unit: "North", team: [:], familyAccounts: [])
        #expect(policy.decide(parent, .create, .planAnswer, in: other) == .notFound)
        let me = PersonID(UUID()), them = PersonID(UUID())
        #expect(policy.familyReads(referralFor: me, actorPerson: me))
        #expect(!policy.familyReads(referralFor: them, actorPerson: me))
        #expect(!policy.familyReads(referralFor: them, actorPerson: nil))
    }
}
