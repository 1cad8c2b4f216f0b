import Compiler

/// sysinv's 023_ceph-rgw (class SwiftHelm): the object store's keystone registration. The
/// gateway itself is the platform's radosgw, so the endpoints point at the controller
/// addresses rather than at a service in the cluster.
struct CephRgwOverrides: ChartPlugin {
    let description = ChartDescription(
        chart: "ceph-rgw", namespaces: ["openstack"],
        summary: "swift user credentials and object-store hosts on the management and OAM floating addresses",
        reads: [ChartReads.mgmtFloatingAddress, "networks.oam floating address", ChartReads.region],
        writes: ["endpoints.identity.auth", "endpoints.object_store.hosts"])

    func overrides(namespace: String, context: ChartContext) -> [String: YAMLValue] {
        let inventory = context.inventory
        let mgmt = YAMLValue(inventory.floating(.mgmt))
        return ["endpoints": [
            "identity": ["auth": Endpoints.identityAuth("swift", users: ["swift"], context)],
            // The string 'null' keeps the chart from templating a default host.
            "object_store": ["hosts": ["default": "null", "admin": mgmt, "internal": mgmt, "public": YAMLValue(inventory.floating(.oam))]],
        ]]
    }
}
