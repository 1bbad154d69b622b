import Foundation
import Testing
import Vapor
import VaporTesting
@testable import ReunifyDomain
@testable import ReunifyWeb
import ReunifyDemo

@Suite("Staff record forms in the user's language")
struct StaffFormsLanguageTests {
    /// The record forms a case page links to whose labels, hints and messages come from the catalogue.
    static let translatedForm = 
        #"/cases/[0-9a-f-]+/(edit|members/new|members/existing|persons/[0-9a-f-]+/edit|relationships/new|episodes/new|episodes/[0-9a-f-]+/edit|episodes/[0-9a-f-]+/placements/new|placements/[0-9a-f-]+/edit|goals/new|goals/[0-9a-f-]+/edit|plans/new|referrals/new|sessions/new|visit-plans/new|visit-plans/[0-9a-f-]+|safety-assessments/new|visits/[0-9a-f-]+/record)(?=")"#

    @Test("a caseworker who reads Spanish gets every case record form in Spanish, lang=\"es\" throughout, and the rules' messages in Spanish")
    func spanishForms() async throws {
        try await TestApp.run { app, _ in
            let agency = TestApp.agency
            let worker = agency.user("caseworker@demo.reunify.test")!
            let family = try #require(agency.families.first { $0.details.caseworkerID == worker.id })
            var browser = try await Browser.signedIn(app, "caseworker@demo.reunify.test")
            let casePath = "/cases/\(family.caseID)"
            #expect(try await browser.post("/language", [("language", "es"), ("return", casePath)]).status == .seeOther)

            let casePage = try await browser.get(casePath).body.string
            var paths = Set(casePage.matches(of: try Regex(Self.translatedForm)).map { String(casePage[$0.range]) })
            // A visit's record is reached from its plan's page.
            for plan in paths.filter({ $0.contains("/visit-plans/") && !$0.hasSuffix("/new") }) {
                let page = try await browser.get(plan).body.string
                paths.formUnion(page.matches(of: try Regex(Self.translatedForm)).map { String(page[$0.range]) })
            }
            paths.insert("/cases/new")
            // The services directory and a referral's page are reached from the case page too.
            paths.insert("/services")
            let referral = casePage.firstMatch(of: try Regex(#"/referrals/[0-9a-f-]{36}(?=")"#)).map { String(casePage[$0.range]) }
            #expect(referral != nil, "the case page links to a referral")
            if let referral { paths.insert(referral) }
            let kinds = Set(paths.map { $0.split(separator: "/").dropFirst(2).filter { !$0.contains("-") }.joined(separator: "/") })
            #expect(kinds.count >= 12, "the case page links to the record forms: \(kinds.sorted())")
            for path in paths.sorted() {
                let page = try await browser.get(path)
                #expect(page.status == .ok, "\(path)")
                let html = page.body.string
                #expect(html.contains("<html lang=\"es\""), "\(path)")
                // Only the switch's own button ("English") is marked English.
                let marked = html.components(separatedBy: "lang=\"en\"").count - 1
                #expect(marked == 1, "\(path) has content marked English")
                let english = [">Cancel<", ">Save<", ">Choose…<", ">Day<", ">Caseload<", "For example, 27 3 2024"].filter { html.contains($0) }
                #expect(english.isEmpty, "\(path) shows \(english)")
            }

            // A rule from the domain answers in Spanish beside its field; nothing is saved.
            let future = try await browser.post(casePath + "/members/new", [
                ("role", "child"), ("givenName", "Nadie"), ("familyName", "Prueba"),
                ("birthDate-day", "2"), ("birthDate-month", "3"), ("birthDate-year", "2099")])
            #expect(future.status == .unprocessableEntity)
            let futureHTML = future.body.string
            #expect(futureHTML.contains("La fecha de nacimiento debe ser hoy o una fecha pasada"))
            #expect(!futureHTML.contains("Birth date must be today or in the past"))
            #expect(futureHTML.contains("Nombre de pila") && futureHTML.contains("Fecha de nacimiento"))
            let noManner = try await browser.post(casePath + "/episodes/new", [
                ("removalDate-day", "1"), ("removalDate-month", "13"), ("removalDate-year", "2026")])
            #expect(noManner.status == .unprocessableEntity)
            let noMannerHTML = noManner.body.string
            #expect(noMannerHTML.contains("Elija la forma de la remoción") && noMannerHTML.contains("1/13/2026 no es una fecha que exista"))
            #expect(noMannerHTML.contains("Elija al niño/a que fue removido/a"))

            let noGoal = try await browser.post(casePath + "/plans/new", [])
            #expect(noGoal.status == .unprocessableEntity)
            #expect(noGoal.body.string.contains("Escriba con la familia al menos una meta"))
            let noKind = try await browser.post(casePath + "/sessions/new", [("durationMinutes", "45")])
            #expect(noKind.status == .unprocessableEntity)
            #expect(noKind.body.string.contains("Elija el tipo de sesión") && noKind.body.string.contains("Escriba la fecha de la sesión"))
            // A tampered form's unknown code is refused in Spanish too, naming the codes the field takes.
            let tampered = try await browser.post(casePath + "/members/new", [
                ("role", "castle"), ("givenName", "Nadie"), ("familyName", "Prueba")])
            #expect(tampered.status == .unprocessableEntity)
            let tamperedHTML = tampered.body.string
            #expect(tamperedHTML.contains("«castle» no es uno de los valores de este campo; use uno de estos: child, "))
            #expect(!tamperedHTML.contains("is not a known"))

            // The same rule in English for an English reader, and the API keeps English.
            var english = try await Browser.signedIn(app, "caseworker@demo.reunify.test")
            #expect(try await english.post("/language", [("language", "en"), ("return", casePath)]).status == .seeOther)
            let again = try await english.post(casePath + "/members/new", [
                ("role", "child"), ("givenName", "Nadie"), ("familyName", "Prueba"),
                ("birthDate-day", "2"), ("birthDate-month", "3"), ("birthDate-year", "2099")])
            #expect(again.body.string.contains("Birth date must be today or in the past") && again.body.string.contains("Date of birth"))
        }
    }

    @Test("tracing in Spanish: the list, filing an inquiry with its rules, its page, reviewing a match (its evidence worded in Spanish) and verifying it")
    func spanishTracing() async throws {
        try await TestApp.run { app, _ in
            var browser = try await Browser.signedIn(app, "caseworker@demo.reunify.test")
            #expect(try await browser.post("/language", [("language", "es"), ("return", "/tracing")]).status == .seeOther)
            func spanish(_ html: String, _ path: String, englishMarks: Int = 1) {
                #expect(html.contains("<html lang=\"es\""), "\(path)")
                #expect(html.components(separatedBy: "lang=\"en\"").count - 1 == englishMarks, "\(path) has content marked English")
                let english = [">Cancel<", ">Save<", ">Status<", ">Tracing<", "Review the evidence", ">Notes<", ">Date<"].filter { html.contains($0) }
                #expect(english.isEmpty, "\(path) shows \(english)")
            }
            let list = try await browser.get("/tracing").body.string
            spanish(list, "/tracing")
            #expect(list.contains("Solicitudes de localización"))
            let form = try await browser.get("/tracing/new").body.string
            spanish(form, "/tracing/new")
            #expect(form.contains("Nombre de la persona que pregunta") && form.contains("Un familiar busca a un niño/a"))
            let invalid = try await browser.post("/tracing/new", [("kind", "inquiry"), ("inquirerName", ""), ("givenName", ""), ("birthDate", "marzo 2017")])
            #expect(invalid.status == .unprocessableEntity)
            let invalidHTML = invalid.body.string
            #expect(invalidHTML.contains("Escriba la fecha de nacimiento como un año") && invalidHTML.contains("Escriba el nombre de la persona que pregunta"))
            #expect(!invalidHTML.contains("Enter the name of the person asking"))
            let filed = try await browser.post("/tracing/new", [
                ("kind", "inquiry"), ("inquirerName", "Галина Коваленко"), ("inquirerRelationship", "abuela"),
                ("givenName", "Марія"), ("familyName", "Коваленко"), ("sex", "female"), ("birthDate", "2017"),
                ("placeOfOrigin", "Харків"), ("motherName", "Олена")])
            #expect(filed.status == .seeOther)
            let detailPath = filed.headers.first(name: .location) ?? ""
            let detail = try await browser.get(detailPath).body.string
            spanish(detail, detailPath)
            #expect(detail.contains("Se busca a Марія Коваленко") && detail.contains("Revisar la evidencia"))
            let reviewPath = try #require(detail.firstMatch(of: try Regex(#"/tracing/[0-9a-f-]+/candidates/[0-9a-f-]+(?=")"#)).map { String(detail[$0.range]) })
            let review = try await browser.get(reviewPath).body.string
            spanish(review, reviewPath)
            #expect(review.contains("Nombre: ") && (review.contains("veces más probable") || review.contains("veces menos probable")))
            #expect(!review.contains("times likelier") && !review.contains("times less likely") && !review.contains("Tells little"))
            #expect(review.contains("¿Es este el niño/a?") && review.contains("Probabilidad de coincidencia:"))
            let noReason = try await browser.post(reviewPath + "/decision", [("decision", "confirmed"), ("reason", "")])
            #expect(noReason.status == .unprocessableEntity)
            #expect(noReason.body.string.contains("Diga por qué: qué en los registros o las entrevistas indica que es el niño/a"))
            #expect(try await browser.post(reviewPath + "/decision", [("decision", "confirmed"), ("reason", "La foto de la abuela")]).status == .seeOther)
            let verifying = try await browser.get(detailPath).body.string
            #expect(verifying.contains("En verificación") && verifying.contains("Anotar la verificación"))
            let verify = try await browser.get(detailPath + "/verification").body.string
            spanish(verify, detailPath + "/verification")
            #expect(verify.contains("¿El niño/a lo/la conoce?") && verify.contains("Aún no se sabe"))
            let version = verify.firstMatch(of: try Regex(#"name="version" value="([0-9]+)""#)).map { String(verify[$0.range].split(separator: "\"")[3]) } ?? ""
            let refused = try await browser.post(detailPath + "/verification", [("willingAndAble", "no"), ("notes", ""), ("version", version)])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Una respuesta es no: anote lo que se encontró"))
        }
    }

    @Test("a rule's message is kept in every language, values filled in each; a coded value takes each language's label")
    func ruleMessages() throws {
        let error = FieldError("startDate", .rulePlacementStartAfter, ["date": "2026-03-01"])
        #expect(error.message == "Start date must be on or after the removal date (2026-03-01)")
        #expect(error.text(.spanish) == "La fecha de inicio debe ser igual o posterior a la fecha de la remoción (2026-03-01)")
        let current = PlacementDetails(setting: .fosterFamilyHome, caregiverName: "Ana", startDate: CalendarDate(year: 2026, month: 1, day: 5)!)
        let twoHomes = PlacementRules.twoCurrent(current)
        #expect(twoHomes.message.contains("(" + PlacementSetting.fosterFamilyHome.label.lowercased() + " since 2026-01-05)"))
        #expect(twoHomes.text(.spanish).contains("(" + PlacementSetting.fosterFamilyHome.spanish.lowercased() + " desde el 2026-01-05)"))
        // The API's JSON gives the field and the English message only.
        let json = String(decoding: try JSONEncoder().encode(error), as: UTF8.self)
        #expect(json.contains("\"field\"") && json.contains("\"message\"") && !json.contains("texts") && !json.contains("key"))
    }
}
