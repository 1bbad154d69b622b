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
                .h2(.id("permanency-heading"), .text(t(.permHeading))),
                .if(may(.create, .hearing), .a(.class("button secondary"), .href(SiteURL.newHearing(caseID).path), .text(t(.permRecordHearing)))),
                .if(may(.create, .teamDecision), .a(.class("button secondary"), .href(SiteURL.newDecision(caseID).path), .text(t(.permRecordDecision))))),
            .h3(.text(t(.permDeadlines))),
            open.isEmpty ? .p(.text(t(.permNothingDue))) : DeadlinesTable.node(open, overview, language),
            .if(clock.count > open.count, .p(.class("hint"), .text(t(.permMet, ["count": LocalFormat.number(clock.count - open.count, language)])))),
            .h3(.text(t(.permHearings))),
            p.hearings.isEmpty ? .p(.text(t(.permNoHearing))) :
            .table(.class("table"), .id("hearings"),
                .thead(.tr(.th(.text(t(.columnDate))), .th(.text(t(.permHearing))), .th(.text(t(.permChildren))), .th(.text(t(.permFindings))),
                           .th(.span(.class("visually-hidden"), .text(t(.membersActions)))))),
                .tbody(.forEach(p.hearings) { h in
                    .tr(.id("hearing-\(h.id)"),
                        .td(.text(h.details.date.iso), .if(!h.details.isHeld(today: today), .span(.class("tag"), .text(t(.permScheduled))))),
                        .td(.text(h.details.kind.staffLabel(language))),
                        .td(.text(h.details.childIDs.map(overview.name).joined(separator: ", "))),
                        .td(.text([h.details.reasonableEfforts.map { t(.permReasonable, ["finding": $0.staffLabel(language).lowercased()]) },
                                   h.details.activeEfforts.map { t(.permActive, ["finding": $0.staffLabel(language).lowercased()]) },
                                   h.details.findings, h.details.orders, h.details.nextDate.map { t(.permNextDate, ["date": $0.iso]) }]
                                    .compactMap { $0 }.joined(separator: ". "))),
                        .td(.a(.href(SiteURL.courtReport(caseID, h.id).path), .text(t(.permCourtReport)),
                               .span(.class("visually-hidden"), .text(t(.permForDate, ["date": h.details.date.iso])))),
                            .if(may(.update, .hearing), .group(.text(" · "), .a(.href(SiteURL.editHearing(caseID, h.id).path), .text(t(.change)),
                                .span(.class("visually-hidden"), .text(t(.permChangeHearing, ["date": h.details.date.iso]))))))))
                })),
            .if(may(.read, .teamDecision), .group(
                .h3(.text(t(.permDecisions))),
                p.decisions.isEmpty ? .p(.text(t(.permNoDecision))) :
                .ol(.class("plain"), .id("decisions"), .forEach(p.decisions.reversed()) { d in
                    .li(DecisionView.node(d.details, overview, language),
                        .if(d.details.status == .awaitingApproval && may(.update, .decisionApproval),
                            .form(.method(.post), .action(SiteURL.approveDecision(caseID, d.id).path), csrfField(signedIn),
                                .button(.type(.submit), .class("button"), .text(t(.permApproveDecision, ["date": d.details.date.iso]))))))
                }))),
            .if(may(.read, .tprException), .group(
                .h3(.text(t(.permExceptions))),
                p.exceptions.isEmpty ? .p(.text(t(.permNoneRecorded))) :
                .ul(.forEach(p.exceptions) { e in
                    .li(.text(t(.permExceptionLine, ["child": overview.name(e.details.childID), "reason": e.details.reason.staffLabel(language),
                                                     "note": e.details.note, "by": e.details.recordedByName, "date": e.details.recordedOn.iso])))
                }),
                .if(may(.create, .tprException), .p(.a(.href(SiteURL.newTPRException(caseID).path), .text(t(.permRecordException))))))),
            .if(may(.read, .permanencyStep), pathsSection()),
            .if(icwa && may(.read, .icwaNotice), noticeLog()),
            .if(may(.read, .aftercarePlan), aftercareSection()),
            .if(may(.read, .followUp) && (discharged || !p.followUps.isEmpty), .group(
                .h3(.text(t(.permFollowUps))),
                p.followUps.isEmpty ? .p(.text(t(.permNoneYet))) :
                .table(.class("table"), .id("follow-ups"),
                    .thead(.tr(.th(.text(t(.columnDate))), .th(.text(t(.columnChild))), .th(.text(t(.permSeen))), .th(.text(t(.permHowChild))),
                               .th(.text(t(.permConcerns))), .th(.text(t(.permServicesNeeded))))),
                    .tbody(.forEach(p.followUps) { f in
                        .tr(.td(.text(f.details.date.iso)), .td(.text(overview.name(f.details.childID))), .td(.text(t(f.details.seen ? .yes : .no))),
                            .td(.text(f.details.wellbeing)), .td(.text(f.details.concerns ?? "")), .td(.text(f.details.servicesNeeded ?? "")))
                    })),
                .if(may(.create, .followUp), .p(.a(.href(SiteURL.newFollowUp(caseID).path), .text(t(.permRecordFollowUp))))))))
    }

    func noticeLog() -> Node<HTML.BodyContext> {
        let p = overview.permanency
        return .group(
            .h3(.text(t(.permNotices))),
            p.notices.isEmpty ? .p(.text(t(.permNoNotice))) :
            .table(.class("table"), .id("icwa-notices"),
                .thead(.tr(.th(.text(t(.columnChild))), .th(.text(t(.permHearing))), .th(.text(t(.permSentTo))), .th(.text(t(.permSent))),
                           .th(.text(t(.permReceived))))),
                .tbody(.forEach(p.notices) { n in
                    .tr(.td(.text(overview.name(n.details.childID))),
                        .td(.text(p.hearing(n.details.hearingID).map { t(.permHearingLine, ["kind": $0.details.kind.staffLabel(language), "date": $0.details.date.iso]) } ?? "")),
                        .td(.text(n.details.recipient)), .td(.text(n.details.sent.iso)),
                        .td(n.details.received.map { .text($0.iso) } ?? (may(.update, .icwaNotice) ? receivedForm(n) : .text(t(.permNotYet)))))
                })),
            .if(may(.create, .icwaNotice), .p(.a(.href(SiteURL.newNotice(caseID).path), .text(t(.permLogNotice))))))
    }

    func receivedForm(_ n: Recorded<NoticeSubject, ICWANoticeDetails>) -> Node<HTML.BodyContext> {
        let name = "received-\(n.id)"
        let view = FormView(FormData(values: ["\(name)-day": [String(today.day)], "\(name)-month": [String(today.month)],
                                              "\(name)-year": [String(today.year)], "version": [String(n.version)]]), language: language)
        return .form(.method(.post), .action(SiteURL.noticeReceived(caseID, n.id).path), .class("inline"), csrfField(signedIn),
            view.hidden("version"),
            view.date(name, t(.permReceivedOn, ["recipient": n.details.recipient]), hint: nil),
            .button(.type(.submit), .class("button secondary"), .text(t(.permSaveReceived))))
    }
}

