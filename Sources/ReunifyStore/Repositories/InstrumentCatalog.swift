import FluentKit
import Foundation
import ReunifyDomain

/// The instruments in use: those the binary ships and those administrators added. A version, once added,
/// is never replaced; a changed instrument is a new version.
public struct InstrumentCatalog: Sendable {
    let db: any Database
    public init(_ db: any Database) { self.db = db }

    public func all() async throws -> [Instrument] {
        let added = try await InstrumentDefinitionModel.query(on: db).sort(\.$instrumentID).sort(\.$instrumentVersion).all()
        return BundledInstruments.all + added.compactMap(\.instrument)
    }

    public func find(id: String, version: Int) async throws -> Instrument? {
        if let bundled = BundledInstruments.all.first(where: { $0.id == id && $0.version == version }) { return bundled }
        return try await InstrumentDefinitionModel.query(on: db).filter(\.$instrumentID == id).filter(\.$instrumentVersion == version)
            .first()?.instrument
    }

    /// The newest version of an instrument.
    public func latest(id: String) async throws -> Instrument? {
        try await all().filter { $0.id == id }.max { $0.version < $1.version }
    }

    /// Adds a definition. An id and version already known (shipped or added) is refused.
    public func add(json: String, addedBy: UUID?) async throws -> Instrument {
        let instrument: Instrument
        do {
            instrument = try JSONDecoder().decode(Instrument.self, from: Data(json.utf8))
        } catch {
            throw ValidationFailure(field: "definition", "The definition is not an instrument: \(error)")
        }
        try ValidationFailure.check(instrument.validate())
        if try await find(id: instrument.id, version: instrument.version) != nil {
            throw StoreError.duplicate("\(instrument.key) exists already and cannot be changed; add it as version \(instrument.version + 1)")
        }
        try await InstrumentDefinitionModel(instrument, json: json, addedBy: addedBy).create(on: db)
        return instrument
    }
}
