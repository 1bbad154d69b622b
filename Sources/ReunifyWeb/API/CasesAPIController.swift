import Fluent
import Vapor
import ReunifyDomain
import ReunifyStore

/// `/api/v1/cases`: list, open, read and change cases.
struct CasesAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("cases", use: list)
        routes.post("cases", use: create)
        routes.get("cases", ":caseID", use: read)
        routes.put("cases", ":caseID", use: update)
    }

    func list(req: Request) async throws -> CasePage {
        let page = max(1, req.queryInt("page") ?? 1)
        let per = min(100, max(1, req.queryInt("per") ?? 25))
        let stage = try CaseStage.api(req.queryValue("stage"), field: "stage")
        let (cases, total) = try await CaseRepository(req.db).list(try req.caseScope(), stage: stage, page: page, per: per)
        try await req.audit(.view, "caseload", recordID: nil, caseID: nil, .audAPICases, ["count": "\(cases.count)", "total": "\(total)"])
        return CasePage(items: cases.map(CaseDTO.init), page: page, per: per, total: total)
    }

    func create(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let details = try req.content.decode(CaseInput.self).details(today: req.today, defaultUnit: signedIn.user.unit)
        let model = try await CaseCommands(req.change()).open(details)
        let response = Response(status: .created)
        try response.content.encode(CaseDTO(model))
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/cases/\(model.id!.lower)")
        return response
    }

    func read(req: Request) async throws -> CaseDTO {
        let caseID = try req.caseIDParameter()
        try await req.authorize(.read, .caseFile, caseID: caseID)
        guard let model = try await CaseRepository(req.db).find(caseID) else { throw Request.noSuchCase }
        try await req.audit(.view, .caseFile, recordID: caseID, caseID: caseID, .audAPICase)
        return CaseDTO(model)
    }

    func update(req: Request) async throws -> CaseDTO {
        let caseID = try req.caseIDParameter()
        try await req.authorize(.update, .caseFile, caseID: caseID)
        let input = try req.content.decode(CaseInput.self)
        let version = try requireVersion(input.version)
        let model = try await CaseCommands(req.change()).change(caseID, to: try input.details(today: req.today, defaultUnit: nil),
                                                                expectedVersion: version)
        return CaseDTO(model)
    }
}
