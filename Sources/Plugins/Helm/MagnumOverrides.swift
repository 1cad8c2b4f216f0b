import Compiler

/// sysinv's magnum plugin: container-infrastructure API and conductor on the control plane, with
/// their credentials. sysinv registered it in 2018 and dropped it from stx-openstack in 2019-06;
/// the issue names the chart, so sysinvc keeps it.
struct MagnumOverrides: ChartPlugin {
    static let components = ["api", "conductor"]

    let description = ChartDescription(
        chart: "magnum", namespaces: ["openstack"],
        summary: "container infrastructure API and conductor replicas; credentials",
        reads: [ChartReads.controlPlaneLabel] + ChartReads.endpoints,
        writes: ["pod.replicas", "labels", "endpoints"])

    func overrides(namespace: String, context: ChartContext) -> [String: YAMLValue] {
        ControlPlane.apiService(Self.components, endpoints: Endpoints.service("magnum", publicName: "container_infra", context), context)
    }
}
