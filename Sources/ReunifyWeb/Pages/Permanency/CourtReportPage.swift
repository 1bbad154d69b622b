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
        guard let hearing = o.permanency.hearing(id) else { throw Refusal(.notFound, .hearFormNoSuch) }
        try await req.audit(.view, .hearing, recordID: id.uuid, caseID: o.caseID, .audViewedCourtReport, ["date": hearing.details.date.iso])
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
        let language = req.language
        func t(_ id: Msg, _ values: [String: String] = [:]) -> String { Catalogue.text(id, language, values) }
        let planPart = planNode(plan, today: today, language)
        let servicesPart = servicesNode(referrals, o, providerNames, language)
        let hearingPart = hearingNode(h, today: today, language)
        let childParts: [Node<HTML.BodyContext>] = children.map {
            childPart(o, $0.person.id, reviews: reviews, visits: visits, visitPlans: visitPlans, from: from, today: today, req: req)
        }
        let decisionPart: Node<HTML.BodyContext> = decision.map { DecisionView.node($0.details, o, language) } ?? .p(.text(t(.reportNoDecision)))
        let family: Node<HTML.BodyContext> = .table(.class("table"), .thead(.tr(.th(.text(t(.membersName))), .th(.text(t(.reportPart))), .th(.text(t(.reportAge))))),
            .tbody(.forEach(o.members) { m in
                .tr(.td(.text(m.person.details.fullName)), .td(.text(m.role.staffLabel(language))),
                    .td(.text(m.person.details.birthDate.map { LocalFormat.number($0.age(on: today), language) } ?? "")))
            }))
        let head: Node<HTML.BodyContext> = .dl(.class("summary-list"),
            row(t(.reportCase), t(.reportCaseLine, ["number": o.caseFile.details.caseNumber, "family": o.caseFile.details.familyName])),
            row(t(.reportCourt), h.court ?? t(.reportNotRecorded)),
            row(t(.permChildren), children.map { o.name($0.person.id) }.joined(separator: ", ")),
            row(t(.reportPrepared), t(.reportPreparedLine, ["date": today.iso, "name": req.signedIn?.user.name ?? t(.reportTheAgency)])))
        return Layout(title: t(.permCourtReport), signedIn: req.signedIn, breadcrumbs: o.breadcrumbs(language)).render(
            .article(.class("court-report"),
                .h1(.text(t(.reportTitle, ["hearing": h.kind.staffLabel(language).lowercased(), "date": h.date.iso]))),
                head,
                .p(.class("no-print"), .a(.href(SiteURL.caseFile(o.caseID).path + "#permanency"), .text(t(.reportBack))),
                   .text(t(.reportPrint))),
                .h2(.text(t(.reportFamily))),
                family,
                .group(childParts),
                .h2(.text(t(.reportPlan))),
                planPart,
                .h3(.text(t(.servicesHeading))),
                servicesPart,
                .h2(.text(t(.reportRecommendation))),
                decisionPart,
                .h2(.text(t(.reportThisHearing))),
                hearingPart,
                .h2(.text(t(.reportDueDates))),
                clock.isEmpty ? .p(.text(t(.permNothingDue))) : DeadlinesTable.node(clock, o, language))
        )
    }

    static func row(_ label: String, _ value: String) -> Node<HTML.DescriptionListContext> { .group(.dt(.text(label)), .dd(.text(value))) }

    static func planNode(_ plan: Recorded<PlanSubject, CasePlanDetails>?, today: CalendarDate, _ language: UILanguage) -> Node<HTML.BodyContext> {
        func t(_ id: Msg, _ values: [String: String] = [:]) -> String { Catalogue.text(id, language, values) }
        guard let p = plan?.details else { return .p(.text(t(.reportNoPlan))) }
        let state = p.approvedOn.map { t(.reportApproved, ["date": $0.iso]) } ?? t(.reportNotApproved)
        return .group(
            .p(.text(p.startsOn.map { t(.reportPlanInForce, ["number": String(p.number), "state": state, "date": $0.iso]) }
                     ?? t(.reportPlanLine, ["number": String(p.number), "state": state]))),
            .ul(.forEach(p.goals) { g in
                .li(.text(g.statement), .ul(.forEach(g.objectives) { ob in
                    .li(.text(t(.reportObjective, ["statement": ob.statement, "measure": ob.measure.lowercased(), "date": ob.targetDate.iso])
                              + (ob.targetDate < today ? t(.reportPastDate) : "")))
                }))
            }))
    }

    static func servicesNode(_ referrals: [Recorded<ReferralSubject, ReferralDetails>], _ o: CaseOverview,
                             _ providers: [ProviderID: String], _ language: UILanguage) -> Node<HTML.BodyContext> {
        func t(_ id: Msg, _ values: [String: String] = [:]) -> String { Catalogue.text(id, language, values) }
        if referrals.isEmpty { return .p(.text(t(.reportNoReferral))) }
        return .table(.class("table"), .thead(.tr(.th(.text(t(.servicesWho))), .th(.text(t(.servicesService))), .th(.text(t(.reportProvider))),
                                                  .th(.text(t(.reportSince))), .th(.text(t(.columnStatus))))),
            .tbody(.forEach(referrals) { r in
                .tr(.td(.text(o.name(r.details.personID))), .td(.text(r.details.category.staffLabel(language))),
                    .td(.text(providers[r.details.providerID] ?? "")), .td(.text(r.details.referredOn.iso)),
                    .td(.text(r.details.outcome.map { t(.reportStatusOutcome, ["status": r.details.status.staffLabel(language), "outcome": $0]) }
                              ?? r.details.status.staffLabel(language))))
            }))
    }

    static func hearingNode(_ h: HearingDetails, today: CalendarDate, _ language: UILanguage) -> Node<HTML.BodyContext> {
        func t(_ id: Msg, _ values: [String: String] = [:]) -> String { Catalogue.text(id, language, values) }
        guard h.isHeld(today: today) else { return .p(.text(t(.reportScheduled, ["date": h.date.iso]))) }
        return .dl(.class("summary-list"),
            row(t(.reportAttended), h.attended.isEmpty ? t(.reportNotRecorded) : h.attended.joined(separator: "; ")),
            row(t(.reportReasonable), h.reasonableEfforts?.staffLabel(language).capitalizedFirst ?? t(.reportNoFinding)),
            .if(h.activeEfforts != nil, row(t(.reportActive), h.activeEfforts?.staffLabel(language).capitalizedFirst ?? "")),
            row(t(.reportFindings), h.findings ?? t(.reportNotRecorded)),
            row(t(.reportOrders), h.orders ?? t(.reportNotRecorded)),
            row(t(.reportNextDate), h.nextDate?.iso ?? t(.reportNotSet)))
    }

    static func childPart(_ o: CaseOverview, _ child: PersonID, reviews: [ReviewRecord], visits: [Recorded<VisitSubject, VisitDetails>],
                          visitPlans: [Recorded<VisitPlanSubject, VisitPlanDetails>], from: CalendarDate, today: CalendarDate, req: Request) -> Node<HTML.BodyContext> {
        let language = req.language
        func t(_ id: Msg, _ values: [String: String] = [:]) -> String { Catalogue.text(id, language, values) }
        let episodes = o.episodes.filter { $0.episode.details.childID == child }
        let current = episodes.last
        let days = current.map { e in e.episode.details.dateEnteredCare.days(until: e.episode.details.dischargeDate ?? today) }
        let goals = o.goals.first { $0.details.childID == child }?.details
        let review = reviews.filter { $0.childID == child }.max { $0.reviewedOn < $1.reviewedOn }
        let figures = VisitationFigures.of(visits.map { ($0.id, $0.details) }, childID: child, from: from, to: today, now: req.now).figures
        let visitCounts = ["days": LocalFormat.number(VisitRules.defaultVisitationDays, language), "attended": LocalFormat.number(figures.attended, language),
                           "scheduled": LocalFormat.number(figures.scheduled, language)]
        return .section(.class("report-child"),
            .h2(.text(o.name(child))),
            .unwrap(current) { e in
                let d = e.episode.details
                let values = ["removal": d.removalDate.iso, "entered": d.dateEnteredCare.iso, "days": LocalFormat.number(max(0, days ?? 0), language)]
                return .p(.text(d.dischargeDate.map { t(.reportInCareDischarged, values.merging(["discharged": $0.iso]) { a, _ in a }) }
                                ?? t(.reportInCare, values)))
            },
            .h3(.text(t(.reportPlacements))),
            .ol(.forEach(episodes.flatMap(\.placements)) { p in
                .li(.text(t(.reportPlacementLine, ["setting": p.details.setting.staffLabel(language), "caregiver": p.details.caregiverName,
                                                   "start": p.details.startDate.iso, "end": p.details.endDate?.iso ?? t(.placementNow)])))
            }),
            .h3(.text(t(.goalsHeading))),
            .p(.text(goals.map { g in
                g.concurrent.map { t(.reportGoalsConcurrent, ["plan": g.primary.staffLabel(language), "date": g.primarySince.iso, "concurrent": $0.staffLabel(language)]) }
                    ?? t(.reportGoals, ["plan": g.primary.staffLabel(language), "date": g.primarySince.iso])
            } ?? t(.reportNoneRecorded))),
            .h3(.text(t(.familyTimeHeading))),
            .ul(.forEach(visitPlans.filter { $0.details.childID == child }) { p in
                .li(.text(t(.reportVisitPlan, ["level": p.details.level.staffLabel(language), "who": p.details.participants.map(o.name).joined(separator: ", "),
                                               "frequency": p.details.frequency])))
            }),
            .p(.text(figures.quality.map { t(.reportVisitsRated, visitCounts.merging(["quality": $0.staffLabel(language)]) { a, _ in a }) }
                     ?? t(.reportVisits, visitCounts))),
            .h3(.text(t(.reportLatestReview))),
            .unwrap(review, { r in
                let details = (r.overridden ? t(.reportOverridden, ["initial": r.initial.staffLabel(language).lowercased(), "reason": r.overrideReason ?? ""]) : "")
                    + (r.outcome.map { t(.reportRisk, ["risk": $0.riskLevel.staffLabel(language)]) } ?? "")
                // The review's reasons in the report's language; a review recorded before they were kept as facts gives
                // its English ones, marked so.
                return .group(
                    .p(.text(t(.reportReviewLine, ["date": r.reviewedOn.iso, "recommendation": r.final.staffLabel(language), "details": details]))),
                    .ul(.attribute(named: "lang", value: r.outcome?.reasonsTranslated(language) ?? true ? nil : "en"),
                        .forEach(r.outcome?.reasons(language) ?? []) { .li(.text($0)) }))
            }, else: .p(.text(t(.reportNoReview)))))
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

extension String {
    /// The text with its first letter in capitals, for a label written to be read inside a sentence.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
