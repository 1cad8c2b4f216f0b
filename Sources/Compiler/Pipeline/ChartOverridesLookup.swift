/// What the `helm-override-*` commands ask of the compiler: the catalog of the inventory tree,
/// and one chart's overrides computed exactly as `compile` computes them, after the same
/// validation (plugin checks and application rules included).
extension Pipeline {
    /// The built-in applications with those uploaded beside the inventory. Read even when the
    /// inventory itself is invalid, so that the commands can name the applications and charts.
    public func catalog(inventory path: String) -> (catalog: ApplicationCatalog, diagnostics: [Diagnostic]) {
        var collector = DiagnosticCollector()
        let uploaded = InventoryTreeLoader.uploadedApplications(ApplicationStore.directory(forInventory: path), collector: &collector)
        return (ApplicationCatalog(builtIn: applications, uploaded: uploaded), collector.sorted)
    }

    /// One chart's system, user and combined overrides; nil with the diagnostics that stopped it
    /// (an invalid inventory, an application rule the inventory breaks, a missing secret key).
    /// An unknown application, chart or namespace is thrown before any other problem is returned.
    public func chartOverrides(inventory path: String, application: String, chart: String,
                               namespace: String) throws(HelmOverrideError) -> (overrides: ChartOverrides?, diagnostics: [Diagnostic]) {
        let result = validate(path: path)
        // The validated inventory's catalog when there is one; else the tree's, read again only to
        // name an unknown application or chart before the inventory's problems.
        let known = result.inventory?.catalog ?? self.catalog(inventory: path).catalog
        let entry = try known.application(application)
        _ = try known.chart(chart, namespace: namespace, application: application)
        var diagnostics = result.diagnostics
        guard let inventory = result.inventory else { return (nil, diagnostics) }
        // An applied application's rules were checked by validation; the others are checked here,
        // since their overrides are about to be shown or changed.
        if !inventory.isApplied(application) || !inventory.kubernetesEnabled {
            let location = inventory.inventory.applications.first { $0.name.value == application }?.name.location
            diagnostics += entry.problems(inventory, location: location ?? inventory.system.sectionLocation)
        }
        let (secrets, secretDiagnostics) = SecretStore.load(for: inventory.inventory, keyFile: secretKeyFile)
        diagnostics += secretDiagnostics
        guard let secrets, !diagnostics.contains(where: { $0.severity == .error }) else { return (nil, diagnostics) }
        let overrides = try inventory.catalog.overrides(application: application, chart: chart, namespace: namespace,
                                                        inventory: inventory, secrets: secrets)
        return (overrides, diagnostics)
    }
}
