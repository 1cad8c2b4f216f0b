import Compiler

/// sysinv's 008_horizon: the dashboard's local settings derived from the system.
struct HorizonOverrides: ChartPlugin {
    static let nodePort = 31000

    let description = ChartDescription(
        chart: "horizon", namespaces: ["openstack"],
        summary: "dashboard local settings (region, https, distributed cloud, lockout), node port and database",
        reads: [ChartReads.region, ChartReads.https, "system.distributed_cloud_role", ChartReads.controlPlaneLabel,
                "service_parameters horizon/auth/lockout_retries, lockout_seconds", ChartReads.endpointDomain],
        writes: ["conf.horizon.local_settings.config", "network.node_port", "labels", "endpoints.dashboard", "endpoints.oslo_db"])

    func overrides(namespace: String, context: ChartContext) -> [String: YAMLValue] {
        let inventory = context.inventory
        var config: [String: YAMLValue] = [
            "horizon_secret_key": .string(context.password("horizon/secret-key")),
            "system_region_name": .string(inventory.system.region.value),
        ]
        if inventory.system.distributedCloud != nil { config["dc_mode"] = "True" }
        if inventory.system.httpsEnabled.value { config["https_enabled"] = "True" }
        if let retries = inventory.serviceParameter("horizon", "auth", "lockout_retries"),
           let seconds = inventory.serviceParameter("horizon", "auth", "lockout_seconds") {
            config["lockout_retries_num"] = .string(retries)
            config["lockout_period_sec"] = .string(seconds)
        }
        return [
            "pod": ["replicas": ControlPlane.podReplicas(["server"], context)],
            "labels": ControlPlane.labels(control: ["dashboard", "job"]),
            "conf": ["horizon": ["local_settings": ["config": .map(config)]]],
            // Behind an endpoint domain the ingress serves the dashboard; otherwise a node port does.
            "network": ["node_port": ["enabled": .bool(Endpoints.domain(context) == nil), "port": .int(Self.nodePort)]],
            "endpoints": [
                "dashboard": .map(Endpoints.publicEndpoint("horizon", context)),
                "oslo_db": Endpoints.osloDBAuth("horizon", context),
            ],
        ]
    }
}
