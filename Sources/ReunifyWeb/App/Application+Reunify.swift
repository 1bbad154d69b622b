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

    private struct AuditBatcherKey: StorageKey { typealias Value = AuditBatcher }

    /// The writer of reads' audit entries, made by `configure` (one per process: its batches are this process's
    /// requests).
    var auditBatcher: AuditBatcher {
        get { storage[AuditBatcherKey.self]! }
        set { storage[AuditBatcherKey.self] = newValue }
    }
}

extension Application {
    private struct CaseloadLinesKey: StorageKey { typealias Value = CaseloadLines }

    /// This process's kept caseload lines, made by `configure` (each is checked against the database on every read).
    var caseloadLines: CaseloadLines {
        get { storage[CaseloadLinesKey.self]! }
        set { storage[CaseloadLinesKey.self] = newValue }
    }

    private struct KeptOverviewsKey: StorageKey { typealias Value = KeptOverviews }

    /// This process's kept case overviews, made by `configure` (each is checked against the case's stamp on every read).
    var keptOverviews: KeptOverviews {
        get { storage[KeptOverviewsKey.self]! }
        set { storage[KeptOverviewsKey.self] = newValue }
    }
}

extension Request {
    var reunify: ReunifyConfiguration { application.reunify }
    var now: Date { reunify.time.now() }
    var today: CalendarDate { reunify.time.today() }
    var policy: AccessPolicy { AccessPolicy() }
}
