import FluentKit

struct CreatePersons: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PersonModel.schema)
            .id()
            .field(.givenName, .string, .required)
            .field(.familyName, .string, .required)
            .field(.otherNames, .string, .required)
            .field(.searchText, .string, .required)
            .field(.birthDate, .string)
            .field(.birthDateEstimated, .bool, .required)
            .field(.sex, .string, .required)
            .field(.languages, .string, .required)
            .field(.interpreterNeeded, .bool, .required)
            .field(.tribalAffiliation, .string)
            .field(.icwaStatus, .string, .required)
            .field(.phone, .string)
            .field(.email, .string)
            .field(.address, .string)
            .field(.version, .int, .required)
            .field(.createdAt, .datetime)
            .field(.updatedAt, .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PersonModel.schema).delete()
    }
}
