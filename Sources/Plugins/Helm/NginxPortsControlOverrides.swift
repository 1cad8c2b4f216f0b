import Compiler

/// sysinv's 026_nginx-ports-control: the network policy opening the ingress ports; static.
struct NginxPortsControlOverrides: ChartPlugin {
    let description = ChartDescription(
        chart: "nginx-ports-control", namespaces: ["openstack"],
        summary: "network policy for the ingress ports; no inventory-derived values", reads: [], writes: [])

    func overrides(namespace: String, context: ChartContext) -> [String: YAMLValue] { [:] }
}
