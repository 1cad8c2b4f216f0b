import Compiler

/// sysinv's 018_panko: panko's API and workers on the control plane, with its credentials.
struct PankoOverrides: ChartPlugin {
    static let components = ["api"]

    let description = ChartDescription(
        chart: "panko", namespaces: ["openstack"],
        summary: "event API replicas; credentials",
        reads: [ChartReads.controlPlaneLabel] + ChartReads.endpoints,
        writes: ["pod.replicas", "labels", "endpoints"])

    func overrides(namespace: String, context: ChartContext) -> [String: YAMLValue] {
        ControlPlane.apiService(Self.components, endpoints: Endpoints.service("panko", publicName: "event", messaging: false, context), context)
    }
}
