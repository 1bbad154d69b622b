import FluentKit

/// A person's address in parts (town, state or province code, postcode, country code), so that a service's residency
/// rule can be checked. Addresses recorded before stay whole in `address`, the street line.
struct UpdatePersonsAddAddressParts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        for key: FieldKey in [.addressLocality, .addressRegion, .addressPostcode, .addressCountry] {
            try await database.schema(PersonModel.schema).field(key, .string).update()
        }
    }

    func revert(on database: any Database) async throws {
        for key: FieldKey in [.addressLocality, .addressRegion, .addressPostcode, .addressCountry] {
            try await database.schema(PersonModel.schema).deleteField(key).update()
        }
    }
}
