import Foundation

/// A typed identifier: a case's id cannot be passed where a person's is wanted.
public struct Identifier<Subject>: Hashable, Sendable, Codable, CustomStringConvertible {
    public let uuid: UUID
    public init(_ uuid: UUID) { self.uuid = uuid }
    public init?(_ text: String) {
        guard let uuid = UUID(uuidString: text) else { return nil }
        self.uuid = uuid
    }
    public var description: String { uuid.uuidString.lowercased() }

    public init(from decoder: any Decoder) throws {
        uuid = try decoder.singleValueContainer().decode(UUID.self)
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(uuid)
    }
}

/// Subjects for `Identifier`.
public enum UserSubject {}
public enum CaseSubject {}
public enum PersonSubject {}
public enum EpisodeSubject {}
public enum PlacementSubject {}
public enum GoalSubject {}
public enum RelationshipSubject {}
public enum MemberSubject {}

public typealias UserID = Identifier<UserSubject>
public typealias CaseID = Identifier<CaseSubject>
public typealias PersonID = Identifier<PersonSubject>
public typealias EpisodeID = Identifier<EpisodeSubject>
public typealias PlacementID = Identifier<PlacementSubject>
public typealias GoalID = Identifier<GoalSubject>
public typealias RelationshipID = Identifier<RelationshipSubject>
public typealias MemberID = Identifier<MemberSubject>
