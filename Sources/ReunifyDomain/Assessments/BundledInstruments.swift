import Foundation

/// The instruments Reunify ships. The Family Strengths and Needs instrument is Reunify's own, written here in
/// plain words over the ten domains family assessment in reunification is known to cover (RULES.md §1); it
/// borrows no licensed wording. Agencies that hold a licence for another instrument add its definition as data.
/// Its Spanish wording was added to version 1 without changing what is rated (the same domains, items and scale; the
/// English text is as it was), so assessments already made read the same in English and now also in Spanish.
public enum BundledInstruments {
    public static let all: [Instrument] = [familyStrengthsAndNeeds]

    public static let familyStrengthsAndNeeds: Instrument = {
        // The definition is data, kept in the same JSON form an administrator adds.
        try! JSONDecoder().decode(Instrument.self, from: Data(familyStrengthsAndNeedsJSON.utf8))
    }()
}
