import Compiler

/// sysinv's 004_rabbitmq: the message broker cluster and its admin user.
struct RabbitmqOverrides: ChartPlugin {
    let description = ChartDescription(
        chart: "rabbitmq", namespaces: ["openstack"],
        summary: "rabbitmq servers, one per control-plane host, and the admin user every service's rabbit URL names",
        reads: [ChartReads.controlPlaneLabel, ChartReads.rabbitmqAdminSecret],
        writes: ["pod.replicas.server", "labels", "endpoints.oslo_messaging.auth.user"])

    func overrides(namespace: String, context: ChartContext) -> [String: YAMLValue] {
        [
            "pod": ["replicas": ControlPlane.podReplicas(["server"], context)],
            "labels": ControlPlane.labels(control: ["server", "prometheus_rabbitmq_exporter"]),
            "endpoints": ["oslo_messaging": ["auth": ["user": [
                "username": .string(Endpoints.rabbitmqAdminUser),
                "password": .string(Endpoints.rabbitmqAdminPassword(context)),
            ]]]],
        ]
    }
}
