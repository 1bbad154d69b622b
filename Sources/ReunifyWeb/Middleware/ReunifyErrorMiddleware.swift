import Fluent
import Plot
import Vapor
import ReunifyDomain
import ReunifyStore

/// Turns every error into an answer a person can act on: JSON `{"error": true, "reason": ...}` under
/// `/api`, a page elsewhere. Bad input is a 4xx with a message, never a 500.
struct ReunifyErrorMiddleware: AsyncMiddleware {
    struct APIError: Content {
        let error: Bool
        let reason: String
        var fields: [FieldError]?
        var currentVersion: Int?
        var conflicts: [ConflictDTO]?
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let (status, reason, fields, version) = Self.describe(error)
            if status == .internalServerError {
                request.logger.report(error: error)
            }
            if request.url.path.hasPrefix("/api/") || request.url.path == "/health" {
                let response = Response(status: status)
                let conflicts = (error as? VisitClash)?.conflicts.map {
                    ConflictDTO(visitId: $0.visitID, start: APIDateTime.format($0.start, offsetMinutes: 0), end: APIDateTime.format($0.end, offsetMinutes: 0),
                                who: $0.who)
                }
                try response.content.encode(APIError(error: true, reason: reason, fields: fields, currentVersion: version, conflicts: conflicts))
                return response.adding(headersOf: error)
            }
            let translated = Self.pageReason(error, request.language)
            return ErrorPage(status: status, reason: translated ?? reason, translated: translated != nil).render(request).with(status: status)
                .adding(headersOf: error)
        }
    }

    /// A page's reason in the reader's language, for the refusals that carry one.
    static func pageReason(_ error: any Error, _ language: UILanguage) -> String? {
        switch error {
        case let failure as ValidationFailure: failure.errors.map { $0.text(language) }.joined(separator: "; ")
        case let duplicate as DuplicateRecord: duplicate.error.text(language)
        case let conflict as StateConflict: conflict.error(field: "").text(language)
        case let refusal as Refusal: refusal.text(language)
        case StoreError.refused(let why): Catalogue.text(why, language)
        default: nil
        }
    }

    static func describe(_ error: any Error) -> (HTTPResponseStatus, String, [FieldError]?, Int?) {
        switch error {
        case let failure as ValidationFailure:
            return (.unprocessableEntity, failure.summary, failure.errors, nil)
        case StoreError.versionConflict(let current):
            return (.conflict, "Someone else saved this record since you opened it (it is now at version \(current)). Reload it, check their changes, and apply yours again.", nil, current)
        case let duplicate as DuplicateRecord:
            return (.conflict, duplicate.message, [duplicate.error], nil)
        case let conflict as StateConflict:
            return (.conflict, conflict.message, nil, nil)
        case let clash as VisitClash:
            return (.conflict, clash.message, nil, nil)
        case StoreError.duplicate(let message):
            return (.conflict, message, nil, nil)
        case StoreError.forbidden(let why):
            return (.forbidden, why, nil, nil)
        case StoreError.refused(let why):
            return (.forbidden, Catalogue.text(why, .english), nil, nil)
        case let store as StoreError:
            return (.notFound, store.description, nil, nil)
        case let decoding as DecodingError:
            return (.badRequest, Self.describe(decoding), nil, nil)
        case let abort as any AbortError:
            return (abort.status, abort.reason, nil, nil)
        default:
            return (.internalServerError, "Something went wrong on our side. Nothing you sent was lost; try again, and tell an administrator if it happens again.", nil, nil)
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let p = context.codingPath.map(\.stringValue).filter { !$0.isEmpty }.joined(separator: ".")
            return p.isEmpty ? "the body" : "'\(p)'"
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "The field '\(parent.isEmpty ? key.stringValue : parent + "." + key.stringValue)' is missing"
        case .valueNotFound(_, let context):
            return "The field \(path(context)) must have a value"
        case .typeMismatch(let type, let context):
            return "The field \(path(context)) has the wrong type; expected \(type)"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "The body is not valid JSON" : "\(path(context)): \(context.debugDescription)"
        @unknown default:
            return "The body could not be read"
        }
    }
}

extension Response {
    /// Headers an error asks to be sent (`Allow` with a 405, say).
    func adding(headersOf error: any Error) -> Response {
        if let abort = error as? any AbortError {
            for (name, value) in abort.headers where name.lowercased() != "content-type" { headers.replaceOrAdd(name: name, value: value) }
        }
        return self
    }
}
