import Compiler

/// sysinv's 019_aodh: alarming services on the control plane, with their credentials and the
/// region alarms evaluate in.
struct AodhOverrides: ChartPlugin {
    static let components = ["api", "evaluator", "listener", "notifier"]

    let description = ChartDescription(
        chart: "aodh", namespaces: ["openstack"],
        summary: "alarming API, evaluator, listener and notifier replicas; service region; credentials",
        reads: [ChartReads.controlPlaneLabel] + ChartReads.endpoints,
        writes: ["pod.replicas", "labels", "conf.aodh.service_credentials", "endpoints"])

    func overrides(namespace: String, context: ChartContext) -> [String: YAMLValue] {
        var overrides = ControlPlane.apiService(Self.components, endpoints: Endpoints.service("aodh", publicName: "alarming", context), context)
        overrides["conf"] = ["aodh": ["service_credentials": ["region_name": .string(context.inventory.system.region.value)]]]
        return overrides
    }
}
