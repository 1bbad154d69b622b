import Foundation
import ReunifyDomain

extension OpenAPIDocument {
    static var dateTime: [String: Any] {
        ["type": "string", "format": "date-time", "description": "ISO 8601 with an offset: 2026-12-03T10:00:00-08:00"]
    }

    static let familyTimeOperations: [String: (id: String, tag: String)] = [
        "get /api/v1/cases/{caseID}/visit-plans": ("listVisitPlans", "Family time"),
        "post /api/v1/cases/{caseID}/visit-plans": ("createVisitPlan", "Family time"),
        "get /api/v1/cases/{caseID}/visit-plans/{planID}": ("getVisitPlan", "Family time"),
        "put /api/v1/cases/{caseID}/visit-plans/{planID}": ("updateVisitPlan", "Family time"),
        "get /api/v1/cases/{caseID}/visit-plans/{planID}/level-changes": ("listLevelChanges", "Family time"),
        "post /api/v1/cases/{caseID}/visit-plans/{planID}/level-changes": ("requestLevelChange", "Family time"),
        "post /api/v1/cases/{caseID}/visit-plans/{planID}/level-changes/{changeID}/approve": ("approveLevelChange", "Family time"),
        "get /api/v1/cases/{caseID}/safety-assessments": ("listSafetyAssessments", "Family time"),
        "post /api/v1/cases/{caseID}/safety-assessments": ("recordSafetyAssessment", "Family time"),
        "get /api/v1/cases/{caseID}/visits": ("listVisits", "Family time"),
        "post /api/v1/cases/{caseID}/visits": ("scheduleVisit", "Family time"),
        "get /api/v1/cases/{caseID}/visits/{visitID}": ("getVisit", "Family time"),
        "put /api/v1/cases/{caseID}/visits/{visitID}/record": ("recordVisit", "Family time"),
        "get /api/v1/cases/{caseID}/visitation": ("getVisitation", "Family time"),
        "post /api/v1/cases/{caseID}/calendar-feed": ("getFamilyCalendarLink", "Family time"),
        "post /api/v1/calendar-feed": ("getMyCalendarLink", "Family time"),
        "delete /api/v1/calendar-feed": ("revokeMyCalendarLink", "Family time"),
    ]

