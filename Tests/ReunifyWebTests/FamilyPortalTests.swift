import Foundation
import Testing
import Vapor
import VaporTesting
@testable import ReunifyWeb
import ReunifyDemo
import ReunifyDomain
import ReunifyStore
import FluentKit

@Suite("The family's pages, in their language")
struct FamilyPortalTests {
    static let madre = "madre@demo.reunify.test"
    static let pages = ["/family", "/family/plan", "/family/visits", "/family/services", "/family/messages"]

    /// The Spanish-speaking mother, her family and the children's father, as the demo made them.
    static func madreFamily() throws -> (DemoAgency.Family, DemoAgency.Person, DemoAgency.Person) {
        let agency = TestApp.agency
        let person = try #require(agency.user(madre)?.personID)
        let family = try #require(agency.families.first { f in f.persons.contains { $0.id == person } })
        let mother = try #require(family.persons.first { $0.id == person })
        let father = try #require(family.persons.first { $0.role == .nonResidentFather })
        return (family, mother, father)
    }

    /// The court report of the first hearing in a case held by the caseworker with this e-mail.
    static func courtReportPath(_ app: Application, of email: String) async throws -> String? {
        let worker = TestApp.agency.user(email)?.id
        for family in TestApp.agency.families where family.details.caseworkerID == worker {
            if let hearing = try await PermanencyRepository(app.db).records(in: family.caseID).hearings.first {
                return SiteURL.courtReport(family.caseID, hearing.id).path
            }
        }
        return nil
    }

