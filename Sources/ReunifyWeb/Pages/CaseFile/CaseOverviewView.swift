import Plot
import Vapor
import ReunifyDomain
import ReunifyStore

/// The case page: members, relationships, episodes and placements as a timeline, goals and team.
/// Sections a role may not read are left out.
struct CaseOverviewView {
    let overview: CaseOverview
    let today: CalendarDate
    let timelines: TimelinePolicy
    let may: (AccessAction, RecordKind) -> Bool
    let signedIn: SignedIn?
    let assessments: [Recorded<AssessmentSubject, AssessmentDetails>]
    let reviews: [Recorded<ReviewSubject, ReviewRecord>]
    let staffNames: [UserID: String]
    var services = CaseServices()
    var familyTime = CaseFamilyTime()
    var messages = CaseMessages()
    var familyAccounts = FamilyAccounts()
    /// The episodes whose removal came within a year of an earlier discharge of the child, in any case.
    var reEntries: Set<UUID> = []

    var caseID: CaseID { overview.caseID }
    var mayTrace: Bool { signedIn.map { AccessPolicy().mayTrace($0.actor) } ?? false }
    var details: CaseDetails { overview.caseFile.details }

    func render(_ req: Request) -> Response {
        let timeline = overview.timeline(policy: timelines)
        return Layout(title: "\(details.familyName) family", signedIn: req.signedIn,
                      breadcrumbs: [("Caseload", SiteURL.caseload.path)]).render(
            .div(.class("page-heading"),
                .h1(.text("\(details.familyName) family"), .span(.class("caption"), .text(details.caseNumber))),
                .if(may(.update, .caseFile), .a(.class("button secondary"), .href(SiteURL.editCase(caseID).path), "Change case details"))),
            summary(timeline),
            members(),
            .if(may(.read, .relationship), relationships()),
            .if(may(.read, .removalEpisode), episodes()),
            .if(may(.read, .permanencyGoal), goals()),
            .if(may(.read, .reunificationReview), reviewSection()),
            .if(may(.read, .assessment), assessmentSection()),
            .if(may(.read, .casePlan), planSection()),
            .if(may(.read, .referral) || may(.read, .serviceSession), servicesSection()),
            .if(may(.read, .visitPlan), familyTimeSection()),
            .if(may(.read, .hearing), permanencySection()),
            .if(may(.read, .message) && signedIn?.isFamily != true, messagesSection()),
            .if(may(.create, .invitation) && signedIn?.isFamily != true, familyAccountsSection(now: req.now)),
            team(),
            .if(may(.read, .auditTrail), .p(.a(.href(SiteURL.auditTrail(caseID).path), "See who has viewed and changed this case")))
        )
    }

    func summary(_ timeline: CaseTimeline) -> Node<HTML.BodyContext> {
        let worker = overview.team.first { $0.userID == details.caseworkerID }?.name ?? "Not assigned"
        let clock = overview.clock(timelines, today: today).filter { !$0.status.isSettled }
        let due = clock.filter { $0.status == .overdue } + clock.filter { $0.status != .overdue }.prefix(3)
        return .dl(.class("summary-list"),
            .group(.dt("Stage"), .dd(.span(.class("tag stage-\(details.stage.rawValue)"), .text(details.stage.label)))),
            .group(.dt("Caseworker"), .dd(.text(worker))),
            .group(.dt("Opened"), .dd(.text(details.openedOn.iso))),
            .group(.dt("Days in care"), .dd(.text(timeline.daysInCare(today: today).map { "\($0) days" } ?? "No child in care"))),
            .if(may(.read, .removalEpisode) && !due.isEmpty, .group(.dt("Overdue and next"), .dd(.ul(.class("plain"), .id("next-due"), .forEach(due) { item in
                .li(.class(item.status == .overdue ? "overdue" : ""),
                    .text("\(item.kind.label) — \(item.due.iso)\(item.status == .overdue ? " (overdue)" : "")"), .text(" (\(overview.name(item.childID)))"))
            })))))
    }

    func members() -> Node<HTML.BodyContext> {
        .section(.attribute(named: "aria-labelledby", value: "members-heading"),
            .div(.class("section-heading"),
                .h2(.id("members-heading"), "Family and people"),
                .if(may(.create, .member), .div(.class("actions"),
                    .a(.class("button secondary"), .href(SiteURL.newMember(caseID).path), "Add a person"),
                    .a(.href(SiteURL.existingMember(caseID).path), "Add someone already known")))),
            .table(.class("table"),
                .thead(.tr(.th("Name"), .th("Part in case"), .th("Born"), .th("Language"), .th(.span(.class("visually-hidden"), "Actions")))),
                .tbody(.forEach(overview.members) { row in
                    let p = row.person.details
                    return .tr(
                        .td(.strong(.text(p.fullName)),
                            .if(!p.otherNames.isEmpty, .div(.class("hint"), .text("Also known as " + p.otherNames.joined(separator: ", ")))),
                            .if(p.icwaStatus.mayApply,
                                .div(.class("tag warn"), .text("ICWA: \(p.icwaStatus.label)\(p.tribalAffiliation.map { " — \($0)" } ?? "")")))),
                        .td(.text(row.role.label)),
                        .td(.text(p.birthDate.map { "\($0.iso)\(p.birthDateEstimated ? " (estimated)" : "") · age \($0.age(on: today))" } ?? "Unknown")),
                        .td(.text(p.languages.joined(separator: ", ")), .if(p.interpreterNeeded, .div(.class("tag"), "Interpreter needed"))),
                        .td(.if(may(.update, .person), .a(.href(SiteURL.editPerson(caseID, row.person.id).path),
                                                          "Change", .span(.class("visually-hidden"), .text(" \(p.fullName)")))),
                            .if(may(.update, .person) && mayTrace, .div(.a(.href(SiteURL.duplicates(row.person.id).path),
                                                          "Duplicates?", .span(.class("visually-hidden"), .text(" Look for other records of \(p.fullName)"))))),
                            .if(row.role == .child && p.tracingConsent, .div(.class("tag"), "Tracing consent")))
                    )
                })))
    }

