import Foundation
import ReunifyMatching

/// The benchmark's files: people in the columns `reunify link` reads, and the truth as id,person.
enum BenchCSV {
    static func people(_ records: [MatchRecord]) -> String {
        var out = "id,given_name,family_name,other_names,sex,birth_date,age,place_of_origin,mother_name,father_name\n"
        out.reserveCapacity(records.count * 80)
        for r in records {
            let fields = [r.id, r.givenName, r.familyName, r.otherNames.joined(separator: ";"), r.sex?.rawValue ?? "",
                          r.birthDate?.text ?? "", r.age.map(String.init) ?? "", r.place ?? "", r.motherName ?? "", r.fatherName ?? ""]
            out += fields.map(quote).joined(separator: ",") + "\n"
        }
        return out
    }

    static func quote(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    static func truth(_ person: [String: Int]) -> String {
        "id,person\n" + person.sorted { $0.key < $1.key }.map { "\($0.key),\($0.value)" }.joined(separator: "\n") + "\n"
    }

    static func read(_ path: String) throws -> [MatchRecord] {
        try MatchCSV.read(String(contentsOfFile: path, encoding: .utf8)).records
    }

    static func readTruth(_ path: String) throws -> [String: Int] {
        var truth: [String: Int] = [:]
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst() {
            let parts = line.split(separator: ",")
            if parts.count == 2, let p = Int(parts[1]) { truth[String(parts[0])] = p }
        }
        return truth
    }
}
