import FluentKit
import SQLKit

/// Tracing requests, their actions and stored match candidates; persons gain a place of origin, the tracing
/// consent flag and, once merged into another record as a duplicate, the id of the record that was kept.
struct CreateTracing: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PersonModel.schema)
            .field(.placeOfOrigin, .string)
            .update()
        try await database.schema(PersonModel.schema)
            .field(.tracingConsent, .bool, .required, .sql(.default(false)))
            .update()
        try await database.schema(PersonModel.schema)
            .field(.mergedInto, .uuid)
            .update()
        try await database.schema(TracingRequestModel.schema)
            .id()
            .field(.kind, .string, .required)
            .field(.status, .string, .required)
            .field(.inquirer, .string, .required)
            .field(.sought, .string, .required)
            .field(.soughtName, .string, .required)
            .field(.childID, .uuid, .references(PersonModel.schema, .id))
            .field(.linkedPersonID, .uuid, .references(PersonModel.schema, .id))
            .field(.verification, .string)
            .field(.notes, .string)
            .field(.filedBy, .uuid, .required, .references(UserModel.schema, .id))
            .field(.filedOn, .string, .required)
            .field(.version, .int, .required)
            .field(.createdAt, .datetime)
            .field(.updatedAt, .datetime)
            .create()
        try await database.schema(TracingActionModel.schema)
            .id()
            .field(.requestID, .uuid, .required, .references(TracingRequestModel.schema, .id, onDelete: .cascade))
            .field(.actionDate, .string, .required)
            .field(.actionType, .string, .required)
            .field(.place, .string, .required)
            .field(.outcome, .string, .required)
            .field(.notes, .string, .required)
            .field(.recordedBy, .uuid, .required, .references(UserModel.schema, .id))
            .field(.createdAt, .datetime)
            .create()
        try await database.schema(MatchCandidateModel.schema)
            .id()
            .field(.requestID, .uuid, .required, .references(TracingRequestModel.schema, .id, onDelete: .cascade))
            .field(.personID, .uuid, .required, .references(PersonModel.schema, .id))
            .field(.probability, .double, .required)
            .field(.evidence, .string, .required)
            .field(.engineVersion, .string, .required)
            .field(.decision, .string, .required)
            .field(.decidedBy, .uuid, .references(UserModel.schema, .id))
            .field(.decidedAt, .datetime)
            .field(.decisionReason, .string)
            .field(.scoredAt, .datetime, .required)
            .field(.version, .int, .required)
            .unique(on: .requestID, .personID)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(MatchCandidateModel.schema).delete()
        try await database.schema(TracingActionModel.schema).delete()
        try await database.schema(TracingRequestModel.schema).delete()
        for field in [FieldKey.mergedInto, .tracingConsent, .placeOfOrigin] {
            try await database.schema(PersonModel.schema).deleteField(field).update()
        }
    }
}
