import Fluent
import NIOCore
import Vapor
import ReunifyDomain
import ReunifyStore

/// How the agency's children fare (`/outcomes`) and the episode and placement exports they are computed from.
/// A supervisor gets their unit's, an administrator the agency's or a unit's; every read and export is audited.
struct OutcomesAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("outcomes", use: outcomes)
        routes.get("exports", "episodes.csv", use: exportEpisodes)
        routes.get("exports", "placements.csv", use: exportPlacements)
    }

    struct RateDTO: Content {
        let numerator: Int
        let denominator: Int
        /// Null when nothing is counted.
        @ShownAsNull var rate: Double?
    }
    struct StabilityDTO: Content {
        let moves: Int
        let days: Int
        @ShownAsNull var ratePer1000Days: Double?
    }
    struct PointDTO: Content {
        let day: Int
        let stillInCare: Double
        let atRisk: Int
    }
    struct ReunificationDTO: Content {
        /// Null when the curve never falls to one half.
        @ShownAsNull var medianDays: Int?
        let reunifiedBy12Months: Double
        let curve: [PointDTO]
    }
    struct OutcomesDTO: Content {
        let start: String
        let end: String
        let unit: String?
        let asOf: String
        let p1: RateDTO
        let p4: RateDTO
        let p5: StabilityDTO
        let timeToReunification: ReunificationDTO

        init(_ f: OutcomeFigures, _ m: OutcomeMeasures, scope: OutcomesScope, asOf: CalendarDate) {
            start = m.start.iso
            end = m.end.iso
            unit = scope.unit
            self.asOf = asOf.iso
            p1 = RateDTO(numerator: f.p1.numerator, denominator: f.p1.denominator, rate: f.p1.rate)
            p4 = RateDTO(numerator: f.p4.numerator, denominator: f.p4.denominator, rate: f.p4.rate)
            p5 = StabilityDTO(moves: f.p5.moves, days: f.p5.days, ratePer1000Days: f.p5.ratePer1000Days)
            timeToReunification = ReunificationDTO(medianDays: f.timeToReunification.medianDays,
                                                   reunifiedBy12Months: f.timeToReunification.reunifiedBy12Months,
                                                   curve: f.timeToReunification.curve.map { PointDTO(day: $0.day, stillInCare: $0.stillInCare, atRisk: $0.atRisk) })
        }
    }

    func outcomes(req: Request) async throws -> OutcomesDTO {
        let scope = try req.outcomesScope()
        let measures = try req.outcomePeriod(required: true)
        let figures = try await req.outcomeFigures(measures, scope: scope)
        return OutcomesDTO(figures, measures, scope: scope, asOf: req.today)
    }

    func exportEpisodes(req: Request) async throws -> Response {
        let scope = try req.outcomesScope()
        try await req.audit(.view, "export", recordID: nil, caseID: nil, .audExportedEpisodes, each: { ["scope": scope.unit ?? Catalogue.text(.audTheAgency, $0)] })
        let db = req.db
        return CSVStream.response(filename: "episodes.csv",
                                  header: ["child_id", "birth_date", "episode_id", "removal_date", "discharge_date", "discharge_reason"]) { write in
            var after: UUID?
            while true {
                let page = try await OutcomesRepository(db).episodes(scope, after: after, limit: CSVStream.pageSize)
                for e in page {
                    try await write([e.childID.uuidString.lowercased(), e.birthDate ?? "", e.id.uuidString.lowercased(), e.removalDate,
                                     e.dischargeDate ?? "", e.dischargeReason ?? ""])
                }
                guard page.count == CSVStream.pageSize, let last = page.last else { break }
                after = last.id
            }
        }
    }

    func exportPlacements(req: Request) async throws -> Response {
        let scope = try req.outcomesScope()
        try await req.audit(.view, "export", recordID: nil, caseID: nil, .audExportedPlacements, each: { ["scope": scope.unit ?? Catalogue.text(.audTheAgency, $0)] })
        let db = req.db
        return CSVStream.response(filename: "placements.csv",
                                  header: ["child_id", "episode_id", "placement_id", "start_date", "end_date", "setting"]) { write in
            var after: UUID?
            let repo = OutcomesRepository(db)
            while true {
                let page = try await repo.episodes(scope, after: after, limit: CSVStream.pageSize)
                for p in try await repo.placements(of: page) {
                    try await write([p.childID.uuidString.lowercased(), p.episodeID.uuidString.lowercased(), p.id.uuidString.lowercased(),
                                     p.startDate, p.endDate ?? "", p.setting])
                }
                guard page.count == CSVStream.pageSize, let last = page.last else { break }
                after = last.id
            }
        }
    }
}

