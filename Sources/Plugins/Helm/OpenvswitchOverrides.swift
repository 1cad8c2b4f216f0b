import Compiler

/// sysinv's 010_openvswitch: the manifest carries its values; sysinv only removed it from the
/// compute kit when the vswitch is not containerized (a meta-override, made with the manifest).
struct OpenvswitchOverrides: ChartPlugin {
    let description = ChartDescription(
        chart: "openvswitch", namespaces: ["openstack"],
        summary: "containerized openvswitch; no inventory-derived values", reads: [], writes: [])

    func overrides(namespace: String, context: ChartContext) -> [String: YAMLValue] { [:] }
}
