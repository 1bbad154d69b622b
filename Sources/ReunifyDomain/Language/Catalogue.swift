import Foundation

/// The id of every message a user reads. Each language's table in `Catalogue` has a text for every id; values are
/// filled into `{name}` placeholders, never concatenated, so each language orders its own sentence.
public enum Msg: String, CaseIterable, Sendable {
    // The frame of every page
    case skipLink = "layout.skip"
    case footerStaff = "layout.footer.staff"
    case footerFamily = "layout.footer.family"
    case navMain = "nav.main"
    case navBreadcrumb = "nav.breadcrumb"
    case navCaseload = "nav.caseload"
    case navOverdue = "nav.overdue"
    case navOutcomes = "nav.outcomes"
    case navSearch = "nav.search"
    case navCalendar = "nav.calendar"
    case navTracing = "nav.tracing"
    case navServices = "nav.services"
    case navReferrals = "nav.referrals"
    case navPractice = "nav.practice"
    case navCalibration = "nav.calibration"
    case navFamilyHome = "nav.family.home"
    case navFamilyPlan = "nav.family.plan"
    case navFamilyVisits = "nav.family.visits"
    case navFamilyServices = "nav.family.services"
    case navFamilyMessages = "nav.family.messages"
    case signOut = "nav.signOut"
    case languageSwitch = "language.switch"
    case errorSummaryTitle = "form.errors.title"
    case errorPrefix = "form.errors.prefix"

    // Signing in
    case signInTitle = "signIn.title"
    case signInHeading = "signIn.heading"
    case signInEmail = "signIn.email"
    case signInPassword = "signIn.password"
    case signInSubmit = "signIn.submit"
    case signInHint = "signIn.hint"
    case signInNeedEmail = "signIn.error.email"
    case signInNeedPassword = "signIn.error.password"
    case signInRefused = "signIn.error.refused"
    case signInThrottledAccount = "signIn.error.throttled.account"
    case signInThrottledAddress = "signIn.error.throttled.address"

    // The family's home
    case homeTitle = "family.home.title"
    case homeWelcome = "family.home.welcome"
    case homeStageHeading = "family.home.stage.heading"
    case homeChildren = "family.home.children"
    case homeNextHeading = "family.home.next.heading"
    case homeNextVisit = "family.home.next.visit"
    case homeNextHearing = "family.home.next.hearing"
    case homePlanWaiting = "family.home.next.plan"
    case homeNothingNext = "family.home.next.none"
    case homeWorkerHeading = "family.home.worker.heading"
    case homeWorkerContact = "family.home.worker.contact"
    case homeWorkerNone = "family.home.worker.none"
    case homeHearingsHeading = "family.home.hearings.heading"
    case homeHearingsNone = "family.home.hearings.none"
    case homeHearingLine = "family.home.hearings.line"
    case homeNoCase = "family.home.noCase"

    // The family's plan
    case planTitle = "family.plan.title"
    case planNone = "family.plan.none"
    case planIntro = "family.plan.intro"
    case planInForce = "family.plan.inForce"
    case planStatus = "family.plan.status"
    case planGoal = "family.plan.goal"
    case planWhat = "family.plan.objective.what"
    case planHow = "family.plan.objective.how"
    case planBy = "family.plan.objective.by"
    case planHelp = "family.plan.objective.help"
    case planProgress = "family.plan.objective.progress"
    case planAnswerHeading = "family.plan.answer.heading"
    case planAnsweredYes = "family.plan.answer.agreed"
    case planAnsweredNo = "family.plan.answer.declined"
    case planAnswerNone = "family.plan.answer.none"
    case planAnswerQuestion = "family.plan.answer.question"
    case planAnswerYes = "family.plan.answer.yes"
    case planAnswerNo = "family.plan.answer.no"
    case planAnswerReason = "family.plan.answer.reason"
    case planAnswerReasonHint = "family.plan.answer.reasonHint"
    case planAnswerSubmit = "family.plan.answer.submit"
    case planAnswerChange = "family.plan.answer.change"
    case planAnswerChoose = "family.plan.error.choose"
    case planAnswerNeedReason = "family.plan.error.reason"
    case planAnswerClosed = "family.plan.answer.closed"
    case planAnswerSaved = "family.plan.answer.saved"

    // Family time
    case visitsTitle = "family.visits.title"
    case visitsComing = "family.visits.coming"
    case visitsNone = "family.visits.none"
    case visitsWhen = "family.visits.when"
    case visitsWhere = "family.visits.where"
    case visitsWith = "family.visits.with"
    case visitsKind = "family.visits.kind"
    case visitsSupervisor = "family.visits.supervisor"
    case visitsInterpreter = "family.visits.interpreter"
    case visitsInterpreterLanguage = "family.visits.interpreter.language"
    case visitsNoInterpreter = "family.visits.interpreter.none"
    case visitsNobody = "family.visits.supervisor.none"
    case visitsCalendar = "family.visits.calendar"
    case visitsTimeRange = "family.visits.timeRange"

