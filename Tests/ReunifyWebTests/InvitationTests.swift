import Foundation
import Testing
import Vapor
import VaporTesting
import NIOCore
import NIOPosix
@testable import ReunifyWeb
import ReunifyDemo
import ReunifyDomain
import ReunifyStore

@Suite("Inviting a parent to their own pages")
struct InvitationTests {
    static func link(in mail: Mail) throws -> String {
        let line = try #require(mail.body.split(separator: "\n").first { $0.contains("/invitations/") })
        return String(line[line.range(of: "/invitations/")!.lowerBound...]).trimmingCharacters(in: .whitespaces)
    }

    @Test("a caseworker invites the father; the e-mail in his language carries a one-time link; his password makes his account")
    func inviteAndAccept() async throws {
        try await TestApp.run { app, clock in
            let (family, _, father) = try FamilyPortalTests.madreFamily()
            var worker = try await Browser.signedIn(app, "caseworker2@demo.reunify.test")
            let casePage = try await worker.get("/cases/\(family.caseID)").body.string
            #expect(casePage.contains("The family's own accounts") && casePage.contains("Has an account (madre@demo.reunify.test)"))
            let bad = try await worker.post("/cases/\(family.caseID)/invitations", [("personId", father.id.description), ("email", "papa at home")])
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("Give an e-mail address like name@example.org"))
            let taken = try await worker.post("/cases/\(family.caseID)/invitations", [("personId", father.id.description), ("email", "parent@demo.reunify.test")])
            #expect(taken.status == .unprocessableEntity && taken.body.string.contains("An account already uses parent@demo.reunify.test"))
            #expect(try await worker.post("/cases/\(family.caseID)/invitations", [("personId", father.id.description), ("email", "Papa@Example.org")]).status == .seeOther)
            let mail = try #require(TestApp.mails(app).last)
            #expect(mail.to == "papa@example.org")
            #expect(mail.subject == "Las páginas de su familia en Reunify" && mail.body.contains("Hola, \(father.details.givenName):"))
            let first = try Self.link(in: mail)
            // A second invitation replaces the first: the old link stops working.
            #expect(try await worker.post("/cases/\(family.caseID)/invitations", [("personId", father.id.description), ("email", "papa@example.org")]).status == .seeOther)
            let path = try Self.link(in: try #require(TestApp.mails(app).last))
            var stranger = Browser(app)
            #expect(try await stranger.get(first).status == .gone)
            let page = try await stranger.get(path)
            #expect(page.status == .ok && page.body.string.contains("<html lang=\"es\"") && page.body.string.contains("Cree su cuenta de Reunify"))
            let short = try await stranger.post(path, [("password", "corta"), ("confirmation", "corta")], withCSRF: false)
            #expect(short.status == .unprocessableEntity && short.body.string.contains("Use al menos 10 caracteres"))
            let differ = try await stranger.post(path, [("password", "una frase bastante larga"), ("confirmation", "otra frase distinta")], withCSRF: false)
            #expect(differ.status == .unprocessableEntity && differ.body.string.contains("Las dos contraseñas no son iguales"))
            let made = try await stranger.post(path, [("password", "una frase bastante larga"), ("confirmation", "una frase bastante larga")], withCSRF: false)
            #expect(made.status == .seeOther && made.headers.first(name: .location) == "/sign-in?ready=1")
            #expect(try await stranger.get("/sign-in?ready=1").body.string.contains("Su cuenta está lista"))
            // The link works once.
            #expect(try await stranger.post(path, [("password", "una frase bastante larga"), ("confirmation", "una frase bastante larga")], withCSRF: false).status == .gone)
            let account = try #require(try await UserRepository(app.db).find(email: "papa@example.org"))
            #expect(account.userRole == .parent && account.personID == father.id.uuid && account.language == "es")
            var papa = Browser(app)
            #expect(try await papa.signIn("papa@example.org", password: "una frase bastante larga").status == .seeOther)
            let home = try await papa.get("/family").body.string
            #expect(home.contains("<html lang=\"es\"") && home.contains("Hola, \(father.details.givenName)"))
            let trail = try await AuditRepository(app.db).trail(caseID: family.caseID, per: 500).entries
            #expect(trail.filter { $0.recordKind == "invitation" && $0.action == "create" }.count == 3)
            #expect(try await worker.get("/cases/\(family.caseID)").body.string.contains("Has an account (papa@example.org)"))
            _ = clock
        }
    }

