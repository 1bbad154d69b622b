import Foundation
import Plot
import ReunifyDomain
import ReunifyStore

extension CaseOverviewView {
    func reviewSection() -> Node<HTML.BodyContext> {
        .section(
            .div(.class("section-heading"),
                .h2("Reunification reviews"),
                .if(may(.create, .reunificationReview), .a(.class("button secondary"), .href(SiteURL.newReview(caseID).path), "Review a child"))),
            reviews.isEmpty ? .p("No review yet.") :
            .table(.class("table"),
                .thead(.tr(.th("Date"), .th("Child"), .th("Recommendation"), .th("By"))),
                .tbody(.forEach(reviews) { r in
                    .tr(.td(.a(.href(SiteURL.review(caseID, r.id).path), .text(r.details.reviewedOn.iso))),
                        .td(.text(overview.name(r.details.childID))),
                        .td(.text(r.details.final.label), .if(r.details.overridden, .span(.class("tag warn"), "overridden"))),
                        .td(.text(staffNames[r.details.reviewerID] ?? "")))
                })))
    }

    func assessmentSection() -> Node<HTML.BodyContext> {
        let completed = assessments.filter(\.details.completed)
        return .section(
            .div(.class("section-heading"),
                .h2("Assessments"),
                .if(may(.create, .assessment), .a(.class("button secondary"), .href(SiteURL.newAssessment(caseID).path), "Start an assessment"))),
            assessments.isEmpty ? .p("No assessment yet.") :
            .table(.class("table"),
                .thead(.tr(.th("Date"), .th("When in the case"), .th("Status"), .th("By"))),
                .tbody(.forEach(assessments) { a in
                    .tr(.td(.a(.href(SiteURL.assessment(caseID, a.id).path), .text(a.details.assessedOn.iso))),
                        .td(.text(a.details.point.label)),
                        .td(.text(a.details.completed ? "Completed" : "Draft")),
                        .td(.text(staffNames[a.details.assessorID] ?? "")))
                })),
            compareLink(completed))
    }

    /// Plot builds both branches of `.if`, so the link is made only when there are two to compare.
    func compareLink(_ completed: [Recorded<AssessmentSubject, AssessmentDetails>]) -> Node<HTML.BodyContext> {
        guard completed.count >= 2, let first = completed.first?.id, let last = completed.last?.id else { return .empty }
        return .p(.a(.href(SiteURL.compareAssessments(caseID).path + "?from=\(first)&to=\(last)"),
                     "Compare the first and the latest assessment"))
    }
}
