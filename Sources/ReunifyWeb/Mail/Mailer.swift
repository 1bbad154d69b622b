import Foundation
import NIOCore
import NIOPosix
import Vapor

/// One plain-text e-mail.
public struct Mail: Sendable, Equatable {
    public let to: String
    public let subject: String
    public let body: String
}

/// Where Reunify's e-mail goes: an SMTP server (`SMTP_URL`), or, when none is set, the server's log, so the demo
/// works without a mail server; tests keep it in a mailbox.
public enum MailSetting: Sendable {
    case log
    case smtp(SMTPSettings)
    case mailbox(MailBox)

    /// `smtp://[user:password@]host[:port]` (port 25 when not given); `MAIL_FROM` names the sender.
    public static func fromEnvironment(_ env: [String: String]) throws -> MailSetting {
        guard let url = env["SMTP_URL"], !url.isEmpty else { return .log }
        return .smtp(try SMTPSettings(url: url, from: env["MAIL_FROM"] ?? "reunify@localhost"))
    }
}

/// Mail kept in memory, for tests to read.
public final class MailBox: @unchecked Sendable {
    private let lock = NSLock()
    private var kept: [Mail] = []
    public init() {}
    public var mails: [Mail] { lock.withLock { kept } }
    func add(_ mail: Mail) { lock.withLock { kept.append(mail) } }
}

public struct SMTPSettings: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var username: String?
    public var password: String?
    public var from: String

    public init(url: String, from: String) throws {
        guard let components = URLComponents(string: url), components.scheme == "smtp", let host = components.host, !host.isEmpty else {
            throw ConfigurationError("SMTP_URL '\(url)' is not an address like smtp://user:password@mail.example.org:587")
        }
        self.host = host
        self.port = components.port ?? 25
        self.username = components.user?.removingPercentEncoding
        self.password = components.password?.removingPercentEncoding
        self.from = from
    }
}

/// A mail server refused the message, or could not be reached.
public struct MailError: Error, CustomStringConvertible {
    public let description: String
}

extension Application {
    /// Sends `mail` as the setting says. A refused or unreachable server is an error the caller reports.
    func send(_ mail: Mail) async throws {
        switch reunify.mail {
        case .log:
            logger.notice("E-mail (no SMTP_URL set, so written here): to \(mail.to), subject \(mail.subject)\n\(mail.body)")
        case .mailbox(let box):
            box.add(mail)
        case .smtp(let settings):
            try await SMTPClient.send(mail, via: settings, on: eventLoopGroup)
        }
    }
}

/// A small SMTP client (RFC 5321) for plain connections: EHLO, AUTH PLAIN when the URL names a user, one message
/// of UTF-8 text (RFC 2047 subject), QUIT. A relay on the same network or host is the expected setting.
enum SMTPClient {
    static func send(_ mail: Mail, via settings: SMTPSettings, on group: any EventLoopGroup) async throws {
        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(.seconds(10))
            .connect(host: settings.host, port: settings.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineDecoder()))
                    return try NIOAsyncChannel<String, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        try await channel.executeThenClose { inbound, outbound in
            var lines = inbound.makeAsyncIterator()
            func reply(_ expected: Set<Int>) async throws {
                while true {
                    guard let line = try await lines.next() else { throw MailError(description: "The mail server closed the connection") }
                    let code = Int(line.prefix(3)) ?? 0
                    if line.count > 3 && line[line.index(line.startIndex, offsetBy: 3)] == "-" { continue }
                    guard expected.contains(code) else { throw MailError(description: "The mail server answered: \(line)") }
                    return
                }
            }
            func say(_ text: String) async throws {
                try await outbound.write(ByteBuffer(string: text + "\r\n"))
            }
            try await reply([220])
            try await say("EHLO reunify")
            try await reply([250])
            if let user = settings.username {
                let token = Data("\0\(user)\0\(settings.password ?? "")".utf8).base64EncodedString()
                try await say("AUTH PLAIN \(token)")
                try await reply([235])
            }
            try await say("MAIL FROM:<\(settings.from)>")
            try await reply([250])
            try await say("RCPT TO:<\(mail.to)>")
            try await reply([250, 251])
            try await say("DATA")
            try await reply([354])
            try await outbound.write(ByteBuffer(string: message(mail, from: settings.from)))
            try await reply([250])
            try await say("QUIT")
            try? await reply([221])
        }
    }

    /// The message as sent after DATA: headers, the body with lines starting with a dot doubled, the closing dot.
    static func message(_ mail: Mail, from: String, date: Date = Date()) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        let subject = "=?UTF-8?B?\(Data(mail.subject.utf8).base64EncodedString())?="
        let body = mail.body.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(".") ? "." + $0 : String($0) }.joined(separator: "\r\n")
        return ["From: \(from)", "To: \(mail.to)", "Subject: \(subject)", "Date: \(formatter.string(from: date))", "MIME-Version: 1.0",
                "Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: 8bit", "", body, "."].joined(separator: "\r\n") + "\r\n"
    }

    /// Splits what the server sends into lines, without their line ends.
    struct LineDecoder: ByteToMessageDecoder {
        typealias InboundOut = String
        mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
            guard let end = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else { return .needMoreData }
            let length = end - buffer.readerIndex + 1
            var line = buffer.readString(length: length) ?? ""
            // By scalars: "\r\n" is one Character, so a Character test would not see it.
            while let last = line.unicodeScalars.last, last == "\n" || last == "\r" { line.unicodeScalars.removeLast() }
            context.fireChannelRead(wrapInboundOut(line))
            return .continue
        }
    }
}
