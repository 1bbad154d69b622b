import Foundation
import ReunifyDomain

extension OpenAPIDocument {
    static let permanencyOperations: [String: (id: String, tag: String)] = [
        "get /api/v1/cases/{caseID}/timeline": ("getTimeline", "Permanency"),
        "get /api/v1/cases/{caseID}/hearings": ("listHearings", "Permanency"),
        "post /api/v1/cases/{caseID}/hearings": ("recordHearing", "Permanency"),
        "get /api/v1/cases/{caseID}/hearings/{hearingID}": ("getHearing", "Permanency"),
        "put /api/v1/cases/{caseID}/hearings/{hearingID}": ("updateHearing", "Permanency"),
        "get /api/v1/cases/{caseID}/decisions": ("listTeamDecisions", "Permanency"),
        "post /api/v1/cases/{caseID}/decisions": ("recordTeamDecision", "Permanency"),
        "post /api/v1/cases/{caseID}/decisions/{decisionID}/approve": ("approveTeamDecision", "Permanency"),
        "get /api/v1/cases/{caseID}/tpr-exceptions": ("listTPRExceptions", "Permanency"),
        "post /api/v1/cases/{caseID}/tpr-exceptions": ("recordTPRException", "Permanency"),
        "get /api/v1/cases/{caseID}/icwa-notices": ("listICWANotices", "Permanency"),
        "post /api/v1/cases/{caseID}/icwa-notices": ("recordICWANotice", "Permanency"),
        "put /api/v1/cases/{caseID}/icwa-notices/{noticeID}": ("updateICWANotice", "Permanency"),
        "get /api/v1/cases/{caseID}/follow-ups": ("listFollowUps", "Permanency"),
        "post /api/v1/cases/{caseID}/follow-ups": ("recordFollowUp", "Permanency"),
        "get /api/v1/cases/{caseID}/permanency-paths": ("listPermanencyPaths", "Permanency"),
        "post /api/v1/cases/{caseID}/permanency-steps": ("recordPermanencyStep", "Permanency"),
        "get /api/v1/cases/{caseID}/aftercare-plans": ("listAftercarePlans", "Permanency"),
        "post /api/v1/cases/{caseID}/aftercare-plans": ("recordAftercarePlan", "Permanency"),
        "put /api/v1/cases/{caseID}/aftercare-plans/{planID}": ("updateAftercarePlan", "Permanency"),
    ]

    static func permanencyPaths() -> [String: Any] {
        let c = "/api/v1/cases/{caseID}"
        let all = [400, 401, 403, 404, 409, 422]
        return [
            c + "/timeline": [
                "get": op("Every deadline of every child with a removal in the case: due date, status and its basis in words",
                          params: ["caseID"], returns: ref("Timeline"), errors: [401, 403, 404]),
            ],
            c + "/hearings": [
                "get": op("The case's hearings, held and scheduled, by date", params: ["caseID"], returns: array(ref("Hearing"))),
                "post": op("Record a hearing (dated after today: a scheduled one, without findings or orders)", params: ["caseID"],
                           body: "HearingInput", ok: 201, returns: ref("Hearing"), errors: all),
            ],
            c + "/hearings/{hearingID}": [
                "get": op("Read a hearing", params: ["caseID", "hearingID"], returns: ref("Hearing")),
                "put": op("Change a hearing (move it, or record its findings and orders once held); 'version' must be the one read",
                          params: ["caseID", "hearingID"], body: "HearingUpdate", returns: ref("Hearing"), errors: all),
            ],
            c + "/decisions": [
                "get": op("The team's decisions with every participant's position", params: ["caseID"], returns: array(ref("TeamDecision"))),
                "post": op("Record a team decision; it waits for a supervisor's approval (a change of goal takes effect then)", params: ["caseID"],
                           body: "TeamDecisionInput", ok: 201, returns: ref("TeamDecision"), errors: all),
            ],
            c + "/decisions/{decisionID}/approve": [
                "post": op("Approve a team decision (supervisors); a change of goal sets the children's goals", params: ["caseID", "decisionID"],
                           returns: ref("TeamDecision"), errors: [401, 403, 404, 409, 422]),
            ],
            c + "/tpr-exceptions": [
                "get": op("The case's exceptions to the TPR petition", params: ["caseID"], returns: array(ref("TPRException"))),
                "post": op("Record why a petition to terminate parental rights is not filed for a child in care", params: ["caseID"],
                           body: "TPRExceptionInput", ok: 201, returns: ref("TPRException"), errors: all),
            ],
            c + "/icwa-notices": [
                "get": op("The case's ICWA notice log", params: ["caseID"], returns: array(ref("ICWANotice"))),
                "post": op("Log an ICWA notice of a hearing: to whom, sent, received", params: ["caseID"], body: "ICWANoticeInput", ok: 201,
                           returns: ref("ICWANotice"), errors: all),
            ],
            c + "/icwa-notices/{noticeID}": [
                "put": op("Record when a notice was received, or correct it; 'version' must be the one read", params: ["caseID", "noticeID"],
                          body: "ICWANoticeUpdate", returns: ref("ICWANotice"), errors: all),
            ],
            c + "/follow-ups": [
                "get": op("The case's aftercare follow-ups", params: ["caseID"], returns: array(ref("FollowUp"))),
                "post": op("Record an aftercare follow-up of a child who left care home, to a relative or to a guardian", params: ["caseID"],
                           body: "FollowUpInput", ok: 201, returns: ref("FollowUp"), errors: all),
            ],
            c + "/permanency-paths": [
                "get": op("Each child's alternative permanency paths (those their goals name, and any worked before) with every step's latest entry",
                          params: ["caseID"], returns: ref("PermanencyPaths")),
            ],
            c + "/permanency-steps": [
                "post": op("Record a step of an alternative permanency path (started, done, not needed or ruled out); a relative search with startTracing files a family search",
                           params: ["caseID"], body: "PermanencyStepInput", ok: 201, returns: ref("PermanencyStep"), errors: all),
            ],
            c + "/aftercare-plans": [
                "get": op("The case's aftercare plans with their follow-up days", params: ["caseID"], returns: array(ref("AftercarePlan"))),
                "post": op("Make the aftercare plan for a child's discharge home, to a relative or to a guardian", params: ["caseID"],
                           body: "AftercarePlanInput", ok: 201, returns: ref("AftercarePlan"), errors: all),
            ],
            c + "/aftercare-plans/{planID}": [
                "put": op("Change an aftercare plan; 'version' must be the one read", params: ["caseID", "planID"], body: "AftercarePlanUpdate",
                          returns: ref("AftercarePlan"), errors: all),
            ],
        ]
    }

