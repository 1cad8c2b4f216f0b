/// A chart as Armada deploys it on one system: the manifest's static values with the chart's
/// combined helm overrides merged over them (the one Helm merge, `HelmMerge`), and every image
/// taken from the platform's local registry, as sysinv rewrote image tags at apply time.
public enum ArmadaDeployment {
    static let localRegistry = "registry.local:9001"

    public static func deployed(_ chart: ArmadaChart, combined: [String: YAMLValue]) -> ArmadaChart {
        var chart = chart
        chart.values = rewriteImages(HelmMerge.merge(chart.values, with: combined))
        return chart
    }

    /// sysinv's per-chart override file, which `armada apply --values` matches to the manifest's
    /// Chart document by name: the chart's values as deployed, and the chart's source.
    public static func overrideDocument(_ chart: ArmadaChart, combined: [String: YAMLValue]) -> YAMLValue {
        let deployed = deployed(chart, combined: combined)
        return ArmadaApplication.document("Chart", deployed.name, [
            "values": .map(deployed.values),
            "source": ["location": .string(deployed.sourceLocation)],
        ])
    }

    /// Images come from the platform's local registry: any tag not already naming a
    /// `host:port/` registry is prefixed with it.
    static func rewriteImages(_ values: [String: YAMLValue]) -> [String: YAMLValue] {
        guard case let .map(images)? = values["images"], case let .map(tags)? = images["tags"] else { return values }
        var result = values
        var rewritten = images
        rewritten["tags"] = .map(tags.mapValues { tag in
            guard case let .string(reference) = tag, !namesRegistryWithPort(reference) else { return tag }
            return .string("\(localRegistry)/\(reference)")
        })
        result["images"] = .map(rewritten)
        return result
    }

    static func namesRegistryWithPort(_ reference: String) -> Bool {
        guard let host = reference.split(separator: "/").first, reference.contains("/") else { return false }
        let parts = host.split(separator: ":")
        return parts.count == 2 && Int(parts[1]) != nil
    }
}