    static func lang(_ html: String) -> String? {
        guard let range = html.range(of: "<html lang=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    /// A message id left raw on a page (`family.plan.title`): the catalogue failed to give its text.
    static func rawKeys(_ html: String) -> [String] {
        let ids = Set(Msg.allCases.map(\.rawValue))
        return ids.filter { html.contains(">\($0)<") || html.contains("\"\($0)\"") || html.contains(" \($0) ") }.sorted()
    }

    @Test("the Spanish-speaking mother's pages are in Spanish, lang=\"es\", with her plan, visits, services and caseworker")
    func spanishPortal() async throws {
        try await TestApp.run { app, _ in
            let (family, mother, _) = try Self.madreFamily()
            var browser = try await Browser.signedIn(app, Self.madre)
            for path in Self.pages {
                let response = try await browser.get(path)
                #expect(response.status == .ok, "\(path)")
                let html = response.body.string
                #expect(Self.lang(html) == "es", "\(path)")
                #expect(response.headers.first(name: "Content-Language") == "es")
                #expect(html.contains("Cerrar sesión") && html.contains("Ir al contenido principal") && !html.contains("Sign out"), "\(path)")
                #expect(Self.rawKeys(html).isEmpty, "\(path): \(Self.rawKeys(html))")
            }
            let home = try await browser.get("/family").body.string
            #expect(home.contains("Hola, \(mother.details.givenName)"))
            #expect(home.contains("Cómo va su caso") && home.contains(CaseStage.services.spanish))
            #expect(home.contains("Jordan Lee es su trabajador/a social"))
            let plan = try await browser.get("/family/plan").body.string
            #expect(plan.contains("Meta 1: Sus hijos/as viven en casa con \(mother.details.givenName)"))
            #expect(plan.contains("¿Está de acuerdo con este plan?"))
            let visits = try await browser.get("/family/visits").body.string
            #expect(visits.contains("Intérprete de español, sin costo para usted"))
            #expect(visits.contains("a. m.") || visits.contains("p. m."))
            let services = try await browser.get("/family/services").body.string
            #expect(services.contains("Clase de crianza") && services.contains("En lista de espera"))
            // Every view is in the case's audit trail.
            let trail = try await AuditRepository(app.db).trail(caseID: family.caseID, per: 500).entries
            #expect(trail.contains { $0.userEmail == Self.madre && $0.recordKind == "case_plan" && $0.action == "view" })
            #expect(trail.contains { $0.userEmail == Self.madre && $0.recordKind == "referral" && $0.action == "view" })
        }
    }

    @Test("no page she can reach shows the father's contact details, his visits, a clinical note or another family")
    func whatAParentNeverSees() async throws {
        try await TestApp.run { app, _ in
            let (family, _, father) = try Self.madreFamily()
            let fatherAddress = try #require(father.details.address?.line)
            let fatherVisits = try await FamilyTimeRepository(app.db).visits(in: family.caseID).filter { $0.details.people.contains(father.id) }
            #expect(!fatherVisits.isEmpty, "the demo gives the father visits of his own, so leaving them out is tested")
            #expect(father.details.email != nil && father.details.phone != nil)
            // The father's substance use treatment (a restricted record) and the agency's own notes on her visits and
            // referrals: none of it is hers to read.
            let restrictedReason = "Outpatient treatment for the father, kept apart"
            let org = try #require(DemoServices.directory.enumerated().first { $0.element.services.contains { $0.category == .substanceUseTreatment } })
            let serviceIndex = org.element.services.firstIndex { $0.category == .substanceUseTreatment }!
            let worker2 = try #require(try await UserRepository(app.db).find(email: "caseworker2@demo.reunify.test"))
            try await ReferralModel(caseID: family.caseID, ReferralDetails(
                personID: father.id, serviceID: ServiceID(DemoServices.serviceUUID(organisation: org.offset, service: serviceIndex)),
                providerID: org.element.id, category: .substanceUseTreatment, reason: restrictedReason, referredOn: TestApp.today),
                referredBy: worker2.actor.id).create(on: app.db)
            let referrals = try await ServiceRecordsRepository(app.db).referrals(in: family.caseID)
            let staffOnly = referrals.map(\.details.reason) + (try await FamilyTimeRepository(app.db).visits(in: family.caseID))
                .compactMap { $0.details.record?.observations.concerns }
            var browser = try await Browser.signedIn(app, Self.madre)
            let clinicalNotes = try await SessionRecordsProbe.clinicalNotes(app.db)
            #expect(!clinicalNotes.isEmpty)
            for path in Self.pages {
                let html = try await browser.get(path).body.string
                #expect(!html.contains(fatherAddress), "\(path) shows the father's address")
                if let phone = father.details.phone { #expect(!html.contains(phone), "\(path) shows the father's phone") }
                if let email = father.details.email { #expect(!html.contains(email), "\(path) shows the father's e-mail") }
                for note in staffOnly { #expect(!html.contains(note), "\(path) shows a staff-only note: \(note)") }
                #expect(!html.contains(restrictedReason), "\(path) shows the father's restricted referral")
                for note in clinicalNotes { #expect(!html.contains(note), "\(path) shows a clinical note") }
            }
            let visits = try await browser.get("/family/visits").body.string
            #expect(!visits.contains(father.details.givenName), "the visits page shows the father's visits")
            // Another family's case: not found, and asking for it by name on the home page shows her own.
            let other = try #require(TestApp.agency.families.first { $0.caseID != family.caseID && $0.details.stage != .closed })
            #expect(try await browser.get("/cases/\(other.caseID)").status == .notFound)
            let asked = try await browser.get("/family?case=\(other.caseID)").body.string
            #expect(!asked.contains(other.details.familyName) || other.details.familyName == family.details.familyName)
            #expect(Self.lang(try await browser.get("/cases/\(other.caseID)").body.string) == "es")
            // Staff do not use the family's pages.
            var worker = try await Browser.signedIn(app, "caseworker2@demo.reunify.test")
            #expect(try await worker.get("/family").status == .notFound)
        }
    }

    @Test("the staff pages of her own case, typed in by address, send her to her own pages; none is shown in English")
    func staffPagesSendHerHome() async throws {
        try await TestApp.run { app, _ in
            let (family, mother, _) = try Self.madreFamily()
            let c = family.caseID
            let plan = try #require(try await ServiceRecordsRepository(app.db).plans(in: c).last)
            let visitPlan = try #require(try await FamilyTimeRepository(app.db).plans(in: c).first)
            let referral = try #require(try await ServiceRecordsRepository(app.db).referrals(in: c).first { $0.details.personID == mother.id })
            let hearing = try await PermanencyRepository(app.db).records(in: c).hearings.first
            var browser = try await Browser.signedIn(app, Self.madre)
            var expected: [(String, String)] = [
                (SiteURL.caseFile(c).path, SiteURL.familyHome.path),
                (SiteURL.plan(c, plan.id).path, SiteURL.familyPlan.path),
                (SiteURL.visitPlan(c, visitPlan.id).path, SiteURL.familyVisits.path),
                (SiteURL.search.path + "?q=" + Browser.encode(mother.details.familyName), SiteURL.familyHome.path),
            ]
            if let hearing { expected.append((SiteURL.courtReport(c, hearing.id).path, SiteURL.familyHome.path)) }
            for (path, target) in expected {
                let response = try await browser.get(path)
                #expect(response.status == .seeOther, "\(path)")
                #expect(response.headers.first(name: .location) == target, "\(path)")
            }
            // A referral's own page is the agency's and the provider's: not found for her, in her language; her services
            // page shows it.
            let referralPage = try await browser.get(SiteURL.referral(referral.id).path)
            #expect(referralPage.status == .notFound && Self.lang(referralPage.body.string) == "es")
            // The printable family summary of her plan is written for families, in her language: it stays.
            let summary = try await browser.get(SiteURL.planSummary(c, plan.id).path)
            #expect(summary.status == .ok && Self.lang(summary.body.string) == "es")
            // A staff form is refused in her language, never shown.
            let form = try await browser.get(SiteURL.newGoal(c).path)
            #expect(form.status == .forbidden && Self.lang(form.body.string) == "es")
            // Her caseworker still reads the same pages.
            var worker = try await Browser.signedIn(app, "caseworker2@demo.reunify.test")
            for (path, _) in expected { #expect(try await worker.get(path).status == .ok, "\(path)") }
        }
    }

    @Test("she agrees to the new plan version from her page; declining needs a reason, asked in Spanish")
    func answersThePlan() async throws {
        try await TestApp.run { app, _ in
            let (family, mother, _) = try Self.madreFamily()
            var browser = try await Browser.signedIn(app, Self.madre)
            let page = try await browser.get("/family/plan").body.string
            let plan = try #require(try await ServiceRecordsRepository(app.db).plans(in: family.caseID).last)
            #expect(plan.details.status == .draft)
            #expect(page.contains("/family/plan/\(plan.id)/answer"))
            let declined = try await browser.post("/family/plan/\(plan.id)/answer", [("agreed", "no"), ("note", "")])
            #expect(declined.status == .unprocessableEntity)
            #expect(declined.body.string.contains("díganos por qué no está de acuerdo"))
            #expect(declined.body.string.contains("Hay un problema"))
            let unchosen = try await browser.post("/family/plan/\(plan.id)/answer", [("note", "")])
            #expect(unchosen.status == .unprocessableEntity && unchosen.body.string.contains("Elija sí o no"))
            #expect(try await ServiceRecordsRepository(app.db).plan(plan.id, in: family.caseID)?.details.agreements.contains { $0.personID == mother.id } == false)
            let agreed = try await browser.post("/family/plan/\(plan.id)/answer", [("agreed", "yes"), ("note", "")])
            #expect(agreed.status == .seeOther)
            let after = try await browser.get("/family/plan").body.string
            #expect(after.contains("Gracias. Su respuesta se envió") || after.contains("Usted aceptó este plan"))
            let saved = try #require(try await ServiceRecordsRepository(app.db).plan(plan.id, in: family.caseID))
            let answer = try #require(saved.details.agreements.first { $0.personID == mother.id })
            #expect(answer.agreed && answer.language == "es")
            #expect(saved.details.status == .agreed, "every parent has answered, so the version is agreed")
            let trail = try await AuditRepository(app.db).trail(caseID: family.caseID, per: 500).entries
            #expect(trail.contains { $0.userEmail == Self.madre && $0.recordKind == "plan_answer" && $0.action == "create" })
            // Her caseworker reads her answer on the plan's page.
            var worker = try await Browser.signedIn(app, "caseworker2@demo.reunify.test")
            let staffPage = try await worker.get("/cases/\(family.caseID)/plans/\(plan.id)").body.string
            #expect(staffPage.contains(mother.details.fullName) && staffPage.contains("Spanish"))
            // An approved version takes no more answers from the family.
            let active = try #require(try await ServiceRecordsRepository(app.db).plans(in: family.caseID).first { $0.details.status == .active })
            let late = try await browser.post("/family/plan/\(active.id)/answer", [("agreed", "yes")])
            #expect(late.status == .unprocessableEntity)
        }
    }

    @Test("she writes to her caseworker, who reads it on the case page and answers; the father's conversation stays his")
    func messages() async throws {
        try await TestApp.run { app, _ in
            let (family, mother, father) = try Self.madreFamily()
            var browser = try await Browser.signedIn(app, Self.madre)
            let page = try await browser.get("/family/messages").body.string
            #expect(page.contains("Mensajes con su trabajador/a social") && page.contains("Escriba aquí a Jordan Lee"))
            let empty = try await browser.post("/family/messages", [("body", "   ")])
            #expect(empty.status == .unprocessableEntity && empty.body.string.contains("Primero escriba su mensaje"))
            let long = try await browser.post("/family/messages", [("body", String(repeating: "a", count: MessageRules.maxLength + 1))])
            #expect(long.status == .unprocessableEntity && long.body.string.contains("tiene 4,001 caracteres"))
            let before = try await CaseRecordsRepository(app.db).messages(in: family.caseID, with: mother.id).count
            let sent = try await browser.post("/family/messages", [("body", "Me cambié de trabajo; ahora puedo venir los martes.")])
            #expect(sent.status == .seeOther)
            let thread = try await CaseRecordsRepository(app.db).messages(in: family.caseID, with: mother.id)
            #expect(thread.count == before + 1 && thread.last?.details.fromFamily == true)
            // Her caseworker reads it on the case page, and answers her there.
            var worker = try await Browser.signedIn(app, "caseworker2@demo.reunify.test")
            let casePage = try await worker.get("/cases/\(family.caseID)").body.string
            #expect(casePage.contains("Messages with the family") && casePage.contains("ahora puedo venir los martes"))
            #expect(try await worker.post("/cases/\(family.caseID)/messages", [("personId", mother.id.description), ("body", "Perfecto, lo cambiamos.")]).status == .seeOther)
            let refused = try await worker.post("/cases/\(family.caseID)/messages", [("personId", mother.id.description), ("body", "")])
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("Write the message"))
            // A message to the father is his: it never shows on her pages.
            #expect(try await worker.post("/cases/\(family.caseID)/messages", [("personId", father.id.description), ("body", "Private note to the father about Thursday")]).status == .seeOther)
            let mine = try await browser.get("/family/messages").body.string
            #expect(mine.contains("Perfecto, lo cambiamos.") && !mine.contains("Private note to the father"))
            let trail = try await AuditRepository(app.db).trail(caseID: family.caseID, per: 500).entries
            #expect(trail.contains { $0.userEmail == Self.madre && $0.recordKind == "message" && $0.action == "create" })
            #expect(trail.contains { $0.userEmail == Self.madre && $0.recordKind == "message" && $0.action == "view" })
            #expect(trail.contains { $0.userEmail == "caseworker2@demo.reunify.test" && $0.recordKind == "message" && $0.action == "view" })
            // Staff of another case cannot write into this one.
            var stranger = try await Browser.signedIn(app, "caseworker@demo.reunify.test")
            _ = try await stranger.get("/cases")
            #expect(try await stranger.post("/cases/\(family.caseID)/messages", [("personId", mother.id.description), ("body", "hi")]).status == .notFound)
        }
    }

    @Test("an English-speaking parent's pages are in English")
    func englishParent() async throws {
        try await TestApp.run { app, _ in
            var browser = try await Browser.signedIn(app, "parent@demo.reunify.test")
            for path in Self.pages {
                let html = try await browser.get(path).body.string
                #expect(Self.lang(html) == "en", "\(path)")
                #expect(html.contains("Sign out") && !html.contains("Cerrar sesión"))
                #expect(Self.rawKeys(html).isEmpty, "\(path): \(Self.rawKeys(html))")
            }
            #expect(try await browser.get("/family").body.string.contains("Where things stand"))
            // The staff caseload and calendar send a parent to their own pages.
            #expect(try await browser.get("/cases").headers.first(name: .location) == "/family")
            #expect(try await browser.get("/calendar").headers.first(name: .location) == "/family/visits")
        }
    }

    @Test("the switch on every page changes the language, brings her back, and is kept on her account")
    func switchingLanguage() async throws {
        try await TestApp.run { app, _ in
            var browser = try await Browser.signedIn(app, Self.madre)
            for path in Self.pages {
                let html = try await browser.get(path).body.string
                #expect(html.contains("action=\"/language\"") && html.contains("value=\"\(path)\"") && html.contains("lang=\"en\">English</button>"), "\(path)")
            }
            let switched = try await browser.post("/language", [("language", "en"), ("return", "/family/plan")])
            #expect(switched.status == .seeOther && switched.headers.first(name: .location) == "/family/plan")
            #expect(Self.lang(try await browser.get("/family/plan").body.string) == "en")
            // Following links keeps it; a new session reads it from her account.
            #expect(Self.lang(try await browser.get("/family/visits").body.string) == "en")
            var again = try await Browser.signedIn(app, Self.madre)
            again.cookies[Request.languageCookie] = nil
            #expect(Self.lang(try await again.get("/family").body.string) == "en")
            // Back to Spanish, and the form must carry her session's token and name a language offered.
            #expect(try await again.post("/language", [("language", "es"), ("return", "/family")]).status == .seeOther)
            #expect(Self.lang(try await again.get("/family").body.string) == "es")
            #expect(try await again.post("/language", [("language", "en"), ("return", "/family")], withCSRF: false).status == .forbidden)
            let unknown = try await again.post("/language", [("language", "xx"), ("return", "/family")])
            #expect(unknown.status == .badRequest)
            let away = try await again.post("/language", [("language", "es"), ("return", "//elsewhere.example/")])
            #expect(away.headers.first(name: .location) == "/")
            // Staff pages carry the switch too. The caseload and the people search come from the catalogue; a staff
            // page whose content is still written in English has its frame translated and its content marked as
            // English, so lang stays true.
            var worker = try await Browser.signedIn(app, "caseworker@demo.reunify.test")
            let englishCaseload = try await worker.get("/cases").body.string
            #expect(englishCaseload.contains("lang=\"es\">Español</button>") && englishCaseload.contains("Open a new case"))
            #expect(try await worker.post("/language", [("language", "es"), ("return", "/cases")]).status == .seeOther)
            let caseload = try await worker.get("/cases").body.string
            #expect(Self.lang(caseload) == "es" && caseload.contains("Cerrar sesión") && !caseload.contains("<main id=\"main\" class=\"wrap\" lang="))
            #expect(caseload.contains("Abrir un caso nuevo") && caseload.contains("Todas las etapas") && caseload.contains("Próximo plazo"))
            #expect(caseload.contains("Trabajador/a social") && caseload.contains(CaseStage.services.spanish))
            #expect(!caseload.contains("Open a new case") && !caseload.contains("Days in care") && Self.rawKeys(caseload).isEmpty)
            let own = try #require(TestApp.agency.families.first { $0.details.caseworkerID == TestApp.agency.user("caseworker@demo.reunify.test")?.id })
            let search = try await worker.get("/search?q=" + Browser.encode(own.details.familyName)).body.string
            #expect(Self.lang(search) == "es" && search.contains("Buscar personas") && search.contains("Fecha de nacimiento"))
            #expect(!search.contains("Search people") && !search.contains("<main id=\"main\" class=\"wrap\" lang="))
            let nobody = try await worker.get("/search?q=Zzyzx").body.string
            #expect(nobody.contains("No hay nadie con el nombre “Zzyzx”"))
            // The case page: its heading, summary, people, relationships, time in care, goals and team in Spanish; the
            // sections still written in English only are marked lang="en".
            let casePage = try await worker.get(SiteURL.caseFile(own.caseID).path).body.string
            #expect(Self.lang(casePage) == "es" && !casePage.contains("<main id=\"main\" class=\"wrap\" lang="))
            #expect(casePage.contains("Familia \(own.details.familyName)") && casePage.contains("Familia y personas") && casePage.contains("Equipo"))
            #expect(casePage.contains("Tiempo en cuidado") && casePage.contains("Papel en el caso") && casePage.contains("Trabajador/a social asignado/a"))
            #expect(!casePage.contains("Family and people") && !casePage.contains("Time in care") && !casePage.contains("Part in case"))
            #expect(casePage.contains("Revisiones de la reunificación") && casePage.contains("Evaluaciones") && casePage.contains("Plan del caso"))
            #expect(casePage.contains("Tiempo en familia") && casePage.contains("Remitir a un servicio"))
            #expect(!casePage.contains("Reunification reviews") && !casePage.contains("Make a visit plan") && !casePage.contains("Refer to a service"))
            #expect(casePage.contains("Las cuentas de la familia") && !casePage.contains("The family's own accounts"))
            #expect(casePage.contains("Corte y permanencia") && casePage.contains("Plazos") && !casePage.contains("Court and permanency"))
            #expect(!casePage.contains("lang=\"en\"><") && Self.rawKeys(casePage).isEmpty, "no part of the case page is left in English")
            #expect(!(try await worker.post("/language", [("language", "en"), ("return", "/cases")]).status.code >= 400))
            let englishCase = try await worker.get(SiteURL.caseFile(own.caseID).path).body.string
            #expect(englishCase.contains("Family and people") && englishCase.contains("Court and permanency"))
            #expect(try await worker.post("/language", [("language", "es"), ("return", "/cases")]).status == .seeOther)
            // The court report's fixed text too, for a hearing of one of her cases.
            let reportPath = try #require(try await Self.courtReportPath(app, of: "caseworker@demo.reunify.test"), "the demo gives her a case with a hearing")
            let report = try await worker.get(reportPath).body.string
            #expect(Self.lang(report) == "es" && report.contains("Informe para la corte") && report.contains("La recomendación del equipo"))
            #expect(report.contains("Fechas límite") && !report.contains("The team's recommendation") && Self.rawKeys(report).isEmpty)
            // A plan version's page.
            let madreCase = try Self.madreFamily().0.caseID
            var jordan = try await Browser.signedIn(app, "caseworker2@demo.reunify.test")
            #expect(try await jordan.post("/language", [("language", "es"), ("return", "/cases")]).status == .seeOther)
            let planID = try #require(try await ServiceRecordsRepository(app.db).plans(in: madreCase).first?.id)
            let planPage = try await jordan.get(SiteURL.plan(madreCase, planID).path).body.string
            #expect(Self.lang(planPage) == "es" && planPage.contains("Metas, objetivos y avances") && planPage.contains("El acuerdo de la familia"))
            #expect(!planPage.contains("Goals, objectives and progress") && !planPage.contains("<main id=\"main\" class=\"wrap\" lang=") && Self.rawKeys(planPage).isEmpty)
            let visitPlanID = try #require(try await FamilyTimeRepository(app.db).plans(in: madreCase).first?.id)
            let visitPlanPage = try await jordan.get(SiteURL.visitPlan(madreCase, visitPlanID).path).body.string
            #expect(Self.lang(visitPlanPage) == "es" && visitPlanPage.contains("Programar visitas") && visitPlanPage.contains("Cambios de nivel"))
            #expect(!visitPlanPage.contains("Schedule visits") && !visitPlanPage.contains("<main id=\"main\" class=\"wrap\" lang=") && Self.rawKeys(visitPlanPage).isEmpty)
            let overdue = try await worker.get(SiteURL.overdue.path).body.string
            #expect(Self.lang(overdue) == "es" && overdue.contains("Plazos vencidos de mis casos") && overdue.contains("Reingresos"))
            #expect(!overdue.contains("Overdue on my cases") && !overdue.contains("<main id=\"main\" class=\"wrap\" lang="))
            let week = try await worker.get(SiteURL.calendar.path).body.string
            #expect(Self.lang(week) == "es" && week.contains("Visitas de la semana del lunes,") && week.contains("Su enlace de calendario"))
            #expect(!week.contains("Previous week") && !week.contains("<main id=\"main\" class=\"wrap\" lang="))
            let services = try await worker.get(SiteURL.services.path).body.string
            #expect(Self.lang(services) == "es" && services.contains("Servicios para familias") && !services.contains("<main id=\"main\" class=\"wrap\" lang="))
            let vignettes = try await worker.get(SiteURL.vignettes.path).body.string
            #expect(Self.lang(vignettes) == "es" && vignettes.contains("Viñetas de práctica") && !vignettes.contains("<main id=\"main\" class=\"wrap\" lang="))
            #expect(!(try await browser.get("/family").body.string.contains("<main id=\"main\" class=\"wrap\" lang=")))
        }
    }

    @Test("before signing in, the page follows the browser's language or the switch")
    func beforeSignIn() async throws {
        try await TestApp.run { app, _ in
            let spanish = try await app.testing().sendRequest(.GET, "/sign-in", headers: ["Accept-Language": "es-US,es;q=0.9,en;q=0.5"])
            #expect(Self.lang(spanish.body.string) == "es")
            #expect(spanish.body.string.contains("Iniciar sesión en Reunify") && spanish.body.string.contains("Contraseña"))
            let english = try await app.testing().sendRequest(.GET, "/sign-in", headers: ["Accept-Language": "fr, en;q=0.5"])
            #expect(Self.lang(english.body.string) == "en")
            var browser = Browser(app)
            try await browser.get("/sign-in")
            let chosen = try await browser.post("/language", [("language", "es"), ("return", "/sign-in")], withCSRF: false)
            #expect(chosen.status == .seeOther)
            let page = try await browser.get("/sign-in").body.string
            #expect(Self.lang(page) == "es")
            let refused = try await browser.post("/sign-in", [("email", Self.madre), ("password", "wrong")])
            #expect(refused.body.string.contains("El correo electrónico o la contraseña no son correctos"))
            // The choice made before signing in holds after it, even for an English-speaking parent.
            try await browser.signIn("parent@demo.reunify.test")
            #expect(Self.lang(try await browser.get("/family").body.string) == "es")
        }
    }
}

/// Clinical notes as stored, to check none reaches a family's page.
enum SessionRecordsProbe {
    static func clinicalNotes(_ db: any Database) async throws -> [String] {
        try await SessionModel.query(on: db).all().compactMap(\.clinicalNote)
    }
}
