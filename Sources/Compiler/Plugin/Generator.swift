/// The generate stage: runs every plugin's hooks in registry order, file by file, as sysinv's
/// puppet operator does (static, secure static, system, secure system, then each host).
public struct Generator: Sendable {
    public let plugins: [any ConfigPlugin]
    public let options: CompileOptions

    public init(plugins: [any ConfigPlugin], options: CompileOptions = CompileOptions()) {
        self.plugins = plugins
        self.options = options
    }

    public static func hieraPath(_ file: HieraFile, inventory: ValidatedInventory, options: CompileOptions) -> String {
        switch file {
        case .staticConfig: return "hieradata/static.yaml"
        case .secureStatic: return "hieradata/secure_static.yaml"
        case .system: return "hieradata/system.yaml"
        case .secureSystem: return "hieradata/secure_system.yaml"
        case let .host(name):
            switch options.hostFileNaming {
            case .hostname:
                return "hieradata/\(name).yaml"
            case .mgmtIP:
                let address = inventory.addresses[name, .mgmt]?.address.description ?? name
                return "hieradata/\(address).yaml"
            }
        }
    }

    public func generate(_ inventory: ValidatedInventory, secrets: SecretStore) throws -> OutputTree {
        var tree = OutputTree()
        let hooks: [(HieraFile, (any ConfigPlugin, PluginContext) -> HieraData)] = [
            (.staticConfig, { $0.staticConfig($1) }),
            (.secureStatic, { $0.secureStaticConfig($1) }),
            (.system, { $0.systemConfig($1) }),
            (.secureSystem, { $0.secureSystemConfig($1) }),
        ] + inventory.hosts.map { host in (HieraFile.host(host.name), { $0.hostConfig(host, $1) }) }
        let charts = inventory.catalog.appliedCharts(inventory)

        // The helm stage (each chart's overrides depend on the inventory alone) and the hiera files
        // (each depends only on the plugins before it in the same file) need nothing from each
        // other, so they are built in one pass on all cores, the charts first: the chart of a
        // thousand compute nodes takes longest. The hiera files are then added in order, so the
        // first error is the same on any machine.
        enum Work {
            case chart(ApplicationCatalog.AppliedChart)
            case hiera(HieraFile, (any ConfigPlugin, PluginContext) -> HieraData)
        }
        enum Outcome {
            case chart(ChartOverrides)
            case hiera(HieraFile, Result<HieraDocument, any Error>)
        }
        let work = charts.map(Work.chart) + hooks.map(Work.hiera)
        // A plugin's description is built when asked for: once per plugin, not once per file.
        let descriptions = plugins.map(\.description)
        let outcomes = Parallel.map(work, minimumItems: 2) { item -> Outcome in
            switch item {
            case let .chart(chart):
                return .chart(chart.overrides(inventory, secrets: secrets))
            case let .hiera(file, hook):
                return .hiera(file, Result { () throws -> HieraDocument in
                    var document = HieraDocument(expectedKeys: file.expectedKeys)
                    for (plugin, description) in zip(plugins, descriptions) {
                        // The context (which holds `document`) is gone before `document` changes,
                        // so applying a plugin's keys never copies the keys before it.
                        let data = hook(plugin, PluginContext(inventory: inventory, secrets: secrets, options: options, charts: [], earlier: document))
                        try document.apply(data, from: description, file: file)
                    }
                    return document
                })
            }
        }
        var overrides: [ChartOverrides] = []
        for outcome in outcomes {
            switch outcome {
            case let .chart(chart): overrides.append(chart)
            case let .hiera(file, document):
                try tree.setHiera(document.get(), for: file, path: Self.hieraPath(file, inventory: inventory, options: options))
            }
        }
        tree.charts = overrides
        // Non-hiera artifacts are templates over the system hiera, as puppet renders them; each
        // plugin's are its own.
        let context = PluginContext(inventory: inventory, secrets: secrets, options: options, charts: overrides, earlier: tree.hiera[.system] ?? HieraDocument())
        let artifacts = Parallel.map(plugins, minimumItems: 2) { plugin in (plugin.files(context), plugin.review(context)) }
        for (plugin, (files, warnings)) in zip(plugins, artifacts) {
            for file in files { try tree.add(file, from: plugin.description) }
            tree.warnings += warnings
        }
        return tree
    }
}
