import Fluent
import Vapor
import ReunifyDomain
import ReunifyStore

/// `/api/v1/instruments`, `/api/v1/cases/{id}/assessments`, `/api/v1/cases/{id}/reunification-reviews`.
struct AssessmentsAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("instruments", use: instruments)
        routes.post("instruments", use: addInstrument)
        let c = routes.grouped("cases", ":caseID")
        c.get("assessments", use: listAssessments)
        c.post("assessments", use: createAssessment)
        c.get("assessments", ":assessmentID", use: readAssessment)
        c.put("assessments", ":assessmentID", use: updateAssessment)
        c.get("reunification-reviews", use: listReviews)
        c.post("reunification-reviews", use: createReview)
        c.get("reunification-reviews", ":reviewID", use: readReview)
        c.post("reunification-reviews", ":reviewID", "override", use: overrideReview)
        c.post("reunification-reviews", ":reviewID", "approve", use: approveReview)
    }

    func instruments(req: Request) async throws -> [Instrument] {
        try await InstrumentCatalog(req.db).all()
    }

    func addInstrument(req: Request) async throws -> Response {
        let commands = PracticeCommands(req.db, try req.acting())
        try await commands.authorize(.create, .instrument)
        guard let json = req.body.string, !json.isEmpty else { throw Abort(.badRequest, reason: "Send the instrument definition as JSON") }
        let instrument = try await commands.addInstrument(json: json)
        let response = Response(status: .created)
        try response.content.encode(instrument)
        return response
    }

    // MARK: assessments

    func listAssessments(req: Request) async throws -> [AssessmentDTO] {
        let caseID = try req.caseIDParameter()
        try await req.authorize(.read, .assessment, caseID: caseID)
        let service = AssessmentService(req: req)
        var list: [AssessmentDTO] = []
        for model in try await AssessmentRepository(req.db).list(caseID: caseID) {
            list.append(AssessmentDTO(model, instrument: try await service.instrument(of: model)))
        }
        try await req.audit(.view, .assessment, recordID: nil, caseID: caseID, .audAPIAssessments)
        return list
    }

    func createAssessment(req: Request) async throws -> Response {
        let caseID = try req.caseIDParameter()
        try await req.authorize(.create, .assessment, caseID: caseID)
        let input = try req.content.decode(AssessmentInput.self)
        let point = try AssessmentPoint.api(input.point, field: "point")
        let (model, instrument) = try await AssessmentService(req: req).create(
            caseID: caseID, instrumentKey: input.instrument, point: point, ratings: try input.ratingValues(), notes: input.notes,
            complete: input.complete ?? false)
        let response = Response(status: .created)
        try response.content.encode(AssessmentDTO(model, instrument: instrument))
        return response
    }

    func assessment(_ req: Request, _ caseID: CaseID) async throws -> AssessmentModel {
        let id: AssessmentID = try req.idParameter("assessmentID", "assessment")
        guard let model = try await AssessmentRepository(req.db).find(id, in: caseID) else {
            throw Abort(.notFound, reason: "There is no assessment \(id) in this case")
        }
        return model
    }

    func readAssessment(req: Request) async throws -> AssessmentDTO {
        let caseID = try req.caseIDParameter()
        try await req.authorize(.read, .assessment, caseID: caseID)
        let model = try await assessment(req, caseID)
        try await req.audit(.view, .assessment, recordID: model.id, caseID: caseID, .audAPIAssessment)
        return AssessmentDTO(model, instrument: try await AssessmentService(req: req).instrument(of: model))
    }

    func updateAssessment(req: Request) async throws -> AssessmentDTO {
        let caseID = try req.caseIDParameter()
        try await req.authorize(.update, .assessment, caseID: caseID)
        let model = try await assessment(req, caseID)
        let input = try req.content.decode(AssessmentInput.self)
        // The point is part of what the assessment is: a code the document does not list is refused, and a change of
        // it is refused too (a new point is a new assessment).
        if try AssessmentPoint.api(input.point, field: "point").rawValue != model.point {
            throw ValidationFailure(field: "point", "An assessment keeps the point it was taken at (\(model.point)); start a new assessment for another point")
        }
        let (saved, instrument) = try await AssessmentService(req: req).update(model.typedID, in: caseID, instrumentKey: model.instrumentKey, ratings: try input.ratingValues(), notes: input.notes,
                                                                               complete: input.complete ?? false,
                                                                               expectedVersion: try requireVersion(input.version))
        return AssessmentDTO(saved, instrument: instrument)
    }

    // MARK: reviews

    func listReviews(req: Request) async throws -> [ReviewDTO] {
        let caseID = try req.caseIDParameter()
        try await req.authorize(.read, .reunificationReview, caseID: caseID)
        try await req.audit(.view, .reunificationReview, recordID: nil, caseID: caseID, .audAPIReviews)
        return try await ReviewRepository(req.db).list(caseID: caseID).map(ReviewDTO.init)
    }

    func createReview(req: Request) async throws -> Response {
        let caseID = try req.caseIDParameter()
        try await req.authorize(.create, .reunificationReview, caseID: caseID)
        let body = try req.content.decode(ReviewRequest.self)
        let model = try await ReviewCommands(req.change()).run(for: PersonID(body.childId), in: caseID) { try body.input(monthsInCare: $0) }
        let response = Response(status: .created)
        try response.content.encode(ReviewDTO(model))
        return response
    }

    func review(_ req: Request, _ caseID: CaseID) async throws -> ReviewModel {
        let id: ReviewID = try req.idParameter("reviewID", "review")
        guard let model = try await ReviewRepository(req.db).find(id, in: caseID) else {
            throw Abort(.notFound, reason: "There is no reunification review \(id) in this case")
        }
        return model
    }

    func readReview(req: Request) async throws -> ReviewDTO {
        let caseID = try req.caseIDParameter()
        try await req.authorize(.read, .reunificationReview, caseID: caseID)
        let model = try await review(req, caseID)
        try await req.audit(.view, .reunificationReview, recordID: model.id, caseID: caseID, .audAPIReview)
        return ReviewDTO(model)
    }

    func overrideReview(req: Request) async throws -> ReviewDTO {
        let caseID = try req.caseIDParameter()
        try await req.authorize(.update, .reunificationReview, caseID: caseID)
        let model = try await review(req, caseID)
        let body = try req.content.decode(OverrideRequest.self)
        return ReviewDTO(try await ReviewCommands(req.change()).override(model.typedID, in: caseID,
                                                                         to: try Recommendation.api(body.recommendation, field: "recommendation"),
                                                                         reason: body.reason, expectedVersion: body.version))
    }

    struct ApproveRequest: Content { let version: Int }

    func approveReview(req: Request) async throws -> ReviewDTO {
        let caseID = try req.caseIDParameter()
        try await req.authorize(.update, .reunificationReview, caseID: caseID)
        let model = try await review(req, caseID)
        return ReviewDTO(try await ReviewCommands(req.change()).approve(model.typedID, in: caseID,
                                                                        expectedVersion: try req.content.decode(ApproveRequest.self).version))
    }
}
