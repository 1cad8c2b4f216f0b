import Foundation

/// What a chart plugin is, for people and for the framework: `helm-override-list`, the README
/// table and the override checks read this.
public struct ChartDescription: Sendable {
    /// The chart's name, as in its `Chart.yaml` and sysinv's `CHART`.
    public let chart: String
    /// Namespaces the chart is installed in; system overrides exist for each.
    public let namespaces: [String]
    public let summary: String
    /// Inventory facts the overrides derive from.
    public let reads: [String]
    /// Top-level override paths it produces, e.g. `pod.replicas`, `endpoints.identity.auth`.
    public let writes: [String]

    public init(chart: String, namespaces: [String], summary: String, reads: [String], writes: [String]) {
        self.chart = chart
        self.namespaces = namespaces
        self.summary = summary
        self.reads = reads
        self.writes = writes
    }
}

/// Everything a chart plugin may read. Secrets are handed out through `password`/`token` so that
/// the framework knows which values are system-generated secrets (to mask them in `show` and to
/// protect them from `update`).
public struct ChartContext: Sendable {
    public let inventory: ValidatedInventory
    private let secrets: SecretStore
    private let ledger: SecretLedger

    public init(inventory: ValidatedInventory, secrets: SecretStore, ledger: SecretLedger = SecretLedger()) {
        self.inventory = inventory
        self.secrets = secrets
        self.ledger = ledger
    }

    public func password(_ name: String) -> String {
        ledger.record(secrets.password(name))
    }

    public func token(_ name: String, length: Int) -> String {
        ledger.record(secrets.token(name, length: length))
    }

    /// A Ceph key (`SecretStore.cephxKey`), a secret like any password.
    public func cephxKey(_ name: String) -> String {
        ledger.record(secrets.cephxKey(name))
    }

    /// An SSH key pair; the private key is a secret like any password.
    public func sshKeyPair(_ name: String, comment: String) -> SSHKeyPair {
        let pair = secrets.sshKeyPair(name, comment: comment)
        _ = ledger.record(pair.privateKey)
        return pair
    }
}

/// The secret values handed to chart plugins during one generation.
public final class SecretLedger: @unchecked Sendable {
    private let lock = NSLock()
    private var values: Set<String> = []

    public init() {}

    func record(_ value: String) -> String {
        lock.lock()
        defer { lock.unlock() }
        values.insert(value)
        return value
    }

    public var issued: Set<String> {
        lock.lock()
        defer { lock.unlock() }
        return values
    }
}

/// One of sysinv's helm plugins (`helm/<chart>.py`): the system overrides of one chart, derived
/// from the inventory, for each namespace it supports.
public protocol ChartPlugin: Sendable {
    var description: ChartDescription { get }
    /// Called only with a namespace of `description.namespaces`.
    func overrides(namespace: String, context: ChartContext) -> [String: YAMLValue]
}

/// An application as sysinv knows it: its charts in the order of the `NNN_<chart>` entry points.
public struct HelmApplication: Sendable {
    public let name: String
    public let charts: [any ChartPlugin]

    public init(name: String, charts: [any ChartPlugin]) {
        self.name = name
        self.charts = charts
    }

    public func chart(named name: String) -> (any ChartPlugin)? {
        charts.first { $0.description.chart == name }
    }
}
