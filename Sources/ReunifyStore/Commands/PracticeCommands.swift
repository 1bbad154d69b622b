import FluentKit
import Foundation
import ReunifyDomain

/// The one write path for records of practice: adding an instrument version, publishing a practice vignette, and a
/// worker's ratings of one, each authorised by `AccessPolicy.decidePractice` and written with its audit entry in one transaction.
public struct PracticeCommands: Sendable {
    let db: any Database
    public let acting: Acting

    public init(_ db: any Database, _ acting: Acting) {
        self.db = db
        self.acting = acting
    }

    /// Asks the access policy; a refusal is audited (and stays audited) before it is thrown.
    public func authorize(_ action: AccessAction, _ kind: RecordKind) async throws {
        if case .forbidden(let why) = acting.policy.decidePractice(acting.actor, action, kind) {
            try await acting.refuse(on: db, action, kind, why)
        }
    }

    /// Adds an instrument version from its JSON definition; a version already there is never replaced.
    public func addInstrument(json: String) async throws -> Instrument {
        try await authorize(.create, .instrument)
        let acting = self.acting
        return try await acting.audited(on: db, .create, .instrument) { tx in
            let instrument = try await InstrumentCatalog(tx).add(json: json, addedBy: acting.actor.id.uuid)
            return (instrument, .init(nil, .audInstrumentAdded, ["key": "\(instrument.key)"]), [])
        }
    }

    /// Publishes a practice vignette for the actor's unit, rated with `instrument`; the title and story are checked by
    /// `VignetteRules.checkDraft`.
    public func publish(title: String, story: String, instrument: Instrument) async throws -> Vignette {
        try await authorize(.create, .vignette)
        let draft = try VignetteRules.checkDraft(title: title, story: story)
        let acting = self.acting
        return try await acting.audited(on: db, .create, .vignette) { tx in
            let model = VignetteModel(title: draft.title, story: draft.story, instrumentID: instrument.id, instrumentVersion: instrument.version,
                                      publishedBy: acting.actor.id.uuid, publishedOn: acting.today.iso, unit: acting.actor.unit ?? "")
            let vignette = try await VignetteRepository(tx).publish(model)
            return (vignette, .init(vignette.id.uuid, .audVignettePublished, ["title": draft.title]), [])
        }
    }

    /// Records (or replaces) the actor's ratings of a vignette, checked against the vignette's instrument.
    public func rate(vignetteID: VignetteID, instrument: Instrument, ratings: [String: Rating]) async throws {
        try await authorize(.create, .vignetteRating)
        try VignetteRules.check(ratings, instrument: instrument)
        let acting = self.acting
        let _: Bool = try await acting.audited(on: db, .update, .vignetteRating) { tx in
            guard try await VignetteModel.find(vignetteID.uuid, on: tx) != nil else { throw StoreError.notFound("There is no such vignette") }
            try await VignetteRepository(tx).rate(vignetteID: vignetteID.uuid, userID: acting.actor.id.uuid, ratings: ratings)
            return (true, .init(vignetteID.uuid, .audVignetteRated, ["count": "\(ratings.count)"]), [])
        }
    }
}
