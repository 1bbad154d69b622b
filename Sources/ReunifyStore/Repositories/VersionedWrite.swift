import FluentKit
import Foundation
import SQLKit

extension VersionedModel {
    /// Saves changes made to this model only if nobody has saved it since `expectedVersion`.
    ///
    /// The version is claimed first with one conditional UPDATE; the row stays locked until the
    /// transaction ends, so of two edits based on the same version exactly one wins and the other
    /// is told, never silently overwritten.
    public func saveChecked(expectedVersion: Int, on database: any Database) async throws {
        guard let id = self.id else { throw StoreError.notFound(Self.schema) }
        try await database.transaction { tx in
            guard let sql = tx as? any SQLDatabase else { fatalError("Reunify runs on SQL databases only") }
            let claimed = try await sql.update(Self.schema)
                .set(SQLIdentifier(FieldKey.version.description), to: SQLBind(expectedVersion + 1))
                .where(SQLIdentifier(FieldKey.id.description), .equal, SQLBind(id))
                .where(SQLIdentifier(FieldKey.version.description), .equal, SQLBind(expectedVersion))
                .returning(SQLIdentifier(FieldKey.id.description))
                .all()
            guard !claimed.isEmpty else {
                guard let current = try await Self.find(id, on: tx) else { throw StoreError.notFound(Self.schema) }
                throw StoreError.versionConflict(currentVersion: current.version)
            }
            self.version = expectedVersion + 1
            try await self.update(on: tx)
        }
    }
}
