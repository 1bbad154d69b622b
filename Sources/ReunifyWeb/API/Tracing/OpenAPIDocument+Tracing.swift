import Foundation
import ReunifyDomain
import ReunifyMatching

extension OpenAPIDocument {
    static func tracingPaths() -> [String: Any] {
        let t = "/api/v1/tracing-requests"
        let r = t + "/{requestID}"
        let withConflict = [400, 401, 403, 404, 409, 422]
        return [
            t: [
                "get": op("Tracing requests, newest first (query: status, q for a name in any script); caseworkers and supervisors",
                          returns: array(ref("TracingRequest")), errors: [401, 403, 422]),
                "post": op("File a tracing request; it is matched against the registered children whose tracing consent is recorded",
                           body: "TracingRequestInput", ok: 201, returns: ref("TracingRequest"), errors: [400, 401, 403, 422]),
            ],
            r: [
                "get": op("Read a tracing request", params: ["requestID"], returns: ref("TracingRequest")),
                "put": op("Change a tracing request (and its status); 'version' must be the one read; candidates are re-scored",
                          params: ["requestID"], body: "TracingRequestUpdate", returns: ref("TracingRequest"), errors: withConflict),
                "delete": op("Delete a request filed in error (the filer or a supervisor; not once a match is confirmed)",
                             params: ["requestID"], ok: 204, returns: nil, errors: [401, 403, 404, 409]),
            ],
            r + "/actions": [
                "get": op("The trace's history: what was done, newest first", params: ["requestID"], returns: array(ref("TracingAction"))),
                "post": op("Record a tracing action", params: ["requestID"], body: "TracingAction", ok: 201, returns: ref("TracingAction")),
            ],
            r + "/candidates": [
                "get": op("Stored match candidates, best first, with per-field evidence and the engine version",
                          params: ["requestID"], returns: array(ref("MatchCandidate"))),
            ],
            r + "/candidates/{candidateID}/decision": [
                "post": op("Confirm or reject a candidate with a reason; confirming links the request to the child and moves it to verifying",
                           params: ["requestID", "candidateID"], body: "DecisionInput", returns: ref("MatchCandidate"), errors: withConflict),
            ],
            r + "/verification": [
                "put": op("Record the verification of a confirmed match; 'version' is the request's", params: ["requestID"],
                          body: "VerificationUpdate", returns: ref("TracingRequest"), errors: withConflict),
            ],
            "/api/v1/persons/{personID}/duplicates": [
                "get": op("Records in the caller's cases that may be the same person, with probability and evidence",
                          params: ["personID"], returns: array(ref("Duplicate"))),
            ],
            "/api/v1/persons/{personID}/merge": [
                "post": op("Merge a duplicate record into this one; both histories are kept and the merge is audited",
                           params: ["personID"], body: "MergeInput", returns: ref("MergeResult"), errors: withConflict),
            ],
        ]
    }

    static func tracingSchemas() -> [String: Any] {
        let partialDate: [String: Any] = ["type": "string", "pattern": "^\\s*[0-9]{4}(-?[0-9]{2}){0,2}\\s*$",
                                          "description": "A year, a month or a full date: 2015, 2015-04, 2015-04-09 (or 20150409)"]
        let sought = object([
            "givenName": string, "familyName": string, "otherNames": array(string), "sex": codes(Sex.self),
            "birthDate": nullable(partialDate), "ageEstimate": nullable(["type": "integer", "minimum": 0, "maximum": 30]),
            "separationPlace": nullable(string), "separationDate": nullable(date), "placeOfOrigin": nullable(string),
            "motherName": nullable(string), "fatherName": nullable(string), "distinguishingDetails": nullable(string),
            "lastKnownAddress": nullable(string),
        ], required: [])
        let inquirer = object(["name": string, "relationship": string, "contact": nullable(string), "language": nullable(string)],
                              required: ["name", "relationship"])
        let answer = codes(VerificationAnswer.self)
        let requestProps: [String: [String: Any]] = [
            "kind": codes(TracingKind.self), "inquirer": ref("Inquirer"), "sought": ref("SoughtChild"), "status": codes(TracingStatus.self),
            "childId": nullable(uuid), "notes": nullable(string), "version": ["type": "integer"],
        ]
        return [
            "SoughtChild": sought,
            "Inquirer": inquirer,
            "TracingRequestInput": object(creating(requestProps), required: ["inquirer", "sought"]),
            "TracingRequestUpdate": updating(object(requestProps, required: ["inquirer", "sought"])),
            "TracingRequest": object(requestProps.merging([
                "id": uuid, "linkedPersonId": nullable(uuid), "verification": nullable(ref("Verification")), "filedOn": date, "filedBy": uuid,
            ]) { a, _ in a }, required: ["id", "kind", "status", "inquirer", "sought", "filedOn", "version"]),
            "TracingAction": object(["id": uuid, "date": date, "type": codes(TracingActionType.self), "place": nullable(string),
                                     "outcome": text, "notes": nullable(string)], required: ["date", "type", "outcome"]),
            "Evidence": object(["field": ["type": "string", "enum": MatchField.allCases.map(\.rawValue)], "level": string,
                                "weight": nullable(["type": "number", "description": "log2 of m/u; positive for a match"]), "explanation": string],
                               required: ["field", "level", "explanation"]),
            "MatchCandidate": object([
                "id": uuid, "requestId": uuid, "probability": ["type": "number", "minimum": 0, "maximum": 1], "engineVersion": string,
                "scoredAt": ["type": "string", "format": "date-time"], "decision": codes(CandidateDecision.self), "reason": nullable(string),
                "decidedBy": nullable(uuid), "decidedAt": nullable(["type": "string", "format": "date-time"]), "evidence": array(ref("Evidence")),
                "child": object(["personId": uuid, "givenName": string, "familyName": string, "birthDate": nullable(date), "sex": codes(Sex.self),
                                 "placeOfOrigin": nullable(string)], required: ["personId", "givenName", "familyName", "sex"]),
            ], required: ["id", "requestId", "probability", "engineVersion", "decision", "evidence", "child"]),
            "DecisionInput": object(["decision": ["type": "string", "enum": ["confirmed", "rejected"]], "reason": text], required: ["decision", "reason"]),
            "Verification": object(["willingAndAble": answer, "childKnowsThem": answer, "childWantsToGo": answer, "accountsAgree": answer,
                                    "notes": nullable(string), "version": version],
                                   required: ["willingAndAble", "childKnowsThem", "childWantsToGo", "accountsAgree"]),
            "VerificationUpdate": updating(object(["willingAndAble": answer, "childKnowsThem": answer, "childWantsToGo": answer,
                                                   "accountsAgree": answer, "notes": nullable(string), "version": version],
                                                  required: ["willingAndAble", "childKnowsThem", "childWantsToGo", "accountsAgree"])),
            "Duplicate": object(["person": ref("Person"), "probability": ["type": "number"], "evidence": array(ref("Evidence"))],
                                required: ["person", "probability", "evidence"]),
            "MergeInput": object(["duplicateId": uuid, "reason": text], required: ["duplicateId", "reason"]),
            "MergeResult": object(["kept": ref("Person"), "merged": uuid, "cases": array(uuid)], required: ["kept", "merged", "cases"]),
        ]
    }
}
