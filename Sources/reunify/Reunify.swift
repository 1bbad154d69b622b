import ArgumentParser
import Foundation
import ReunifyWeb

@main
struct Reunify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reunify",
        abstract: "Case management for family reunification in child welfare.",
        discussion: "The database is SQLite at ./data/reunify.sqlite unless DATABASE_URL names another (postgres://… or sqlite:///path).",
        subcommands: [Serve.self, Migrate.self, Demo.self, UserCommand.self, InstrumentCommand.self, LinkCommand.self, DedupeCommand.self, Routes.self],
        defaultSubcommand: Serve.self)
}

/// Runs `body` with a configured application and shuts it down afterwards, whatever happens.
func withApplication<T>(_ body: (Application) async throws -> T) async throws -> T {
    let app = try await ReunifyRuntime.makeApplication()
    do {
        let result = try await body(app)
        try await app.asyncShutdown()
        return result
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve Reunify over HTTP.")

    @Flag(help: "Load the demo agency on first start (not again on later starts).") var demo = false
    @Flag(name: .customLong("no-migrate"), help: "Do not migrate the database on start.") var noMigrate = false
    @Option(help: "The address to listen on.") var hostname = "127.0.0.1"
    @Option(help: "The port to listen on (0 picks a free one).") var port = 8080

    func run() async throws {
        try await withApplication { app in
            if !noMigrate { try await ReunifyRuntime.migrate(app) }
            if demo {
                let loaded = try await ReunifyRuntime.loadDemo(app)
                say(loaded ? "Loaded the demo agency." : "The demo agency is already loaded.")
                say("Demo sign-ins (password 'reunify-demo'):")
                for account in ReunifyRuntime.demoAccounts { say("  \(account)") }
            }
            try await ReunifyRuntime.serve(app, hostname: hostname, port: port) { say($0) }
        }
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Bring the database schema up to date.")
    func run() async throws {
        try await withApplication { app in
            try await ReunifyRuntime.migrate(app)
            say("The database is up to date.")
        }
    }
}

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Load the demo agency into the database (once); with --families, a state-sized one besides.")
    @Option(help: "Also load a generated state agency of this many families, in bulk (regions of 120 families, eight caseworkers each).")
    var families: Int?
    @Option(help: "The seed the state agency is generated from (the same seed gives the same agency).") var seed: UInt64 = 1
    @Option(help: "The years the state agency's removals are spread over.") var years: Int = 3

    func run() async throws {
        try await withApplication { app in
            try await ReunifyRuntime.migrate(app)
            say(try await ReunifyRuntime.loadDemo(app) ? "Loaded the demo agency." : "The demo agency is already loaded.")
            if let families {
                guard families > 0 else { throw ValidationError("--families takes a number of families above 0") }
                let started = Date()
                let rows = try await ReunifyRuntime.loadStateAgency(app, families: families, seed: seed, years: years) { done in
                    if done % 10_000 == 0 || done == families { say("  \(done) families written (\(Int(Date().timeIntervalSince(started))) s)") }
                }
                say(rows.map { "Loaded a state agency of \(families) families (seed \(seed), \(years) years): \($0) rows in \(String(format: "%.1f", Date().timeIntervalSince(started))) s." }
                    ?? "A state agency is already loaded.")
            }
        }
    }
}

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "user", abstract: "Manage accounts.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make an account. Prompts for the password unless --password-stdin is given.")

        @Option(help: "The sign-in email address.") var email: String
        @Option(help: "The person's name as others see it.") var name: String
        @Option(help: "caseworker, supervisor, clinician, provider, legal, parent or administrator.") var role: String
        @Option(help: "The supervisory unit (caseworkers and supervisors).") var unit: String?
        @Flag(name: .customLong("password-stdin"), help: "Read the password from standard input.") var passwordStdin = false

        func run() async throws {
            let password: String
            if passwordStdin {
                password = (readLine(strippingNewline: true) ?? "")
            } else {
                guard let typed = getpass("Password for \(email): ") else { throw ValidationError("No password was given") }
                password = String(cString: typed)
            }
            do {
                let message = try await withApplication { app in
                    try await ReunifyRuntime.migrate(app)
                    return try await ReunifyRuntime.createUser(app, email: email, name: name, role: role, unit: unit, password: password)
                }
                say(message)
            } catch let failure as ReunifyWeb.ValidationFailure {
                complain(failure.summary)
            } catch let error as ReunifyWeb.StoreError {
                complain(error.description)
            }
        }
    }
}

struct InstrumentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "instrument", abstract: "Assessment instruments.",
                                                    subcommands: [List.self, Add.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the instruments in use.")
        func run() async throws {
            try await withApplication { app in
                try await ReunifyRuntime.migrate(app)
                for line in try await ReunifyRuntime.instruments(app) { say(line) }
            }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an instrument definition from a JSON file. A version, once added, is never changed: revise as a new version.")
        @Option(help: "The definition file (JSON, as GET /api/v1/instruments shows).") var file: String

        func run() async throws {
            guard let json = try? String(contentsOfFile: file, encoding: .utf8) else { complain("cannot read \(file)") }
            do {
                let key = try await withApplication { app in
                    try await ReunifyRuntime.migrate(app)
                    return try await ReunifyRuntime.addInstrument(app, json: json)
                }
                say("Added \(key)")
            } catch let failure as ReunifyWeb.ValidationFailure {
                complain(failure.summary)
            } catch let error as ReunifyWeb.StoreError {
                complain(error.description)
            }
        }
    }
}

struct Routes: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List every route the server answers.")
    func run() async throws {
        try await withApplication { app in
            for line in ReunifyRuntime.routeList(app) { say(line) }
        }
    }
}

/// Writes a line to standard output at once, also when it is a pipe (CI reads the URL from it).
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// Says what is wrong on standard error and exits with the status for bad input.
func complain(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("reunify: " + message + "\n").utf8))
    Foundation.exit(ExitCode.validationFailure.rawValue)
}
