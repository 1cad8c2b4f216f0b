import Compiler

/// What `armada apply` consumes for each applied application of the catalog: the manifest with
/// every chart's combined overrides (from the helm stage) in its Chart document, the per-chart
/// override documents in Armada format (as sysinv wrote them for `--values`), and the exact
/// `armada apply` command line.
public struct ArmadaManifestPlugin: ConfigPlugin {
    public init() {}

    public let description = PluginDescription(
        identifier: "920_armada",
        summary: "armada manifest of each applied application, per-chart override documents and the armada apply command",
        reads: ["applications", "system.kubernetes", "system.vswitch", "system.distributed_cloud_role", "hosts[].labels", "helm overrides"],
        writes: ["armada/<app>/<app>-<manifest>.yaml", "armada/<app>/overrides/<namespace>-<chart>.yaml", "armada/<app>/armada-apply.sh"]
    )

    static let tillerHost = "tiller-deploy.kube-system.svc.cluster.local"

    public func files(_ context: PluginContext) -> [OutputFile] {
        let inventory = context.inventory
        return inventory.catalog.applied(by: inventory).flatMap { application -> [OutputFile] in
            let charts = context.charts.filter { $0.application == application.name }
            func overrides(_ chart: ArmadaChart) -> ChartOverrides? {
                charts.first { $0.chart == chart.chartName && $0.namespace == chart.namespace }
            }
            var deployed = application.reshaped(for: inventory)
            deployed.charts = deployed.charts.map { ArmadaDeployment.deployed($0, combined: overrides($0)?.combined ?? [:]) }
            let directory = "armada/\(application.name)"
            let manifestFile = "\(application.name)-\(deployed.manifestName).yaml"
            let ordered = Self.installOrder(deployed)
            var files = [OutputFile(path: "\(directory)/\(manifestFile)", content: .yamlDocuments(deployed.documents()), secure: true)]
            for chart in application.manifest.charts(in: ordered.map(\.name)) {
                let document = ArmadaDeployment.overrideDocument(chart, combined: overrides(chart)?.combined ?? [:])
                files.append(OutputFile(path: "\(directory)/overrides/\(chart.namespace)-\(chart.chartName).yaml", content: .yaml(document), secure: true))
            }
            files.append(OutputFile(path: "\(directory)/armada-apply.sh",
                                    content: .text(Self.applyCommand(manifestFile: manifestFile, charts: ordered))))
            return files
        }
    }

    /// Charts in the order Armada installs them: by the manifest's groups, then charts of groups
    /// the manifest does not list, then charts in no group.
    static func installOrder(_ application: ArmadaApplication) -> [ArmadaChart] {
        var names: [String] = []
        let listed = application.manifestGroups.compactMap(application.group(named:))
        let unlisted = application.groups.filter { !application.manifestGroups.contains($0.name) }
        for group in listed + unlisted {
            for chart in group.charts where !names.contains(chart) { names.append(chart) }
        }
        names += application.charts.map(\.name).filter { !names.contains($0) }
        return names.compactMap(application.chart(named:))
    }

    /// The command sysinv ran in its armada container: one `--values` per chart, in install
    /// order. This directory is mounted at /manifests and its overrides at /overrides. Names
    /// from the application enter the script only as `ShellWord`s.
    static func applyCommand(manifestFile: String, charts: [ArmadaChart]) -> String {
        let values = charts.map { " \\\n    --values \(ShellWord.quote("/overrides/\($0.namespace)-\($0.chartName).yaml"))" }
        return """
            #!/bin/sh
            # Run by armada in a container started in this directory with
            #   -v "$PWD:/manifests" -v "$PWD/overrides:/overrides"
            exec armada apply --debug \(ShellWord.quote("/manifests/" + manifestFile))\(values.joined()) \\
                --tiller-host \(tillerHost)

            """
    }
}
