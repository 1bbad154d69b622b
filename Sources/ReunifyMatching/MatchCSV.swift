import Foundation

/// Reads people from CSV for batch linking: a header row, then one person per row. Known columns are used,
/// unknown ones reported; a malformed row is reported with its line number and skipped, never fatal.
public enum MatchCSV {
    public static let columns = ["id", "given_name", "family_name", "other_names", "sex", "birth_date", "age", "street_number", "address",
                                 "address_2", "locality", "postcode", "region", "country", "phone", "email", "identifier", "mother_name",
                                 "father_name", "place_of_origin", "language"]

    /// Other names files commonly give these columns; each is read as the column it stands for.
    public static let aliases: [String: String] = [
        "first_name": "given_name", "given_names": "given_name", "forename": "given_name",
        "surname": "family_name", "last_name": "family_name",
        "dob": "birth_date", "date_of_birth": "birth_date",
        "house_number": "street_number", "address_1": "address", "street": "address", "address_line_1": "address",
        "address_line_2": "address_2", "suburb": "locality", "city": "locality", "town": "locality",
        "postal_code": "postcode", "zip": "postcode", "zip_code": "postcode", "state": "region", "province": "region",
        "phone_number": "phone", "telephone": "phone", "e_mail": "email", "soc_sec_id": "identifier", "national_id": "identifier",
    ]

    public struct Result: Sendable {
        public var records: [MatchRecord] = []
        public var unknownColumns: [String] = []
        /// "line 7: …" messages for rows that were skipped.
        public var problems: [String] = []
    }

    public enum Failure: Error, CustomStringConvertible {
        case noHeader, noIDColumn
        public var description: String {
            switch self {
            case .noHeader: "the file is empty: a header row is needed"
            case .noIDColumn: "the header has no 'id' column"
            }
        }
    }

    /// Splits CSV text into rows of fields (RFC 4180: quotes, doubled quotes, commas and newlines inside quotes),
    /// each row with the line number it starts on.
    public static func rows(_ text: String) -> [(line: Int, fields: [String], malformed: Bool)] {
        var rows: [(Int, [String], Bool)] = []
        var field = "", fields: [String] = []
        var inQuotes = false, line = 1, rowLine = 1, malformed = false
        var chars = text.makeIterator()
        var pending: Character? = nil
        func next() -> Character? { if let p = pending { pending = nil; return p }; return chars.next() }
        while let c = next() {
            if inQuotes {
                if c == "\"" {
                    if let n = chars.next() {
                        if n == "\"" { field.append("\"") } else { inQuotes = false; pending = n }
                    } else { inQuotes = false }
                } else {
                    if c == "\n" || c == "\r\n" { line += 1 }
                    field.append(c)
                }
                continue
            }
            switch c {
            case "\"":
                if field.isEmpty { inQuotes = true } else { malformed = true; field.append(c) }
            case ",":
                fields.append(field)
                field = ""
            case "\n", "\r\n", "\r":
                fields.append(field)
                if !(fields.count == 1 && fields[0].isEmpty) { rows.append((rowLine, fields, malformed)) }
                field = ""; fields = []; malformed = false
                line += 1
                rowLine = line
            default:
                field.append(c)
            }
        }
        if inQuotes { malformed = true }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            rows.append((rowLine, fields, malformed))
        }
        return rows
    }

    public static func read(_ text: String) throws(Failure) -> Result {
        let all = rows(text)
        guard let header = all.first else { throw .noHeader }
        let given = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var result = Result()
        result.unknownColumns = given.filter { !columns.contains($0) && aliases[$0] == nil }
        // A column named by its alias is read as the column, unless the file also has the column itself.
        let names = given.map { name in aliases[name].map { given.contains($0) ? name : $0 } ?? name }
        guard names.contains("id") else { throw .noIDColumn }
        var seen = Set<String>()
        for row in all.dropFirst() {
            func value(_ column: String) -> String? {
                guard let i = names.firstIndex(of: column), i < row.fields.count else { return nil }
                let v = row.fields[i].trimmingCharacters(in: .whitespaces)
                return v.isEmpty ? nil : v
            }
            if row.malformed { result.problems.append("line \(row.line): an unbalanced quote; row skipped"); continue }
            if row.fields.count != names.count {
                result.problems.append("line \(row.line): \(row.fields.count) fields where the header has \(names.count); row skipped")
                continue
            }
            guard let id = value("id") else {
                result.problems.append("line \(row.line): no id; row skipped")
                continue
            }
            guard seen.insert(id).inserted else {
                result.problems.append("line \(row.line): id '\(id)' appears twice; row skipped")
                continue
            }
            var birth: PartialDate?
            if let text = value("birth_date") {
                // A birth date that is no date (a day that month has not, a slip of the pen) is left out; the rest of
                // the row is still evidence.
                birth = PartialDate(text)
                if birth == nil {
                    result.problems.append("line \(row.line): birth_date '\(text)' is not a date as YYYY-MM-DD, YYYYMMDD, YYYY-MM or YYYY; read without it")
                }
            }
            var age: Int?
            if let text = value("age") {
                age = Int(text).flatMap { (0...120).contains($0) ? $0 : nil }
                if age == nil {
                    result.problems.append("line \(row.line): age '\(text)' is not a whole number of years; read without it")
                }
            }
            let sex: MatchSex? = switch value("sex")?.lowercased() {
            case "f", "female", "girl": .female
            case "m", "male", "boy": .male
            default: nil
            }
            let street = [value("address"), value("address_2")].compactMap { $0 }.joined(separator: ", ")
            let address = PostalAddress(streetNumber: value("street_number"), street: street.isEmpty ? nil : street,
                                        locality: value("locality"), postcode: value("postcode"), region: value("region"),
                                        country: value("country"))
            result.records.append(MatchRecord(
                id: id, givenName: value("given_name") ?? "", familyName: value("family_name") ?? "",
                otherNames: (value("other_names") ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
                sex: sex, birthDate: birth, age: age, place: value("place_of_origin"), identifier: value("identifier"),
                motherName: value("mother_name"), fatherName: value("father_name"), address: address,
                phone: value("phone"), email: value("email")))
        }
        return result
    }

    /// The output: a header and one line per pair, best first.
    public static func write(_ pairs: [ScoredPair], header: (String, String)) -> String {
        var out = "\(header.0),\(header.1),probability\n"
        for p in pairs { out += "\(quote(p.left)),\(quote(p.right)),\(String(format: "%.4f", p.probability))\n" }
        return out
    }

    static func quote(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
