import FluentKit
import Foundation

/// A record people edit: every update names the version it was based on.
public protocol VersionedModel: Model where IDValue == UUID {
    var version: Int { get set }
}
