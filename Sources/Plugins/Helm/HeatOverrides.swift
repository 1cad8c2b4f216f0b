import Compiler

/// sysinv's 007_heat: orchestration API and engine, with heat's three keystone users.
struct HeatOverrides: ChartPlugin {
    let description = ChartDescription(
        chart: "heat", namespaces: ["openstack"],
        summary: "heat API, CFN, cloudwatch and engine replicas; heat, trustee and stack-user credentials",
        reads: [ChartReads.controlPlaneLabel] + ChartReads.endpoints,
        writes: ["pod.replicas", "labels", "endpoints"])

    func overrides(namespace: String, context: ChartContext) -> [String: YAMLValue] {
        [
            "pod": ["replicas": ControlPlane.podReplicas(["api", "cfn", "cloudwatch", "engine"], context)],
            "labels": ControlPlane.labels(control: ["api", "cfn", "cloudwatch", "engine", "job"]),
            "endpoints": .map(Endpoints.service("heat", identityUsers: ["heat", "heat_trustee", "heat_stack_user"],
                                                publicName: "orchestration", context)),
        ]
    }
}
