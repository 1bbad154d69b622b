import Foundation
import ReunifyDomain

extension OpenAPIDocument {
    static func query(_ name: String, _ schema: [String: Any], _ description: String) -> [String: Any] {
        ["name": name, "in": "query", "required": false, "schema": schema, "description": description]
    }

    static var languageTag: [String: Any] {
        ["type": "string", "pattern": "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$", "description": "a BCP 47 language tag: en, es, es-MX"]
    }

    static func servicesPaths() -> [String: Any] {
        let c = "/api/v1/cases/{caseID}"
        let all = [400, 401, 403, 404, 409, 422]
        var providers = op("The directory of providers and their services (query: category, language, place, eligibleFor a person: only the services they may be referred to)",
                           returns: array(ref("Provider")), errors: [401, 403, 404, 422])
        providers["parameters"] = [
            query("category", codes(ServiceCategory.self), "only services of this category"),
            query("language", languageTag, "only services given in this language"),
            query("place", string, "only services given at or near a place: a state code or name, or a town"),
            query("eligibleFor", uuid, "a person in a case open to the caller: only services they are eligible for"),
        ]
        return [
            "/api/v1/providers": ["get": providers],
            c + "/plans": [
                "get": op("The case's plan versions, first to last", params: ["caseID"], returns: array(ref("Plan"))),
                "post": op("Draft a new plan version", params: ["caseID"], body: "PlanInput", ok: 201, returns: ref("Plan"), errors: all),
            ],
            c + "/plans/{planID}": [
                "get": op("Read a plan version", params: ["caseID", "planID"], returns: ref("Plan")),
                "put": op("Change a draft (an agreed one goes back to draft); 'version' must be the one read", params: ["caseID", "planID"],
                          body: "PlanUpdate", returns: ref("Plan"), errors: all),
            ],
            c + "/plans/{planID}/agreements": [
                "post": op("Record a parent's or caregiver's answer to the plan: agreed, or not and why", params: ["caseID", "planID"],
                           body: "Agreement", returns: ref("Plan"), errors: all),
            ],
            c + "/plans/{planID}/approve": [
                "post": op("Approve an agreed plan (supervisors); active from startsOn, today when not given", params: ["caseID", "planID"],
                           body: "ApproveInput", returns: ref("Plan"), errors: all),
            ],
            c + "/referrals": [
                "get": op("The case's referrals the caller may see", params: ["caseID"], returns: array(ref("Referral"))),
                "post": op("Refer a member to a service: eligibility is checked first, then consent (on file, or given here)", params: ["caseID"],
                           body: "ReferralInput", ok: 201, returns: ref("Referral"), errors: all),
            ],
            c + "/sessions": [
                "get": op("The case's sessions with attendance and progress; clinical notes only to those allowed", params: ["caseID"],
                          returns: array(ref("Session"))),
                "post": op("Record a session that has happened", params: ["caseID"], body: "SessionInput", ok: 201, returns: ref("Session"),
                           errors: all),
            ],
            c + "/consents": [
                "get": op("The case's consents to share with providers", params: ["caseID"], returns: array(ref("Consent"))),
                "post": op("Record a member's consent to share with a provider", params: ["caseID"], body: "ConsentInput", ok: 201,
                           returns: ref("Consent"), errors: all),
            ],
            "/api/v1/referrals": [
                "get": op("Referrals open to the caller: for provider staff, their organisation's inbox", returns: array(ref("Referral")),
                          errors: [401]),
            ],
            "/api/v1/referrals/{referralID}": [
                "get": op("Read a referral (404 to anyone who may not see it)", params: ["referralID"], returns: ref("Referral")),
            ],
            "/api/v1/referrals/{referralID}/transitions": [
                "post": op("Move a referral (409 naming the allowed moves otherwise)", params: ["referralID"], body: "TransitionInput",
                           returns: ref("Referral"), errors: all),
            ],
            "/api/v1/consents/{consentID}/revoke": [
                "post": op("Revoke a consent from today", params: ["consentID"], body: "RevokeInput", returns: ref("Consent"), errors: all),
            ],
        ]
    }

