import Foundation
import Vapor
import ReunifyDomain

/// The OpenAPI 3.1 description of `/api/v1`, served at `/api/v1/openapi.json`. Code lists come from the
/// domain's enums, so the document cannot fall behind them; a test checks every registered route is here.
enum OpenAPIDocument {
    static func response() -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: document(), options: [.sortedKeys, .prettyPrinted])) ?? Data()
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.contentType = .json
        return response
    }

    static func ref(_ name: String) -> [String: Any] { ["$ref": "#/components/schemas/\(name)"] }
    static var string: [String: Any] { ["type": "string"] }
    static var date: [String: Any] { ["type": "string", "format": "date"] }
    static var uuid: [String: Any] { ["type": "string", "format": "uuid"] }
    /// Text a person must write. The schema says only "not empty": the API trims spaces and counts characters as a
    /// reader does, which a schema cannot say, so the schema must stay the looser of the two.
    static var text: [String: Any] { ["type": "string", "minLength": 1] }
    static var version: [String: Any] { ["type": "integer", "minimum": 1, "maximum": 2_147_483_647] }
    static var rating: [String: Any] { ["type": "integer", "minimum": -3, "maximum": 2, "description": "+2 clear strength … −3 serious problem"] }
    static func nullable(_ s: [String: Any]) -> [String: Any] { ["anyOf": [s, ["type": "null"]]] }
    static func codes<T: CodedValue>(_ type: T.Type) -> [String: Any] { ["type": "string", "enum": T.allCases.map(\.rawValue)] }
    static func array(_ s: [String: Any]) -> [String: Any] { ["type": "array", "items": s] }
    /// An object whose listed fields must be present. A field that may be left out may also be sent as null (the API
    /// reads both as "not given"), so the schema says so.
    static func object(_ props: [String: [String: Any]], required: [String]) -> [String: Any] {
        let described = props.reduce(into: [String: [String: Any]]()) { result, entry in
            let alreadyNullable = (entry.value["anyOf"] as? [[String: Any]])?.contains { $0["type"] as? String == "null" } ?? false
            result[entry.key] = required.contains(entry.key) || alreadyNullable ? entry.value : nullable(entry.value)
        }
        return ["type": "object", "properties": described, "required": required]
    }

    /// A new record's body: its fields without `version`, which only a change names (one sent on creation is ignored).
    static func creating(_ props: [String: [String: Any]]) -> [String: [String: Any]] {
        props.filter { $0.key != "version" }
    }

    static func creating(_ schema: [String: Any]) -> [String: Any] {
        var s = schema
        s["properties"] = (schema["properties"] as? [String: Any])?.filter { $0.key != "version" }
        return s
    }

    /// A change's body: the record's fields and the `version` it was based on, which a change must name.
    static func updating(_ schema: [String: Any]) -> [String: Any] {
        var s = schema
        var props = schema["properties"] as? [String: Any] ?? [:]
        props["version"] = version
        s["properties"] = props
        s["required"] = ((schema["required"] as? [String]) ?? []) + ["version"]
        return s
    }

    static func param(_ name: String) -> [String: Any] {
        ["name": name, "in": "path", "required": true, "schema": uuid]
    }

    static func op(_ summary: String, params: [String] = [], body: String? = nil, ok: Int = 200, returns: [String: Any]?,
                   errors: [Int] = [400, 401, 403, 404, 422], secured: Bool = true) -> [String: Any] {
        var responses: [String: Any] = [:]
        responses[String(ok)] = returns.map { ["description": "Success", "content": ["application/json": ["schema": $0]]] } ?? ["description": "Success"]
        for code in errors { responses[String(code)] = ["description": "Error", "content": ["application/json": ["schema": ref("Error")]]] }
        var operation: [String: Any] = ["summary": summary, "responses": responses, "parameters": params.map(param)]
        if let body { operation["requestBody"] = ["required": true, "content": ["application/json": ["schema": ref(body)]]] }
        if !secured { operation["security"] = [] as [Any] }
        return operation
    }

    static func document() -> [String: Any] {
        let c = "/api/v1/cases/{caseID}"
        let paths: [String: Any] = [
            "/api/v1/auth/token": [
                "post": op("Exchange an email and password for a bearer token", body: "Credentials", ok: 201, returns: ref("Token"),
                           errors: [400, 401, 429], secured: false),
                "delete": op("Revoke the token this request is sent with", ok: 204, returns: nil, errors: [401]),
            ],
            "/api/v1/openapi.json": ["get": op("This document", returns: ["type": "object"], errors: [], secured: false)],
            "/api/v1/cases": [
                "get": op("List the cases open to the caller, a page at a time (query: page, per, stage)", returns: ref("CasePage"), errors: [401, 422]),
                "post": op("Open a case", body: "CaseInput", ok: 201, returns: ref("Case"), errors: [400, 401, 403, 409, 422]),
            ],
            c: [
                "get": op("Read a case", params: ["caseID"], returns: ref("Case")),
                "put": op("Change a case; 'version' must be the one read", params: ["caseID"], body: "CaseUpdate", returns: ref("Case"),
                          errors: [400, 401, 403, 404, 409, 422]),
            ],
            c + "/members": [
                "get": op("The case's members with their persons", params: ["caseID"], returns: array(ref("Member"))),
                "post": op("Add a person to the case: a known one by personId, or a new one", params: ["caseID"], body: "MemberInput",
                           ok: 201, returns: ref("Member"), errors: [400, 401, 403, 404, 409, 422]),
            ],
            c + "/episodes": [
                "get": op("The case's removal episodes", params: ["caseID"], returns: array(ref("Episode"))),
                "post": op("Record a removal", params: ["caseID"], body: "EpisodeInput", ok: 201, returns: ref("Episode"),
                           errors: [400, 401, 403, 404, 409, 422]),
            ],
            c + "/episodes/{episodeID}": [
                "put": op("Change a removal episode", params: ["caseID", "episodeID"], body: "EpisodeUpdate", returns: ref("Episode"),
                          errors: [400, 401, 403, 404, 409, 422]),
            ],
            c + "/episodes/{episodeID}/placements": [
                "get": op("The episode's placements, oldest first", params: ["caseID", "episodeID"], returns: array(ref("Placement"))),
                "post": op("Add a placement; the current one ends the day the new one starts", params: ["caseID", "episodeID"],
                           body: "PlacementInput", ok: 201, returns: ref("Placement")),
            ],
            c + "/goals": [
                "get": op("The children's permanency goals (primary and concurrent)", params: ["caseID"], returns: array(ref("Goals"))),
                "post": op("Set a child's permanency goals", params: ["caseID"], body: "GoalsInput", ok: 201, returns: ref("Goals"),
                           errors: [400, 401, 403, 404, 409, 422]),
            ],
            c + "/goals/{goalID}": [
                "put": op("Change a child's permanency goals; 'version' must be the one read", params: ["caseID", "goalID"], body: "GoalsUpdate",
                          returns: ref("Goals"), errors: [400, 401, 403, 404, 409, 422]),
            ],
            c + "/placements/{placementID}": [
                "put": op("Change a placement", params: ["caseID", "placementID"], body: "PlacementUpdate", returns: ref("Placement"),
                          errors: [400, 401, 403, 404, 409, 422]),
            ],
            "/api/v1/instruments": [
                "get": op("Every assessment instrument in use: shipped and added", returns: array(ref("Instrument")), errors: [401]),
                "post": op("Add an instrument definition (administrators); a known id and version is refused", body: "Instrument",
                           ok: 201, returns: ref("Instrument"), errors: [400, 401, 403, 409, 422]),
            ],
            c + "/assessments": [
                "get": op("The case's assessments with their strengths and problems", params: ["caseID"], returns: array(ref("Assessment"))),
                "post": op("Start (draft) or complete an assessment", params: ["caseID"], body: "AssessmentInput", ok: 201,
                           returns: ref("Assessment")),
            ],
            c + "/assessments/{assessmentID}": [
                "get": op("Read an assessment", params: ["caseID", "assessmentID"], returns: ref("Assessment")),
                "put": op("Save a draft's ratings, or complete it; 'version' must be the one read", params: ["caseID", "assessmentID"],
                          body: "AssessmentUpdate", returns: ref("Assessment"), errors: [400, 401, 403, 404, 409, 422]),
            ],
            c + "/reunification-reviews": [
                "get": op("The case's reunification reviews, newest first", params: ["caseID"], returns: array(ref("Review"))),
                "post": op("Run a reunification review for a child in care with a reunification goal", params: ["caseID"],
                           body: "ReviewRequest", ok: 201, returns: ref("Review")),
            ],
            c + "/reunification-reviews/{reviewID}": [
                "get": op("Read a review with the reasons for its recommendation", params: ["caseID", "reviewID"], returns: ref("Review")),
            ],
            c + "/reunification-reviews/{reviewID}/override": [
                "post": op("A supervisor overrides the recommendation with a reason; the initial one is kept", params: ["caseID", "reviewID"],
                           body: "OverrideRequest", returns: ref("Review"), errors: [400, 401, 403, 404, 409, 422]),
            ],
            c + "/reunification-reviews/{reviewID}/approve": [
                "post": op("A supervisor approves a review whose risk level was overridden at the worker's discretion",
                           params: ["caseID", "reviewID"], body: "ApproveRequest", returns: ref("Review"), errors: [400, 401, 403, 404, 409]),
            ],
            "/api/v1/persons/{personID}": [
                "get": op("Read a person in a case open to the caller", params: ["personID"], returns: ref("Person")),
                "put": op("Change a person's details", params: ["personID"], body: "PersonUpdate", returns: ref("Person"),
                          errors: [400, 401, 403, 404, 409, 422]),
            ],
        ]
        return [
            "openapi": "3.1.0",
            "info": ["title": "Reunify API", "version": "1.0.0",
                     "description": "Case management for family reunification. Every call is checked against the access policy for the caller's role and the case, and recorded in the audit log."],
            "paths": annotated(paths.merging(tracingPaths()) { a, _ in a }.merging(servicesPaths()) { a, _ in a }
                .merging(familyTimePaths()) { a, _ in a }.merging(permanencyPaths()) { a, _ in a }.merging(outcomesPaths()) { a, _ in a }),
            "tags": tags,
            "components": ["schemas": schemas().merging(tracingSchemas()) { a, _ in a }.merging(servicesSchemas()) { a, _ in a }
                .merging(familyTimeSchemas()) { a, _ in a }
                .merging(permanencySchemas()) { a, _ in a }.merging(outcomesSchemas()) { a, _ in a }, "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]]],
            "security": [["bearer": [] as [Any]]],
        ]
    }

    static func schemas() -> [String: Any] {
        let personProps: [String: [String: Any]] = [
            "givenName": text, "familyName": text, "otherNames": array(string), "birthDate": nullable(date),
            "birthDateEstimated": ["type": "boolean"], "sex": codes(Sex.self), "languages": array(string),
            "interpreterNeeded": ["type": "boolean"], "tribalAffiliation": nullable(string), "icwaStatus": codes(ICWAStatus.self),
            "phone": nullable(string), "email": nullable(string), "version": version,
            "address": ["anyOf": [ref("Address"), ["type": "string", "maxLength": Address.maxLine], ["type": "null"]],
                        "description": "Where the person lives. A plain string is taken as the street line."],
            "placeOfOrigin": nullable(string), "tracingConsent": ["type": "boolean", "description": "A child is matched with tracing requests only when true"],
        ]
        let caseProps: [String: [String: Any]] = [
            "caseNumber": ["type": "string", "minLength": 1, "description": "letters, digits, '-' and '/', 40 at most"],
            "familyName": text, "stage": codes(CaseStage.self), "caseworkerId": nullable(uuid),
            "supervisorId": nullable(uuid), "unit": text, "openedOn": date, "closedOn": nullable(date), "version": version,
        ]
        let episodeProps: [String: [String: Any]] = [
            "childId": uuid, "removalDate": date, "manner": codes(RemovalManner.self), "circumstances": array(codes(RemovalCircumstance.self)),
            "judicialFindingDate": nullable(date), "dischargeDate": nullable(date), "dischargeReason": nullable(codes(DischargeReason.self)),
            "version": version,
        ]
        let goalProps: [String: [String: Any]] = [
            "childId": uuid, "primary": codes(PermanencyPlan.self), "primarySince": date, "concurrent": codes(PermanencyPlan.self),
            "concurrentSince": date, "version": version,
        ]
        let placementProps: [String: [String: Any]] = [
            "setting": codes(PlacementSetting.self), "caregiverName": string, "startDate": date, "endDate": nullable(date),
            "changeReason": nullable(string), "version": version,
        ]
        let assessmentInput = object([
            "instrument": ["type": "string", "minLength": 1, "description": "id@version, or id for the newest version"],
            "point": codes(AssessmentPoint.self),
            "ratings": ["type": "object", "additionalProperties": rating, "description": "item id → rating; leave out what is not rated"],
            "notes": nullable(string), "complete": ["type": "boolean"], "version": version,
        ], required: ["instrument", "point"])
        func with(_ props: [String: [String: Any]], _ extra: [String: [String: Any]]) -> [String: [String: Any]] {
            props.merging(extra) { a, _ in a }
        }
        return [
            "Error": object(["error": ["type": "boolean"], "reason": string, "currentVersion": ["type": "integer"],
                             "fields": array(object(["field": string, "message": string], required: ["field", "message"]))],
                            required: ["error", "reason"]),
            "Credentials": object(["email": string, "password": string], required: ["email", "password"]),
            "Token": object(["token": string, "expiresAt": ["type": "string", "format": "date-time"]], required: ["token"]),
            "Case": object(with(caseProps, ["id": uuid]), required: ["id", "caseNumber", "familyName", "stage", "unit", "openedOn", "version"]),
            "CaseInput": object(creating(caseProps), required: ["caseNumber", "familyName"]),
            "CasePage": object(["items": array(ref("Case")), "page": ["type": "integer"], "per": ["type": "integer"], "total": ["type": "integer"]],
                               required: ["items", "page", "per", "total"]),
            "Address": object([
                "line": ["type": "string", "maxLength": Address.maxLine, "description": "street and number, or the whole address as one line"],
                "locality": ["type": "string", "maxLength": Address.maxLocality, "description": "town or city"],
                "region": ["type": "string", "pattern": "^[A-Z0-9]{1,3}$", "description": "state or province code, for example CA or NV (a US state code when country is US or absent)"],
                "postcode": ["type": "string", "maxLength": Address.maxPostcode],
                "country": ["type": "string", "pattern": "^[A-Z]{2}$", "description": "ISO 3166-1 alpha-2 code, for example US"],
            ], required: []),
            "Person": object(with(personProps, ["id": uuid, "mergedInto": nullable(uuid)]), required: ["id", "givenName", "familyName", "version"]),
            "PersonInput": object(creating(personProps), required: ["givenName", "familyName"]),
            "Member": object(["id": uuid, "role": codes(MemberRole.self), "person": ref("Person")], required: ["id", "role", "person"]),
            "MemberInput": object(["role": codes(MemberRole.self), "personId": uuid, "person": ref("PersonInput")], required: ["role"]),
            "Goals": object(with(goalProps, ["id": uuid]), required: ["id", "childId", "primary", "primarySince", "version"]),
            "GoalsInput": object(creating(goalProps), required: ["childId", "primary", "primarySince"]),
            "GoalsUpdate": object(goalProps, required: ["childId", "primary", "primarySince", "version"]),
            "Episode": object(with(episodeProps, ["id": uuid, "dateEnteredCare": date,
                                                 "reEntry": ["type": "boolean", "description": "the removal came within 12 months of an earlier discharge of the same child"]]),
                              required: ["id", "childId", "removalDate", "manner", "circumstances", "dateEnteredCare", "reEntry", "version"]),
            "EpisodeInput": object(creating(episodeProps), required: ["childId", "removalDate", "manner", "circumstances"]),
            "Placement": object(with(placementProps, ["id": uuid, "episodeId": uuid]), required: ["id", "episodeId", "setting", "startDate", "version"]),
            "PlacementInput": object(creating(placementProps), required: ["setting", "startDate"]),
            "CaseUpdate": updating(object(caseProps, required: ["caseNumber", "familyName"])),
            "PersonUpdate": updating(object(personProps, required: ["givenName", "familyName"])),
            "EpisodeUpdate": updating(object(episodeProps, required: ["childId", "removalDate", "manner", "circumstances"])),
            "PlacementUpdate": updating(object(placementProps, required: ["setting", "startDate"])),
            "Instrument": object([
                "id": string, "version": ["type": "integer"], "jurisdiction": string, "title": string,
                "points": array(codes(AssessmentPoint.self)),
                "scale": array(object(["value": rating, "label": string], required: ["value", "label"])),
                "domains": array(object([
                    "id": string, "title": string, "description": string, "overallRequired": ["type": "boolean"],
                    "items": array(object(["id": string, "text": string, "required": ["type": "boolean"]], required: ["id", "text", "required"])),
                ], required: ["id", "title", "description", "items", "overallRequired"])),
                "language": ["type": "string", "description": "the language the definition is written in (a tag; en when left out)"],
                "translations": ["type": "object", "description": "its wording in other languages, by language tag: every domain's title and description, every item's text",
                                 "additionalProperties": object([
                                    "title": string,
                                    "domains": ["type": "object", "additionalProperties": object(["title": string, "description": string], required: ["title", "description"])],
                                    "items": ["type": "object", "additionalProperties": string],
                                    "scale": ["type": "object", "additionalProperties": string],
                                 ], required: ["title", "domains", "items"])],
            ], required: ["id", "version", "jurisdiction", "title", "points", "domains"]),
            "AssessmentUpdate": updating(assessmentInput),
            "AssessmentInput": creating(assessmentInput),
            "Assessment": object([
                "id": uuid, "instrument": string, "point": codes(AssessmentPoint.self), "status": ["type": "string", "enum": ["draft", "completed"]],
                "assessedOn": date, "assessorId": uuid, "ratings": ["type": "object", "additionalProperties": rating], "notes": nullable(string),
                "domains": array(object(["domainId": string, "title": string, "overall": nullable(rating)], required: ["domainId", "title"])),
                "strengths": array(ref("Finding")), "problems": array(ref("Finding")), "version": ["type": "integer"],
            ], required: ["id", "instrument", "point", "status", "ratings", "version"]),
            "Finding": object(["itemId": string, "domainId": string, "text": string, "rating": rating], required: ["itemId", "domainId", "text", "rating"]),
            "ReviewRequest": object([
                "childId": uuid,
                "risk": object(["initialRiskLevel": codes(InitialRiskLevel.self), "newSubstantiatedReport": ["type": "boolean"],
                                "caregiverProgress": codes(CaregiverProgress.self), "policyOverride": nullable(codes(RiskPolicyOverride.self)),
                                "discretionaryOverride": ["type": "integer", "enum": [-1, 1]], "discretionaryReason": nullable(string)],
                               required: ["initialRiskLevel", "newSubstantiatedReport", "caregiverProgress"]),
                "visitation": object(["scheduled": ["type": "integer", "minimum": 0], "attended": ["type": "integer", "minimum": 0],
                                      "quality": codes(VisitQuality.self)], required: ["scheduled", "attended", "quality"]),
                "safety": object(["decision": codes(SafetyDecision.self), "dangerIndicators": array(string), "safetyPlan": nullable(string)],
                                 required: ["decision"]),
                "rationale": nullable(string),
            ], required: ["childId", "risk", "visitation", "safety"]),
            "Review": object([
                "id": uuid, "childId": uuid, "reviewedOn": date, "reviewerId": uuid, "riskScore": ["type": "integer"],
                "riskLevel": codes(RiskLevel.self), "visitationStatus": codes(VisitationStatus.self), "safety": codes(SafetyDecision.self),
                "recommendation": codes(Recommendation.self), "finalRecommendation": codes(Recommendation.self),
                "overrideReason": nullable(string), "rationale": nullable(string), "reasons": array(string), "policyVersion": string,
                "approved": ["type": "boolean"], "awaitingApproval": ["type": "boolean"], "version": ["type": "integer"],
                "visitation": object(["scheduled": ["type": "integer"], "attended": ["type": "integer"], "quality": codes(VisitQuality.self),
                                      "source": codes(VisitationSource.self)], required: ["scheduled", "attended", "quality", "source"]),
                "safetyAssessmentOn": date,
            ], required: ["id", "childId", "riskScore", "riskLevel", "visitationStatus", "safety", "recommendation", "reasons"]),
            "ApproveRequest": object(["version": version], required: ["version"]),
            "OverrideRequest": object(["recommendation": codes(Recommendation.self), "reason": text, "version": ["type": "integer"]],
                                      required: ["recommendation", "reason", "version"]),
        ]
    }
}
