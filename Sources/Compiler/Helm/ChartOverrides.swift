/// The three views `helm-override-show` prints for one chart in one namespace: what the system
/// generates, what the deployer stored, and the two merged with the deployer winning
/// (chart defaults <- system <- user).
public struct ChartOverrides: Sendable {
    public let application: String
    public let chart: String
    public let namespace: String
    public let system: [String: YAMLValue]
    public let user: [String: YAMLValue]
    /// System-generated secret values found in `system`, for masking and protection.
    public let secrets: Set<String>

    public var combined: [String: YAMLValue] { HelmMerge.merge([system, user]) }

    /// The same chart with other user overrides, e.g. after an update.
    public func with(user: [String: YAMLValue]) -> ChartOverrides {
        ChartOverrides(application: application, chart: chart, namespace: namespace, system: system, user: user, secrets: secrets)
    }

    /// The Armada document that carries the combined overrides into the manifest's Chart of the
    /// same name (`<namespace>-<chart>`, or the chart's name when it has its own namespace).
    public func armadaDocument(values: [String: YAMLValue]) -> YAMLValue {
        let name = namespace == chart ? chart : "\(namespace)-\(chart)"
        return [
            "schema": "armada/Chart/v1",
            "metadata": ["schema": "metadata/Document/v1", "name": .string(name)],
            "data": ["values": .map(values)],
        ]
    }
}

/// Finds applications, charts and namespaces by name, and computes overrides.
public struct HelmCatalog: Sendable {
    public let applications: [HelmApplication]

    public init(applications: [HelmApplication]) {
        self.applications = applications
    }

    public func application(_ name: String) throws(HelmOverrideError) -> HelmApplication {
        guard let application = applications.first(where: { $0.name == name }) else {
            throw .unknownApplication(name, known: applications.map(\.name))
        }
        return application
    }

    public func chart(_ name: String, namespace: String, application: String) throws(HelmOverrideError) -> any ChartPlugin {
        let app = try self.application(application)
        guard let chart = app.chart(named: name) else {
            throw .unknownChart(name, application: application, known: app.charts.map(\.description.chart))
        }
        guard chart.description.namespaces.contains(namespace) else {
            throw .unknownNamespace(namespace, chart: name, known: chart.description.namespaces)
        }
        return chart
    }

    /// System overrides from the inventory, user overrides from the store.
    public func overrides(application: String, chart name: String, namespace: String,
                          inventory: ValidatedInventory, secrets: SecretStore,
                          store: UserOverrideStore) throws(HelmOverrideError) -> ChartOverrides {
        let chart = try chart(name, namespace: namespace, application: application)
        let ledger = SecretLedger()
        let system = chart.overrides(namespace: namespace, context: ChartContext(inventory: inventory, secrets: secrets, ledger: ledger))
        let user = try store.read(application: application, chart: name, namespace: namespace) ?? [:]
        return ChartOverrides(application: application, chart: name, namespace: namespace,
                              system: system, user: user, secrets: ledger.issued)
    }
}