    @Test("a link lapses after 7 days; a family account cannot invite")
    func lapses() async throws {
        try await TestApp.run { app, clock in
            let (family, mother, father) = try FamilyPortalTests.madreFamily()
            var worker = try await Browser.signedIn(app, "caseworker2@demo.reunify.test")
            #expect(try await worker.post("/cases/\(family.caseID)/invitations", [("personId", father.id.description), ("email", "papa@example.org")]).status == .seeOther)
            let path = try Self.link(in: try #require(TestApp.mails(app).last))
            clock.advance(7 * 24 * 3600 + 60)
            var stranger = Browser(app)
            let gone = try await stranger.get(path)
            #expect(gone.status == .gone && gone.body.string.contains("link"))
            worker = try await Browser.signedIn(app, "caseworker2@demo.reunify.test")
            #expect(try await worker.get("/cases/\(family.caseID)").body.string.contains("has lapsed"))
            // Someone with an account is not invited again.
            let again = try await worker.post("/cases/\(family.caseID)/invitations", [("personId", mother.id.description), ("email", "otra@example.org")])
            #expect(again.status == .unprocessableEntity && again.body.string.contains("already has an account"))
            var madre = try await Browser.signedIn(app, FamilyPortalTests.madre)
            let refused = try await madre.post("/cases/\(family.caseID)/invitations", [("personId", father.id.description), ("email", "x@example.org")])
            #expect(refused.status == .forbidden)
        }
    }

    @Test("through SMTP, the message reaches a mail server as RFC 5321 asks")
    func smtp() async throws {
        let server = try await FakeSMTPServer.start()
        let settings = try SMTPSettings(url: "smtp://reunify:s%40cret@127.0.0.1:\(server.port)", from: "reunify@agency.example")
        #expect(settings.username == "reunify" && settings.password == "s@cret")
        let mail = Mail(to: "papa@example.org", subject: "Las páginas de su familia", body: "Hola:\n.una línea con punto\nAdiós")
        try await SMTPClient.send(mail, via: settings, on: MultiThreadedEventLoopGroup.singleton)
        let said = server.transcript
        #expect(said.contains("EHLO reunify"))
        #expect(said.contains("AUTH PLAIN \(Data("\0reunify\0s@cret".utf8).base64EncodedString())"))
        #expect(said.contains("MAIL FROM:<reunify@agency.example>") && said.contains("RCPT TO:<papa@example.org>"))
        #expect(said.contains("Subject: =?UTF-8?B?\(Data(mail.subject.utf8).base64EncodedString())?="))
        #expect(said.contains("..una línea con punto"), "a line starting with a dot is doubled")
        #expect(said.last == "QUIT")
        #expect(throws: ConfigurationError.self) { try SMTPSettings(url: "mail.example.org", from: "x@y") }
        let refusing = try await FakeSMTPServer.start(refuseRecipient: true)
        await #expect(throws: MailError.self) {
            try await SMTPClient.send(mail, via: try SMTPSettings(url: "smtp://127.0.0.1:\(refusing.port)", from: "a@b.example"),
                                      on: MultiThreadedEventLoopGroup.singleton)
        }
    }
}

/// A mail server on loopback that accepts one message and keeps every line the client said.
final class FakeSMTPServer: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    private(set) var port = 0
    let refuseRecipient: Bool
    init(refuseRecipient: Bool) { self.refuseRecipient = refuseRecipient }
    var transcript: [String] { lock.withLock { lines } }
    func heard(_ line: String) { lock.withLock { lines.append(line) } }

    static func start(refuseRecipient: Bool = false) async throws -> FakeSMTPServer {
        let server = FakeSMTPServer(refuseRecipient: refuseRecipient)
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in
                channel.pipeline.addHandlers([ByteToMessageHandler(SMTPClient.LineDecoder()), Handler(server)])
            }
            .bind(host: "127.0.0.1", port: 0).get()
        server.port = channel.localAddress?.port ?? 0
        return server
    }

    final class Handler: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = String
        typealias OutboundOut = ByteBuffer
        let server: FakeSMTPServer
        var inData = false
        init(_ server: FakeSMTPServer) { self.server = server }
        func reply(_ context: ChannelHandlerContext, _ text: String) {
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: text + "\r\n")), promise: nil)
        }
        func channelActive(context: ChannelHandlerContext) { reply(context, "220 fake ready") }
        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let line = unwrapInboundIn(data)
            server.heard(line)
            if inData {
                if line == "." { inData = false; reply(context, "250 queued") }
                return
            }
            switch line.prefix(4).uppercased() {
            case "EHLO": reply(context, "250-fake\r\n250 AUTH PLAIN")
            case "AUTH": reply(context, "235 ok")
            case "MAIL": reply(context, "250 ok")
            case "RCPT": reply(context, server.refuseRecipient ? "550 no such user" : "250 ok")
            case "DATA": inData = true; reply(context, "354 go on")
            case "QUIT": reply(context, "221 bye"); context.close(promise: nil)
            default: reply(context, "500 what")
            }
        }
    }
}