    static func familyTimePaths() -> [String: Any] {
        let c = "/api/v1/cases/{caseID}"
        let all = [400, 401, 403, 404, 409, 422]
        var visitation = op("Visitation of a child over a period (dates, both included; the last \(VisitRules.defaultVisitationDays) days when not given), from the recorded visits",
                            params: ["caseID"], returns: ref("Visitation"), errors: [401, 403, 404, 422])
        visitation["parameters"] = [param("caseID"),
                                    ["name": "childId", "in": "query", "required": true, "schema": uuid, "description": "the child"],
                                    query("from", date, "first day of the period"), query("to", date, "last day of the period (today when not given)")]
        var scheduling = op("Schedule a visit of a plan (or a series with repeat; or enter one that already happened with its attendance); 409 naming each clash",
                            params: ["caseID"], body: "VisitInput", ok: 201, returns: ["anyOf": [ref("Visit"), array(ref("Visit"))]], errors: all)
        if var responses = scheduling["responses"] as? [String: Any] {
            responses["409"] = ["description": "The visit clashes with others (each named), or the plan cannot take visits",
                                "content": ["application/json": ["schema": ref("VisitClash")]]]
            scheduling["responses"] = responses
        }
        let renew = query("renew", ["type": "boolean"], "true: a new link, and the old one stops working")
        var family = op("The family's private calendar link (made when there is none)", params: ["caseID"], ok: 201, returns: ref("CalendarLink"),
                        errors: [401, 403, 404, 422])
        family["parameters"] = [param("caseID"), renew]
        var mine = op("The caller's private calendar link (made when there is none)", ok: 201, returns: ref("CalendarLink"), errors: [401, 403, 422])
        mine["parameters"] = [renew]
        return [
            c + "/visit-plans": [
                "get": op("The case's visit plans", params: ["caseID"], returns: array(ref("VisitPlan"))),
                "post": op("Make a visit plan for a child (below a trial home visit: that is reached by a level change)", params: ["caseID"],
                           body: "VisitPlanInput", ok: 201, returns: ref("VisitPlan"), errors: all),
            ],
            c + "/visit-plans/{planID}": [
                "get": op("Read a visit plan", params: ["caseID", "planID"], returns: ref("VisitPlan")),
                "put": op("Change a visit plan, all but its level and child; 'version' must be the one read", params: ["caseID", "planID"],
                          body: "VisitPlanUpdate", returns: ref("VisitPlan"), errors: all),
            ],
            c + "/visit-plans/{planID}/level-changes": [
                "get": op("The plan's level changes", params: ["caseID", "planID"], returns: array(ref("LevelChange"))),
                "post": op("Step family time up (needs a safety assessment at most 30 days old deciding safe or safe_with_plan, and waits for a supervisor) or down (at once, flagged for the supervisor)",
                           params: ["caseID", "planID"], body: "LevelChangeInput", ok: 201, returns: ref("LevelChange"), errors: all),
            ],
            c + "/visit-plans/{planID}/level-changes/{changeID}/approve": [
                "post": op("Approve a step up, or acknowledge a step down (supervisors)", params: ["caseID", "planID", "changeID"],
                           returns: ref("LevelChange"), errors: [401, 403, 404, 409, 422]),
            ],
            c + "/safety-assessments": [
                "get": op("The case's safety assessments", params: ["caseID"], returns: array(ref("SafetyAssessment"))),
                "post": op("Record a safety assessment of a child", params: ["caseID"], body: "SafetyAssessmentInput", ok: 201,
                           returns: ref("SafetyAssessment"), errors: all),
            ],
            c + "/visits": [
                "get": op("The case's visits", params: ["caseID"], returns: array(ref("Visit"))),
                "post": scheduling,
            ],
            c + "/visits/{visitID}": [
                "get": op("Read a visit", params: ["caseID", "visitID"], returns: ref("Visit")),
            ],
            c + "/visits/{visitID}/record": [
                "put": op("Record attendance and the observation of a visit whose start has passed", params: ["caseID", "visitID"],
                          body: "VisitRecordInput", returns: ref("Visit"), errors: all),
            ],
            c + "/visitation": ["get": visitation],
            c + "/calendar-feed": ["post": family],
            "/api/v1/calendar-feed": [
                "post": mine,
                "delete": op("Revoke the caller's calendar link", ok: 204, returns: nil, errors: [401, 403]),
            ],
        ]
    }

