import Foundation
import Plot
import ReunifyDomain
import ReunifyStore

extension CaseOverviewView {
    /// Deadlines, hearings with their reports, the team's decisions with every position, TPR exceptions, the ICWA
    /// notice log and aftercare follow-ups.
    func permanencySection() -> Node<HTML.BodyContext> {
        let p = overview.permanency
        let clock = overview.clock(timelines, today: today)
        let open = clock.filter { $0.status != .done }
        let icwa = overview.children.contains { $0.person.details.icwaStatus.mayApply }
        let discharged = overview.episodes.contains { $0.episode.details.dischargeReason.map(FollowUpRules.followed.contains) ?? false }
        return .section(.id("permanency"), .attribute(named: "aria-labelledby", value: "permanency-heading"),
            .div(.class("section-heading"),
                .h2(.id("permanency-heading"), "Court and permanency"),
                .if(may(.create, .hearing), .a(.class("button secondary"), .href(SiteURL.newHearing(caseID).path), "Record a hearing")),
                .if(may(.create, .teamDecision), .a(.class("button secondary"), .href(SiteURL.newDecision(caseID).path), "Record the team's decision"))),
            .h3("Deadlines"),
            open.isEmpty ? .p("Nothing is due.") : DeadlinesTable.node(open, overview),
            .if(clock.count > open.count, .p(.class("hint"), .text("\(clock.count - open.count) met, not shown."))),
            .h3("Hearings"),
            p.hearings.isEmpty ? .p("No hearing recorded yet.") :
            .table(.class("table"), .id("hearings"),
                .thead(.tr(.th("Date"), .th("Hearing"), .th("Children"), .th("Findings and orders"), .th(.span(.class("visually-hidden"), "Actions")))),
                .tbody(.forEach(p.hearings) { h in
                    .tr(.id("hearing-\(h.id)"),
                        .td(.text(h.details.date.iso), .if(!h.details.isHeld(today: today), .span(.class("tag"), "scheduled"))),
                        .td(.text(h.details.kind.label)),
                        .td(.text(h.details.childIDs.map(overview.name).joined(separator: ", "))),
                        .td(.text([h.details.reasonableEfforts.map { "Reasonable efforts: \($0.label.lowercased())" },
                                   h.details.activeEfforts.map { "Active efforts: \($0.label.lowercased())" },
                                   h.details.findings, h.details.orders, h.details.nextDate.map { "Next date \($0.iso)" }]
                                    .compactMap { $0 }.joined(separator: ". "))),
                        .td(.a(.href(SiteURL.courtReport(caseID, h.id).path), .text("Court report"), .span(.class("visually-hidden"), .text(" for \(h.details.date.iso)"))),
                            .if(may(.update, .hearing), .group(.text(" · "), .a(.href(SiteURL.editHearing(caseID, h.id).path), .text("Change"),
                                                                                .span(.class("visually-hidden"), .text(" the hearing of \(h.details.date.iso)")))))))
                })),
            .if(may(.read, .teamDecision), .group(
                .h3("The team's decisions"),
                p.decisions.isEmpty ? .p("No decision recorded yet.") :
                .ol(.class("plain"), .id("decisions"), .forEach(p.decisions.reversed()) { d in
                    .li(DecisionView.node(d.details, overview),
                        .if(d.details.status == .awaitingApproval && may(.update, .decisionApproval),
                            .form(.method(.post), .action(SiteURL.approveDecision(caseID, d.id).path), csrfField(signedIn),
                                .button(.type(.submit), .class("button"), .text("Approve the decision of \(d.details.date.iso)")))))
                }))),
            .if(may(.read, .tprException), .group(
                .h3("Exceptions to the TPR petition"),
                p.exceptions.isEmpty ? .p("None recorded.") :
                .ul(.forEach(p.exceptions) { e in
                    .li(.text("\(overview.name(e.details.childID)): \(e.details.reason.label). \(e.details.note) (\(e.details.recordedByName), \(e.details.recordedOn.iso))"))
                }),
                .if(may(.create, .tprException), .p(.a(.href(SiteURL.newTPRException(caseID).path), "Record an exception"))))),
            .if(may(.read, .permanencyStep), pathsSection()),
            .if(icwa && may(.read, .icwaNotice), noticeLog()),
            .if(may(.read, .aftercarePlan), aftercareSection()),
            .if(may(.read, .followUp) && (discharged || !p.followUps.isEmpty), .group(
                .h3("Aftercare follow-ups"),
                p.followUps.isEmpty ? .p("None recorded yet.") :
                .table(.class("table"), .id("follow-ups"),
                    .thead(.tr(.th("Date"), .th("Child"), .th("Seen"), .th("How the child is"), .th("Concerns"), .th("Services still needed"))),
                    .tbody(.forEach(p.followUps) { f in
                        .tr(.td(.text(f.details.date.iso)), .td(.text(overview.name(f.details.childID))), .td(.text(f.details.seen ? "Yes" : "No")),
                            .td(.text(f.details.wellbeing)), .td(.text(f.details.concerns ?? "")), .td(.text(f.details.servicesNeeded ?? "")))
                    })),
                .if(may(.create, .followUp), .p(.a(.href(SiteURL.newFollowUp(caseID).path), "Record a follow-up"))))))
    }

