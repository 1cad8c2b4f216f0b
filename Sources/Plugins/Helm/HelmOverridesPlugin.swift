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

    public func files(_ context: PluginContext) -> [OutputFile] {
        context.charts.map { overrides in
            OutputFile(path: "helm/\(overrides.application)/\(overrides.namespace)/\(overrides.chart).yaml",
                       content: .yaml(.map(overrides.combined)), secure: true)
        }
    }

}
