import Compiler

/// sysinv's 015_cinder: block storage on the system's Ceph tiers, one backend per tier; the
/// chart's default `rbd1` backend is blanked so only real backends remain.
struct CinderOverrides: ChartPlugin {
    static let rbdDriver = "cinder.volume.drivers.rbd.RBDDriver"
    static let cephBackend = "ceph-store"

    let description = ChartDescription(
        chart: "cinder", namespaces: ["openstack"],
        summary: "volume backends and pools on the Ceph tiers, replicas, credentials and public endpoint",
        reads: [ChartReads.ceph, ChartReads.controlPlaneLabel] + ChartReads.endpoints,
        writes: ["pod.replicas", "labels", "conf.cinder", "conf.ceph", "conf.backends", "ceph_client", "endpoints"])

    /// The backend of a tier: `ceph-store` for the primary tier, `ceph-<tier>` for others.
    static func backend(tier: String) -> String {
        tier == CephFacts.primaryTier ? cephBackend : "ceph-\(tier)"
    }

    static func pool(tier: String) -> String {
        tier == CephFacts.primaryTier ? "cinder-volumes" : "cinder-volumes-\(tier)"
    }

    func overrides(namespace: String, context: ChartContext) -> [String: YAMLValue] {
        var values: [String: YAMLValue] = [
            "pod": ["replicas": ControlPlane.podReplicas(["api", "volume", "scheduler", "backup"], context)],
            "labels": ControlPlane.labels(control: ["api", "backup", "job", "scheduler", "volume"]),
            "endpoints": .map(Endpoints.service("cinder", publicName: "volume", context)),
        ]
        values["ceph_client"] = CephFacts.client(context.inventory)
        guard let ceph = CephFacts(context.inventory) else {
            values["conf"] = ["ceph": [:]]
            return values
        }
        var pools: [String: YAMLValue] = [:]
        var backends: [String: YAMLValue] = ["rbd1": ""]
        for tier in ceph.tiers {
            let backend = Self.backend(tier: tier), pool = Self.pool(tier: tier)
            pools[pool] = ["replication": .int(ceph.replication), "crush_rule": .string(CephFacts.crushRule(tier: tier)),
                           "chunk_size": 8, "app_name": "cinder-volumes"]
            backends[backend] = ["volume_backend_name": .string(backend), "volume_driver": .string(Self.rbdDriver),
                                 "rbd_pool": .string(pool), "rbd_user": "cinder", "rbd_ceph_conf": "/etc/ceph/ceph.conf"]
        }
        pools["backup"] = pools[Self.pool(tier: CephFacts.primaryTier)]
        var defaults: [String: YAMLValue] = ["enabled_backends": .string(ceph.tiers.map(Self.backend).joined(separator: ","))]
        if ceph.tiers.count > 1 { defaults["default_volume_type"] = .string(Self.cephBackend) }
        values["conf"] = [
            "cinder": ["DEFAULT": .map(defaults)],
            // The string 'null' tells the chart to read the key from the ceph secret.
            "ceph": ["monitors": YAMLValue(strings: CephFacts.monitors(context.inventory)), "admin_keyring": "null", "pools": .map(pools)],
            "backends": .map(backends),
        ]
        return values
    }
}