    func noticeLog() -> Node<HTML.BodyContext> {
        let p = overview.permanency
        return .group(
            .h3("ICWA notices"),
            p.notices.isEmpty ? .p("No notice logged yet.") :
            .table(.class("table"), .id("icwa-notices"),
                .thead(.tr(.th("Child"), .th("Hearing"), .th("Sent to"), .th("Sent"), .th("Received"))),
                .tbody(.forEach(p.notices) { n in
                    .tr(.td(.text(overview.name(n.details.childID))),
                        .td(.text(p.hearing(n.details.hearingID).map { "\($0.details.kind.label), \($0.details.date.iso)" } ?? "")),
                        .td(.text(n.details.recipient)), .td(.text(n.details.sent.iso)),
                        .td(n.details.received.map { .text($0.iso) } ?? (may(.update, .icwaNotice) ? receivedForm(n) : .text("Not yet"))))
                })),
            .if(may(.create, .icwaNotice), .p(.a(.href(SiteURL.newNotice(caseID).path), "Log a notice"))))
    }

    func receivedForm(_ n: Recorded<NoticeSubject, ICWANoticeDetails>) -> Node<HTML.BodyContext> {
        let name = "received-\(n.id)"
        let view = FormView(FormData(values: ["\(name)-day": [String(today.day)], "\(name)-month": [String(today.month)],
                                              "\(name)-year": [String(today.year)], "version": [String(n.version)]]))
        return .form(.method(.post), .action(SiteURL.noticeReceived(caseID, n.id).path), .class("inline"), csrfField(signedIn),
            view.hidden("version"),
            view.date(name, "Received on (notice to \(n.details.recipient))", hint: nil),
            .button(.type(.submit), .class("button secondary"), "Save the day received"))
    }
}

