/// A word's sound key: the primary Double Metaphone code ("Mohamed", "Muhammad", "محمد" → "MHMT").
/// Comparisons also accept the alternate code (see `Word.soundsLike`).
public enum PhoneticKey {
    public static func of(_ word: String) -> String { DoubleMetaphone.codes(word).primary }
}