    static func servicesSchemas() -> [String: Any] {
        let eligibility = object([
            "residentOf": nullable(array(["type": "string", "pattern": "^[A-Z0-9]{1,3}$"])),
            "minAge": nullable(["type": "integer"]), "maxAge": nullable(["type": "integer"]),
            "memberRoles": nullable(array(codes(MemberRole.self))),
            "referrers": nullable(array(codes(UserRole.self))),
        ], required: ["residentOf", "minAge", "maxAge"])
        let service = object([
            "id": uuid, "category": codes(ServiceCategory.self), "name": string, "languages": array(string), "locations": array(string),
            "hours": nullable(string), "capacity": nullable(["type": "integer"]), "waitlist": nullable(["type": "integer"]),
            "eligibility": eligibility,
        ], required: ["id", "category", "name", "languages", "eligibility"])
        let intervention = object([
            "id": uuid, "category": codes(ServiceCategory.self), "serviceId": nullable(uuid), "responsible": nullable(string),
            "frequency": nullable(string), "startsOn": nullable(date), "status": codes(InterventionStatus.self),
        ], required: ["category"])
        let objective = object([
            "id": uuid, "statement": text, "measure": text, "targetDate": date, "interventions": array(intervention),
        ], required: ["statement", "measure", "targetDate"])
        let goal = object(["id": uuid, "statement": text, "objectives": array(objective)], required: ["statement", "objectives"])
        let agreement = object([
            "personId": uuid, "agreed": ["type": "boolean"], "language": languageTag, "note": nullable(string), "recordedOn": nullable(date),
        ], required: ["personId", "agreed", "language"])
        return [
            "Provider": object([
                "id": uuid, "name": string, "region": string, "phone": nullable(string), "email": nullable(string), "address": nullable(string),
                "services": array(service),
            ], required: ["id", "name", "region", "services"]),
            "PlanInput": object(["goals": ["type": "array", "items": goal, "minItems": 1]], required: ["goals"]),
            "PlanUpdate": object(["goals": ["type": "array", "items": goal, "minItems": 1], "version": version], required: ["goals", "version"]),
            "Agreement": agreement,
            "ApproveInput": object(["startsOn": nullable(date)], required: []),
            "Plan": object([
                "id": uuid, "caseId": uuid, "number": ["type": "integer"], "version": version, "status": codes(PlanStatus.self),
                "goals": array(goal), "agreements": array(agreement), "draftedOn": date, "approvedBy": nullable(uuid),
                "approvedOn": nullable(date), "startsOn": nullable(date), "supersededOn": nullable(date),
            ], required: ["id", "caseId", "number", "version", "status", "goals", "agreements", "draftedOn"]),
            "ReferralInput": object([
                "personId": uuid, "serviceId": uuid, "interventionId": nullable(uuid), "reason": text,
                "consent": nullable(object(["scope": text, "expiresOn": nullable(date)], required: ["scope"])),
            ], required: ["personId", "serviceId", "reason"]),
            "TransitionInput": object(["to": codes(ReferralStatus.self), "reason": nullable(string), "outcome": nullable(string)], required: ["to"]),
            "Referral": object([
                "id": uuid, "caseId": uuid, "status": codes(ReferralStatus.self), "category": codes(ServiceCategory.self), "personId": uuid,
                "serviceId": uuid, "providerId": uuid, "interventionId": nullable(uuid), "reason": string, "referredOn": date,
                "closingReason": nullable(string), "outcome": nullable(string), "consentId": nullable(uuid), "restricted": ["type": "boolean"],
                "version": version, "serviceName": nullable(string), "providerName": nullable(string),
                "person": nullable(object([
                    "id": uuid, "givenName": string, "familyName": string, "phone": nullable(string), "email": nullable(string),
                    "languages": array(string), "interpreterNeeded": ["type": "boolean"],
                ], required: ["id", "givenName", "familyName", "languages", "interpreterNeeded"])),
            ], required: ["id", "caseId", "status", "category", "personId", "serviceId", "providerId", "reason", "referredOn", "restricted", "version"]),
            "SessionInput": object([
                "kind": codes(SessionKind.self), "date": date, "durationMinutes": ["type": "integer", "minimum": 1, "maximum": 720],
                "serviceId": nullable(uuid),
                "participants": ["type": "array", "minItems": 1, "items": object(["personId": uuid, "attendance": codes(Attendance.self)],
                                                                                 required: ["personId", "attendance"])],
                "progress": nullable(array(object(["objectiveId": uuid, "note": text], required: ["objectiveId", "note"]))),
                "clinicalNote": nullable(string),
            ], required: ["kind", "date", "durationMinutes", "participants"]),
            "Session": object([
                "id": uuid, "caseId": uuid, "kind": codes(SessionKind.self), "date": date, "durationMinutes": ["type": "integer"],
                "serviceId": nullable(uuid),
                "participants": array(object(["personId": uuid, "attendance": codes(Attendance.self)], required: ["personId", "attendance"])),
                "progress": array(object(["objectiveId": uuid, "note": string], required: ["objectiveId", "note"])),
                "clinicalNote": nullable(string), "hasClinicalNote": ["type": "boolean"], "recordedBy": uuid, "version": version,
            ], required: ["id", "caseId", "kind", "date", "durationMinutes", "participants", "progress", "hasClinicalNote", "recordedBy", "version"]),
            "ConsentInput": object([
                "personId": uuid, "providerId": uuid, "scope": text, "givenOn": nullable(date), "expiresOn": nullable(date),
            ], required: ["personId", "providerId", "scope"]),
            "RevokeInput": object(["reason": nullable(string)], required: []),
            "Consent": object([
                "id": uuid, "caseId": uuid, "personId": uuid, "providerId": uuid, "scope": string, "givenOn": date, "expiresOn": nullable(date),
                "revokedOn": nullable(date), "revocationReason": nullable(string), "standing": ["type": "boolean"], "version": version,
            ], required: ["id", "caseId", "personId", "providerId", "scope", "givenOn", "standing", "version"]),
        ]
    }
}
