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

    /// An instrument's words in another language than its own: every domain's title and description, every item's text,
    /// and the scale's labels where the instrument has a scale of its own. Given as part of the definition, so a
    /// translation is versioned with the wording it translates.
    public struct Wording: Sendable, Codable, Equatable {
        public struct DomainWording: Sendable, Codable, Equatable {
            public let title: String
            public let description: String
        }
        public let title: String
        /// By domain id.
        public let domains: [String: DomainWording]
        /// By item id.
        public let items: [String: String]
        /// By the scale value ("2", "-3"); for the six-point scale the labels default to Reunify's own.
        public let scale: [String: String]?
    }

    public let id: String
    public let version: Int
    public let jurisdiction: String
    public let title: String
    public let points: [AssessmentPoint]
    /// The scale, best first. Definitions that leave it out use the six-point family assessment scale.
    public let scale: [ScalePoint]
    public let domains: [Domain]
    /// The language the definition is written in (a tag such as "en"; English when the definition does not say).
    public let language: String
    /// Its wording in other languages, by language tag.
    public let translations: [String: Wording]?

    public static let sixPointScale = Rating.allCases.map { ScalePoint(value: $0.rawValue, label: $0.label) }

    enum CodingKeys: String, CodingKey { case id, version, jurisdiction, title, points, scale, domains, language, translations }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        version = try c.decode(Int.self, forKey: .version)
        jurisdiction = try c.decode(String.self, forKey: .jurisdiction)
        title = try c.decode(String.self, forKey: .title)
        points = try c.decode([AssessmentPoint].self, forKey: .points)
        scale = try c.decodeIfPresent([ScalePoint].self, forKey: .scale) ?? Self.sixPointScale
        domains = try c.decode([Domain].self, forKey: .domains)
        language = try c.decodeIfPresent(String.self, forKey: .language) ?? "en"
        translations = try c.decodeIfPresent([String: Wording].self, forKey: .translations)
    }

    init(id: String, version: Int, jurisdiction: String, title: String, points: [AssessmentPoint], scale: [ScalePoint],
         domains: [Domain], language: String, translations: [String: Wording]?) {
        (self.id, self.version, self.jurisdiction, self.title, self.points) = (id, version, jurisdiction, title, points)
        (self.scale, self.domains, self.language, self.translations) = (scale, domains, language, translations)
    }

    /// The scale's values as ratings; a value the engine cannot hold is left out (and refused by `validate`).
    public var ratings: [Rating] { scale.compactMap { Rating(rawValue: $0.value) } }

    public func label(_ rating: Rating) -> String { scale.first { $0.value == rating.rawValue }?.label ?? rating.label }

    /// "family-strengths-needs@1".
    public var key: String { "\(id)@\(version)" }

    public func domain(ofItem itemID: String) -> Domain? {
        domains.first { d in d.overallID == itemID || d.items.contains { $0.id == itemID } }
    }

    /// An item's text, or "Safety: overall" for a domain's overall rating (`language` words that part).
    public func itemText(_ itemID: String, _ language: UILanguage = .english) -> String? {
        for d in domains {
            if d.overallID == itemID { return Catalogue.text(.asmOverallOf, language, ["domain": d.title]) }
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
        for (tag, wording) in (translations ?? [:]).sorted(by: { $0.key < $1.key }) {
            errors += problems(of: wording, tag: tag)
        }
        return errors
    }
}

extension Instrument {
    /// An instrument is taken only at the assessment points it is made for.
    public func problem(takenAt point: AssessmentPoint) -> FieldError? {
        points.contains(point) ? nil : FieldError("point", .ruleAsmPoint) { language in
            ["instrument": worded(language).instrument.title, "point": point.staffLabel(language).lowercased()]
        }
    }
}

extension Instrument {
    /// A translation must word everything the instrument shows, and nothing it does not have.
    func problems(of wording: Wording, tag: String) -> [FieldError] {
        let field = "translations.\(tag)"
        var errors: [FieldError] = []
        if !Languages.isTag(tag) || tag.lowercased() == language.lowercased() {
            errors.append(FieldError(field, "A translation is keyed by a language tag such as \"es\", other than the instrument's own language"))
        }
        let domainIDs = Set(domains.map(\.id)), itemIDs = Set(domains.flatMap { $0.items.map(\.id) })
        let blank = { (text: String) in text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        if blank(wording.title) { errors.append(FieldError(field, "The \(tag) wording needs the instrument's title")) }
        let missingDomains = domains.map(\.id).filter { id in wording.domains[id].map { blank($0.title) || blank($0.description) } ?? true }
        let missingItems = domains.flatMap { $0.items.map(\.id) }.filter { blank(wording.items[$0] ?? "") }
        if !missingDomains.isEmpty || !missingItems.isEmpty {
            errors.append(FieldError(field, "The \(tag) wording lacks the title or description of \((missingDomains + missingItems).joined(separator: ", "))"))
        }
        let unknown = Set(wording.domains.keys).subtracting(domainIDs).union(Set(wording.items.keys).subtracting(itemIDs)).sorted()
        if !unknown.isEmpty { errors.append(FieldError(field, "The \(tag) wording names what the instrument does not have: \(unknown.joined(separator: ", "))")) }
        let values = Set(scale.map { String($0.value) })
        if let labels = wording.scale {
            if Set(labels.keys) != values || labels.values.contains(where: blank) {
                errors.append(FieldError(field, "The \(tag) wording labels every value of the scale, and only those"))
            }
        } else if scale != Self.sixPointScale {
            errors.append(FieldError(field, "The instrument has a scale of its own: the \(tag) wording labels each of its values"))
        }
        return errors
    }

    /// The instrument as a reader of `language` sees it: in its translation to that language where it has one, else as
    /// written. `tag` is the language of what comes back, for marking it on a page.
    public func worded(_ language: UILanguage) -> (instrument: Instrument, tag: String) {
        guard language.tag.lowercased() != self.language.lowercased(),
              let wording = translations?.first(where: { $0.key.lowercased() == language.tag.lowercased() })?.value else {
            return (self, self.language)
        }
        let domains = self.domains.map { d in
            Domain(id: d.id, title: wording.domains[d.id]?.title ?? d.title, description: wording.domains[d.id]?.description ?? d.description,
                   items: d.items.map { Item(id: $0.id, text: wording.items[$0.id] ?? $0.text, required: $0.required) },
                   overallRequired: d.overallRequired)
        }
        let scale = self.scale.map { point in
            ScalePoint(value: point.value, label: wording.scale?[String(point.value)]
                       ?? (self.scale == Self.sixPointScale ? Rating(rawValue: point.value).map { $0.label(language) } : nil) ?? point.label)
        }
        return (Instrument(id: id, version: version, jurisdiction: jurisdiction, title: wording.title, points: points, scale: scale,
                           domains: domains, language: language.tag, translations: translations), language.tag)
    }
}
