import Compiler

/// sysinv's 021_barbican: the key manager API and its credentials. sysinv put the public host
/// under `endpoints.identity` (a slip: the chart reads `endpoints.key_manager`); sysinvc writes
/// it where the chart reads it.
struct BarbicanOverrides: ChartPlugin {
    let description = ChartDescription(
        chart: "barbican", namespaces: ["openstack"],
        summary: "key manager API replicas, credentials and public endpoint",
        reads: [ChartReads.controlPlaneLabel] + ChartReads.endpoints,
        writes: ["pod.replicas.api", "labels", "endpoints"])

    func overrides(namespace: String, context: ChartContext) -> [String: YAMLValue] {
        [
            "pod": ["replicas": ControlPlane.podReplicas(["api"], context)],
            "labels": ControlPlane.labels(control: ["api", "job"]),
            "endpoints": .map(Endpoints.service("barbican", publicName: "key_manager", context)),
        ]
    }
}