extension CaseOverviewView {
    /// Each child's alternative permanency paths (those the goals name, and any worked before), step by step.
    func pathsSection() -> Node<HTML.BodyContext> {
        let p = overview.permanency
        let children = p.paths(children: overview.children.map(\.person.id), goals: overview.goals.map(\.details)).filter { !$0.paths.isEmpty }
        return .group(
            .h3(.id("paths"), .text(t(.pathsHeading))),
            children.isEmpty ? .p(.text(t(.pathsNone))) :
            .group(.forEach(children) { c in
                .group(.forEach(c.paths) { path in
                    let role = t(c.goals?.primary == path.plan ? .pathsGoal : c.goals?.concurrent == path.plan ? .pathsConcurrent : .pathsNoLonger)
                    let state: String = switch path.state {
                    case .notStarted: t(.pathsNotStarted)
                    case .underway: path.next.map { t(.pathsUnderwayNext, ["step": $0.staffLabel(language).lowercased()]) } ?? t(.pathsUnderway)
                    case .complete: t(.pathsComplete)
                    case .ruledOut: t(.pathsRuledOut)
                    }
                    return .div(.class("path"), .id("path-\(c.child)-\(path.plan.rawValue)"),
                        .h4(.text(t(.pathsTitle, ["child": overview.name(c.child), "plan": path.plan.staffLabel(language), "role": role, "state": state]))),
                        .table(.class("table"),
                            .thead(.tr(.th(.text(t(.pathsStep))), .th(.text(t(.pathsWhere))), .th(.text(t(.columnDate))), .th(.text(t(.pathsNote))),
                                       .th(.span(.class("visually-hidden"), .text(t(.membersActions)))))),
                            .tbody(.forEach(path.steps) { s in
                                .tr(.td(.text(s.step.staffLabel(language))),
                                    .td(.text(s.latest?.status.staffLabel(language) ?? t(.pathsNotStartedLabel))),
                                    .td(.text(s.latest?.date.iso ?? "")),
                                    .td(.text([s.latest?.note, s.latest?.recordedByName.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ")),
                                        .unwrap(s.history.compactMap(\.tracingRequestID).last) { tracing in
                                            .group(.text(" "), .a(.href(SiteURL.tracingRequest(tracing).path), .text(t(.pathsFamilySearch))))
                                        }),
                                    .td(.if(may(.create, .permanencyStep) && path.state != .complete,
                                        .a(.href(SiteURL.newPathStep(caseID).path + "?childId=\(c.child)&step=\(s.step.rawValue)"),
                                           .text(t(.pathsRecord)), .span(.class("visually-hidden"),
                                               .text(t(.pathsRecordWhich, ["step": s.step.staffLabel(language).lowercased(), "child": overview.name(c.child)])))))))
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
            .h3(.id("aftercare"), .text(t(.aftercareHeading))),
            .forEach(discharged) { (child, episode) in
                let day = episode.dischargeDate!
                let plan = p.aftercarePlan(of: child, discharged: day)
                let schedule = PermanencyClock(policy: timelines).aftercareSchedule(
                    discharged: day, followUps: p.followUps.filter { $0.details.childID == child && $0.details.seen }.map(\.details.date), today: today)
                return .div(.class("aftercare"), .id("aftercare-\(child)"),
                    .h4(.text(t(.aftercareLeft, ["child": overview.name(child), "date": day.iso,
                                                 "reason": episode.dischargeReason?.staffLabel(language).lowercased() ?? ""]))),
                    .unwrap(plan, { plan in
                        .dl(.class("facts"),
                            .dt(.text(t(.aftercareServices))), .dd(.ul(.forEach(plan.details.services) { .li(.text($0)) })),
                            .dt(.text(t(.aftercareWho))), .dd(.text(plan.details.checkInBy)),
                            .unwrap(plan.details.contact) { .group(.dt(.text(t(.aftercareReach))), .dd(.text($0))) },
                            .unwrap(plan.details.note) { .group(.dt(.text(t(.pathsNote))), .dd(.text($0))) })
                    }, else: .p(.text(t(.aftercareNone)))),
                    .if(plan == nil && may(.create, .aftercarePlan),
                        .p(.a(.href(SiteURL.newAftercarePlan(caseID).path + "?childId=\(child)"), .text(t(.aftercareMake)),
                              .span(.class("visually-hidden"), .text(t(.aftercareFor, ["child": overview.name(child)])))))),
                    .unwrap(plan.flatMap { may(.update, .aftercarePlan) ? $0 : nil }) { plan in
                        .p(.a(.href(SiteURL.editAftercarePlan(caseID, plan.id).path), .text(t(.aftercareChange)),
                              .span(.class("visually-hidden"), .text(t(.aftercareFor, ["child": overview.name(child)])))))
                    },
                    .table(.class("table"), .id("follow-up-days-\(child)"),
                        .caption(.text(t(.aftercareFollowUps))),
                        .thead(.tr(.th(.text(t(.aftercareAfter))), .th(.text(t(.deadlinesDue))), .th(.text(t(.permSeen))), .th(.text(t(.columnStatus))))),
                        .tbody(.forEach(schedule) { s in
                            .tr(.td(.text(t(.caseDays, ["count": LocalFormat.number(s.days, language)]))), .td(.text(s.due.iso)), .td(.text(s.seen?.iso ?? "")),
                                .td(.span(.class("tag \(s.status == .overdue ? "warn" : "")"), .text(s.status.staffLabel(language)))))
                        })))
            })
    }
}
