import Fluent
import Plot
import Vapor
import ReunifyDomain
import ReunifyStore

/// The court report for a hearing, built from the records (nothing is typed twice) as one printable document: the
/// family, each child's time in care and placements, the goals, the plan and its services, family time, the latest
/// reunification review with its reasons, the team's recommendation with every position, and the due dates.
/// Substance use treatment referrals (42 CFR Part 2) are left out: the report goes to court.
enum CourtReportPage {
    static func show(req: Request) async throws -> Response {
        let (o, facts) = try await req.caseOverview(.read, .hearing)
        // The court report is the agency's document; a family finds its hearings on its home page.
        if let family = req.familyPage(.familyHome) { return family }
        let id: HearingID = try req.idParameter("hearingID", "hearing")
        guard let hearing = o.permanency.hearing(id) else { throw Abort(.notFound, reason: "There is no such hearing in this case") }
        try await req.audit(.view, .hearing, recordID: id.uuid, caseID: o.caseID, "viewed the court report for the hearing of \(hearing.details.date.iso)")
        // The parts the reader's role may not read are left out (asked of the policy, not refused and audited as denials).
        let actor = try req.requireSignedIn().actor
        let mayRead = { (kind: RecordKind) -> Bool in req.policy.decide(actor, .read, kind, in: facts).isAllowed }
        let reviews = mayRead(.reunificationReview) ? try await ReviewRepository(req.db).list(caseID: o.caseID).map(\.details) : []
        let referrals = mayRead(.referral) ? try await ServiceRecordsRepository(req.db).referrals(in: o.caseID).filter { !$0.details.isRestricted } : []
        let visits = mayRead(.visit) ? try await FamilyTimeRepository(req.db).visits(in: o.caseID) : []
        let visitPlans = mayRead(.visitPlan) ? try await FamilyTimeRepository(req.db).plans(in: o.caseID) : []
        let today = req.today
        let clock = o.clock(req.reunify.timelines, today: today).filter { $0.status != .done }
        let h = hearing.details
        let children = o.children.filter { c in h.childIDs.contains(c.person.id) }
        let plan = o.plans.last { $0.details.approvedOn != nil } ?? o.plans.last
        let decision = o.permanency.decisions.last
        let from = today.adding(days: -VisitRules.defaultVisitationDays)
        let listings = try await ProviderRepository(req.db).all()
        var providerNames: [ProviderID: String] = [:]
        for l in listings { providerNames[l.provider.id] = l.provider.details.name }
        let planPart = planNode(plan, today: today)
        let servicesPart = servicesNode(referrals, o, providerNames)
        let hearingPart = hearingNode(h, today: today)
        let childParts: [Node<HTML.BodyContext>] = children.map {
            childPart(o, $0.person.id, reviews: reviews, visits: visits, visitPlans: visitPlans, from: from, today: today, req: req)
        }
        let decisionPart: Node<HTML.BodyContext> = decision.map { DecisionView.node($0.details, o) } ?? .p("No team decision is recorded yet.")
        let family: Node<HTML.BodyContext> = .table(.class("table"), .thead(.tr(.th("Name"), .th("Part in the case"), .th("Age"))),
            .tbody(.forEach(o.members) { m in
                .tr(.td(.text(m.person.details.fullName)), .td(.text(m.role.label)),
                    .td(.text(m.person.details.birthDate.map { String($0.age(on: today)) } ?? "")))
            }))
        let head: Node<HTML.BodyContext> = .dl(.class("summary-list"),
            row("Case", "\(o.caseFile.details.caseNumber), the \(o.caseFile.details.familyName) family"),
            row("Court", h.court ?? "Not recorded"),
            row("Children", children.map { o.name($0.person.id) }.joined(separator: ", ")),
            row("Prepared", "\(today.iso) by \(req.signedIn?.user.name ?? "the agency"), from the case's records"))
        return Layout(title: "Court report", signedIn: req.signedIn, breadcrumbs: o.breadcrumbs).render(
            .article(.class("court-report"),
                .h1(.text("Court report: \(h.kind.label.lowercased()) of \(h.date.iso)")),
                head,
                .p(.class("no-print"), .a(.href(SiteURL.caseFile(o.caseID).path + "#permanency"), "Back to the case"),
                   .text(" · Print this page from the browser: the report prints as one document.")),
                .h2("The family"),
                family,
                .group(childParts),
                .h2("The case plan"),
                planPart,
                .h3("Services"),
                servicesPart,
                .h2("The team's recommendation"),
                decisionPart,
                .h2("This hearing"),
                hearingPart,
                .h2("Due dates"),
                clock.isEmpty ? .p("Nothing is due.") : DeadlinesTable.node(clock, o))
        )
    }

