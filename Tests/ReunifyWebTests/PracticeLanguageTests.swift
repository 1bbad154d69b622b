import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import ReunifyDomain
import ReunifyStore
@testable import ReunifyWeb

@Suite("Assessments, reviews, calibration and vignettes in the user's language")
struct PracticeLanguageTests {
    /// A Spanish page: `lang="es"`, nothing marked English but the language switch's own button, and none of the
    /// English it would show.
    static func spanish(_ html: String, _ path: String, english: [String] = []) {
        #expect(html.contains("<html lang=\"es\""), "\(path)")
        #expect(html.components(separatedBy: "lang=\"en\"").count - 1 == 1, "\(path) has content marked English")
        let shown = ([">Cancel<", ">Save<", ">Caseload<", ">Notes<", "Not rated", "Overall, for"] + english).filter { html.contains($0) }
        #expect(shown.isEmpty, "\(path) shows \(shown)")
    }

    @Test("a caseworker in Spanish takes an assessment on the instrument's Spanish wording, reads its result and the comparison, and runs a review whose reasons are in Spanish")
    func spanishAssessmentAndReview() async throws {
        try await TestApp.run { app, _ in
            let (family, child) = AssessmentAPITests.reviewable()
            var browser = try await Browser.signedIn(app, "caseworker@demo.reunify.test")
            let base = "/cases/\(family.caseID)/assessments"
            #expect(try await browser.post("/language", [("language", "es"), ("return", base + "/new")]).status == .seeOther)

            let form = try await browser.get(base + "/new").body.string
            Self.spanish(form, base + "/new", english: ["Home and surroundings", "Serious problem", "Save draft"])
            #expect(form.contains("El hogar y sus alrededores") && form.contains("En general, para el hogar y sus alrededores"))
            #expect(form.contains("−3 Problema grave") && form.contains("Guardar borrador") && form.contains("Sin valorar"))

            // The instrument's rule answers in Spanish, naming the domain in the instrument's Spanish wording.
            var fields: [(String, String)] = [("instrument", "family-strengths-needs@1"), ("point", "interim"), ("action", "complete"),
                                              ("family_interactions.bonding", "2")]
            let incomplete = try await browser.post(base + "/new", fields)
            #expect(incomplete.status == .unprocessableEntity)
            let incompleteHTML = incomplete.body.string
            #expect(incompleteHTML.contains("Dé una valoración general a Seguridad"))
            #expect(!incompleteHTML.contains("Give Safety an overall rating"))
            for domain in BundledInstruments.familyStrengthsAndNeeds.domains {
                fields.append((domain.overallID, "0"))
                for item in domain.items where item.required { fields.append((item.id, "1")) }
            }
            fields.append(("environment.housing_safety", "-3"))
            let saved = try await browser.post(base + "/new", fields)
            #expect(saved.status == .seeOther)
            let resultPath = try #require(saved.headers.first(name: .location))
            let result = try await browser.get(resultPath).body.string
            Self.spanish(result, resultPath, english: ["Domains", "Strengths", "Parents and children show warmth"])
            #expect(result.contains("Fortalezas y necesidades de la familia") && result.contains("Padres e hijos/as se muestran cariño y cercanía."))
            #expect(result.contains("+2 Fortaleza clara") && result.contains("−3 Problema grave") && result.contains("Áreas"))

            let compare = try await browser.get(base + "/compare").body.string
            Self.spanish(compare, base + "/compare", english: ["What changed", "no change"])
            #expect(compare.contains("Qué cambió:") && compare.contains("Un cambio positivo es una mejora."))

            // The review: its form, a rule's message, and the engine's reasons, all in Spanish.
            let reviewForm = "/cases/\(family.caseID)/reviews/new"
            Self.spanish(try await browser.get(reviewForm).body.string, reviewForm, english: ["Risk reassessment", "See the recommendation"])
            var review: [(String, String)] = [
                ("childId", child.description), ("risk.initialRiskLevel", "high"), ("risk.newSubstantiatedReport", "no"),
                ("risk.caregiverProgress", "minimal"), ("visitation.scheduled", "8"), ("visitation.attended", "3"),
                ("visitation.quality", "limited"), ("safety.decision", "safe")]
            let noRationale = try await browser.post(reviewForm, review)
            #expect(noRationale.status == .unprocessableEntity)
            #expect(noRationale.body.string.contains("Escriba el fundamento para continuar la reunificación"))
            review.append(("rationale", "La madre empieza el tratamiento residencial la semana que viene"))
            let run = try await browser.post(reviewForm, review)
            #expect(run.status == .seeOther)
            let reviewPath = try #require(run.headers.first(name: .location))
            let page = try await browser.get(reviewPath).body.string
            Self.spanish(page, reviewPath, english: ["Risk scored", "visits attended", "Why<"])
            #expect(page.contains("Puntuación de riesgo 6 (muy alto)"))
            #expect(page.contains("3 de 8 visitas con asistencia (38 %, se necesita el 75 %)"))
            #expect(page.contains("Continuar los servicios de reunificación"))

            // The record keeps the English reasons the API gives, and the facts the page words.
            let reviewID = try #require(ReviewID(String(reviewPath.split(separator: "/").last!)))
            let stored = try #require(try await ReviewRepository(app.db).find(reviewID, in: family.caseID)?.recorded.details.outcome)
            #expect(stored.reasons.first?.hasPrefix("Risk scored 6 (very high)") == true)
            #expect(stored.explanation?.count == stored.reasons.count)
        }
    }

