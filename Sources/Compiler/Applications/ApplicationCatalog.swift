/// Every application an inventory can apply: the built-in ones, with those uploaded beside the
/// inventory in their place. Finds applications, charts and namespaces by name and computes a
/// chart's overrides; helm, Armada and the CLI all ask it.
public struct ApplicationCatalog: Sendable {
    public let applications: [CatalogApplication]

    public init(applications: [CatalogApplication]) {
        self.applications = applications
    }

    /// An uploaded application replaces the built-in one of its name (keeping that one's chart
    /// plugins and rules); the others are added after the built-ins, by name.
    public init(builtIn: [CatalogApplication], uploaded: [UploadedApplication]) {
        var applications = builtIn
        for upload in uploaded.sorted(by: { $0.manifest.name < $1.manifest.name }) {
            if let index = applications.firstIndex(where: { $0.name == upload.manifest.name }) {
                applications[index] = applications[index].replaced(by: upload)
            } else {
                applications.append(CatalogApplication(manifest: upload.manifest, chartPlugins: [],
                                                       origin: .uploaded(directory: upload.directory)))
            }
        }
        self.init(applications: applications)
    }

    public var names: [String] { applications.map(\.name) }

    public func application(_ name: String) throws(HelmOverrideError) -> CatalogApplication {
        guard let application = applications.first(where: { $0.name == name }) else {
            throw .unknownApplication(name, known: names)
        }
        return application
    }

    public func chart(_ name: String, namespace: String, application: String) throws(HelmOverrideError) -> CatalogChart {
        let charts = try self.application(application).charts
        let named = charts.filter { $0.name == name }
        guard !named.isEmpty else {
            throw .unknownChart(name, application: application, known: Self.unique(charts.map(\.name)))
        }
        guard let chart = named.first(where: { $0.namespace == namespace }) else {
            throw .unknownNamespace(namespace, chart: name, known: named.map(\.namespace))
        }
        return chart
    }

    /// The applications the inventory applies, in catalog order; none without Kubernetes.
    public func applied(by inventory: ValidatedInventory) -> [CatalogApplication] {
        guard inventory.kubernetesEnabled else { return [] }
        return applications.filter { inventory.isApplied($0.name) }
    }

    /// A chart's system overrides from its plugin and the inventory, user overrides as the load
    /// stage read them from the store.
    public func overrides(application: String, chart name: String, namespace: String,
                          inventory: ValidatedInventory, secrets: SecretStore) throws(HelmOverrideError) -> ChartOverrides {
        Self.overrides(of: try chart(name, namespace: namespace, application: application), application: application,
                       inventory: inventory, secrets: secrets)
    }

    /// The helm stage's work: every chart (and namespace) of every applied application, in
    /// catalog and chart order. The helm files and the Armada documents are both made from their
    /// overrides; each chart's depend on the inventory alone.
    public func appliedCharts(_ inventory: ValidatedInventory) -> [AppliedChart] {
        applied(by: inventory).flatMap { application in application.charts.map { AppliedChart(application: application.name, chart: $0) } }
    }

    /// A chart of an applied application, whose overrides are still to be computed.
    public struct AppliedChart: Sendable {
        public let application: String
        let chart: CatalogChart

        public func overrides(_ inventory: ValidatedInventory, secrets: SecretStore) -> ChartOverrides {
            ApplicationCatalog.overrides(of: chart, application: application, inventory: inventory, secrets: secrets)
        }
    }

    static func overrides(of chart: CatalogChart, application: String, inventory: ValidatedInventory, secrets: SecretStore) -> ChartOverrides {
        let ledger = SecretLedger()
        let system = chart.plugin?.overrides(namespace: chart.namespace,
                                             context: ChartContext(inventory: inventory, secrets: secrets, ledger: ledger)) ?? [:]
        let user = inventory.inventory.userOverrides.first {
            $0.application == application && $0.chart == chart.name && $0.namespace == chart.namespace
        }?.values ?? [:]
        return ChartOverrides(application: application, chart: chart.name, namespace: chart.namespace,
                              system: system, user: user, secrets: ledger.issued, armada: chart.armada)
    }

    public static func unique(_ names: [String]) -> [String] {
        names.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
    }
}
