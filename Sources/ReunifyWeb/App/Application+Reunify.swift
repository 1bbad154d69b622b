import Fluent
import Vapor
import ReunifyDomain
import ReunifyStore

extension Application {
    private struct ConfigurationKey: StorageKey { typealias Value = ReunifyConfiguration }

    public var reunify: ReunifyConfiguration {
        get { storage[ConfigurationKey.self]! }
        set { storage[ConfigurationKey.self] = newValue }
    }
}

extension Request {
    var reunify: ReunifyConfiguration { application.reunify }
    var now: Date { reunify.time.now() }
    var today: CalendarDate { reunify.time.today() }
    var policy: AccessPolicy { AccessPolicy() }
}
