import Foundation
import ReunifyDomain
import ReunifyStore

/// How one Reunify server runs. Tests build their own; `serve` reads the environment.
public struct ReunifyConfiguration: Sendable {
    public var database: DatabaseTarget
    public var time: any TimeSource
    public var timelines: TimelinePolicy
    /// A browser session ends after this long without a request…
    public var sessionIdleLimit: TimeInterval = 30 * 60
    /// …and in any case this long after sign-in.
    public var sessionAbsoluteLimit: TimeInterval = 12 * 3600
    public var apiTokenLifetime: TimeInterval = 30 * 24 * 3600
    /// Failed sign-ins allowed per account and per address within the window before sign-in is refused.
    public var signInFailureLimit: Int = 5
    public var signInFailureWindow: TimeInterval = 15 * 60
    /// Send cookies only over HTTPS; on when Reunify is served behind TLS.
    public var secureCookies: Bool = false
    /// Failed sign-ins allowed from one address within the window (several people may share one).
    public var addressFailureLimit: Int = 20
    /// Take the client's address from `X-Forwarded-For`; only behind a proxy that sets it.
    public var trustForwardedFor: Bool = false
    /// Bcrypt cost; tests lower it to keep the suite quick.
    public var bcryptCost: Int = 12
    /// The agency's time zone: times typed on pages (a visit's start) are read in it, and shown in it.
    public var timeZone: TimeZone = TimeZone(identifier: "America/Los_Angeles") ?? .gmt
    /// Where e-mail (invitations) goes: `SMTP_URL`, else the log.
    public var mail: MailSetting = .log

    public init(database: DatabaseTarget, time: any TimeSource = SystemTime(), timelines: TimelinePolicy = .unitedStates) {
        self.database = database
        self.time = time
        self.timelines = timelines
    }

    /// Reads `DATABASE_URL`, `REUNIFY_SECURE_COOKIES`, `REUNIFY_TRUST_PROXY`, `REUNIFY_TIME_ZONE` (an IANA name such as
    /// America/Chicago; America/Los_Angeles when not set), `SMTP_URL` and `MAIL_FROM`.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> ReunifyConfiguration {
        var config = ReunifyConfiguration(database: try DatabaseTarget.from(environmentValue: env["DATABASE_URL"]))
        config.secureCookies = env["REUNIFY_SECURE_COOKIES"] == "1"
        config.trustForwardedFor = env["REUNIFY_TRUST_PROXY"] == "1"
        config.mail = try MailSetting.fromEnvironment(env)
        if let zone = env["REUNIFY_TIME_ZONE"], !zone.isEmpty {
            guard let tz = TimeZone(identifier: zone) else {
                throw ConfigurationError("REUNIFY_TIME_ZONE '\(zone)' is not a time zone; use a name such as America/Chicago")
            }
            config.timeZone = tz
        }
        return config
    }
}

/// A setting the server cannot start with.
public struct ConfigurationError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
