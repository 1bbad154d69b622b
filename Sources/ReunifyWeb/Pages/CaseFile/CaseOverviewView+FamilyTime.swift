import Foundation
import Plot
import ReunifyDomain
import ReunifyStore

/// What the case page shows of family time, read by the controller as the policy allows.
struct CaseFamilyTime {
    var plans: [Recorded<VisitPlanSubject, VisitPlanDetails>] = []
    var coming: [Recorded<VisitSubject, VisitDetails>] = []
    var toRecord: Int = 0
    var pending: [LevelChangeRecord] = []
    var safety: [Recorded<SafetyAssessmentSubject, SafetyAssessmentDetails>] = []
    var familyLink: String?
    var zone: TimeZone = .gmt
}

extension CaseOverviewView {
    func familyTimeSection() -> Node<HTML.BodyContext> {
        let f = familyTime
        func when(_ v: VisitDetails) -> String { VisitTimes.when(v, in: f.zone) }
        let latestSafety = overview.children.compactMap { c in
            f.safety.last { $0.details.childID == c.person.id }.map {
                t(.familyTimeSafetyLine, ["child": overview.name(c.person.id), "decision": $0.details.decision.staffLabel(language).lowercased(), "date": $0.details.date.iso])
            }
        }
        return .section(.id("family-time"), .attribute(named: "aria-labelledby", value: "family-time-heading"),
            .div(.class("section-heading"),
                .h2(.id("family-time-heading"), .text(t(.familyTimeHeading))),
                .if(may(.create, .visitPlan), .a(.class("button secondary"), .href(SiteURL.newVisitPlan(caseID).path), .text(t(.familyTimePlan)))),
                .if(may(.create, .safetyAssessment), .a(.class("button secondary"), .href(SiteURL.newSafetyAssessment(caseID).path), .text(t(.familyTimeSafety))))),
            f.plans.isEmpty ? .p(.text(t(.familyTimeNone))) :
            .table(.class("table"), .id("visit-plans"),
                .thead(.tr(.th(.text(t(.columnChild))), .th(.text(t(.familyTimeLevel))), .th(.text(t(.familyTimeWho))), .th(.text(t(.familyTimeHowOften))))),
                .tbody(.forEach(f.plans) { p in
                    .tr(.td(.a(.href(SiteURL.visitPlan(caseID, p.id).path), .text(overview.name(p.details.childID)))),
                        .td(.text(p.details.level.staffLabel(language)),
                            .if(f.pending.contains { $0.planID == p.id && $0.change.status == .awaitingApproval },
                                .span(.class("tag warn"), .text(t(.familyTimeStepUp))))),
                        .td(.text(p.details.participants.map(overview.name).joined(separator: ", "))),
                        .td(.text(p.details.frequency)))
                })),
            .if(!f.coming.isEmpty, .group(
                .h3(.text(t(.familyTimeComing))),
                .ul(.class("plain"), .id("coming-visits"), .forEach(f.coming) { v in
                    .li(.text(t(.familyTimeVisitLine, ["when": when(v.details), "child": overview.name(v.details.childID), "place": v.details.location])))
                }))),
            .if(f.toRecord > 0, .p(.class("overdue"), .text(f.toRecord == 1 ? t(.familyTimeToRecordOne)
                                                            : t(.familyTimeToRecordMany, ["count": LocalFormat.number(f.toRecord, language)])))),
            .if(may(.read, .safetyAssessment) && !latestSafety.isEmpty,
                .p(.class("hint"), .text(t(.familyTimeSafetyLatest, ["list": latestSafety.joined(separator: "; ")])))),
            .if(may(.create, .familyCalendar),
                .form(.method(.post), .action(SiteURL.familyCalendarLink(caseID).path), .id("family-link"),
                    csrfField(signedIn),
                    .unwrap(f.familyLink) { .p(.text(t(.familyTimeLinkIs)), .code(.text($0))) },
                    .p(.class("hint"), .text(t(.familyTimeLinkHint))),
                    .if(f.familyLink != nil, .input(.type(.hidden), .name("renew"), .value("on"))),
                    .button(.type(.submit), .class("button secondary"), .text(f.familyLink == nil ? t(.familyTimeLinkMake) : t(.familyTimeLinkNew))))))
    }
}
