import FluentKit
import Foundation

/// One failed sign-in, kept for throttling by account and by address.
public final class SignInFailureModel: Model, @unchecked Sendable {
    public static let schema = "sign_in_failures"

    @ID(key: .id) public var id: UUID?
    @Field(key: .throttleKey) public var throttleKey: String
    @Field(key: .occurredAt) public var occurredAt: Date
    /// The fields above, listed for Fluent so reading or writing a row needs no reflection (`ModelFieldsTests`).
    public var properties: [any AnyProperty] { [$id, $throttleKey, $occurredAt] }

    public init() {}
    public init(throttleKey: String, occurredAt: Date) {
        self.throttleKey = throttleKey
        self.occurredAt = occurredAt
    }
}
