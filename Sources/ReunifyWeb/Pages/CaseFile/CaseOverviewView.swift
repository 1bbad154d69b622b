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

    var language: UILanguage { signedIn?.language ?? .english }
    func t(_ id: Msg, _ values: [String: String] = [:]) -> String { Catalogue.text(id, language, values) }

    func render(_ req: Request) -> Response {
        let timeline = overview.timeline(policy: timelines)
        let title = t(.caseTitle, ["family": details.familyName])
        return Layout(title: title, signedIn: req.signedIn,
                      breadcrumbs: [(t(.caseloadTitle), SiteURL.caseload.path)]).render(
            .div(.class("page-heading"),
                .h1(.text(title), .span(.class("caption"), .text(details.caseNumber))),
                .if(may(.update, .caseFile), .a(.class("button secondary"), .href(SiteURL.editCase(caseID).path), .text(t(.caseChangeDetails))))),
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
            .if(may(.read, .auditTrail), .p(.a(.href(SiteURL.auditTrail(caseID).path), .text(t(.caseAuditLink)))))
        )
    }

    func summary(_ timeline: CaseTimeline) -> Node<HTML.BodyContext> {
        let worker = overview.team.first { $0.userID == details.caseworkerID }?.name ?? t(.caseWorkerNone)
        let clock = overview.clock(timelines, today: today).filter { !$0.status.isSettled }
        let due = clock.filter { $0.status == .overdue } + clock.filter { $0.status != .overdue }.prefix(3)
        return .dl(.class("summary-list"),
            .group(.dt(.text(t(.caseStage))), .dd(.span(.class("tag stage-\(details.stage.rawValue)"), .text(details.stage.staffLabel(language))))),
            .group(.dt(.text(t(.caseWorker))), .dd(.text(worker))),
            .group(.dt(.text(t(.caseOpened))), .dd(.text(details.openedOn.iso))),
            .group(.dt(.text(t(.caseDaysInCare))), .dd(.text(timeline.daysInCare(today: today).map { t(.caseDays, ["count": LocalFormat.number($0, language)]) }
                                                            ?? t(.caseNoChildInCare)))),
            .if(may(.read, .removalEpisode) && !due.isEmpty, .group(.dt(.text(t(.caseOverdueAndNext))), .dd(.ul(.class("plain"), .id("next-due"), .forEach(due) { item in
                .li(.class(item.status == .overdue ? "overdue" : ""),
                    .text(t(item.status == .overdue ? .caseOverdueLine : .caseDueLine, ["what": item.kind.staffLabel(language), "date": item.due.iso])),
                    .text(" (\(overview.name(item.childID)))"))
            })))))
    }

    func members() -> Node<HTML.BodyContext> {
        .section(.attribute(named: "aria-labelledby", value: "members-heading"),
            .div(.class("section-heading"),
                .h2(.id("members-heading"), .text(t(.membersHeading))),
                .if(may(.create, .member), .div(.class("actions"),
                    .a(.class("button secondary"), .href(SiteURL.newMember(caseID).path), .text(t(.membersAdd))),
                    .a(.href(SiteURL.existingMember(caseID).path), .text(t(.membersAddKnown)))))),
            .table(.class("table"),
                .thead(.tr(.th(.text(t(.membersName))), .th(.text(t(.membersPart))), .th(.text(t(.membersBorn))), .th(.text(t(.membersLanguage))),
                           .th(.span(.class("visually-hidden"), .text(t(.membersActions)))))),
                .tbody(.forEach(overview.members) { row in
                    let p = row.person.details
                    return .tr(
                        .td(.strong(.text(p.fullName)),
                            .if(!p.otherNames.isEmpty, .div(.class("hint"), .text(t(.membersAlsoKnown, ["names": p.otherNames.joined(separator: ", ")])))),
                            .if(p.icwaStatus.mayApply,
                                .div(.class("tag warn"), .text(t(.membersICWA, ["status": p.icwaStatus.staffLabel(language)])
                                                                + (p.tribalAffiliation.map { " — \($0)" } ?? ""))))),
                        .td(.text(row.role.staffLabel(language))),
                        .td(.text(p.birthDate.map { t(p.birthDateEstimated ? .membersBornEstimated : .membersBornLine,
                                                      ["date": $0.iso, "age": LocalFormat.number($0.age(on: today), language)]) } ?? t(.membersUnknown))),
                        .td(.text(p.languages.map { Languages.display($0, in: language) }.joined(separator: ", ")),
                            .if(p.interpreterNeeded, .div(.class("tag"), .text(t(.membersInterpreter))))),
                        .td(.if(may(.update, .person), .a(.href(SiteURL.editPerson(caseID, row.person.id).path),
                                                          .text(t(.change)), .span(.class("visually-hidden"), .text(t(.membersChangeWho, ["name": p.fullName]))))),
                            .if(may(.update, .person) && mayTrace, .div(.a(.href(SiteURL.duplicates(row.person.id).path),
                                                          .text(t(.membersDuplicates)), .span(.class("visually-hidden"), .text(t(.membersDuplicatesWho, ["name": p.fullName])))))),
                            .if(row.role == .child && p.tracingConsent, .div(.class("tag"), .text(t(.membersTracingConsent)))))
                    )
                })))
    }

    func relationships() -> Node<HTML.BodyContext> {
        .section(
            .div(.class("section-heading"),
                .h2(.text(t(.relationshipsHeading))),
                .if(may(.create, .relationship), .a(.class("button secondary"), .href(SiteURL.newRelationship(caseID).path), .text(t(.relationshipsAdd))))),
            overview.relationships.isEmpty ? .p(.text(t(.noneRecorded))) :
            .ul(.class("plain"), .forEach(overview.relationships) { r in
                let d = r.details
                let sentence = t(.relationshipLine, ["person": overview.name(d.personID), "kind": d.kind.staffLabel(language).lowercased(),
                                                     "related": overview.name(d.relatedPersonID)])
                return .li(.text(sentence),
                           .if(may(.delete, .relationship), removeButton(SiteURL.removeRelationship(caseID, r.id).path,
                                                                          label: t(.relationshipRemove, ["sentence": sentence]))))
            }))
    }

    func episodes() -> Node<HTML.BodyContext> {
        .section(
            .div(.class("section-heading"),
                .h2(.text(t(.episodesHeading))),
                .if(may(.create, .removalEpisode), .a(.class("button secondary"), .href(SiteURL.newEpisode(caseID).path), .text(t(.episodesRecord))))),
            overview.episodes.isEmpty ? .p(.text(t(.episodesNone))) :
            .forEach(overview.episodes) { e in
                let d = e.episode.details
                return .article(.class("episode"),
                    .h3(.text(t(.episodeRemoved, ["child": e.childName, "date": d.removalDate.iso])), .if(d.isOpen, .span(.class("tag"), .text(t(.episodeInCare)))),
                        .if(reEntries.contains(e.episode.id.uuid),
                            .span(.class("tag warn flag-re-entry"), .text(t(.episodeReEntry))))),
                    .p(.class("hint"), .text(t(.episodeFacts, ["manner": d.manner.staffLabel(language), "date": d.dateEnteredCare.iso,
                                                               "circumstances": d.circumstances.map { $0.staffLabel(language) }.joined(separator: ", ")]))),
                    .unwrap(d.dischargeDate) { .p(.text(t(.episodeLeft, ["date": $0.iso, "reason": d.dischargeReason?.staffLabel(language) ?? ""]))) },
                    .ol(.class("timeline"), .forEach(e.placements) { p in
                        let pd = p.details
                        return .li(.class(pd.isCurrent ? "current" : ""),
                            .div(.class("when"), .text(t(.placementWhen, ["start": pd.startDate.iso, "end": pd.endDate?.iso ?? t(.placementNow)]))),
                            .div(.strong(.text(pd.setting.staffLabel(language))), .text(pd.caregiverName.isEmpty ? "" : " · \(pd.caregiverName)")),
                            .unwrap(pd.changeReason) { .div(.class("hint"), .text($0)) },
                            .if(may(.update, .placement), .a(.href(SiteURL.editPlacement(caseID, p.id).path), .text(t(.change)),
                                                             .span(.class("visually-hidden"), .text(t(.placementChangeWhich, ["date": pd.startDate.iso]))))))
                    }),
                    .div(.class("actions"),
                        .if(may(.create, .placement) && d.isOpen, .a(.class("button secondary"),
                            .href(SiteURL.newPlacement(caseID, e.episode.id).path), .text(t(.placementAdd, ["child": e.childName])))),
                        .if(may(.update, .removalEpisode), .a(.href(SiteURL.editEpisode(caseID, e.episode.id).path), .text(t(.episodeChange)))))
                )
            })
    }

    func goals() -> Node<HTML.BodyContext> {
        .section(
            .div(.class("section-heading"),
                .h2(.text(t(.goalsHeading))),
                .if(may(.create, .permanencyGoal), .a(.class("button secondary"), .href(SiteURL.newGoal(caseID).path), .text(t(.goalsSet))))),
            overview.goals.isEmpty ? .p(.text(t(.goalsNone))) :
            .dl(.class("summary-list"), .forEach(overview.goals) { g in
                let d = g.details
                return .group(.dt(.text(overview.name(d.childID))),
                    .dd(.text(t(.goalPrimary, ["plan": d.primary.staffLabel(language), "date": d.primarySince.iso])),
                        .unwrap(d.concurrent) { c in .div(.text(t(.goalConcurrent, ["plan": c.staffLabel(language), "date": d.concurrentSince?.iso ?? "—"]))) },
                        .if(may(.update, .permanencyGoal), .a(.href(SiteURL.editGoal(caseID, g.id).path), .text(t(.change)),
                                                              .span(.class("visually-hidden"), .text(t(.goalsChangeWhose, ["name": overview.name(d.childID)])))))))
            }))
    }

    func team() -> Node<HTML.BodyContext> {
        let holders = [details.caseworkerID, details.supervisorID]
        return .section(
            .div(.class("section-heading"),
                .h2(.text(t(.teamHeading))),
                .if(may(.create, .team), .a(.class("button secondary"), .href(SiteURL.newTeamMember(caseID).path), .text(t(.teamAdd))))),
            .ul(.class("plain"), .forEach(overview.team) { member in
                .li(.text(t(.teamLine, ["name": member.name, "role": member.role.staffLabel(language)])),
                    .if(may(.delete, .team) && !holders.contains(member.userID), removeButton(SiteURL.removeTeamMember(caseID, member.userID).path,
                                                                                               label: t(.teamRemove, ["name": member.name]))))
            }))
    }

    /// A small form, so removing works without JavaScript and carries the CSRF token.
    func removeButton(_ action: String, label: String) -> Node<HTML.BodyContext> {
        .form(.class("inline"), .method(.post), .action(action),
            csrfField(signedIn),
            .button(.type(.submit), .class("link-button danger"), .attribute(named: "aria-label", value: label), .text(t(.remove))))
    }
}
