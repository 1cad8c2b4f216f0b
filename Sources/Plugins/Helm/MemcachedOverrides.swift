import Compiler

/// sysinv's 005_memcached: the chart defaults serve; the services share its secret key through
/// their own `endpoints.oslo_cache`.
struct MemcachedOverrides: ChartPlugin {
    let description = ChartDescription(
        chart: "memcached", namespaces: ["openstack"],
        summary: "memcached; no inventory-derived values", reads: [], writes: [])

    func overrides(namespace: String, context: ChartContext) -> [String: YAMLValue] { [:] }
}
