import Compiler

/// sysinv's 016_gnocchi: the metric API, storing measures in Ceph through the chart's client.
struct GnocchiOverrides: ChartPlugin {
    let description = ChartDescription(
        chart: "gnocchi", namespaces: ["openstack"],
        summary: "metric API replicas, Ceph client secret, credentials",
        reads: [ChartReads.ceph, ChartReads.controlPlaneLabel] + ChartReads.endpoints,
        writes: ["pod.replicas.api", "labels", "ceph_client", "endpoints"])

    func overrides(namespace: String, context: ChartContext) -> [String: YAMLValue] {
        var values: [String: YAMLValue] = [
            "pod": ["replicas": ControlPlane.podReplicas(["api"], context)],
            "labels": ControlPlane.labels(control: ["api", "job"]),
            "endpoints": .map(Endpoints.service("gnocchi", publicName: "metric", messaging: false, context)),
        ]
        values["ceph_client"] = CephFacts.client(context.inventory)
        return values
    }
}
