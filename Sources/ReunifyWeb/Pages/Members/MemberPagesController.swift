import Fluent
import Plot
import Vapor
import ReunifyDomain
import ReunifyStore

/// Adding people to a case, changing a person's details, and recording relationships.
struct MemberPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.newMember(.any).route, use: newMemberForm)
        routes.post(SiteURL.newMember(.any).route, use: createMember)
        routes.get(SiteURL.existingMember(.any).route, use: existingForm)
        routes.post(SiteURL.existingMember(.any).route, use: addExisting)
        routes.get(SiteURL.editPerson(.any, .any).route, use: editPersonForm)
        routes.post(SiteURL.editPerson(.any, .any).route, use: updatePerson)
        routes.get(SiteURL.newRelationship(.any).route, use: newRelationshipForm)
        routes.post(SiteURL.newRelationship(.any).route, use: createRelationship)
        routes.post(SiteURL.removeRelationship(.any, .any).route, use: removeRelationship)
    }

    func crumbs(_ req: Request, _ caseID: CaseID) async throws -> [(String, String)] {
        let name = try await CaseRepository(req.db).find(caseID)?.familyName ?? "Case"
        return [(req.t(.navCaseload), SiteURL.caseload.path), (name, SiteURL.caseFile(caseID).path)]
    }

    // MARK: members

    func memberPage(_ req: Request, _ caseID: CaseID, _ form: FormData, _ errors: [FieldError], status: HTTPResponseStatus = .ok) async throws -> Response {
        let view = FormView(form, errors: errors, language: req.language)
        return RecordFormPage(title: req.t(.memberAddTitle), action: SiteURL.newMember(caseID).path, cancel: SiteURL.caseFile(caseID).path,
                              submitLabel: req.t(.memberAddSubmit), view: view,
                              fields: [view.select("role", req.t(.memberPart), MemberRole.self)] + PersonForm.fields(view),
                              breadcrumbs: try await crumbs(req, caseID)).render(req, status: status)
    }

    func newMemberForm(req: Request) async throws -> Response {
        let caseID = try req.caseIDParameter()
        try await req.authorize(.create, .member, caseID: caseID)
        var form = FormData()
        form.set("languages", "English")
        form.set("sex", Sex.unknown.rawValue)
        return try await memberPage(req, caseID, form, [])
    }

    func createMember(req: Request) async throws -> Response {
        let caseID = try req.caseIDParameter()
        try await req.authorize(.create, .member, caseID: caseID)
        let form = FormData(req)
        var reader = FormReader(form)
        let role = reader.code(MemberRole.self, "role", required: .memberChoosePart)
        let (details, errors) = PersonForm.read(form, today: req.today)
        guard let role, let details, reader.errors.isEmpty else {
            return try await memberPage(req, caseID, form, reader.errors + errors, status: .unprocessableEntity)
        }
        let (person, _) = try await PersonCommands(req.change()).addNew(details, role: role, to: caseID)
        try await TracingService(req: req).rescore(personID: person.typedID)
        return req.redirect(to: SiteURL.caseFile(caseID).path)
    }

    // MARK: a person already known to Reunify

    /// Finds people in the cases open to the worker who are not yet in this case, to add one with a part.
    func existingForm(req: Request) async throws -> Response {
        let caseID = try req.caseIDParameter()
        try await req.authorize(.create, .member, caseID: caseID)
        let query = req.queryValue("q")?.trimmingCharacters(in: .whitespaces) ?? ""
        var results: [PersonRepository.Found] = []
        if !query.isEmpty {
            let here = Set(try await PersonRepository(req.db).members(of: caseID).map { PersonID($0.personID) })
            results = try await PersonRepository(req.db).search(query, scope: try req.caseScope()).filter { !here.contains($0.person.id) }
            try await req.audit(.search, .person, recordID: nil, caseID: caseID, .audSearchedToAdd, ["query": query, "count": "\(results.count)"])
        }
        let today = req.today
        return Layout(title: req.t(.memberKnownTitle), signedIn: req.signedIn, breadcrumbs: try await crumbs(req, caseID)).render(
            .h1(.text(req.t(.memberKnownHeading))),
            .p(.class("hint"), .text(req.t(.memberKnownHint))),
            .form(.method(.get), .action(SiteURL.existingMember(caseID).path), .class("search"),
                .label(.attribute(named: "for", value: "q"), .text(req.t(.memberKnownName))),
                .input(.type(.search), .id("q"), .name("q"), .value(query), .class("input")),
                .button(.type(.submit), .class("button secondary"), .text(req.t(.memberKnownSearch)))),
            .if(!query.isEmpty && results.isEmpty, .p(.text(req.t(.memberKnownNone, ["query": query])))),
            .ul(.class("plain"), .forEach(results.map(\.person)) { person in
                let d = person.details
                return .li(.class("existing"),
                    .form(.method(.post), .action(SiteURL.existingMember(caseID).path),
                        csrfField(req.signedIn),
                        .input(.type(.hidden), .name("personId"), .value(person.id.description)),
                        .strong(.text(d.fullName)),
                        .text(d.birthDate.map { " · " + req.t(.memberKnownBorn, ["date": LocalFormat.date($0, req.language), "age": LocalFormat.number($0.age(on: today), req.language)]) } ?? ""),
                        .label(.attribute(named: "for", value: "role-\(person.id)"), .class("visually-hidden"), .text(req.t(.memberKnownPartHere))),
                        selectElement(id: "role", options: MemberRole.allCases.map { ($0.rawValue, $0.staffLabel(req.language)) }, selected: "", blank: req.t(.memberKnownPartBlank)),
                        .button(.type(.submit), .class("button secondary"), .text(req.t(.memberKnownAdd)))))
            }),
            .p(.a(.href(SiteURL.newMember(caseID).path), .text(req.t(.memberKnownNew)))))
    }

    func addExisting(req: Request) async throws -> Response {
        let caseID = try req.caseIDParameter()
        try await req.authorize(.create, .member, caseID: caseID)
        let form = FormData(req)
        var reader = FormReader(form)
        let personID: PersonID? = reader.id("personId", .memberChoosePerson)
        let role = reader.code(MemberRole.self, "role", required: .memberChoosePartHere)
        guard let personID, let role else { throw ValidationFailure(reader.errors) }
        let visible = try await CaseRepository(req.db).visibleCaseIDs(try req.caseScope())
        do {
            _ = try await PersonCommands(req.change()).addKnown(personID, role: role, to: caseID, visible: visible)
        } catch let unknown as ValidationFailure where unknown.errors.first?.field == "personId" {
            // On a page, a person who cannot be reached by this id is simply not there.
            throw Abort(.notFound, reason: unknown.errors[0].message)
        }
        try await TracingService(req: req).rescore(personID: personID)
        return req.redirect(to: SiteURL.caseFile(caseID).path)
    }

    // MARK: persons

    /// A person is reached through a case they are a member of; any other id is not found.
    func person(_ req: Request, _ caseID: CaseID) async throws -> Recorded<PersonSubject, PersonDetails> {
        let personID: PersonID = try req.idParameter("personID", "person")
        let repo = PersonRepository(req.db)
        guard try await repo.caseIDs(of: personID).contains(caseID), let person = try await repo.find(personID) else {
            throw Refusal(.notFound, .memberNoSuchPerson)
        }
        return person.recorded
    }

    func personPage(_ req: Request, _ caseID: CaseID, _ person: Recorded<PersonSubject, PersonDetails>, _ form: FormData, _ errors: [FieldError],
                    conflict: [(String, String, String)]? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let view = FormView(form, errors: errors, language: req.language)
        return RecordFormPage(title: req.t(.personChangeTitle, ["name": person.details.fullName]), action: SiteURL.editPerson(caseID, person.id).path,
                              cancel: SiteURL.caseFile(caseID).path, view: view, fields: PersonForm.fields(view), conflict: conflict,
                              breadcrumbs: try await crumbs(req, caseID)).render(req, status: status)
    }

    func editPersonForm(req: Request) async throws -> Response {
        let caseID = try req.caseIDParameter()
        try await req.authorize(.update, .person, caseID: caseID)
        let person = try await person(req, caseID)
        try await req.audit(.view, .person, recordID: person.id, caseID: caseID, .audOpenedToEdit, ["name": person.details.fullName])
        return try await personPage(req, caseID, person, PersonForm.values(person.details, version: person.version), [])
    }

    func updatePerson(req: Request) async throws -> Response {
        let caseID = try req.caseIDParameter()
        try await req.authorize(.update, .person, caseID: caseID)
        let person = try await person(req, caseID)
        var form = FormData(req)
        let (details, errors) = PersonForm.read(form, today: req.today)
        guard let details else { return try await personPage(req, caseID, person, form, errors, status: .unprocessableEntity) }
        let saved = person.details
        do {
            _ = try await PersonCommands(req.change()).change(person.id, via: caseID, to: details,
                                                              expectedVersion: FormReader(form).version)
            try await TracingService(req: req).rescore(personID: person.id)
            return req.redirect(to: SiteURL.caseFile(caseID).path)
        } catch StoreError.versionConflict(let current) {
            form.set("version", String(current))
            return try await personPage(req, caseID, person, form, [FieldError("version", .personConflict)],
                                        conflict: conflictRows(mine: PersonForm.summary(details, req.language), saved: PersonForm.summary(saved, req.language)), status: .conflict)
        }
    }

    // MARK: relationships

    func relationshipPage(_ req: Request, _ caseID: CaseID, _ form: FormData, _ errors: [FieldError], status: HTTPResponseStatus = .ok) async throws -> Response {
        guard let overview = try await CaseRepository(req.db).overview(caseID) else { throw Request.noSuchCase }
        let people = overview.members.map { ($0.person.id.description, $0.person.details.fullName) }
        let view = FormView(form, errors: errors, language: req.language)
        return RecordFormPage(title: req.t(.relationAddTitle), action: SiteURL.newRelationship(caseID).path, cancel: SiteURL.caseFile(caseID).path,
                              submitLabel: req.t(.relationAddSubmit), view: view, fields: [
                                view.select("personId", req.t(.relationPerson), options: people),
                                view.select("kind", req.t(.relationIsThe), RelationshipKind.self),
                                view.select("relatedPersonId", req.t(.relationOf), options: people),
                              ], breadcrumbs: try await crumbs(req, caseID)).render(req, status: status)
    }

    func newRelationshipForm(req: Request) async throws -> Response {
        let caseID = try req.caseIDParameter()
        try await req.authorize(.create, .relationship, caseID: caseID)
        return try await relationshipPage(req, caseID, FormData(), [])
    }

    func createRelationship(req: Request) async throws -> Response {
        let caseID = try req.caseIDParameter()
        try await req.authorize(.create, .relationship, caseID: caseID)
        let form = FormData(req)
        var r = FormReader(form)
        let a: PersonID? = r.id("personId", .relationChooseFirst)
        let kind = r.code(RelationshipKind.self, "kind", required: .relationChooseKind)
        let b: PersonID? = r.id("relatedPersonId", .relationChooseSecond)
        guard let a, let b, let kind else { return try await relationshipPage(req, caseID, form, r.errors, status: .unprocessableEntity) }
        let details = RelationshipDetails(personID: a, kind: kind, relatedPersonID: b)
        do {
            _ = try await CaseCommands(req.change()).relate(details, in: caseID)
        } catch {
            guard let refusal = FormRefusal(error) else { throw error }
            return try await relationshipPage(req, caseID, form, refusal.errors, status: refusal.status)
        }
        try await TracingService(req: req).rescore(personID: b)
        return req.redirect(to: SiteURL.caseFile(caseID).path)
    }

    /// Removes a relationship recorded by mistake; the audit log keeps what it said.
    func removeRelationship(req: Request) async throws -> Response {
        let caseID = try req.caseIDParameter()
        try await req.authorize(.delete, .relationship, caseID: caseID)
        let id: RelationshipID = try req.idParameter("relationshipID", "relationship")
        let model = try await CaseCommands(req.change()).unrelate(id, in: caseID)
        try await TracingService(req: req).rescore(personID: PersonID(model.relatedPersonID))
        return req.redirect(to: SiteURL.caseFile(caseID).path)
    }
}