    static func row(_ label: String, _ value: String) -> Node<HTML.DescriptionListContext> { .group(.dt(.text(label)), .dd(.text(value))) }

    static func planNode(_ plan: Recorded<PlanSubject, CasePlanDetails>?, today: CalendarDate) -> Node<HTML.BodyContext> {
        guard let p = plan?.details else { return .p("No case plan is recorded.") }
        let state = p.approvedOn.map { "approved \($0.iso)" } ?? "not yet approved"
        return .group(
            .p(.text("Plan \(p.number), \(state)\(p.startsOn.map { ", in force from \($0.iso)" } ?? "").")),
            .ul(.forEach(p.goals) { g in
                .li(.text(g.statement), .ul(.forEach(g.objectives) { ob in
                    .li(.text("\(ob.statement) — measured by \(ob.measure.lowercased()), by \(ob.targetDate.iso)\(ob.targetDate < today ? " (past its date)" : "")"))
                }))
            }))
    }

    static func servicesNode(_ referrals: [Recorded<ReferralSubject, ReferralDetails>], _ o: CaseOverview,
                             _ providers: [ProviderID: String]) -> Node<HTML.BodyContext> {
        if referrals.isEmpty { return .p("No referral is recorded.") }
        return .table(.class("table"), .thead(.tr(.th("Who"), .th("Service"), .th("Provider"), .th("Since"), .th("Status"))),
            .tbody(.forEach(referrals) { r in
                .tr(.td(.text(o.name(r.details.personID))), .td(.text(r.details.category.label)),
                    .td(.text(providers[r.details.providerID] ?? "")), .td(.text(r.details.referredOn.iso)),
                    .td(.text(r.details.status.label + (r.details.outcome.map { ": \($0)" } ?? ""))))
            }))
    }

    static func hearingNode(_ h: HearingDetails, today: CalendarDate) -> Node<HTML.BodyContext> {
        guard h.isHeld(today: today) else { return .p(.text("Scheduled for \(h.date.iso).")) }
        return .dl(.class("summary-list"),
            row("Attended", h.attended.isEmpty ? "Not recorded" : h.attended.joined(separator: "; ")),
            row("Reasonable efforts", h.reasonableEfforts?.label ?? "No finding recorded"),
            .if(h.activeEfforts != nil, row("Active efforts (ICWA)", h.activeEfforts?.label ?? "")),
            row("Findings", h.findings ?? "Not recorded"),
            row("Orders", h.orders ?? "Not recorded"),
            row("Next court date", h.nextDate?.iso ?? "Not set"))
    }

