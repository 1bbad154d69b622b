import FluentKit
import Foundation
import ReunifyDomain

/// An instrument definition an administrator added, kept as the JSON it came in.
public final class InstrumentDefinitionModel: Model, @unchecked Sendable {
    public static let schema = "instrument_definitions"

    @ID(key: .id) public var id: UUID?
    @Field(key: .instrumentID) public var instrumentID: String
    @Field(key: .instrumentVersion) public var instrumentVersion: Int
    @Field(key: .definition) public var definition: String
    @OptionalField(key: .addedBy) public var addedBy: UUID?
    @Timestamp(key: .createdAt, on: .create) public var createdAt: Date?
    /// The fields above, listed for Fluent so reading or writing a row needs no reflection (`ModelFieldsTests`).
    public var properties: [any AnyProperty] { [$id, $instrumentID, $instrumentVersion, $definition, $addedBy, $createdAt] }

    public init() {}
    public init(_ instrument: Instrument, json: String, addedBy: UUID?) {
        instrumentID = instrument.id
        instrumentVersion = instrument.version
        definition = json
        self.addedBy = addedBy
    }

    public var instrument: Instrument? { try? JSONDecoder().decode(Instrument.self, from: Data(definition.utf8)) }
}
