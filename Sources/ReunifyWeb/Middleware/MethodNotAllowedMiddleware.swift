import Vapor

/// A path that exists, asked with a method it does not serve, is answered 405 with an `Allow` header naming the
/// methods it does serve; only a path that exists for no method is 404.
struct MethodNotAllowedMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch let abort as any AbortError where abort.status == .notFound && request.route == nil {
            let parts = request.url.path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
            let allowed = Set(request.application.routes.all.filter { Self.matches($0.path, parts) }.map(\.method.rawValue))
            guard !allowed.isEmpty else { throw abort }
            let allow = allowed.sorted().joined(separator: ", ")
            throw Abort(.methodNotAllowed, headers: ["Allow": allow], reason: "This address answers \(allow) only")
        }
    }

    static func matches(_ pattern: [PathComponent], _ parts: [String]) -> Bool {
        var index = 0
        for component in pattern {
            switch component {
            case .catchall: return true
            case .anything, .parameter: guard index < parts.count else { return false }
            case .constant(let text): guard index < parts.count, parts[index] == text else { return false }
            }
            index += 1
        }
        return index == parts.count
    }
}
