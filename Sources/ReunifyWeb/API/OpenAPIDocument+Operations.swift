import Foundation

extension OpenAPIDocument {
    /// Every operation's id and tag, so that a client generated from the document reads well (`cases.list_cases`,
    /// not `default.get_api_v_1_cases`). A test holds every route of the document to an entry here.
    static let operations: [String: (id: String, tag: String)] = [
        "post /api/v1/auth/token": ("createToken", "Sign-in"),
        "delete /api/v1/auth/token": ("revokeToken", "Sign-in"),
        "get /api/v1/openapi.json": ("getOpenAPIDocument", "About the API"),
        "get /api/v1/cases": ("listCases", "Cases"),
        "post /api/v1/cases": ("openCase", "Cases"),
        "get /api/v1/cases/{caseID}": ("getCase", "Cases"),
        "put /api/v1/cases/{caseID}": ("updateCase", "Cases"),
        "get /api/v1/cases/{caseID}/members": ("listMembers", "Members and persons"),
        "post /api/v1/cases/{caseID}/members": ("addMember", "Members and persons"),
        "get /api/v1/persons/{personID}": ("getPerson", "Members and persons"),
        "put /api/v1/persons/{personID}": ("updatePerson", "Members and persons"),
        "get /api/v1/persons/{personID}/duplicates": ("listDuplicates", "Members and persons"),
        "post /api/v1/persons/{personID}/merge": ("mergePersons", "Members and persons"),
        "get /api/v1/cases/{caseID}/episodes": ("listEpisodes", "Removals and placements"),
        "post /api/v1/cases/{caseID}/episodes": ("recordRemoval", "Removals and placements"),
        "put /api/v1/cases/{caseID}/episodes/{episodeID}": ("updateEpisode", "Removals and placements"),
        "get /api/v1/cases/{caseID}/episodes/{episodeID}/placements": ("listPlacements", "Removals and placements"),
        "post /api/v1/cases/{caseID}/episodes/{episodeID}/placements": ("addPlacement", "Removals and placements"),
        "put /api/v1/cases/{caseID}/placements/{placementID}": ("updatePlacement", "Removals and placements"),
        "get /api/v1/cases/{caseID}/goals": ("listGoals", "Removals and placements"),
        "post /api/v1/cases/{caseID}/goals": ("setGoals", "Removals and placements"),
        "put /api/v1/cases/{caseID}/goals/{goalID}": ("updateGoals", "Removals and placements"),
        "get /api/v1/instruments": ("listInstruments", "Assessments"),
        "post /api/v1/instruments": ("addInstrument", "Assessments"),
        "get /api/v1/cases/{caseID}/assessments": ("listAssessments", "Assessments"),
        "post /api/v1/cases/{caseID}/assessments": ("startAssessment", "Assessments"),
        "get /api/v1/cases/{caseID}/assessments/{assessmentID}": ("getAssessment", "Assessments"),
        "put /api/v1/cases/{caseID}/assessments/{assessmentID}": ("updateAssessment", "Assessments"),
        "get /api/v1/cases/{caseID}/reunification-reviews": ("listReviews", "Reunification reviews"),
        "post /api/v1/cases/{caseID}/reunification-reviews": ("runReview", "Reunification reviews"),
        "get /api/v1/cases/{caseID}/reunification-reviews/{reviewID}": ("getReview", "Reunification reviews"),
        "post /api/v1/cases/{caseID}/reunification-reviews/{reviewID}/override": ("overrideReview", "Reunification reviews"),
        "post /api/v1/cases/{caseID}/reunification-reviews/{reviewID}/approve": ("approveReview", "Reunification reviews"),
        "get /api/v1/tracing-requests": ("listTracingRequests", "Tracing"),
        "post /api/v1/tracing-requests": ("fileTracingRequest", "Tracing"),
        "get /api/v1/tracing-requests/{requestID}": ("getTracingRequest", "Tracing"),
        "put /api/v1/tracing-requests/{requestID}": ("updateTracingRequest", "Tracing"),
        "delete /api/v1/tracing-requests/{requestID}": ("deleteTracingRequest", "Tracing"),
        "get /api/v1/tracing-requests/{requestID}/actions": ("listTracingActions", "Tracing"),
        "post /api/v1/tracing-requests/{requestID}/actions": ("recordTracingAction", "Tracing"),
        "get /api/v1/tracing-requests/{requestID}/candidates": ("listMatchCandidates", "Tracing"),
        "post /api/v1/tracing-requests/{requestID}/candidates/{candidateID}/decision": ("decideMatchCandidate", "Tracing"),
        "put /api/v1/tracing-requests/{requestID}/verification": ("verifyMatch", "Tracing"),
        "get /api/v1/providers": ("listProviders", "Plans and services"),
        "get /api/v1/cases/{caseID}/plans": ("listPlans", "Plans and services"),
        "post /api/v1/cases/{caseID}/plans": ("draftPlan", "Plans and services"),
        "get /api/v1/cases/{caseID}/plans/{planID}": ("getPlan", "Plans and services"),
        "put /api/v1/cases/{caseID}/plans/{planID}": ("updatePlan", "Plans and services"),
        "post /api/v1/cases/{caseID}/plans/{planID}/agreements": ("recordPlanAgreement", "Plans and services"),
        "post /api/v1/cases/{caseID}/plans/{planID}/approve": ("approvePlan", "Plans and services"),
        "get /api/v1/cases/{caseID}/referrals": ("listCaseReferrals", "Plans and services"),
        "post /api/v1/cases/{caseID}/referrals": ("refer", "Plans and services"),
        "get /api/v1/cases/{caseID}/sessions": ("listSessions", "Plans and services"),
        "post /api/v1/cases/{caseID}/sessions": ("recordSession", "Plans and services"),
        "get /api/v1/cases/{caseID}/consents": ("listConsents", "Plans and services"),
        "post /api/v1/cases/{caseID}/consents": ("recordConsent", "Plans and services"),
        "get /api/v1/referrals": ("listReferrals", "Plans and services"),
        "get /api/v1/referrals/{referralID}": ("getReferral", "Plans and services"),
        "post /api/v1/referrals/{referralID}/transitions": ("moveReferral", "Plans and services"),
        "post /api/v1/consents/{consentID}/revoke": ("revokeConsent", "Plans and services"),
    ]

