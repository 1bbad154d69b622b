import Fluent
import Plot
import Vapor
import ReunifyDomain
import ReunifyStore

/// `/calendar`: a staff member's week of visits (those they supervise and those of the cases they hold) with their
/// private calendar link; for a parent, their family's coming visits; and making the family's link from the case page.
struct CalendarPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.calendar.route, use: calendar)
        routes.post(SiteURL.calendarLink.route, use: link)
        routes.post(SiteURL.revokeCalendarLink.route, use: revoke)
        routes.post(SiteURL.familyCalendarLink(.any).route, use: familyLink)
    }

    struct Row {
        let caseID: CaseID
        let visit: Recorded<VisitSubject, VisitDetails>
        let family: String
        let child: String
    }

    func rows(_ req: Request, _ visits: [(CaseID, Recorded<VisitSubject, VisitDetails>)]) async throws -> [Row] {
        // Each family and child read once, however many of their visits the week holds.
        var families: [CaseID: String] = [:]
        var children: [PersonID: String] = [:]
        var rows: [Row] = []
        for (caseID, v) in visits {
            if families[caseID] == nil { families[caseID] = try await CaseRepository(req.db).find(caseID)?.familyName ?? "" }
            let childID = v.details.childID
            if children[childID] == nil { children[childID] = try await PersonRepository(req.db).find(childID)?.details.givenName ?? "child" }
            rows.append(Row(caseID: caseID, visit: v, family: families[caseID]!, child: children[childID]!))
        }
        return rows
    }

    func calendar(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let actor = signedIn.actor
        guard actor.role != .provider else { throw Refusal(.forbidden, .refProviderVisits) }
        let zone = req.reunify.timeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        calendar.firstWeekday = 2
        let repo = FamilyTimeRepository(req.db)
        let cases = try await CaseRepository(req.db).visibleCaseIDs(req.policy.scope(for: actor))
        let language = req.language
        func t(_ id: Msg, _ values: [String: String] = [:]) -> String { req.t(id, values) }
        func dayName(_ d: Date) -> String { LocalFormat.date(VisitTimes.day(d, offsetMinutes: zone.secondsFromGMT(for: d) / 60), language, weekday: true) }
        func span(_ v: VisitDetails) -> String {
            VisitTimes.span(v.start, v.end, offsetMinutes: zone.secondsFromGMT(for: v.start) / 60)
        }

        // A family's coming visits are on their own page, in their language.
        if actor.role == .parent { return req.redirect(to: SiteURL.familyVisits.path) }
        let anchor = (try? req.query.get(String.self, at: "week")).flatMap(CalendarDate.init(iso:)) ?? req.today
        let noon = calendar.date(from: DateComponents(year: anchor.year, month: anchor.month, day: anchor.day, hour: 12))!
        let monday = calendar.dateInterval(of: .weekOfYear, for: noon)!.start
        let sunday = calendar.date(byAdding: .day, value: 7, to: monday)!
        let visits = try await repo.visits(of: actor.id, cases: cases, from: monday, to: sunday)
        for caseID in Set(visits.map(\.0)) {
            try await req.audit(.view, .visit, recordID: nil, caseID: caseID, .audViewedWeek)
        }
        let list = try await rows(req, visits)
        let days = (0..<7).map { calendar.date(byAdding: .day, value: $0, to: monday)! }
        let feed = try await repo.feed(owner: actor.id, caseID: nil)
        func iso(_ d: Date) -> String { VisitTimes.day(d, offsetMinutes: zone.secondsFromGMT(for: d) / 60).iso }
        return Layout(title: t(.calendarTitle), signedIn: signedIn).render(
            .h1(.text(t(.calendarHeading, ["day": dayName(monday)]))),
            .nav(.class("pager"), .attribute(named: "aria-label", value: t(.calendarWeeks)),
                .a(.href(SiteURL.calendar.path + "?week=\(iso(calendar.date(byAdding: .day, value: -7, to: monday)!))"), .text(t(.calendarPrevious))),
                .text(" · "),
                .a(.href(SiteURL.calendar.path), .text(t(.calendarThisWeek))),
                .text(" · "),
                .a(.href(SiteURL.calendar.path + "?week=\(iso(sunday))"), .text(t(.calendarNext)))),
            .div(.id("week"), .forEach(days) { day in
                let today = list.filter { calendar.isDate($0.visit.details.start, inSameDayAs: day) }
                return .section(.class("day"), .attribute(named: "aria-label", value: dayName(day)),
                    .h2(.text(dayName(day))),
                    today.isEmpty ? .p(.class("hint"), .text(t(.calendarNoVisits))) :
                    .ul(.class("plain"), .forEach(today) { r in
                        .li(.text("\(span(r.visit.details)) "),
                            .a(.href(SiteURL.visitPlan(r.caseID, r.visit.details.planID).path), .text(t(.calendarVisitLink, ["family": r.family, "child": r.child]))),
                            .text(t(.calendarVisitRest, ["level": r.visit.details.level.staffLabel(language).lowercased(), "place": r.visit.details.location])))
                    }))
            }),
            .section(.id("feed"), .attribute(named: "aria-labelledby", value: "feed-heading"),
                .h2(.id("feed-heading"), .text(t(.calendarFeedHeading))),
                .p(.class("hint"), .text(t(.calendarFeedHint))),
                .unwrap(feed) { .p(.code(.id("feed-url"), .text(CalendarFeedController.url(req, $0.token)))) },
                .form(.class("inline"), .method(.post), .action(SiteURL.calendarLink.path),
                    csrfField(signedIn),
                    .if(feed != nil, .input(.type(.hidden), .name("renew"), .value("on"))),
                    .button(.type(.submit), .class("button secondary"), .text(feed == nil ? t(.calendarFeedMake) : t(.familyTimeLinkNew)))),
                .if(feed != nil, .form(.class("inline"), .method(.post), .action(SiteURL.revokeCalendarLink.path),
                    csrfField(signedIn),
                    .button(.type(.submit), .class("button secondary"), .text(t(.calendarFeedStop)))))))
    }

    func link(req: Request) async throws -> Response {
        _ = try await StaffFeedCommands(req.db, req.acting()).feed(renew: FormData(req).bool("renew"))
        return req.redirect(to: SiteURL.calendar.path + "#feed")
    }

    func revoke(req: Request) async throws -> Response {
        try await StaffFeedCommands(req.db, req.acting()).revoke()
        return req.redirect(to: SiteURL.calendar.path + "#feed")
    }

    // MARK: the family's calendar link

    func familyLink(req: Request) async throws -> Response {
        let caseID = try req.caseIDParameter()
        let renew = FormData(req).bool("renew")
        _ = try await FamilyTimeCommands(req.change()).familyFeed(of: caseID, renew: renew)
        return req.redirect(to: SiteURL.caseFile(caseID).path + "#family-time")
    }
}