extension CaseOverviewView {
    /// Each child's alternative permanency paths (those the goals name, and any worked before), step by step.
    func pathsSection() -> Node<HTML.BodyContext> {
        let p = overview.permanency
        let children = p.paths(children: overview.children.map(\.person.id), goals: overview.goals.map(\.details)).filter { !$0.paths.isEmpty }
        return .group(
            .h3(.id("paths"), "Concurrent planning: alternative permanency paths"),
            children.isEmpty ? .p("No child has relative care, guardianship, adoption or a planned living arrangement as a goal or concurrent goal.") :
            .group(.forEach(children) { c in
                .group(.forEach(c.paths) { path in
                    let role = c.goals?.primary == path.plan ? "goal" : c.goals?.concurrent == path.plan ? "concurrent goal" : "no longer a goal"
                    let state: String = switch path.state {
                    case .notStarted: "not started"
                    case .underway: "underway" + (path.next.map { ", next: \($0.label.lowercased())" } ?? "")
                    case .complete: "complete"
                    case .ruledOut: "ruled out"
                    }
                    return .div(.class("path"), .id("path-\(c.child)-\(path.plan.rawValue)"),
                        .h4(.text("\(overview.name(c.child)): \(path.plan.label) (\(role)) — \(state)")),
                        .table(.class("table"),
                            .thead(.tr(.th("Step"), .th("Where it stands"), .th("Date"), .th("Note"), .th(.span(.class("visually-hidden"), "Actions")))),
                            .tbody(.forEach(path.steps) { s in
                                .tr(.td(.text(s.step.label)),
                                    .td(.text(s.latest?.status.label ?? "Not started")),
                                    .td(.text(s.latest?.date.iso ?? "")),
                                    .td(.text([s.latest?.note, s.latest?.recordedByName.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ")),
                                        .unwrap(s.history.compactMap(\.tracingRequestID).last) { t in
                                            .group(.text(" "), .a(.href(SiteURL.tracingRequest(t).path), "Family search in tracing"))
                                        }),
                                    .td(.if(may(.create, .permanencyStep) && path.state != .complete,
                                        .a(.href(SiteURL.newPathStep(caseID).path + "?childId=\(c.child)&step=\(s.step.rawValue)"),
                                           .text("Record"), .span(.class("visually-hidden"), .text(" \(s.step.label.lowercased()) for \(overview.name(c.child))"))))))
                            })))
                })
            }))
    }

    /// Each child who left care home, to a relative or to a guardian: the aftercare plan and its follow-ups.
    func aftercareSection() -> Node<HTML.BodyContext> {
        let p = overview.permanency
        let episodes = overview.episodes.map(\.episode.details)
        let discharged = overview.children.compactMap { c in AftercareRules.discharge(of: c.person.id, episodes: episodes).map { (c.person.id, $0) } }
        guard !discharged.isEmpty || !p.aftercarePlans.isEmpty else { return .empty }
        return .group(
            .h3(.id("aftercare"), "Aftercare"),
            .forEach(discharged) { (child, episode) in
                let day = episode.dischargeDate!
                let plan = p.aftercarePlan(of: child, discharged: day)
                let schedule = PermanencyClock(policy: timelines).aftercareSchedule(
                    discharged: day, followUps: p.followUps.filter { $0.details.childID == child && $0.details.seen }.map(\.details.date), today: today)
                return .div(.class("aftercare"), .id("aftercare-\(child)"),
                    .h4(.text("\(overview.name(child)): left care on \(day.iso) (\(episode.dischargeReason?.label.lowercased() ?? ""))")),
                    .unwrap(plan, { plan in
                        .dl(.class("facts"),
                            .dt("Services that continue"), .dd(.ul(.forEach(plan.details.services) { .li(.text($0)) })),
                            .dt("Who checks in"), .dd(.text(plan.details.checkInBy)),
                            .unwrap(plan.details.contact) { .group(.dt("How to reach them"), .dd(.text($0))) },
                            .unwrap(plan.details.note) { .group(.dt("Note"), .dd(.text($0))) })
                    }, else: .p("No aftercare plan yet.")),
                    .if(plan == nil && may(.create, .aftercarePlan),
                        .p(.a(.href(SiteURL.newAftercarePlan(caseID).path + "?childId=\(child)"), .text("Make the aftercare plan"),
                              .span(.class("visually-hidden"), .text(" for \(overview.name(child))"))))),
                    .unwrap(plan.flatMap { may(.update, .aftercarePlan) ? $0 : nil }) { plan in
                        .p(.a(.href(SiteURL.editAftercarePlan(caseID, plan.id).path), .text("Change the aftercare plan"),
                              .span(.class("visually-hidden"), .text(" for \(overview.name(child))"))))
                    },
                    .table(.class("table"), .id("follow-up-days-\(child)"),
                        .caption(.text("Follow-ups")),
                        .thead(.tr(.th("After"), .th("Due"), .th("Seen"), .th("Status"))),
                        .tbody(.forEach(schedule) { s in
                            .tr(.td(.text("\(s.days) days")), .td(.text(s.due.iso)), .td(.text(s.seen?.iso ?? "")),
                                .td(.span(.class("tag \(s.status == .overdue ? "warn" : "")"), .text(s.status.label))))
                        })))
            })
    }
}
