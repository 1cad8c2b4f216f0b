import Compiler

/// sysinv's 009_glance: the image service, on Ceph RBD when the system has Ceph, else on a
/// persistent volume (then one replica, as a PVC is read-write-once).
struct GlanceOverrides: ChartPlugin {
    let description = ChartDescription(
        chart: "glance", namespaces: ["openstack"],
        summary: "image store (rbd pool images on Ceph, else a volume), API replicas, credentials and public endpoint",
        reads: [ChartReads.ceph, ChartReads.controlPlaneLabel] + ChartReads.endpoints,
        writes: ["pod.replicas.api", "labels", "storage", "conf.glance", "conf.ceph", "bootstrap", "ceph_client", "endpoints"])

    func overrides(namespace: String, context: ChartContext) -> [String: YAMLValue] {
        let ceph = CephFacts(context.inventory)
        var conf: [String: YAMLValue] = [
            "glance": [
                "DEFAULT": ["graceful_shutdown": true, "show_image_direct_url": true],
                "glance_store": [
                    "filesystem_store_datadir": "/opt/cgcs/glance/images",
                    "rbd_store_pool": .string(ceph == nil ? "" : "images"),
                    "rbd_store_user": .string(ceph == nil ? "" : "images"),
                    "rbd_store_replication": .int(ceph?.replication ?? 1),
                    "rbd_store_crush_rule": .string(CephFacts.crushRule(tier: CephFacts.primaryTier)),
                ],
            ],
        ]
        if ceph != nil {
            conf["ceph"] = ["monitors": YAMLValue(strings: CephFacts.monitors(context.inventory)),
                            "admin_keyring": .string(context.cephxKey("glance/ceph-admin-keyring"))]
        }
        var values: [String: YAMLValue] = [
            "pod": ["replicas": ["api": .int(ceph == nil ? 1 : ControlPlane.replicas(context))]],
            "labels": ControlPlane.labels(control: ["api", "registry", "job"]),
            "storage": .string(ceph == nil ? "pvc" : "rbd"),
            "conf": .map(conf),
            "bootstrap": ["enabled": false],
            "endpoints": .map(Endpoints.service("glance", publicName: "image", context)),
        ]
        values["ceph_client"] = CephFacts.client(context.inventory)
        return values
    }
}
