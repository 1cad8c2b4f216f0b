/// One application sysinvc can deploy, built in or uploaded: its Armada manifest (charts, chart
/// groups, sequencing), the chart plugins that give its charts system overrides, and the rules
/// that reshape it for one system. Helm overrides, the Armada manifest and the CLI all read an
/// application through this value and nothing else.
public struct CatalogApplication: Sendable {
    /// Where the application came from: an uploaded one names the files it was read from.
    public enum Origin: Sendable, Equatable {
        case builtIn
        case uploaded(directory: String)
    }

    public var manifest: ArmadaApplication
    /// sysinv's `NNN_<chart>` plugins of the application, in entry-point order.
    public var chartPlugins: [any ChartPlugin]
    public var rules: [any ApplicationRule]
    public var origin: Origin

    public init(manifest: ArmadaApplication, chartPlugins: [any ChartPlugin], rules: [any ApplicationRule] = [], origin: Origin = .builtIn) {
        self.manifest = manifest
        self.chartPlugins = chartPlugins
        self.rules = rules
        self.origin = origin
    }

    public var name: String { manifest.name }
    public var version: String { manifest.version }

    /// Every chart and namespace helm overrides exist for: each namespace of each chart plugin in
    /// the plugins' order, then the manifest's charts no plugin covers (an uploaded chart sysinvc
    /// has no plugin for takes user overrides only).
    public var charts: [CatalogChart] {
        var charts: [CatalogChart] = []
        for plugin in chartPlugins {
            for namespace in plugin.description.namespaces {
                charts.append(CatalogChart(name: plugin.description.chart, namespace: namespace, plugin: plugin,
                                           armada: manifest.chart(named: plugin.description.chart, namespace: namespace)))
            }
        }
        for chart in manifest.charts where !charts.contains(where: { $0.name == chart.chartName && $0.namespace == chart.namespace }) {
            charts.append(CatalogChart(name: chart.chartName, namespace: chart.namespace, plugin: nil, armada: chart))
        }
        return charts
    }

    /// The application as deployed on this system: the rules reshape its chart groups.
    public func reshaped(for inventory: ValidatedInventory) -> ArmadaApplication {
        rules.reduce(into: manifest) { manifest, rule in rule.reshape(&manifest, for: inventory) }
    }

    /// What the rules find wrong with the inventory for this application; `location` is where
    /// the inventory names it.
    public func problems(_ inventory: ValidatedInventory, location: SourceLocation) -> [Diagnostic] {
        rules.flatMap { $0.check(inventory, application: name, at: location) }
    }

    /// The same application deployed from an uploaded manifest: its charts and groups come from
    /// the upload, its chart plugins and rules stay (sysinv's plugins belong to the name).
    func replaced(by upload: UploadedApplication) -> CatalogApplication {
        CatalogApplication(manifest: upload.manifest, chartPlugins: chartPlugins, rules: rules, origin: .uploaded(directory: upload.directory))
    }
}

/// One chart of an application in one namespace: the unit helm overrides are kept for.
public struct CatalogChart: Sendable {
    /// The chart's name, as in its `Chart.yaml`.
    public let name: String
    public let namespace: String
    /// Gives the system overrides; nil for an uploaded chart sysinvc has no plugin for.
    public let plugin: (any ChartPlugin)?
    /// The manifest's Chart document that deploys it; nil when the manifest does not.
    public let armada: ArmadaChart?
}

/// What reshapes an application for one system, as sysinv's chart plugins did with their
/// meta-overrides at apply time (a chart group gains or loses a chart), and what the system
/// must provide for the application to run.
public protocol ApplicationRule: Sendable {
    func reshape(_ manifest: inout ArmadaApplication, for inventory: ValidatedInventory)
    func check(_ inventory: ValidatedInventory, application: String, at location: SourceLocation) -> [Diagnostic]
}

extension ApplicationRule {
    public func reshape(_ manifest: inout ArmadaApplication, for inventory: ValidatedInventory) {}
    public func check(_ inventory: ValidatedInventory, application: String, at location: SourceLocation) -> [Diagnostic] { [] }
}

/// An application read from the inventory tree's `applications/<name>/` by the load stage.
public struct UploadedApplication: Sendable {
    public let manifest: ArmadaApplication
    /// `applications/<name>`, beside the inventory.
    public let directory: String

    public init(manifest: ArmadaApplication, directory: String) {
        self.manifest = manifest
        self.directory = directory
    }
}
