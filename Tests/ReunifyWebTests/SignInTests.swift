import Foundation
import Testing
import Vapor
import VaporTesting
@testable import ReunifyWeb

@Suite("Signing in and out")
struct SignInTests {
    @Test("health answers after a real query and names the database")
    func health() async throws {
        try await TestApp.run(demo: false) { app, _ in
            let response = try await app.testing().sendRequest(.GET, "/health")
            #expect(response.status == .ok)
            let body = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: String]
            #expect(body?["status"] == "ok")
            let expected = ProcessInfo.processInfo.environment["DATABASE_URL"]?.hasPrefix("postgres") == true ? "postgres" : "sqlite"
            #expect(body?["database"] == expected)
        }
    }

    @Test("a token is stored under its SHA-256 digest in lower-case hexadecimal")
    func tokenHash() {
        // The digests of "abc" and of nothing, from FIPS 180-2's examples and the digest's definition.
        #expect(Tokens.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Tokens.hash("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test("pages send a stranger to sign in, then back where they were going")
    func redirectsToSignIn() async throws {
        try await TestApp.run { app, _ in
            var browser = Browser(app)
            let response = try await browser.get("/cases")
            #expect(response.status == .seeOther)
            #expect(response.headers.first(name: .location) == "/sign-in?next=%2Fcases")
            try await browser.get("/sign-in?next=%2Fsearch")
            let signedIn = try await browser.post("/sign-in", [("email", "caseworker@demo.reunify.test"), ("password", TestApp.password), ("next", "/search")])
            #expect(signedIn.headers.first(name: .location) == "/search")
        }
    }

    @Test("a wrong password is refused with a message and no session")
    func wrongPassword() async throws {
        try await TestApp.run { app, _ in
            var browser = Browser(app)
            let response = try await browser.signIn("caseworker@demo.reunify.test", password: "guess")
            #expect(response.status == .unauthorized)
            #expect(response.body.string.contains("The email address or the password is not right"))
            #expect(browser.cookies[SignInMiddleware.cookieName] == nil)
        }
    }

    @Test("the sign-in form must come from Reunify (CSRF)")
    func signInCSRF() async throws {
        try await TestApp.run { app, _ in
            var browser = Browser(app)
            try await browser.get("/sign-in")
            let response = try await browser.post("/sign-in", [("email", "caseworker@demo.reunify.test"), ("password", TestApp.password),
                                                               ("_csrf", "forged")], withCSRF: false)
            #expect(response.status == .forbidden)
        }
    }

    @Test("repeated failures lock the account for a while, even with the right password")
    func throttling() async throws {
        try await TestApp.run { app, clock in
            var browser = Browser(app)
            for _ in 0..<5 { try await browser.signIn("caseworker2@demo.reunify.test", password: "wrong") }
            let locked = try await browser.signIn("caseworker2@demo.reunify.test")
            #expect(locked.status == .tooManyRequests)
            #expect(locked.body.string.contains("Too many failed sign-ins for this account. Wait 15 minutes"))
            // The message is the reader's language's: a browser switched to Spanish is told in Spanish.
            var spanish = Browser(app)
            try await spanish.get("/sign-in")
            #expect(try await spanish.post("/language", [("language", "es"), ("return", "/sign-in")], withCSRF: false).status == .seeOther)
            let lockedES = try await spanish.signIn("caseworker2@demo.reunify.test")
            #expect(lockedES.status == .tooManyRequests)
            #expect(lockedES.body.string.contains("Hubo demasiados intentos fallidos con esta cuenta. Espere 15 minutos"))
            #expect(!lockedES.body.string.contains("Too many failed"))
            let api = try await app.testing().sendRequest(.POST, "/api/v1/auth/token", headers: ["Content-Type": "application/json"],
                body: ByteBuffer(string: #"{"email":"caseworker2@demo.reunify.test","password":"reunify-demo"}"#))
            #expect(api.status == .tooManyRequests)
            #expect(api.body.string.contains("Too many failed sign-ins for this account"))
            clock.advance(16 * 60)
            #expect(try await browser.signIn("caseworker2@demo.reunify.test").status == .seeOther)
        }
    }

    @Test("sign-out ends the session; the old cookie no longer works")
    func signOut() async throws {
        try await TestApp.run { app, _ in
            var browser = try await Browser.signedIn(app, "caseworker@demo.reunify.test")
            let oldCookies = browser.cookies
            #expect(try await browser.post("/sign-out", []).status == .seeOther)
            var replay = Browser(app)
            replay.cookies = oldCookies
            #expect(try await replay.get("/cases").status == .seeOther)
        }
    }

    @Test("a session ends after 30 idle minutes, but activity keeps it alive")
    func expiry() async throws {
        try await TestApp.run { app, clock in
            var browser = try await Browser.signedIn(app, "caseworker@demo.reunify.test")
            clock.advance(20 * 60)
            #expect(try await browser.get("/cases").status == .ok)
            clock.advance(20 * 60)
            #expect(try await browser.get("/cases").status == .ok)
            clock.advance(31 * 60)
            #expect(try await browser.get("/cases").status == .seeOther)
        }
    }

    @Test("API tokens work until revoked")
    func tokens() async throws {
        try await TestApp.run { app, _ in
            let api = try await APIClient.signIn(app, "caseworker@demo.reunify.test")
            #expect(try await api.send(.GET, "/api/v1/cases").status == .ok)
            #expect(try await api.send(.DELETE, "/api/v1/auth/token").status == .noContent)
            let after = try await api.json(.GET, "/api/v1/cases")
            #expect(after.0 == .unauthorized)
            #expect(after.1["error"] as? Bool == true)
            let bad = try await app.testing().sendRequest(.POST, "/api/v1/auth/token", headers: ["Content-Type": "application/json"],
                                                          body: ByteBuffer(string: #"{"email":"caseworker@demo.reunify.test","password":"nope"}"#))
            #expect(bad.status == .unauthorized)
        }
    }

    @Test("a browser cookie is not an API token, and an API token is not a browser session")
    func separateCredentials() async throws {
        try await TestApp.run { app, _ in
            let browser = try await Browser.signedIn(app, "caseworker@demo.reunify.test")
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/cases", headers: browser.cookieHeader).status == .unauthorized)
            let api = try await APIClient.signIn(app, "caseworker@demo.reunify.test")
            #expect(try await app.testing().sendRequest(.GET, "/cases", headers: ["Cookie": "reunify_session=\(api.token)"]).status == .seeOther)
        }
    }
}

@Suite("Pages escape what people type")
struct EscapingTests {
    @Test("a name with markup is shown as text, never run")
    func escaping() async throws {
        try await TestApp.run { app, _ in
            let family = CasePagesTests.familyInCare()
            var browser = try await Browser.signedIn(app, "caseworker@demo.reunify.test")
            let response = try await browser.post("/cases/\(family.caseID)/members/new", [
                ("role", "relative"), ("givenName", "<script>alert(1)</script>"), ("familyName", "O'Neil & \"Sons\""), ("languages", "English")])
            #expect(response.status == .seeOther)
            let page = try await browser.get("/cases/\(family.caseID)").body.string
            #expect(!page.contains("<script>alert(1)</script>"))
            #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        }
    }
}
