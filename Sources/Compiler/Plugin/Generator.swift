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
        // The helm stage: chart overrides are computed once; helm files and Armada documents read them.
        let charts = inventory.catalog.appliedOverrides(inventory, secrets: secrets)
        tree.charts = charts
        let hooks: [(HieraFile, (any ConfigPlugin, PluginContext) -> HieraData)] = [
            (.staticConfig, { $0.staticConfig($1) }),
            (.secureStatic, { $0.secureStaticConfig($1) }),
            (.system, { $0.systemConfig($1) }),
            (.secureSystem, { $0.secureSystemConfig($1) }),
        ] + inventory.hosts.map { host in (HieraFile.host(host.name), { $0.hostConfig(host, $1) }) }

        // Each hiera file depends only on the plugins before it in the same file: the files are
        // built on all cores, then added in order, so the first error is the same on any machine.
        let documents = Parallel.map(hooks) { file, hook in
            Result { () throws -> HieraDocument in
                var document = HieraDocument()
                for plugin in plugins {
                    // The context (which holds `document`) is gone before `document` changes, so
                    // applying a plugin's keys never copies the keys before it.
                    let data = hook(plugin, PluginContext(inventory: inventory, secrets: secrets, options: options, charts: charts, earlier: document))
                    try document.apply(data, from: plugin.description, file: file)
                }
                return document
            }
        }
        for ((file, _), document) in zip(hooks, documents) {
            try tree.setHiera(document.get(), for: file, path: Self.hieraPath(file, inventory: inventory, options: options))
        }
        // Non-hiera artifacts are templates over the system hiera, as puppet renders them; each
        // plugin's are its own.
        let context = PluginContext(inventory: inventory, secrets: secrets, options: options, charts: charts, earlier: tree.hiera[.system] ?? HieraDocument())
        let artifacts = Parallel.map(plugins, minimumItems: 2) { plugin in (plugin.files(context), plugin.review(context)) }
        for (plugin, (files, warnings)) in zip(plugins, artifacts) {
            for file in files { try tree.add(file, from: plugin.description) }
            tree.warnings += warnings
        }
        return tree
    }
}