    @Test("a supervisor in Spanish reads the calibration report and runs a practice vignette; its rules answer in Spanish")
    func spanishCalibrationAndVignettes() async throws {
        try await TestApp.run { app, _ in
            var supervisor = try await Browser.signedIn(app, "supervisor@demo.reunify.test")
            #expect(try await supervisor.post("/language", [("language", "es"), ("return", "/calibration")]).status == .seeOther)
            let calibration = try await supervisor.get("/calibration").body.string
            Self.spanish(calibration, "/calibration", english: ["How the unit rates", "Tends to be", ">Unit<"])
            let alex = try #require(calibration.range(of: "Alex Rivera</td>"))
            #expect(calibration[alex.upperBound...].prefix(300).contains("Tiende a centrarse en las fortalezas"))
            #expect(calibration.contains("Cómo valora la unidad a las familias") && calibration.contains("El hogar y sus alrededores"))

            let list = try await supervisor.get("/vignettes").body.string
            Self.spanish(list, "/vignettes", english: ["Practice vignettes", "Publish a vignette"])
            Self.spanish(try await supervisor.get("/vignettes/new").body.string, "/vignettes/new", english: ["The family's story"])
            let empty = try await supervisor.post("/vignettes/new", [("title", ""), ("story", "")])
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.body.string.contains("Dé un título a la viñeta") && empty.body.string.contains("Escriba la historia de la familia"))
            #expect(try await supervisor.post("/vignettes/new", [("title", "La familia Olmo (práctica)"),
                                                                  ("story", "Un padre de tres hijos que acaba de perder su trabajo.")]).status == .seeOther)
            let vignette = try #require(try await VignetteRepository(app.db).list(unit: "North Unit").first { $0.title.hasPrefix("La familia Olmo") })
            let ratePath = "/vignettes/\(vignette.id)/rate"
            Self.spanish(try await supervisor.get(ratePath).body.string, ratePath, english: ["Save my ratings"])
            #expect(try await supervisor.post(ratePath, [("environment.overall", "-2")]).status == .seeOther)
            var worker = try await Browser.signedIn(app, "caseworker@demo.reunify.test")
            #expect(try await worker.post(ratePath, [("environment.overall", "1")]).status == .seeOther)
            let spread = try await supervisor.get("/vignettes/\(vignette.id)").body.string
            Self.spanish(spread, "/vignettes/\(vignette.id)", english: ["How the team rated", "3 points"])
            #expect(spread.contains("El hogar y sus alrededores: valoración general") && spread.contains("3 puntos"))
        }
    }

    @Test("the audit trail reads in the reader's language: entries keep their summary in every language, English stays as written, an older entry is English and marked so")
    func spanishAuditTrail() async throws {
        try await TestApp.run { app, _ in
            let family = CasePagesTests.familyInCare()
            var worker = try await Browser.signedIn(app, "caseworker@demo.reunify.test")
            try await worker.get("/cases/\(family.caseID)")
            #expect(try await worker.get("/cases/\(family.caseID)/audit").status == .forbidden)
            // An entry written before summaries were kept in other languages.
            let older = AuditEventModel(occurredAt: Date(timeIntervalSince1970: 1_700_000_000), userID: nil, userEmail: "old@demo.reunify.test",
                                        action: "view", recordKind: "case_file", recordID: nil, caseID: family.caseID.uuid,
                                        summary: Worded.stored(english: "viewed the case long ago", others: nil), address: nil)
            older.wording = nil
            try await older.create(on: app.db)
            var supervisor = try await Browser.signedIn(app, "supervisor@demo.reunify.test")
            #expect(try await supervisor.post("/language", [("language", "es"), ("return", "/")]).status == .seeOther)
            let trail = try await supervisor.get("/cases/\(family.caseID)/audit").body.string
            #expect(trail.contains("<html lang=\"es\""))
            let number = try #require(try await CaseRepository(app.db).find(family.caseID)).caseNumber
            #expect(trail.contains("vio el caso \(number)"))
            #expect(trail.contains("se negó «read»: El registro de auditoría está abierto a supervisores/as y administradores/as"))
            #expect(!trail.contains("viewed case \(number)") && !trail.contains("read refused"))
            // The switch's English button and the older entry are the only content marked English.
            #expect(trail.components(separatedBy: "lang=\"en\"").count - 1 == 2)
            #expect(trail.contains("<td lang=\"en\">viewed the case long ago</td>"))
            // The log keeps the English as it was written, with the Spanish beside it.
            let viewed = try #require(try await AuditEventModel.query(on: app.db).filter(\.$caseID == family.caseID.uuid)
                .filter(\.$userEmail == "caseworker@demo.reunify.test").filter(\.$action == "view").first())
            #expect(viewed.summary == "viewed case \(number)")
            #expect(viewed.worded.text(.spanish) == ("vio el caso \(number)", .spanish))
            #expect(older.worded.text(.spanish) == ("viewed the case long ago", .english))
        }
    }

    @Test("refusals come in the reader's language: the access policy's reasons, a record not found, a page for another role; the API keeps English")
    func spanishRefusals() async throws {
        try await TestApp.run { app, _ in
            let (family, _) = AssessmentAPITests.reviewable()
            var worker = try await Browser.signedIn(app, "caseworker@demo.reunify.test")
            #expect(try await worker.post("/language", [("language", "es"), ("return", "/calibration")]).status == .seeOther)
            let calibration = try await worker.get("/calibration")
            #expect(calibration.status == .forbidden)
            Self.spanish(calibration.body.string, "/calibration (refused)", english: ["for supervisors"])
            #expect(calibration.body.string.contains("El informe de calibración es para supervisores/as"))
            // The access policy's own reason, audited in English.
            let audit = try await worker.get("/cases/\(family.caseID)/audit")
            #expect(audit.status == .forbidden)
            Self.spanish(audit.body.string, "audit trail (refused)", english: ["The audit trail is open"])
            #expect(audit.body.string.contains("El registro de auditoría está abierto a supervisores/as y administradores/as"))
            let missing = try await worker.get("/cases/\(family.caseID)/assessments/\(UUID())")
            #expect(missing.status == .notFound)
            Self.spanish(missing.body.string, "a missing assessment", english: ["There is no such assessment"])
            #expect(missing.body.string.contains("No hay una evaluación así en este caso"))
            let malformed = try await worker.get("/cases/\(family.caseID)/assessments/not-an-id")
            #expect(malformed.status == .notFound && malformed.body.string.contains("No hay nada en esta dirección"))
            // The API answers the same refusal in English.
            let api = try await APIClient.signIn(app, "caseworker@demo.reunify.test")
            let (status, body) = try await api.json(.GET, "/api/v1/cases/\(family.caseID)/assessments/not-an-id")
            #expect(status == .notFound && body["reason"] as? String == "There is no assessment at this address")
            let (addStatus, addBody) = try await api.json(.POST, "/api/v1/instruments", "{}")
            #expect(addStatus == .forbidden && addBody["reason"] as? String == "Administrators add instruments")
        }
    }
}