    static func permanencySchemas() -> [String: Any] {
        let lines: [String: Any] = ["anyOf": [string, array(string)], "description": "text, or a list of lines"]
        let findings: [String: Any] = ["anyOf": [string, object(["text": string, "reasonableEfforts": codes(EffortsFinding.self),
                                                                  "activeEfforts": codes(EffortsFinding.self)], required: [])],
                                       "description": "the court's findings in words, or {text, reasonableEfforts, activeEfforts}"]
        let hearingProps: [String: [String: Any]] = [
            "childIds": ["type": "array", "items": uuid, "minItems": 1], "kind": codes(HearingKind.self), "date": date, "court": string,
            "attended": array(string), "reasonableEfforts": codes(EffortsFinding.self), "activeEfforts": codes(EffortsFinding.self),
            "findings": findings, "orders": lines, "nextDate": date,
        ]
        let participant = object(["name": text, "role": codes(ParticipantRole.self), "position": text, "reason": text],
                                 required: ["name", "role", "position", "reason"])
        let informed = object(["date": date, "how": text, "language": text], required: ["date", "how", "language"])
        let goal = object(["childId": uuid, "primary": codes(PermanencyPlan.self), "concurrent": codes(PermanencyPlan.self)], required: ["primary"])
        let newGoal: [String: Any] = ["anyOf": [codes(PermanencyPlan.self), goal, array(goal)],
                                      "description": "for change_permanency_goal: a plan for every child in care, or each child's goals; when left out each child's concurrent goal becomes the goal"]
        let aftercareProps: [String: [String: Any]] = ["childId": uuid, "services": lines, "checkInBy": text, "contact": string, "note": string]
        let noticeProps: [String: [String: Any]] = ["childId": uuid, "hearingId": uuid, "recipient": text, "sent": date, "received": date]
        return [
            "Timeline": object(["items": array(object([
                "kind": codes(ClockKind.self), "childId": uuid, "due": date, "status": codes(ClockStatus.self), "basis": string,
            ], required: ["kind", "childId", "due", "status", "basis"]))], required: ["items"]),
            "HearingInput": object(hearingProps, required: ["childIds", "kind", "date"]),
            "HearingUpdate": updating(object(hearingProps, required: ["childIds", "kind", "date"])),
            "Hearing": object(hearingProps.merging([
                "id": uuid, "caseId": uuid, "status": ["type": "string", "enum": ["scheduled", "held"]], "findings": string, "orders": string,
                "version": version,
            ]) { _, b in b }, required: ["id", "caseId", "childIds", "kind", "date", "status", "attended", "version"]),
            "TeamDecisionInput": object([
                "date": date, "participants": array(participant), "decision": codes(TeamDecisionKind.self), "rationale": text,
                "familyInformed": informed, "newGoal": newGoal,
            ], required: ["date", "participants", "decision", "rationale"]),
            "TeamDecision": object([
                "id": uuid, "caseId": uuid, "date": date, "participants": array(participant), "decision": codes(TeamDecisionKind.self),
                "rationale": string, "familyInformed": informed, "newGoals": array(goal), "status": codes(DecisionStatus.self),
                "recordedBy": uuid, "approvedBy": uuid, "approvedOn": date, "version": version,
            ], required: ["id", "caseId", "date", "participants", "decision", "rationale", "newGoals", "status", "recordedBy", "version"]),
            "TPRExceptionInput": object(["childId": uuid, "reason": codes(TPRExceptionReason.self), "note": text],
                                        required: ["childId", "reason", "note"]),
            "TPRException": object([
                "id": uuid, "caseId": uuid, "childId": uuid, "reason": codes(TPRExceptionReason.self), "note": string, "recordedBy": uuid,
                "recordedByName": string, "recordedOn": date,
            ], required: ["id", "caseId", "childId", "reason", "note", "recordedBy", "recordedByName", "recordedOn"]),
            "ICWANoticeInput": object(noticeProps, required: ["childId", "hearingId", "recipient", "sent"]),
            "ICWANoticeUpdate": updating(object(noticeProps, required: ["childId", "hearingId", "recipient", "sent"])),
            "ICWANotice": object(noticeProps.merging(["id": uuid, "caseId": uuid, "recipient": string, "version": version]) { _, b in b },
                                 required: ["id", "caseId", "childId", "hearingId", "recipient", "sent", "version"]),
            "PermanencyStepInput": object([
                "childId": uuid, "step": codes(PathStep.self), "status": codes(StepStatus.self), "date": date, "note": string,
                "startTracing": ["type": "boolean"],
            ], required: ["childId", "step", "status", "date"]),
            "PermanencyStep": object([
                "id": uuid, "childId": uuid, "plan": codes(PermanencyPlan.self), "step": codes(PathStep.self), "label": string,
                "status": codes(StepStatus.self), "date": date, "note": string, "tracingRequestId": uuid, "recordedBy": string,
            ], required: ["id", "childId", "plan", "step", "label", "status", "date"]),
            "PermanencyPaths": object(["children": array(object([
                "childId": uuid, "primary": codes(PermanencyPlan.self), "concurrent": codes(PermanencyPlan.self),
                "paths": array(object([
                    "plan": codes(PermanencyPlan.self), "role": ["type": "string", "enum": ["primary", "concurrent", "former"]],
                    "state": ["type": "string", "enum": ["not_started", "underway", "complete", "ruled_out"]], "next": codes(PathStep.self),
                    "steps": array(object([
                        "step": codes(PathStep.self), "label": string,
                        "status": ["type": "string", "enum": ["not_started"] + StepStatus.allCases.map(\.rawValue)],
                        "date": date, "note": string, "tracingRequestId": uuid,
                    ], required: ["step", "label", "status"])),
                ], required: ["plan", "role", "state", "steps"])),
            ], required: ["childId", "paths"]))], required: ["children"]),
            "AftercarePlanInput": object(aftercareProps, required: ["childId", "services", "checkInBy"]),
            "AftercarePlanUpdate": updating(object(aftercareProps, required: ["childId", "services", "checkInBy"])),
            "AftercarePlan": object(aftercareProps.merging([
                "id": uuid, "caseId": uuid, "discharged": date, "services": array(string), "checkInBy": string, "version": version,
                "followUps": array(object(["days": ["type": "integer"], "due": date, "seen": date, "status": codes(ClockStatus.self)],
                                          required: ["days", "due", "status"])),
            ]) { _, b in b }, required: ["id", "caseId", "childId", "discharged", "services", "checkInBy", "followUps", "version"]),
            "FollowUpInput": object([
                "childId": uuid, "date": date, "seen": ["type": "boolean"], "wellbeing": text, "concerns": lines, "servicesNeeded": lines,
            ], required: ["childId", "date", "seen", "wellbeing"]),
            "FollowUp": object([
                "id": uuid, "caseId": uuid, "childId": uuid, "date": date, "seen": ["type": "boolean"], "wellbeing": string,
                "concerns": string, "servicesNeeded": string,
            ], required: ["id", "caseId", "childId", "date", "seen", "wellbeing"]),
        ]
    }
}
