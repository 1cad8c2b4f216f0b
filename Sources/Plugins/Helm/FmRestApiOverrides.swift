import Compiler

/// sysinv's 028_fm-rest-api: the fault management REST API on the control plane; its keystone
/// and database user is `fm`.
struct FmRestApiOverrides: ChartPlugin {
    static let components = ["api"]

    let description = ChartDescription(
        chart: "fm-rest-api", namespaces: ["openstack"],
        summary: "fault management REST API replicas; credentials",
        reads: [ChartReads.controlPlaneLabel] + ChartReads.endpoints,
        writes: ["pod.replicas", "labels", "endpoints"])

    func overrides(namespace: String, context: ChartContext) -> [String: YAMLValue] {
        ControlPlane.apiService(Self.components, endpoints: Endpoints.service("fm", publicName: "faultmanagement", messaging: false, cache: false, context), context)
    }
}
