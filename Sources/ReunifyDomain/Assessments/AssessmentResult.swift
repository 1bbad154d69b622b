/// What an assessment says, read off its ratings: each domain's overall rating as the worker gave it,
/// the strengths (≥ +1) and the problems (≤ −1), serious problems first.
public struct AssessmentResult: Sendable, Equatable {
    public struct Finding: Sendable, Equatable {
        public let itemID: String
        public let domainID: String
        public let text: String
        public let rating: Rating
    }

    public struct DomainResult: Sendable, Equatable {
        public let domainID: String
        public let title: String
        /// The worker's judgement; never computed from the items.
        public let overall: Rating?
        public let rated: Int
        public let items: Int
    }

    public let domains: [DomainResult]
    public let strengths: [Finding]
    /// Most serious first; items of equal rating keep the instrument's order.
    public let problems: [Finding]

    public init(instrument: Instrument, ratings: [String: Rating]) {
        var strengths: [Finding] = []
        var problems: [Finding] = []
        var domains: [DomainResult] = []
        for domain in instrument.domains {
            for item in domain.items {
                guard let rating = ratings[item.id] else { continue }
                let finding = Finding(itemID: item.id, domainID: domain.id, text: item.text, rating: rating)
                if rating.isStrength { strengths.append(finding) }
                if rating.isProblem { problems.append(finding) }
            }
            domains.append(DomainResult(domainID: domain.id, title: domain.title, overall: ratings[domain.overallID],
                                        rated: domain.items.filter { ratings[$0.id] != nil }.count, items: domain.items.count))
        }
        self.domains = domains
        self.strengths = strengths.enumerated().sorted { ($1.element.rating, $0.offset) < ($0.element.rating, $1.offset) }.map(\.element)
        self.problems = problems.enumerated().sorted { ($0.element.rating, $0.offset) < ($1.element.rating, $1.offset) }.map(\.element)
    }

    /// Checks ratings against the instrument: unknown ids always, missing required ratings when the
    /// assessment is being completed (a draft may be partial).
    public static func validate(_ ratings: [String: Rating], instrument: Instrument, completing: Bool) -> [FieldError] {
        var errors: [FieldError] = []
        let known = Set(instrument.ratingIDs)
        let onScale = Set(instrument.ratings)
        // The instrument's own words in each language, for the messages that name a domain or an item.
        let worded = Dictionary(uniqueKeysWithValues: UILanguage.allCases.map { ($0, instrument.worded($0).instrument) })
        for id in ratings.keys.sorted() {
            if !known.contains(id) {
                errors.append(FieldError(id, .ruleAsmUnknownItem, ["id": id, "version": String(instrument.version)]) { ["instrument": worded[$0]?.title ?? instrument.title] })
            } else if let rating = ratings[id], !onScale.contains(rating) {
                errors.append(FieldError(id, .ruleAsmOffScale, ["rating": rating.signed]) { ["instrument": worded[$0]?.title ?? instrument.title] })
            }
        }
        guard completing else { return errors }
        for domain in instrument.domains {
            if domain.overallRequired && ratings[domain.overallID] == nil {
                errors.append(FieldError(domain.overallID, .ruleAsmOverall) { language in
                    ["domain": worded[language]?.domains.first { $0.id == domain.id }?.title ?? domain.title]
                })
            }
            for item in domain.items where item.required && ratings[item.id] == nil {
                errors.append(FieldError(item.id, .ruleAsmRateItem) { language in ["item": worded[language]?.itemText(item.id, language) ?? item.text] })
            }
        }
        return errors
    }
}

/// How ratings moved between two assessments of the same family, item by item and domain by domain.
public struct AssessmentChange: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public let id: String
        public let text: String
        public let before: Rating?
        public let after: Rating?
        /// after − before, when both were rated. Positive is better.
        public var change: Int? {
            guard let before, let after else { return nil }
            return after.rawValue - before.rawValue
        }
    }

    public let domains: [Line]
    public let items: [Line]

    public init(instrument: Instrument, before: [String: Rating], after: [String: Rating]) {
        domains = instrument.domains.map { d in Line(id: d.overallID, text: d.title, before: before[d.overallID], after: after[d.overallID]) }
        items = instrument.domains.flatMap { d in d.items.map { Line(id: $0.id, text: $0.text, before: before[$0.id], after: after[$0.id]) } }
    }

    public var improved: [Line] { items.filter { ($0.change ?? 0) > 0 } }
    public var worsened: [Line] { items.filter { ($0.change ?? 0) < 0 } }
}
