import FluentKit
import Foundation
import ReunifyDomain

/// A fictional family a supervisor publishes so every worker can rate it; never linked to a real case.
public final class VignetteModel: Model, @unchecked Sendable {
    public static let schema = "vignettes"

    @ID(key: .id) public var id: UUID?
    @Field(key: .title) public var title: String
    @Field(key: .story) public var story: String
    @Field(key: .instrumentID) public var instrumentID: String
    @Field(key: .instrumentVersion) public var instrumentVersion: Int
    @Field(key: .publishedBy) public var publishedBy: UUID
    @Field(key: .publishedOn) public var publishedOn: String
    @Field(key: .unit) public var unit: String
    /// The fields above, listed for Fluent so reading or writing a row needs no reflection (`ModelFieldsTests`).
    public var properties: [any AnyProperty] { [$id, $title, $story, $instrumentID, $instrumentVersion, $publishedBy, $publishedOn, $unit] }

    public init() {}
    public init(title: String, story: String, instrumentID: String, instrumentVersion: Int, publishedBy: UUID, publishedOn: String, unit: String) {
        self.title = title
        self.story = story
        self.instrumentID = instrumentID
        self.instrumentVersion = instrumentVersion
        self.publishedBy = publishedBy
        self.publishedOn = publishedOn
        self.unit = unit
    }

    /// The vignette as pages and rules read it.
    public var vignette: Vignette {
        Vignette(id: VignetteID(id!), title: title, story: story, instrumentKey: "\(instrumentID)@\(instrumentVersion)",
                 publishedBy: UserID(publishedBy), publishedOn: CalendarDate(iso: publishedOn) ?? CalendarDate(year: 2000, month: 1, day: 1)!,
                 unit: unit)
    }
}

/// One worker's ratings of a vignette.
public final class VignetteRatingModel: Model, @unchecked Sendable {
    public static let schema = "vignette_ratings"

    @ID(key: .id) public var id: UUID?
    @Field(key: .vignetteID) public var vignetteID: UUID
    @Field(key: .userID) public var userID: UUID
    @Field(key: .ratings) public var ratings: String
    /// The fields above, listed for Fluent so reading or writing a row needs no reflection (`ModelFieldsTests`).
    public var properties: [any AnyProperty] { [$id, $vignetteID, $userID, $ratings] }

    public init() {}
    public init(vignetteID: UUID, userID: UUID, ratings: String) {
        self.vignetteID = vignetteID
        self.userID = userID
        self.ratings = ratings
    }

    public var rating: VignetteRating {
        VignetteRating(vignetteID: VignetteID(vignetteID), rater: UserID(userID), ratings: AssessmentModel.decode(ratings))
    }
}