    // Services
    case servicesTitle = "family.services.title"
    case servicesIntro = "family.services.intro"
    case servicesNone = "family.services.none"
    case servicesProgram = "family.services.program"
    case servicesProvider = "family.services.provider"
    case servicesAddress = "family.services.address"
    case servicesHours = "family.services.hours"
    case servicesStatus = "family.services.status"
    case servicesPhone = "family.services.phone"
    case notGiven = "common.notGiven"

    // Messages
    case messagesTitle = "family.messages.title"
    case messagesIntro = "family.messages.intro"
    case messagesIntroNoWorker = "family.messages.introNoWorker"
    case messagesNone = "family.messages.none"
    case messagesYou = "family.messages.you"
    case messagesLine = "family.messages.line"
    case messagesWrite = "family.messages.write"
    case messagesHint = "family.messages.hint"
    case messagesSend = "family.messages.send"
    case messagesEmpty = "family.messages.error.empty"
    case messagesTooLong = "family.messages.error.tooLong"
    case messagesSent = "family.messages.sent"
    case messagesOlder = "family.messages.older"

    // The plan's family summary (printed by staff for the family)
    case summaryTitle = "summary.title"
    case summaryHeading = "summary.heading"
    case summaryWorker = "summary.worker"
    case summaryWhoAgreed = "summary.whoAgreed"
    case summaryNobodyAsked = "summary.nobodyAsked"
    case summaryAgreed = "summary.agreed"
    case summaryDeclined = "summary.declined"
    case summaryPrintIn = "summary.printIn"

    // Invitations and their e-mail
    case inviteTitle = "family.invite.title"
    case inviteIntro = "family.invite.intro"
    case invitePassword = "family.invite.password"
    case invitePasswordHint = "family.invite.passwordHint"
    case inviteConfirm = "family.invite.confirm"
    case inviteSubmit = "family.invite.submit"
    case inviteTooShort = "family.invite.error.tooShort"
    case inviteMismatch = "family.invite.error.mismatch"
    case inviteGone = "family.invite.gone"
    case inviteGoneAdvice = "family.invite.goneAdvice"
    case inviteReady = "family.invite.ready"
    case inviteMailSubject = "mail.invite.subject"
    case inviteMailBody = "mail.invite.body"

    // Error pages
    case errorNotFound = "error.notFound"
    case errorForbidden = "error.forbidden"
    case errorUnauthorized = "error.unauthorized"
    case errorConflict = "error.conflict"
    case errorTooMany = "error.tooMany"
    case errorServer = "error.server"
    case errorBadInput = "error.badInput"
    case errorNotFoundAdvice = "error.notFound.advice"
    case errorForbiddenAdvice = "error.forbidden.advice"
    case errorForbiddenFamilyAdvice = "error.forbidden.familyAdvice"
    case errorGoCaseload = "error.goCaseload"
    case errorGoHome = "error.goHome"

    // Staff pages: the caseload, paging, and the search for people. Staff wording keeps the field's terms.
    case caseloadTitle = "staff.caseload.title"
    case caseloadOpenCase = "staff.caseload.openCase"
    case caseloadStage = "staff.caseload.stage"
    case caseloadAllStages = "staff.caseload.allStages"
    case caseloadShow = "staff.caseload.show"
    case caseloadCountOne = "staff.caseload.count.one"
    case caseloadCountMany = "staff.caseload.count.many"
    case caseloadEmpty = "staff.caseload.empty"
    case caseloadFamily = "staff.caseload.column.family"
    case caseloadChildren = "staff.caseload.column.children"
    case caseloadDaysInCare = "staff.caseload.column.daysInCare"
    case caseloadNextDue = "staff.caseload.column.nextDue"
    case caseloadStepUp = "staff.caseload.flag.stepUp"
    case caseloadStepDown = "staff.caseload.flag.stepDown"
    case caseloadDecision = "staff.caseload.flag.decision"
    case caseloadReEntry = "staff.caseload.flag.reEntry"
    case caseloadChildHome = "staff.caseload.child.home"
    case caseloadChildAge = "staff.caseload.child.age"
    case caseloadDue = "staff.caseload.due"
    case caseloadOverdue = "staff.caseload.due.overdue"
    case caseloadMoreOverdue = "staff.caseload.due.more"
    case pagesLabel = "staff.pages.label"
    case pagesPrevious = "staff.pages.previous"
    case pagesNext = "staff.pages.next"
    case pagesOf = "staff.pages.of"
    case searchTitle = "staff.search.title"
    case searchName = "staff.search.name"
    case searchHint = "staff.search.hint"
    case searchSubmit = "staff.search.submit"
    case searchNone = "staff.search.none"
    case searchBorn = "staff.search.column.born"
    case searchCases = "staff.search.column.cases"
    case searchBornOn = "staff.search.bornOn"
    case searchBornUnknown = "staff.search.bornUnknown"
    case searchCaseLine = "staff.search.caseLine"

