import Compiler

/// sysinv's 003_garbd: the galera arbitrator. Its values are all in the manifest; sysinv only
/// dropped it from the mariadb group when there are fewer than two control-plane hosts (an
/// Armada meta-override, made with the manifest).
struct GarbdOverrides: ChartPlugin {
    let description = ChartDescription(
        chart: "garbd", namespaces: ["openstack"],
        summary: "galera arbitrator; no inventory-derived values",
        reads: [], writes: [])

    func overrides(namespace: String, context: ChartContext) -> [String: YAMLValue] { [:] }
}
