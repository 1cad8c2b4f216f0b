import Compiler

/// sysinv's 025_placement: the placement API, split out of nova in Stein.
struct PlacementOverrides: ChartPlugin {
    let description = ChartDescription(
        chart: "placement", namespaces: ["openstack"],
        summary: "placement API replicas and credentials",
        reads: [ChartReads.controlPlaneLabel] + ChartReads.endpoints,
        writes: ["pod.replicas.api", "labels", "endpoints"])

    func overrides(namespace: String, context: ChartContext) -> [String: YAMLValue] {
        var endpoints = Endpoints.service("placement", publicName: "placement", messaging: false, cache: false, context)
        endpoints["identity"] = ["name": "keystone", "auth": Endpoints.identityAuth("placement", users: ["placement"], context)]
        return [
            "pod": ["replicas": ControlPlane.podReplicas(["api"], context)],
            "labels": ControlPlane.labels(control: ["api", "job"]),
            "endpoints": .map(endpoints),
        ]
    }
}
