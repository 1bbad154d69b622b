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
            .if(icwa && may(.read, .icwaNotice), noticeLog()),
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
