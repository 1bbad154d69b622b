import Foundation
import Testing
import Vapor
import VaporTesting
@testable import ReunifyWeb

/// Talks to the app as a browser does: cookies, forms with their CSRF token, redirects read by hand.
struct Browser {
    let app: Application
    var cookies: [String: String] = [:]
    var csrf = ""

    init(_ app: Application) { self.app = app }

    var cookieHeader: HTTPHeaders {
        var headers = HTTPHeaders()
        if !cookies.isEmpty { headers.add(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
        return headers
    }

    mutating func keep(_ response: TestingHTTPResponse) {
        for (name, value) in response.headers.setCookie?.all ?? [:] {
            if value.string.isEmpty { cookies[name] = nil } else { cookies[name] = value.string }
        }
        if let token = Self.csrfToken(in: response.body.string) { csrf = token }
    }

    static func csrfToken(in html: String) -> String? {
        guard let range = html.range(of: "name=\"_csrf\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    @discardableResult
    mutating func get(_ path: String) async throws -> TestingHTTPResponse {
        let response = try await app.testing().sendRequest(.GET, path, headers: cookieHeader)
        keep(response)
        return response
    }

    /// Posts a form; the session's CSRF token is added unless `withCSRF` is false.
    @discardableResult
    mutating func post(_ path: String, _ fields: [(String, String)], withCSRF: Bool = true) async throws -> TestingHTTPResponse {
        var all = fields
        if withCSRF { all.append(("_csrf", csrf)) }
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        var headers = cookieHeader
        headers.contentType = .urlEncodedForm
        let response = try await app.testing().sendRequest(.POST, path, headers: headers, body: ByteBuffer(string: body))
        keep(response)
        return response
    }

    static func encode(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? s
    }

    /// Signs in through the sign-in page; returns the response to the form post.
    @discardableResult
    mutating func signIn(_ email: String, password: String = TestApp.password) async throws -> TestingHTTPResponse {
        try await get("/sign-in")
        let response = try await post("/sign-in", [("email", email), ("password", password)])
        if response.status == .seeOther {
            // Staff land on their caseload; a family is sent on to their own home page.
            let landing = try await get("/cases")
            if landing.status == .seeOther, let next = landing.headers.first(name: .location) { try await get(next) }
        }
        return response
    }

    static func signedIn(_ app: Application, _ email: String) async throws -> Browser {
        var browser = Browser(app)
        let response = try await browser.signIn(email)
        #expect(response.status == .seeOther, "sign-in as \(email) failed: \(response.body.string.prefix(300))")
        return browser
    }
}

/// A JSON API client with a bearer token.
struct APIClient {
    let app: Application
    let token: String

    static func signIn(_ app: Application, _ email: String, password: String = TestApp.password) async throws -> APIClient {
        let response = try await app.testing().sendRequest(.POST, "/api/v1/auth/token", headers: ["Content-Type": "application/json"],
                                                           body: ByteBuffer(string: #"{"email":"\#(email)","password":"\#(password)"}"#))
        #expect(response.status == .created)
        let token = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]
        return APIClient(app: app, token: token?["token"] as? String ?? "")
    }

    func send(_ method: HTTPMethod, _ path: String, json: String? = nil) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = BearerAuthorization(token: token)
        if json != nil { headers.contentType = .json }
        return try await app.testing().sendRequest(method, path, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }

    func json(_ method: HTTPMethod, _ path: String, _ body: String? = nil) async throws -> (HTTPResponseStatus, [String: Any]) {
        let response = try await send(method, path, json: body)
        let object = (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) as? [String: Any] ?? [:]
        return (response.status, object)
    }

    func list(_ path: String) async throws -> (HTTPResponseStatus, [[String: Any]]) {
        let response = try await send(.GET, path)
        let array = (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) as? [[String: Any]] ?? []
        return (response.status, array)
    }
}
