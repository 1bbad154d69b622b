import Fluent
import Plot
import Vapor
import ReunifyDomain
import ReunifyStore

/// Who viewed and changed a case, newest first. Supervisors and administrators only.
struct AuditTrailController: RouteCollection {
    /// Entries on one page of the trail.
    static let perPage = 100

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.auditTrail(.any).route, use: show)
    }

    func show(req: Request) async throws -> Response {
        let caseID = try req.caseIDParameter()
        try await req.authorize(.read, .auditTrail, caseID: caseID)
        guard let model = try await CaseRepository(req.db).find(caseID) else { throw Request.noSuchCase }
        // A page is asked for by where the one before it ended (`after`: its last entry's time and id), and numbered.
        let page = max(1, (try? req.query.get(Int.self, at: "page")) ?? 1)
        let cursor = Self.cursor(try? req.query.get(String.self, at: "after"))
        let (events, total) = try await AuditRepository(req.db).trail(caseID: caseID, after: cursor, per: Self.perPage)
        let pages = max(page, (total + Self.perPage - 1) / Self.perPage)
        let next = events.count == Self.perPage ? events.last.flatMap(AuditRepository.TrailCursor.init) : nil
        try await req.audit(.view, .auditTrail, recordID: caseID, caseID: caseID, .audViewedTrail)
        let format = DateFormatter()
        format.dateFormat = "yyyy-MM-dd HH:mm:ss"
        format.timeZone = TimeZone(identifier: "UTC")
        let language = req.language
        return Layout(title: req.t(.auditTitle), signedIn: req.signedIn,
                      breadcrumbs: [(req.t(.caseloadTitle), SiteURL.caseload.path),
                                    (req.t(.caseTitle, ["family": model.familyName]), SiteURL.caseFile(caseID).path)]).render(
            .h1(.text(req.t(.auditHeading, ["family": model.familyName, "number": model.caseNumber]))),
            .p(.class("hint"), .text(req.t(.auditHint))),
            .table(.class("table"),
                .thead(.tr(.th(.text(req.t(.auditWhen))), .th(.text(req.t(.auditWho))), .th(.text(req.t(.auditAction))), .th(.text(req.t(.auditRecord))),
                           .th(.text(req.t(.auditWhat))))),
                .tbody(.forEach(events) { e in
                    // An entry is kept as it was written: the action and record codes, and its summary in the languages
                    // it was written in (English only for entries written before the others were kept, marked so).
                    let summary = e.worded.text(language)
                    return .tr(.td(.text(format.string(from: e.occurredAt))), .td(.text(e.userEmail)), .td(.code(.text(e.action))),
                               .td(.code(.text(e.recordKind))), .td(.attribute(named: "lang", value: summary.language == language ? nil : summary.language.tag), .text(summary.text)))
                })),
            .if(pages > 1, .nav(.class("pagination"), .attribute(named: "aria-label", value: req.t(.pagesLabel)),
                .if(page > 1, .a(.href(SiteURL.auditTrail(caseID).path), .text(req.t(.auditNewest)))),
                .span(.text(req.t(.pagesOf, ["page": LocalFormat.number(page, language), "pages": LocalFormat.number(pages, language)]))),
                .unwrap(next) { .a(.href(Self.link(caseID, after: $0, page: page + 1)), .text(req.t(.auditOlder))) })))
    }

    /// The address of the page after `cursor`: its time as seconds since 1970 (written so it reads back exactly) and id.
    static func link(_ caseID: CaseID, after cursor: AuditRepository.TrailCursor, page: Int) -> String {
        SiteURL.auditTrail(caseID).path + "?page=\(page)&after=\(cursor.occurredAt.timeIntervalSince1970)_\(cursor.id.uuidString.lowercased())"
    }

    static func cursor(_ text: String?) -> AuditRepository.TrailCursor? {
        guard let parts = text?.split(separator: "_"), parts.count == 2, let seconds = Double(parts[0]), seconds.isFinite,
              let id = UUID(uuidString: String(parts[1])) else { return nil }
        return AuditRepository.TrailCursor(occurredAt: Date(timeIntervalSince1970: seconds), id: id)
    }
}
