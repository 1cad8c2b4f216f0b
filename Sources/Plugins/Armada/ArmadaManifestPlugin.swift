import Compiler

/// What `armada apply` consumes for each applied application: the manifest with every chart's
/// combined overrides in its Chart document, the per-chart override documents in Armada format
/// (as sysinv wrote them for `--values`), and the exact `armada apply` command line.
public struct ArmadaManifestPlugin: ConfigPlugin {
    /// The built-in applications; uploaded ones (see `ApplicationStore`) replace them by name.
    let applications: [ArmadaApplication]

    public init(applications: [ArmadaApplication] = [StxOpenstackApplication.definition, PlatformIntegApplication.definition]) {
        self.applications = applications
    }

    public let description = PluginDescription(
        identifier: "920_armada",
        summary: "armada manifest of each applied application, per-chart override documents and the armada apply command",
        reads: ["applications", "system.kubernetes", "system.vswitch", "system.distributed_cloud_role", "hosts[].labels", "helm overrides"],
        writes: ["armada/<app>/<app>-<manifest>.yaml", "armada/<app>/overrides/<namespace>-<chart>.yaml", "armada/<app>/armada-apply.sh"]
    )

    static let tillerHost = "tiller-deploy.kube-system.svc.cluster.local"

    public func files(_ context: PluginContext) -> [OutputFile] {
        let inventory = context.inventory
        guard inventory.kubernetesEnabled else { return [] }
        return available(for: inventory).filter { inventory.isApplied($0.name) }.flatMap { application -> [OutputFile] in
            let deployed = ArmadaDeployment(application: application, inventory: inventory)
                .customized { combinedOverrides(application.name, $0, context) }
            let directory = "armada/\(application.name)"
            let manifestFile = "\(application.name)-\(application.manifestName).yaml"
            let ordered = Self.installOrder(deployed)
            var files = [OutputFile(path: "\(directory)/\(manifestFile)", content: .yamlDocuments(deployed.documents()), secure: true)]
            for chart in ordered {
                files.append(OutputFile(path: "\(directory)/overrides/\(chart.namespace)-\(chart.chartName).yaml",
                                        content: .yaml(Self.overrideDocument(chart)), secure: true))
            }
            files.append(OutputFile(path: "\(directory)/armada-apply.sh",
                                    content: .text(Self.applyCommand(manifestFile: manifestFile, charts: ordered))))
            return files
        }
    }

    /// Uploaded applications (in the inventory tree) first; built-ins fill in the rest.
    func available(for inventory: ValidatedInventory) -> [ArmadaApplication] {
        let inventoryFile = inventory.inventory.files.first ?? ""
        let uploaded = ApplicationStore.registered(inventory: inventoryFile).compactMap {
            ApplicationStore.application($0, inventory: inventoryFile)
        }
        return uploaded + applications.filter { builtIn in !uploaded.contains { $0.name == builtIn.name } }
    }

    /// The chart's combined helm overrides (system <- user), as `helm/<app>/<ns>/<chart>.yaml`
    /// holds them; charts the helm catalog does not know (in an uploaded application) have none.
    func combinedOverrides(_ application: String, _ chart: ArmadaChart, _ context: PluginContext) -> [String: YAMLValue] {
        let overrides = try? HelmApplications.catalog.overrides(
            application: application, chart: chart.chartName, namespace: chart.namespace,
            inventory: context.inventory, secrets: context.secrets, store: HelmOverridesPlugin.store(context.inventory))
        return overrides?.combined ?? [:]
    }

    /// sysinv's override file: an Armada Chart document matched to the manifest by name,
    /// carrying the chart's values and the chart's source.
    static func overrideDocument(_ chart: ArmadaChart) -> YAMLValue {
        ArmadaApplication.document("Chart", chart.name, [
            "values": .map(chart.values),
            "source": ["location": .string(chart.sourceLocation)],
        ])
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
