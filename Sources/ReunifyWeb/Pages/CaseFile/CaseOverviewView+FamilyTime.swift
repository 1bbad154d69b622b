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
        return .section(.id("family-time"), .attribute(named: "aria-labelledby", value: "family-time-heading"),
            .div(.class("section-heading"),
                .h2(.id("family-time-heading"), "Family time"),
                .if(may(.create, .visitPlan), .a(.class("button secondary"), .href(SiteURL.newVisitPlan(caseID).path), "Make a visit plan")),
                .if(may(.create, .safetyAssessment), .a(.class("button secondary"), .href(SiteURL.newSafetyAssessment(caseID).path), "Record a safety assessment"))),
            f.plans.isEmpty ? .p("No visit plan yet.") :
            .table(.class("table"), .id("visit-plans"),
                .thead(.tr(.th("Child"), .th("Level"), .th("Who visits"), .th("How often"))),
                .tbody(.forEach(f.plans) { p in
                    .tr(.td(.a(.href(SiteURL.visitPlan(caseID, p.id).path), .text(overview.name(p.details.childID)))),
                        .td(.text(p.details.level.label),
                            .if(f.pending.contains { $0.planID == p.id && $0.change.status == .awaitingApproval },
                                .span(.class("tag warn"), "step up waiting"))),
                        .td(.text(p.details.participants.map(overview.name).joined(separator: ", "))),
                        .td(.text(p.details.frequency)))
                })),
            .if(!f.coming.isEmpty, .group(
                .h3("Coming visits"),
                .ul(.class("plain"), .id("coming-visits"), .forEach(f.coming) { v in
                    .li(.text("\(when(v.details)) — \(overview.name(v.details.childID)) at \(v.details.location)"))
                }))),
            .if(f.toRecord > 0, .p(.class("overdue"), .text("\(f.toRecord) visit\(f.toRecord == 1 ? "" : "s") to record: open the child's plan."))),
            .if(may(.read, .safetyAssessment) && !f.safety.isEmpty,
                .p(.class("hint"), .text("Latest safety assessments: " + overview.children.compactMap { c in
                    f.safety.last { $0.details.childID == c.person.id }.map { "\(overview.name(c.person.id)) \($0.details.decision.label.lowercased()) (\($0.details.date.iso))" }
                }.joined(separator: "; ")))),
            .if(may(.create, .familyCalendar),
                .form(.method(.post), .action(SiteURL.familyCalendarLink(caseID).path), .id("family-link"),
                    csrfField(signedIn),
                    .unwrap(f.familyLink) { .p(.text("The family's calendar link: "), .code(.text($0))) },
                    .p(.class("hint"), "Give the family this private link to see their coming visits in their phone's calendar. A new link stops the old one."),
                    .if(f.familyLink != nil, .input(.type(.hidden), .name("renew"), .value("on"))),
                    .button(.type(.submit), .class("button secondary"), .text(f.familyLink == nil ? "Make the family's calendar link" : "Make a new link")))))
    }
}
