import Compiler

/// sysinv's 022_keystone-api-proxy: on a distributed cloud system controller, the proxy that
/// syncs keystone changes to subclouds through dcorch, reached over the management network.
struct KeystoneApiProxyOverrides: ChartPlugin {
    static let amqpPort = 5672

    let description = ChartDescription(
        chart: "keystone-api-proxy", namespaces: ["openstack"],
        summary: "dcorch's keystone proxy: platform rabbit and dcorch database URLs, keystone host, credentials, public endpoint",
        reads: [ChartReads.mgmtFloatingAddress] + ChartReads.endpoints + ["secrets amqp/rabbit, dcorch/database"],
        writes: ["pod.user", "conf.keystone_api_proxy", "endpoints"])

    func overrides(namespace: String, context: ChartContext) -> [String: YAMLValue] {
        let mgmt = context.inventory.mgmtFloatingURL
        return [
            "pod": ["user": ["keystone_api_proxy": ["uid": 0]]],
            "conf": ["keystone_api_proxy": [
                "DEFAULT": ["transport_url": .string("rabbit://guest:\(context.password("amqp/rabbit"))@\(mgmt):\(Self.amqpPort)")],
                "database": ["connection": .string("postgresql+psycopg2://admin-dcorch:\(context.password("dcorch/database"))@\(mgmt)/dcorch")],
                "identity": ["remote_host": "keystone-api.openstack.svc.cluster.local"],
            ]],
            "endpoints": [
                "identity": ["auth": Endpoints.identityAuth("keystone", users: [], context)],
                "keystone_api_proxy": .map(Endpoints.publicEndpoint("keystone-api-proxy", context)),
            ],
        ]
    }
}
