import Compiler

/// The application catalog. sysinv never had a murano chart plugin (only horizon's
/// `enable_murano` flag); sysinvc gives it what every OpenStack API service gets: API and engine
/// replicas on the control plane, keystone, database, rabbitmq and memcache credentials, and the
/// `application_catalog` public endpoint.
struct MuranoOverrides: ChartPlugin {
    static let components = ["api", "engine"]

    let description = ChartDescription(
        chart: "murano", namespaces: ["openstack"],
        summary: "application catalog API and engine replicas; credentials",
        reads: [ChartReads.controlPlaneLabel] + ChartReads.endpoints,
        writes: ["pod.replicas", "labels", "endpoints"])

    func overrides(namespace: String, context: ChartContext) -> [String: YAMLValue] {
        ControlPlane.apiService(Self.components, endpoints: Endpoints.service("murano", publicName: "application_catalog", context), context)
    }
}
