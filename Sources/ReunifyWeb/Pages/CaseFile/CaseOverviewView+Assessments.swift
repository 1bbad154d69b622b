import Foundation
import Plot
import ReunifyDomain
import ReunifyStore

extension CaseOverviewView {
    func reviewSection() -> Node<HTML.BodyContext> {
        .section(
            .div(.class("section-heading"),
                .h2(.text(t(.reviewsHeading))),
                .if(may(.create, .reunificationReview), .a(.class("button secondary"), .href(SiteURL.newReview(caseID).path), .text(t(.reviewsAdd))))),
            reviews.isEmpty ? .p(.text(t(.reviewsNone))) :
            .table(.class("table"),
                .thead(.tr(.th(.text(t(.columnDate))), .th(.text(t(.columnChild))), .th(.text(t(.reviewsRecommendation))), .th(.text(t(.columnBy))))),
                .tbody(.forEach(reviews) { r in
                    .tr(.td(.a(.href(SiteURL.review(caseID, r.id).path), .text(r.details.reviewedOn.iso))),
                        .td(.text(overview.name(r.details.childID))),
                        .td(.text(r.details.final.staffLabel(language)), .if(r.details.overridden, .span(.class("tag warn"), .text(t(.reviewsOverridden))))),
                        .td(.text(staffNames[r.details.reviewerID] ?? "")))
                })))
    }

    func assessmentSection() -> Node<HTML.BodyContext> {
        let completed = assessments.filter(\.details.completed)
        return .section(
            .div(.class("section-heading"),
                .h2(.text(t(.assessmentsHeading))),
                .if(may(.create, .assessment), .a(.class("button secondary"), .href(SiteURL.newAssessment(caseID).path), .text(t(.assessmentsAdd))))),
            assessments.isEmpty ? .p(.text(t(.assessmentsNone))) :
            .table(.class("table"),
                .thead(.tr(.th(.text(t(.columnDate))), .th(.text(t(.assessmentsPoint))), .th(.text(t(.columnStatus))), .th(.text(t(.columnBy))))),
                .tbody(.forEach(assessments) { a in
                    .tr(.td(.a(.href(SiteURL.assessment(caseID, a.id).path), .text(a.details.assessedOn.iso))),
                        .td(.text(a.details.point.staffLabel(language))),
                        .td(.text(t(a.details.completed ? .assessmentsCompleted : .assessmentsDraft))),
                        .td(.text(staffNames[a.details.assessorID] ?? "")))
                })),
            compareLink(completed))
    }

    /// Plot builds both branches of `.if`, so the link is made only when there are two to compare.
    func compareLink(_ completed: [Recorded<AssessmentSubject, AssessmentDetails>]) -> Node<HTML.BodyContext> {
        guard completed.count >= 2, let first = completed.first?.id, let last = completed.last?.id else { return .empty }
        return .p(.a(.href(SiteURL.compareAssessments(caseID).path + "?from=\(first)&to=\(last)"),
                     .text(t(.assessmentsCompare))))
    }
}