    static func familyTimeSchemas() -> [String: Any] {
        let logistics = object(["transport": string, "interpreterLanguage": languageTag, "travel": string, "cost": string], required: [])
        let planProps: [String: [String: Any]] = [
            "childId": uuid, "level": codes(VisitLevel.self), "participants": ["type": "array", "items": uuid, "minItems": 1],
            "frequency": text, "durationMinutes": ["type": "integer", "minimum": 15, "maximum": 20_160], "location": text,
            "supervisorId": uuid, "conditions": string, "logistics": logistics, "courtOrder": string, "reviewOn": date,
        ]
        let required = ["childId", "level", "participants", "frequency", "durationMinutes", "location"]
        let attendance = object(["personId": uuid, "status": codes(VisitAttendance.self)], required: ["personId", "status"])
        let observations = object(["wentWell": string, "concerns": string, "childReaction": string], required: [])
        return [
            "VisitPlanInput": object(planProps, required: required),
            "VisitPlanUpdate": updating(object(planProps, required: required)),
            "VisitPlan": object(planProps.merging(["id": uuid, "caseId": uuid, "version": version]) { a, _ in a },
                                required: required + ["id", "caseId", "version"]),
            "LevelChangeInput": object(["to": codes(VisitLevel.self), "reason": text, "courtOrder": string], required: ["to", "reason"]),
            "LevelChange": object([
                "id": uuid, "planId": uuid, "from": codes(VisitLevel.self), "to": codes(VisitLevel.self), "reason": string, "courtOrder": string,
                "status": ["type": "string", "enum": ["awaiting_approval", "approved"]], "stepUp": ["type": "boolean"], "requestedOn": date,
                "requestedBy": uuid, "safetyAssessmentId": uuid, "approvedBy": uuid, "approvedOn": date, "acknowledged": ["type": "boolean"],
                "version": version,
            ], required: ["id", "planId", "from", "to", "reason", "status", "stepUp", "requestedOn", "requestedBy", "acknowledged", "version"]),
            "SafetyAssessmentInput": object([
                "childId": uuid, "date": date, "dangerIndicators": array(text), "protectiveCapacities": array(string),
                "decision": codes(SafetyAssessmentDecision.self), "safetyPlan": string,
            ], required: ["childId", "date", "dangerIndicators", "decision"]),
            "SafetyAssessment": object([
                "id": uuid, "caseId": uuid, "childId": uuid, "date": date, "dangerIndicators": array(string), "protectiveCapacities": array(string),
                "decision": codes(SafetyAssessmentDecision.self), "safetyPlan": string, "version": version,
            ], required: ["id", "caseId", "childId", "date", "dangerIndicators", "protectiveCapacities", "decision", "version"]),
            "VisitInput": object([
                "planId": uuid, "start": dateTime, "end": dateTime, "location": string, "supervisorId": uuid,
                "attendance": array(attendance), "quality": codes(VisitQuality.self), "observations": observations,
                "repeat": object(["everyDays": ["type": "integer", "minimum": 1, "maximum": VisitRules.longestRepeatDays], "count": ["type": "integer", "minimum": 1, "maximum": VisitRules.longestSeries]],
                                 required: ["everyDays", "count"]),
            ], required: ["planId", "start", "end"]),
            "VisitRecordInput": object(["attendance": ["type": "array", "items": attendance, "minItems": 1], "quality": codes(VisitQuality.self),
                                        "observations": observations], required: ["attendance"]),
            "Visit": object([
                "id": uuid, "caseId": uuid, "planId": uuid, "childId": uuid, "level": codes(VisitLevel.self), "start": dateTime, "end": dateTime,
                "location": string, "supervisorId": uuid, "people": array(uuid),
                "status": ["type": "string", "enum": ["scheduled", "took_place", "did_not_take_place", "cancelled"]],
                "enteredAfterwards": ["type": "boolean"], "attendance": array(attendance), "quality": codes(VisitQuality.self),
                "observations": observations, "recordedAt": dateTime, "recordedBy": uuid, "version": ["type": "integer"],
            ], required: ["id", "caseId", "planId", "childId", "level", "start", "end", "location", "people", "status", "enteredAfterwards", "version"]),
            "Visitation": object([
                "childId": uuid, "from": date, "to": date, "scheduled": ["type": "integer"], "attended": ["type": "integer"],
                "quality": codes(VisitQuality.self), "visits": array(ref("Visit")),
            ], required: ["childId", "from", "to", "scheduled", "attended", "visits"]),
            "CalendarLink": object(["url": string, "createdAt": dateTime], required: ["url", "createdAt"]),
            "VisitClash": object([
                "error": ["type": "boolean"], "reason": string, "fields": array(object(["field": string, "message": string], required: ["field", "message"])),
                "conflicts": array(object(["visitId": uuid, "start": dateTime, "end": dateTime, "who": string], required: ["visitId", "start", "end", "who"])),
            ], required: ["error", "reason"]),
        ]
    }
}
