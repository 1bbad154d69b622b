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
                .h2(.id("plan-heading"), .text(t(.planHeading))),
                .if(may(.create, .casePlan), .a(.class("button secondary"), .href(SiteURL.newPlan(caseID).path), .text(t(.planDraft))))),
            .unwrap(due) { d in
                .p(.class(d.overdue ? "overdue" : "hint"),
                   .text(t(d.overdue ? .planWasDueLine : .planDueLine, ["what": d.label(language), "date": d.date.iso, "basis": d.basis(language)])))
            },
            plans.isEmpty ? .p(.text(t(.planNoneYet))) :
            .table(.class("table"),
                .thead(.tr(.th(.text(t(.planColumn))), .th(.text(t(.columnStatus))), .th(.text(t(.planDrafted))), .th(.text(t(.planApproved))))),
                .tbody(.forEach(plans.reversed()) { p in
                    .tr(.td(.a(.href(SiteURL.plan(caseID, p.id).path), .text(t(.planNumber, ["number": String(p.details.number)])))),
                        .td(.text(p.details.status(on: today).staffLabel(language))), .td(.text(p.details.draftedOn.iso)),
                        .td(.text(p.details.approvedOn?.iso ?? "—")))
                })))
    }

    func servicesSection() -> Node<HTML.BodyContext> {
        let rate = SessionRules.attendanceRate(services.sessions)
        let count = services.sessions.count
        let sessions: String = switch (count == 1, rate) {
        case (true, nil): t(.servicesSessionsOne)
        case (false, nil): t(.servicesSessionsMany, ["count": LocalFormat.number(count, language)])
        case (true, let r?): t(.servicesSessionsRateOne, ["rate": String(Int((r * 100).rounded()))])
        case (false, let r?): t(.servicesSessionsRateMany, ["count": LocalFormat.number(count, language), "rate": String(Int((r * 100).rounded()))])
        }
        return .section(.id("services"), .attribute(named: "aria-labelledby", value: "services-heading"),
            .div(.class("section-heading"),
                .h2(.id("services-heading"), .text(t(.servicesHeading))),
                .if(may(.create, .referral), .a(.class("button secondary"), .href(SiteURL.newReferral(caseID).path), .text(t(.servicesRefer)))),
                .if(may(.create, .serviceSession), .a(.class("button secondary"), .href(SiteURL.newSession(caseID).path), .text(t(.servicesSession))))),
            services.referrals.isEmpty ? .p(.text(t(.caseServicesNone))) :
            .table(.class("table"), .id("referrals"),
                .thead(.tr(.th(.text(t(.servicesReferred))), .th(.text(t(.servicesWho))), .th(.text(t(.servicesService))), .th(.text(t(.columnStatus))))),
                .tbody(.forEach(services.referrals) { r in
                    .tr(.td(.a(.href(SiteURL.referral(ReferralID(r.id)).path), .text(r.referredOn))),
                        .td(.text(overview.name(PersonID(r.personId)))),
                        .td(.text("\(r.serviceName ?? "") (\(r.providerName ?? ""))"), .if(r.restricted, .span(.class("tag warn"), .text(t(.servicesRestricted))))),
                        .td(.text(ReferralStatus(rawValue: r.status)?.staffLabel(language) ?? r.status)))
                })),
            .p(.class("hint"), .text(sessions)),
            .if(!services.consents.isEmpty,
                .details(.summary(.text(t(.servicesConsents, ["count": LocalFormat.number(services.consents.count, language)]))),
                    .ul(.class("plain"), .forEach(services.consents) { c in
                        let d = c.details
                        let who = "\(overview.name(d.personID)) → \(services.providerNames[d.providerID] ?? t(.caseServicesProvider))"
                        return .li(.text(t(.servicesConsentLine, ["who": who, "scope": d.scope, "date": d.givenOn.iso])),
                                   .text(d.revokedOn.map { t(.servicesConsentRevoked, ["date": $0.iso]) }
                                         ?? d.expiresOn.map { t(.servicesConsentUntil, ["date": $0.iso]) } ?? ""),
                                   .if(d.stands(on: today) && may(.update, .consent),
                                       .form(.class("inline"), .method(.post), .action(SiteURL.revokeConsent(c.id).path),
                                             csrfField(signedIn),
                                             .button(.type(.submit), .class("link-button"), .text(t(.servicesRevoke)),
                                                     .attribute(named: "aria-label", value: t(.servicesRevokeWhose, ["who": who]))))))
                    }))))
    }
}