    static func childPart(_ o: CaseOverview, _ child: PersonID, reviews: [ReviewRecord], visits: [Recorded<VisitSubject, VisitDetails>],
                          visitPlans: [Recorded<VisitPlanSubject, VisitPlanDetails>], from: CalendarDate, today: CalendarDate, req: Request) -> Node<HTML.BodyContext> {
        let episodes = o.episodes.filter { $0.episode.details.childID == child }
        let current = episodes.last
        let days = current.map { e in e.episode.details.dateEnteredCare.days(until: e.episode.details.dischargeDate ?? today) }
        let goals = o.goals.first { $0.details.childID == child }?.details
        let review = reviews.filter { $0.childID == child }.max { $0.reviewedOn < $1.reviewedOn }
        let figures = VisitationFigures.of(visits.map { ($0.id, $0.details) }, childID: child, from: from, to: today, now: req.now).figures
        return .section(.class("report-child"),
            .h2(.text(o.name(child))),
            .unwrap(current) { e in
                .p(.text("Removed \(e.episode.details.removalDate.iso); entered care \(e.episode.details.dateEnteredCare.iso)\(e.episode.details.dischargeDate.map { "; discharged \($0.iso)" } ?? ""): \(max(0, days ?? 0)) days in care."))
            },
            .h3("Placements"),
            .ol(.forEach(episodes.flatMap(\.placements)) { p in
                .li(.text("\(p.details.setting.label), \(p.details.caregiverName): \(p.details.startDate.iso) to \(p.details.endDate?.iso ?? "now")"))
            }),
            .h3("Permanency goals"),
            .p(.text(goals.map { "\($0.primary.label) (since \($0.primarySince.iso))\($0.concurrent.map { "; concurrent: \($0.label)" } ?? "")" } ?? "None recorded")),
            .h3("Family time"),
            .ul(.forEach(visitPlans.filter { $0.details.childID == child }) { p in
                .li(.text("\(p.details.level.label) with \(p.details.participants.map(o.name).joined(separator: ", ")), \(p.details.frequency)"))
            }),
            .p(.text("In the last \(VisitRules.defaultVisitationDays) days: \(figures.attended) of \(figures.scheduled) visits took place\(figures.quality.map { "; most were rated \($0.label.lowercased())" } ?? "").")),
            .h3("Latest reunification review"),
            .unwrap(review, { r in
                .group(
                    .p(.text("\(r.reviewedOn.iso): \(r.final.label)\(r.overridden ? " (overridden from \(r.initial.label.lowercased()): \(r.overrideReason ?? "")" : "")\(r.outcome.map { "; risk \($0.riskLevel.label.lowercased())" } ?? "").")),
                    .ul(.forEach(r.outcome?.reasons ?? []) { .li(.text($0)) }))
            }, else: .p("No review is recorded.")))
    }
}

/// A team decision as the case page and the court report show it: the decision, its rationale, every position.
enum DecisionView {
    static func node(_ d: TeamDecisionDetails, _ o: CaseOverview, _ language: UILanguage = .english) -> Node<HTML.BodyContext> {
        func t(_ id: Msg, _ values: [String: String] = [:]) -> String { Catalogue.text(id, language, values) }
        let meeting = d.status == .approved
            ? t(.decisionApproved, ["date": d.date.iso, "name": d.approvedByName ?? t(.decisionTheSupervisor), "approvedOn": d.approvedOn?.iso ?? ""])
            : t(.decisionAwaiting, ["date": d.date.iso])
        let goals = d.goalChanges.map { g in
            g.concurrent.map { t(.decisionGoalConcurrent, ["child": o.name(g.childID), "plan": g.primary.staffLabel(language),
                                                          "concurrent": $0.staffLabel(language).lowercased()]) }
                ?? t(.decisionGoalLine, ["child": o.name(g.childID), "plan": g.primary.staffLabel(language)])
        }
        return .div(.class("decision"),
            .p(.strong(.text(d.decision.staffLabel(language))), .text(meeting)),
            .p(.text(d.rationale)),
            .if(!goals.isEmpty, .p(.text(t(.decisionNewGoals, ["list": goals.joined(separator: "; ")])))),
            .table(.class("table"), .thead(.tr(.th(.text(t(.decisionParticipant))), .th(.text(t(.decisionRole))), .th(.text(t(.decisionPosition))),
                                               .th(.text(t(.decisionReason))))),
                .tbody(.forEach(d.participants) { p in
                    .tr(.td(.text(p.name)), .td(.text(p.role.staffLabel(language))), .td(.text(p.position)), .td(.text(p.reason)))
                })),
            .p(.class("hint"), .text(d.familyInformed.map { t(.decisionTold, ["date": $0.date.iso, "how": $0.how, "language": Languages.display($0.language, in: language)]) }
                                     ?? t(.decisionNotTold))))
    }
}

/// Deadlines as a table: what, whose, when, where it stands, and why then.
enum DeadlinesTable {
    static func node(_ items: [ClockItem], _ o: CaseOverview, _ language: UILanguage = .english) -> Node<HTML.BodyContext> {
        func t(_ id: Msg) -> String { Catalogue.text(id, language) }
        return .table(.class("table deadlines"),
            .thead(.tr(.th(.text(t(.deadlinesDeadline))), .th(.text(t(.columnChild))), .th(.text(t(.deadlinesDue))), .th(.text(t(.columnStatus))),
                       .th(.text(t(.overdueBasis))))),
            .tbody(.forEach(items) { i in
                .tr(.class(i.status == .overdue ? "overdue" : ""),
                    .td(.text(i.kind.staffLabel(language))), .td(.text(o.name(i.childID))), .td(.text(i.due.iso)),
                    .td(.span(.class("tag status-\(i.status.rawValue)"), .text(i.status.staffLabel(language)))), .td(.text(i.basis(language))))
            }))
    }
}
