/// An assessment instrument as data: domains of items rated on one scale. Definitions are versioned
/// files; a version that has been used is never changed — a revision is a new version.
public struct Instrument: Sendable, Codable, Equatable {
    public struct Item: Sendable, Codable, Equatable {
        public let id: String
        public let text: String
        public let required: Bool
    }

    public struct Domain: Sendable, Codable, Equatable {
        public let id: String
        public let title: String
        /// What the domain is about, in plain words.
        public let description: String
        public let items: [Item]
        /// The worker's overall judgement of the domain is required (it is never computed).
        public let overallRequired: Bool

        /// The id under which the domain's overall rating is kept.
        public var overallID: String { "\(id).overall" }
    }

    /// One step of the instrument's rating scale.
    public struct ScalePoint: Sendable, Codable, Equatable {
        public let value: Int
        public let label: String
    }

    public let id: String
    public let version: Int
    public let jurisdiction: String
    public let title: String
    public let points: [AssessmentPoint]
    /// The scale, best first. Definitions that leave it out use the six-point family assessment scale.
    public let scale: [ScalePoint]
    public let domains: [Domain]

    public static let sixPointScale = Rating.allCases.map { ScalePoint(value: $0.rawValue, label: $0.label) }

    enum CodingKeys: String, CodingKey { case id, version, jurisdiction, title, points, scale, domains }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        version = try c.decode(Int.self, forKey: .version)
        jurisdiction = try c.decode(String.self, forKey: .jurisdiction)
        title = try c.decode(String.self, forKey: .title)
        points = try c.decode([AssessmentPoint].self, forKey: .points)
        scale = try c.decodeIfPresent([ScalePoint].self, forKey: .scale) ?? Self.sixPointScale
        domains = try c.decode([Domain].self, forKey: .domains)
    }

    /// The scale's values as ratings; a value the engine cannot hold is left out (and refused by `validate`).
    public var ratings: [Rating] { scale.compactMap { Rating(rawValue: $0.value) } }

    public func label(_ rating: Rating) -> String { scale.first { $0.value == rating.rawValue }?.label ?? rating.label }

    /// "family-strengths-needs@1".
    public var key: String { "\(id)@\(version)" }

    public func domain(ofItem itemID: String) -> Domain? {
        domains.first { d in d.overallID == itemID || d.items.contains { $0.id == itemID } }
    }

    public func itemText(_ itemID: String) -> String? {
        for d in domains {
            if d.overallID == itemID { return "\(d.title): overall" }
            if let item = d.items.first(where: { $0.id == itemID }) { return item.text }
        }
        return nil
    }

    /// Every rateable id: items and each domain's overall, in the instrument's order.
    public var ratingIDs: [String] { domains.flatMap { $0.items.map(\.id) + [$0.overallID] } }

    /// A definition must have unique ids, at least one domain, and each domain at least one item.
    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        if id.isEmpty || !id.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }) {
            errors.append(FieldError("id", "An instrument id is lower-case letters, digits and '-'"))
        }
        if version < 1 { errors.append(FieldError("version", "Versions start at 1")) }
        if domains.isEmpty { errors.append(FieldError("domains", "An instrument needs at least one domain")) }
        let ids = ratingIDs
        if Set(ids).count != ids.count { errors.append(FieldError("domains", "Item and domain ids must be unique")) }
        for d in domains where d.items.isEmpty { errors.append(FieldError("domains", "Domain '\(d.id)' has no items")) }
        if points.isEmpty { errors.append(FieldError("points", "Name at least one assessment point")) }
        if scale.isEmpty || Set(scale.map(\.value)).count != scale.count || scale.contains(where: { Rating(rawValue: $0.value) == nil }) {
            errors.append(FieldError("scale", "The scale needs distinct values, each from -3 (worst) to +2 (best)"))
        }
        return errors
    }
}

extension Instrument {
    /// An instrument is taken only at the assessment points it is made for.
    public func problem(takenAt point: AssessmentPoint) -> FieldError? {
        points.contains(point) ? nil : FieldError("point", "\(title) is not used at \(point.label.lowercased())")
    }
}
