import Compiler

/// sysinv's 020_helm-toolkit (and platform-integ-apps' 001): the library chart every other chart
/// depends on; it has no values of its own.
struct HelmToolkitOverrides: ChartPlugin {
    let description = ChartDescription(
        chart: "helm-toolkit", namespaces: ["helm-toolkit"],
        summary: "openstack-helm's library chart; no values", reads: [], writes: [])

    func overrides(namespace: String, context: ChartContext) -> [String: YAMLValue] { [:] }
}
