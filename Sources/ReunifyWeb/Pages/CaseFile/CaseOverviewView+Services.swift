import Foundation
import Plot
import ReunifyDomain
import ReunifyStore

/// What the case page shows of the plan and services: read by the controller as the policy allows.
struct CaseServices {
    var referrals: [ReferralDTO] = []
    var consents: [Recorded<ConsentSubject, ConsentDetails>] = []
    var sessions: [SessionDetails] = []
    var providerNames: [ProviderID: String] = [:]
}

extension CaseOverviewView {
    func planSection() -> Node<HTML.BodyContext> {
        let plans = overview.plans
        let due = PlanPolicy(timelines).due(removedOn: overview.episodes.filter { $0.episode.details.isOpen }.map(\.episode.details.removalDate).min(),
                                             plans: plans.map(\.details), today: today)
        return .section(.id("plan"), .attribute(named: "aria-labelledby", value: "plan-heading"),
            .div(.class("section-heading"),
                .h2(.id("plan-heading"), "Case plan"),
                .if(may(.create, .casePlan), .a(.class("button secondary"), .href(SiteURL.newPlan(caseID).path), "Draft a plan"))),
            .unwrap(due) { d in
                .p(.class(d.overdue ? "overdue" : "hint"), .text("\(d.label) \(d.overdue ? "was due" : "due") \(d.date.iso): \(d.basis)."))
            },
            plans.isEmpty ? .p("No plan yet.") :
            .table(.class("table"),
                .thead(.tr(.th("Plan"), .th("Status"), .th("Drafted"), .th("Approved"))),
                .tbody(.forEach(plans.reversed()) { p in
                    .tr(.td(.a(.href(SiteURL.plan(caseID, p.id).path), .text("Plan \(p.details.number)"))),
                        .td(.text(p.details.status(on: today).label)), .td(.text(p.details.draftedOn.iso)),
                        .td(.text(p.details.approvedOn?.iso ?? "—")))
                })))
    }

    func servicesSection() -> Node<HTML.BodyContext> {
        let rate = SessionRules.attendanceRate(services.sessions)
        return .section(.id("services"), .attribute(named: "aria-labelledby", value: "services-heading"),
            .div(.class("section-heading"),
                .h2(.id("services-heading"), "Services"),
                .if(may(.create, .referral), .a(.class("button secondary"), .href(SiteURL.newReferral(caseID).path), "Refer to a service")),
                .if(may(.create, .serviceSession), .a(.class("button secondary"), .href(SiteURL.newSession(caseID).path), "Record a session"))),
            services.referrals.isEmpty ? .p("No referral yet.") :
            .table(.class("table"), .id("referrals"),
                .thead(.tr(.th("Referred"), .th("Who"), .th("Service"), .th("Status"))),
                .tbody(.forEach(services.referrals) { r in
                    .tr(.td(.a(.href(SiteURL.referral(ReferralID(r.id)).path), .text(r.referredOn))),
                        .td(.text(overview.name(PersonID(r.personId)))),
                        .td(.text("\(r.serviceName ?? "") (\(r.providerName ?? ""))"), .if(r.restricted, .span(.class("tag warn"), "restricted"))),
                        .td(.text(ReferralStatus(rawValue: r.status)?.label ?? r.status)))
                })),
            .p(.class("hint"), .text("\(services.sessions.count) session\(services.sessions.count == 1 ? "" : "s") recorded\(rate.map { "; attendance \(Int(($0 * 100).rounded()))%" } ?? "").")),
            .if(!services.consents.isEmpty,
                .details(.summary(.text("Consents to share (\(services.consents.count))")),
                    .ul(.class("plain"), .forEach(services.consents) { c in
                        let d = c.details
                        let who = "\(overview.name(d.personID)) → \(services.providerNames[d.providerID] ?? "provider")"
                        return .li(.text("\(who): \(d.scope), from \(d.givenOn.iso)"),
                                   .text(d.revokedOn.map { ", revoked \($0.iso)" } ?? d.expiresOn.map { ", until \($0.iso)" } ?? ""),
                                   .if(d.stands(on: today) && may(.update, .consent),
                                       .form(.class("inline"), .method(.post), .action(SiteURL.revokeConsent(c.id).path),
                                             csrfField(signedIn),
                                             .button(.type(.submit), .class("link-button"), .text("Revoke"),
                                                     .attribute(named: "aria-label", value: "Revoke the consent of \(who)")))))
                    }))))
    }
}
