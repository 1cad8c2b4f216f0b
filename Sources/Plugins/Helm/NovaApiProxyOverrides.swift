import Compiler

/// sysinv's 014_nova-api-proxy: StarlingX's proxy in front of nova's API, which lets the VIM see
/// compute requests; it listens for the VIM on the management floating address.
struct NovaApiProxyOverrides: ChartPlugin {
    let description = ChartDescription(
        chart: "nova-api-proxy", namespaces: ["openstack"],
        summary: "nova API proxy: the VIM's listen address, nova's credentials, the compute public endpoint",
        reads: [ChartReads.mgmtFloatingAddress] + ChartReads.endpoints,
        writes: ["pod.user", "conf.nova_api_proxy", "labels", "endpoints.identity", "endpoints.compute"])

    func overrides(namespace: String, context: ChartContext) -> [String: YAMLValue] {
        [
            "pod": ["user": ["nova_api_proxy": ["uid": 0]]],
            "labels": ControlPlane.labels(control: ["nova_api_proxy", "job"]),
            "conf": ["nova_api_proxy": ["DEFAULT": ["nfvi_compute_listen": YAMLValue(context.inventory.floating(.mgmt))]]],
            "endpoints": [
                "identity": ["auth": Endpoints.identityAuth("nova", users: ["nova"], context)],
                "compute": .map(Endpoints.publicEndpoint("nova", context)),
            ],
        ]
    }
}