    func relationships() -> Node<HTML.BodyContext> {
        .section(
            .div(.class("section-heading"),
                .h2("Relationships"),
                .if(may(.create, .relationship), .a(.class("button secondary"), .href(SiteURL.newRelationship(caseID).path), "Add a relationship"))),
            overview.relationships.isEmpty ? .p("None recorded yet.") :
            .ul(.class("plain"), .forEach(overview.relationships) { r in
                let d = r.details
                let sentence = "\(overview.name(d.personID)) is the \(d.kind.label.lowercased()) of \(overview.name(d.relatedPersonID))"
                return .li(.text(sentence),
                           .if(may(.delete, .relationship), removeButton(SiteURL.removeRelationship(caseID, r.id).path, label: "Remove: \(sentence)")))
            }))
    }

    func episodes() -> Node<HTML.BodyContext> {
        .section(
            .div(.class("section-heading"),
                .h2("Time in care"),
                .if(may(.create, .removalEpisode), .a(.class("button secondary"), .href(SiteURL.newEpisode(caseID).path), "Record a removal"))),
            overview.episodes.isEmpty ? .p("No removal recorded.") :
            .forEach(overview.episodes) { e in
                let d = e.episode.details
                return .article(.class("episode"),
                    .h3(.text("\(e.childName): removed \(d.removalDate.iso)"), .if(d.isOpen, .span(.class("tag"), "In care")),
                        .if(reEntries.contains(e.episode.id.uuid),
                            .span(.class("tag warn flag-re-entry"), "Re-entry"))),
                    .p(.class("hint"), .text("\(d.manner.label) · entered care \(d.dateEnteredCare.iso) · "
                        + d.circumstances.map(\.label).joined(separator: ", "))),
                    .unwrap(d.dischargeDate) { .p(.text("Left care \($0.iso): \(d.dischargeReason?.label ?? "")")) },
                    .ol(.class("timeline"), .forEach(e.placements) { p in
                        let pd = p.details
                        return .li(.class(pd.isCurrent ? "current" : ""),
                            .div(.class("when"), .text("\(pd.startDate.iso) – \(pd.endDate?.iso ?? "now")")),
                            .div(.strong(.text(pd.setting.label)), .text(pd.caregiverName.isEmpty ? "" : " · \(pd.caregiverName)")),
                            .unwrap(pd.changeReason) { .div(.class("hint"), .text($0)) },
                            .if(may(.update, .placement), .a(.href(SiteURL.editPlacement(caseID, p.id).path), "Change",
                                                             .span(.class("visually-hidden"), .text(" placement from \(pd.startDate.iso)")))))
                    }),
                    .div(.class("actions"),
                        .if(may(.create, .placement) && d.isOpen, .a(.class("button secondary"),
                            .href(SiteURL.newPlacement(caseID, e.episode.id).path), .text("Add a placement for \(e.childName)"))),
                        .if(may(.update, .removalEpisode), .a(.href(SiteURL.editEpisode(caseID, e.episode.id).path), "Change removal details")))
                )
            })
    }

    func goals() -> Node<HTML.BodyContext> {
        .section(
            .div(.class("section-heading"),
                .h2("Permanency goals"),
                .if(may(.create, .permanencyGoal), .a(.class("button secondary"), .href(SiteURL.newGoal(caseID).path), "Set goals for a child"))),
            overview.goals.isEmpty ? .p("No goals set yet.") :
            .dl(.class("summary-list"), .forEach(overview.goals) { g in
                let d = g.details
                return .group(.dt(.text(overview.name(d.childID))),
                    .dd(.text("\(d.primary.label) (since \(d.primarySince.iso))"),
                        .unwrap(d.concurrent) { c in .div(.text("Concurrent: \(c.label) (since \(d.concurrentSince?.iso ?? "—"))")) },
                        .if(may(.update, .permanencyGoal), .a(.href(SiteURL.editGoal(caseID, g.id).path), "Change",
                                                              .span(.class("visually-hidden"), .text(" goals for \(overview.name(d.childID))"))))))
            }))
    }

    func team() -> Node<HTML.BodyContext> {
        let holders = [details.caseworkerID, details.supervisorID]
        return .section(
            .div(.class("section-heading"),
                .h2("Team"),
                .if(may(.create, .team), .a(.class("button secondary"), .href(SiteURL.newTeamMember(caseID).path), "Add someone to the team"))),
            .ul(.class("plain"), .forEach(overview.team) { t in
                .li(.text("\(t.name) — \(t.role.label)"),
                    .if(may(.delete, .team) && !holders.contains(t.userID), removeButton(SiteURL.removeTeamMember(caseID, t.userID).path,
                                                                                          label: "Remove \(t.name) from the team")))
            }))
    }

    /// A small form, so removing works without JavaScript and carries the CSRF token.
    func removeButton(_ action: String, label: String) -> Node<HTML.BodyContext> {
        .form(.class("inline"), .method(.post), .action(action),
            csrfField(signedIn),
            .button(.type(.submit), .class("link-button danger"), .attribute(named: "aria-label", value: label), "Remove"))
    }
}
