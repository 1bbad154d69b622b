import Foundation

/// A practice vignette as published: a made-up family's story, the instrument version it is rated with, and who
/// published it for which unit. Never linked to a real case.
public struct Vignette: Sendable, Equatable {
    public var id: VignetteID
    public var title: String
    public var story: String
    /// The instrument the team rates it with, as `id@version`.
    public var instrumentKey: String
    public var publishedBy: UserID
    public var publishedOn: CalendarDate
    /// The unit whose staff rate it; empty for every unit.
    public var unit: String

    public init(id: VignetteID, title: String, story: String, instrumentKey: String, publishedBy: UserID,
                publishedOn: CalendarDate, unit: String) {
        self.id = id
        self.title = title
        self.story = story
        self.instrumentKey = instrumentKey
        self.publishedBy = publishedBy
        self.publishedOn = publishedOn
        self.unit = unit
    }

    /// Staff of another unit do not see it; staff who work across units (no unit) see every vignette.
    public func isOpen(toUnit unit: String?) -> Bool { unit == nil || unit == self.unit }
}

/// One worker's ratings of a vignette.
public struct VignetteRating: Sendable, Equatable {
    public var vignetteID: VignetteID
    public var rater: UserID
    public var ratings: [String: Rating]
    public init(vignetteID: VignetteID, rater: UserID, ratings: [String: Rating]) {
        self.vignetteID = vignetteID
        self.rater = rater
        self.ratings = ratings
    }
}

extension VignetteRules {
    /// A vignette needs a title and a story long enough to rate; both are trimmed.
    public static func checkDraft(title: String, story: String) throws(ValidationFailure) -> (title: String, story: String) {
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        let story = story.trimmingCharacters(in: .whitespacesAndNewlines)
        var errors: [FieldError] = []
        if title.isEmpty { errors.append(FieldError("title", .ruleVignetteTitle)) }
        else if title.count > 200 { errors.append(FieldError("title", .ruleVignetteTitleLength)) }
        if story.isEmpty { errors.append(FieldError("story", .ruleVignetteStory)) }
        try ValidationFailure.check(errors)
        return (title, story)
    }
}
