import ArgumentParser
import Foundation
import ReunifyDomain
import ReunifyMatching

/// Reads a people CSV, reporting unknown columns and skipped rows on standard error.
func readPeople(_ path: String) -> [MatchRecord] {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { complain("cannot read \(path)") }
    do {
        let result = try MatchCSV.read(text)
        if !result.unknownColumns.isEmpty {
            note("\(path): ignoring unknown columns: \(result.unknownColumns.joined(separator: ", "))")
        }
        for problem in result.problems { note("\(path): \(problem)") }
        note("\(path): \(result.records.count) people read")
        return result.records
    } catch {
        complain("\(path): \(error)")
    }
}

func note(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// A linker for this year that tells its progress on standard error.
func reportingLinker() -> Linker {
    var linker = Linker(referenceYear: CalendarDate(Date()).year)
    linker.progress = { note("  " + $0) }
    return linker
}

func writeOutput(_ text: String, to path: String) {
    do { try text.write(toFile: path, atomically: true, encoding: .utf8) } catch { complain("cannot write \(path): \(error)") }
}

struct LinkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link",
        abstract: "Find the same people in two CSV files (for example tracing requests against registered children).",
        discussion: "Columns: id (required), given_name, family_name, other_names (separated by ';'), sex, birth_date, age, street_number, address, address_2, locality, postcode, region, country, phone, email, identifier, place_of_origin, mother_name, father_name (and common other names for them: surname, date_of_birth, suburb, state, ...). Writes left_id,right_id,probability for pairs at or above the threshold, best first.")

    @Option(help: "The first CSV file.") var left: String
    @Option(help: "The second CSV file.") var right: String
    @Option(help: "Where to write the pairs.") var out: String
    @Option(help: "The lowest match probability to write (0 to 1).") var threshold: Double = 0.5

    func validate() throws {
        guard (0...1).contains(threshold) else { throw ValidationError("--threshold is a probability from 0 to 1") }
    }

    func run() {
        let l = readPeople(left), r = readPeople(right)
        note("comparing candidate pairs…")
        let (pairs, _) = reportingLinker().link(left: l, right: r, threshold: threshold)
        writeOutput(MatchCSV.write(pairs, header: ("left_id", "right_id")), to: out)
        note("\(pairs.count) pairs at or above \(threshold) written to \(out)")
    }
}

struct DedupeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dedupe",
        abstract: "Find people registered more than once in one CSV file.",
        discussion: "Same columns as 'reunify link'. Writes id_a,id_b,probability for pairs at or above the threshold, best first.")

    @Option(help: "The CSV file.") var input: String
    @Option(help: "Where to write the pairs.") var out: String
    @Option(help: "The lowest match probability to write (0 to 1).") var threshold: Double = 0.5

    func validate() throws {
        guard (0...1).contains(threshold) else { throw ValidationError("--threshold is a probability from 0 to 1") }
    }

    func run() {
        let records = readPeople(input)
        note("comparing candidate pairs…")
        let (pairs, _) = reportingLinker().dedupe(records, threshold: threshold)
        writeOutput(MatchCSV.write(pairs, header: ("id_a", "id_b")), to: out)
        note("\(pairs.count) pairs at or above \(threshold) written to \(out)")
    }
}