    static let tags: [[String: String]] = [
        ["name": "Sign-in", "description": "Bearer tokens for API clients"],
        ["name": "Cases", "description": "A family's case: who holds it, its stage"],
        ["name": "Members and persons", "description": "The people of a case, and records of one person found twice"],
        ["name": "Removals and placements", "description": "Removal episodes (AFCARS) and where the child lives"],
        ["name": "Assessments", "description": "Instruments and the family's strengths and needs"],
        ["name": "Reunification reviews", "description": "Risk, family time and safety, and the recommendation with its reasons"],
        ["name": "Tracing", "description": "Finding a separated child's family, and confirming a match"],
        ["name": "Plans and services", "description": "The case plan with the family, providers, referrals and consent to share"],
        ["name": "Family time", "description": "Visit plans and levels, safety assessments, visits, visitation and calendar links"],
        ["name": "Permanency", "description": "The deadlines of each child's case, from the recorded facts"],
        ["name": "Outcomes", "description": "How the children fare (the federal CFSR measures) and the exports they are computed from"],
        ["name": "About the API", "description": "This document"],
    ]

    /// Adds each operation's id and tag, and the answers every operation that reads a body may give: 415 (a body sent
    /// without `Content-Type: application/json`) and 422 (one that cannot be used as sent).
    static func annotated(_ paths: [String: Any]) -> [String: Any] {
        var result: [String: Any] = [:]
        for (path, value) in paths {
            guard var methods = value as? [String: Any] else { continue }
            for (method, opValue) in methods {
                guard var operation = opValue as? [String: Any] else { continue }
                let known = operations["\(method) \(path)"] ?? familyTimeOperations["\(method) \(path)"]
                    ?? permanencyOperations["\(method) \(path)"] ?? outcomesOperations["\(method) \(path)"]
                assert(known != nil, "OpenAPI operation \(method) \(path) has no operationId")
                operation["operationId"] = known?.id ?? "\(method)\(path)"
                operation["tags"] = [known?.tag ?? "Other"]
                if operation["requestBody"] != nil, var responses = operation["responses"] as? [String: Any] {
                    responses["415"] = ["description": "The body is not sent as application/json",
                                        "content": ["application/json": ["schema": ref("Error")]]]
                    if responses["422"] == nil {
                        responses["422"] = ["description": "The body cannot be used as sent (a NUL character in its text, say)",
                                            "content": ["application/json": ["schema": ref("Error")]]]
                    }
                    operation["responses"] = responses
                }
                methods[method] = operation
            }
            result[path] = methods
        }
        return result
    }
}
