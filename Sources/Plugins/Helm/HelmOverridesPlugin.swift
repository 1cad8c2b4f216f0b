import Compiler

/// Writes the combined overrides (system <- user) of every chart of every applied application to
/// `helm/<app>/<namespace>/<chart>.yaml`, the files `armada apply --values` and `helm --values`
/// take. Only when Kubernetes is on: without it no application runs.
public struct HelmOverridesPlugin: ConfigPlugin {
    public init() {}

    public let description = PluginDescription(
        identifier: "913_helm_overrides",
        summary: "combined helm chart overrides of the applied applications (see `sysinvc helm-override-list`)",
        reads: ["applications", "system.kubernetes", "helm-overrides/<app>/<namespace>/<chart>.yaml beside the inventory",
                "everything the chart plugins read"],
        writes: ["helm/<app>/<namespace>/<chart>.yaml"]
    )

    static func appliedApplications(_ inventory: ValidatedInventory) -> [HelmApplication] {
        guard inventory.kubernetesEnabled else { return [] }
        return HelmApplications.all.filter { inventory.isApplied($0.name) }
    }

    static func store(_ inventory: ValidatedInventory) -> UserOverrideStore {
        UserOverrideStore(inventoryPath: inventory.inventory.files.first ?? "inventory.yaml")
    }

    public func files(_ context: PluginContext) -> [OutputFile] {
        allOverrides(context).map { overrides in
            OutputFile(path: "helm/\(overrides.application)/\(overrides.namespace)/\(overrides.chart).yaml",
                       content: .yaml(.map(overrides.combined)), secure: true)
        }
    }

    /// With `--charts DIR`, every override path a chart's own values.yaml does not know.
    public func review(_ context: PluginContext) -> [Diagnostic] {
        guard let charts = context.options.chartsDirectory else { return [] }
        return allOverrides(context).flatMap { ChartValuesCheck.diagnostics($0, chartsDirectory: charts) }
    }

    /// The overrides of every chart and namespace of every applied application, in chart order.
    func allOverrides(_ context: PluginContext) -> [ChartOverrides] {
        let store = Self.store(context.inventory)
        return Self.appliedApplications(context.inventory).flatMap { application in
            application.charts.flatMap { chart in
                chart.description.namespaces.compactMap { namespace in
                    // A broken store file is reported by `check`, which stops the compile first.
                    try? HelmApplications.catalog.overrides(
                        application: application.name, chart: chart.description.chart, namespace: namespace,
                        inventory: context.inventory, secrets: context.secrets, store: store)
                }
            }
        }
    }

    public func check(_ inventory: ValidatedInventory) -> [Diagnostic] {
        controlPlaneProblems(inventory) + storeProblems(inventory)
    }

    /// Every stx-openstack control service scales with the control-plane hosts; with none, sysinv
    /// deployed 0 replicas of everything. That is an inventory mistake, reported as one.
    public static func controlPlaneProblem(_ inventory: ValidatedInventory, application: String) -> Diagnostic? {
        guard application == HelmApplications.stxOpenstack, ControlPlane.hosts(inventory).isEmpty else { return nil }
        let location = inventory.inventory.applications.first { $0.name.value == application }?.name.location
        return Diagnostic(.helmControlPlane,
                          "\(application) needs at least one host labelled \(WellKnownLabel.openstackControlPlane)=\(WellKnownLabel.enabled) "
                              + "to run its control services; label the controllers (sysinvc host-label-assign)",
                          at: location ?? inventory.system.sectionLocation)
    }

    func controlPlaneProblems(_ inventory: ValidatedInventory) -> [Diagnostic] {
        Self.appliedApplications(inventory).compactMap { Self.controlPlaneProblem(inventory, application: $0.name) }
    }

    /// Stored user overrides that cannot be read (errors) or that no chart would use (warnings).
    func storeProblems(_ inventory: ValidatedInventory) -> [Diagnostic] {
        let store = Self.store(inventory)
        return store.entries().compactMap { entry -> Diagnostic? in
            let url = store.url(application: entry.application, chart: entry.chart, namespace: entry.namespace)
            do throws(HelmOverrideError) {
                _ = try HelmApplications.catalog.chart(entry.chart, namespace: entry.namespace, application: entry.application)
                _ = try store.read(application: entry.application, chart: entry.chart, namespace: entry.namespace)
                return nil
            } catch {
                if case let .invalidValuesFile(path, problem) = error {
                    return Diagnostic(.helmUserOverrides, "user overrides are not a helm values file: \(problem.message)",
                                      at: SourceLocation(file: path, line: problem.line, column: problem.column))
                }
                return Diagnostic(.helmUserOverrides, "\(url.path): ignored: \(error)", at: nil, severity: .warning)
            }
        }
    }
}
