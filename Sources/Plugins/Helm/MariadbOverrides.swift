import Compiler

/// sysinv's 002_mariadb: the galera cluster, one server per control-plane host.
struct MariadbOverrides: ChartPlugin {
    let description = ChartDescription(
        chart: "mariadb", namespaces: ["openstack"],
        summary: "galera database servers, one per control-plane host, and the database admin password",
        reads: [ChartReads.controlPlaneLabel, "secrets mariadb/admin"],
        writes: ["pod.replicas", "labels", "endpoints.oslo_db.auth.admin"])

    func overrides(namespace: String, context: ChartContext) -> [String: YAMLValue] {
        [
            "pod": ["replicas": ControlPlane.podReplicas(["server", "ingress"], context)],
            "labels": ControlPlane.labels(control: ["server", "job", "prometheus_mysql_exporter"]),
            "endpoints": ["oslo_db": ["auth": ["admin": ["password": .string(context.password("mariadb/admin"))]]]],
        ]
    }
}
