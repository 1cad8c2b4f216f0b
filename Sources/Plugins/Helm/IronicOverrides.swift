import Compiler

/// sysinv's 024_ironic: bare-metal provisioning, switched on as a whole by the
/// `openstack-ironic=enabled` label; without it every ironic manifest is off.
struct IronicOverrides: ChartPlugin {
    static let manifests = ["configmap_bin", "configmap_etc", "deployment_api", "ingress_api", "job_bootstrap", "job_db_init",
                            "job_db_sync", "job_image_repo_sync", "job_ks_endpoints", "job_ks_service", "job_ks_user",
                            "job_manage_cleaning_network", "job_rabbit_init", "pdb_api", "secret_db", "secret_keystone",
                            "secret_rabbitmq", "service_api", "service_ingress_api", "statefulset_conductor"]

    let description = ChartDescription(
        chart: "ironic", namespaces: ["openstack"],
        summary: "whether ironic runs (label openstack-ironic), API and conductor replicas, credentials",
        reads: ["hosts[].labels openstack-ironic, openstack-control-plane"] + ChartReads.endpoints,
        writes: ["manifests", "pod.replicas", "labels", "endpoints"])

    func overrides(namespace: String, context: ChartContext) -> [String: YAMLValue] {
        let enabled = YAMLValue.bool(context.inventory.anyHostLabelled(WellKnownLabel.openstackIronic))
        var endpoints = Endpoints.service("ironic", publicName: "baremetal", context)
        endpoints["identity"] = ["auth": Endpoints.identityAuth("ironic", users: ["ironic"], others: ["glance"], context)]
        return [
            "manifests": .map(Dictionary(uniqueKeysWithValues: Self.manifests.map { ($0, enabled) })),
            "pod": ["replicas": ControlPlane.podReplicas(["api", "conductor"], context)],
            "labels": ControlPlane.labels(control: ["api", "job"]),
            "endpoints": .map(endpoints),
        ]
    }
}