/// A CSV file (RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line break) written as it is
/// read, a page at a time.
enum CSVStream {
    static let pageSize = 2_000

    static func field(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    static func line(_ fields: [String]) -> String { fields.map(field).joined(separator: ",") + "\r\n" }

    static func response(filename: String, header: [String],
                         rows: @escaping @Sendable (_ write: ([String]) async throws -> Void) async throws -> Void) -> Response {
        let body = Response.Body(asyncStream: { writer in
            var buffer = line(header)
            do {
                try await rows { fields in
                    buffer += line(fields)
                    if buffer.utf8.count > 64 * 1024 {
                        try await writer.write(.buffer(ByteBuffer(string: buffer)))
                        buffer = ""
                    }
                }
                try await writer.write(.buffer(ByteBuffer(string: buffer)))
                try await writer.write(.end)
            } catch {
                try await writer.write(.error(error))
            }
        })
        let response = Response(status: .ok, body: body)
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8", "header": "present"])
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(filename)\"")
        return response
    }
}

extension Request {
    /// The scope of the outcome figures the signed-in person may have, for the `unit` asked (if any).
    func outcomesScope() throws -> OutcomesScope {
        guard let actor = signedIn?.actor else { throw Abort(.unauthorized) }
        let unit = (try? query.get(String.self, at: "unit"))?.trimmingCharacters(in: .whitespaces).nilIfEmpty
        guard let scope = AccessPolicy().outcomesScope(actor, requested: unit) else {
            throw Abort(.forbidden, reason: actor.role == .supervisor ? "A supervisor sees the figures of their own unit"
                                                                      : "Outcome figures are open to supervisors (their unit) and administrators")
        }
        return scope
    }

    /// The period asked for (`start`, `end`, both days included); on a page without one, the domain's default.
    func outcomePeriod(required: Bool) throws -> OutcomeMeasures {
        let start = try? query.get(String.self, at: "start"), end = try? query.get(String.self, at: "end")
        if start == nil && end == nil && !required { return OutcomeMeasures.defaultPeriod(today: today) }
        var errors: [FieldError] = []
        let s = start.flatMap(CalendarDate.init(iso:)), e = end.flatMap(CalendarDate.init(iso:))
        if s == nil { errors.append(FieldError("start", "Give the period's first day as YYYY-MM-DD")) }
        if e == nil { errors.append(FieldError("end", "Give the period's last day as YYYY-MM-DD")) }
        if let s, let e, e < s { errors.append(FieldError("end", "The period ends on or after its first day")) }
        try ValidationFailure.check(errors)
        return OutcomeMeasures(start: s!, end: e!)
    }

    /// The figures for a period, read from the episodes in scope; the read is audited.
    func outcomeFigures(_ m: OutcomeMeasures, scope: OutcomesScope) async throws -> OutcomeFigures {
        let episodes = try await OutcomesRepository(db).outcomeEpisodes(scope, removedFrom: m.start, to: m.end)
        try await audit(.view, "outcomes", recordID: nil, caseID: nil, .audReadOutcomes, ["start": m.start.iso, "end": m.end.iso], each: { ["scope": scope.unit ?? Catalogue.text(.audTheAgency, $0)] })
        return m.figures(episodes, unit: scope.unit, asOf: today)
    }
}