    // Staff pages: the case page (its heading, summary, people, relationships, time in care, goals and team)
    case caseTitle = "staff.case.title"
    case caseChangeDetails = "staff.case.changeDetails"
    case caseStage = "staff.case.summary.stage"
    case caseWorker = "staff.case.summary.caseworker"
    case caseWorkerNone = "staff.case.summary.caseworker.none"
    case caseOpened = "staff.case.summary.opened"
    case caseDaysInCare = "staff.case.summary.daysInCare"
    case caseDays = "staff.case.summary.days"
    case caseNoChildInCare = "staff.case.summary.noChildInCare"
    case caseOverdueAndNext = "staff.case.summary.due"
    case caseDueLine = "staff.case.summary.dueLine"
    case caseOverdueLine = "staff.case.summary.overdueLine"
    case membersHeading = "staff.case.members.heading"
    case membersAdd = "staff.case.members.add"
    case membersAddKnown = "staff.case.members.addKnown"
    case membersName = "staff.case.members.name"
    case membersPart = "staff.case.members.part"
    case membersBorn = "staff.case.members.born"
    case membersLanguage = "staff.case.members.language"
    case membersActions = "staff.case.members.actions"
    case membersAlsoKnown = "staff.case.members.alsoKnown"
    case membersICWA = "staff.case.members.icwa"
    case membersBornLine = "staff.case.members.bornLine"
    case membersBornEstimated = "staff.case.members.bornEstimated"
    case membersUnknown = "staff.case.members.unknown"
    case membersInterpreter = "staff.case.members.interpreter"
    case change = "staff.change"
    case remove = "staff.remove"
    case membersChangeWho = "staff.case.members.changeWho"
    case membersDuplicates = "staff.case.members.duplicates"
    case membersDuplicatesWho = "staff.case.members.duplicatesWho"
    case membersTracingConsent = "staff.case.members.tracingConsent"
    case relationshipsHeading = "staff.case.relationships.heading"
    case relationshipsAdd = "staff.case.relationships.add"
    case noneRecorded = "staff.case.noneRecorded"
    case relationshipLine = "staff.case.relationships.line"
    case relationshipRemove = "staff.case.relationships.remove"
    case episodesHeading = "staff.case.episodes.heading"
    case episodesRecord = "staff.case.episodes.record"
    case episodesNone = "staff.case.episodes.none"
    case episodeRemoved = "staff.case.episode.removed"
    case episodeInCare = "staff.case.episode.inCare"
    case episodeReEntry = "staff.case.episode.reEntry"
    case episodeFacts = "staff.case.episode.facts"
    case episodeLeft = "staff.case.episode.left"
    case placementWhen = "staff.case.placement.when"
    case placementNow = "staff.case.placement.now"
    case placementChangeWhich = "staff.case.placement.changeWhich"
    case placementAdd = "staff.case.placement.add"
    case episodeChange = "staff.case.episode.change"
    case goalsHeading = "staff.case.goals.heading"
    case goalsSet = "staff.case.goals.set"
    case goalsNone = "staff.case.goals.none"
    case goalPrimary = "staff.case.goals.primary"
    case goalConcurrent = "staff.case.goals.concurrent"
    case goalsChangeWhose = "staff.case.goals.changeWhose"
    case teamHeading = "staff.case.team.heading"
    case teamAdd = "staff.case.team.add"
    case teamLine = "staff.case.team.line"
    case teamRemove = "staff.case.team.remove"
    case caseAuditLink = "staff.case.auditLink"
}

/// Reunify's message catalogue: the text of every `Msg` in every `UILanguage`.
///
/// Spanish is written for families as `../shared/GLOSSARY-es.md` sets out; the word choices are listed at the top of
/// `Catalogue+Spanish.swift`, the English family wording at the top of `Catalogue+English.swift`.
public enum Catalogue {
    /// The table of one language.
    public static func table(_ language: UILanguage) -> [Msg: String] {
        switch language {
        case .english: english
        case .spanish: spanish
        }
    }

    /// The message in a language with its placeholders filled. A message missing from a table (which the catalogue
    /// test forbids) falls back to English, then to its id.
    public static func text(_ id: Msg, _ language: UILanguage, _ values: [String: String] = [:]) -> String {
        var text = table(language)[id] ?? english[id] ?? id.rawValue
        for (name, value) in values {
            text = text.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return text
    }

    /// The ids a language's table lacks.
    public static func missing(in language: UILanguage) -> [Msg] {
        let table = table(language)
        return Msg.allCases.filter { (table[$0] ?? "").isEmpty }
    }

    /// The `{name}` placeholders of a text.
    public static func placeholders(_ text: String) -> Set<String> {
        var names: Set<String> = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
