import Compiler

/// sysinv's 017_ceilometer: telemetry collection. The notification agent listens on every
/// service's rabbitmq virtual host, so it gets one URL per vhost with the rabbitmq admin.
struct CeilometerOverrides: ChartPlugin {
    static let notifiedServices = ["ceilometer", "cinder", "glance", "nova", "keystone", "neutron", "heat"]

    let description = ChartDescription(
        chart: "ceilometer", namespaces: ["openstack"],
        summary: "central agent replicas, service region, notification URLs of every service's vhost, credentials",
        reads: [ChartReads.controlPlaneLabel, ChartReads.region, ChartReads.rabbitmqAdminSecret],
        writes: ["pod.replicas.central", "labels", "conf.ceilometer", "endpoints"])

    func overrides(namespace: String, context: ChartContext) -> [String: YAMLValue] {
        let admin = "\(Endpoints.rabbitmqAdminUser):\(Endpoints.rabbitmqAdminPassword(context))"
        let urls = Self.notifiedServices.map { "rabbit://\(admin)@rabbitmq.openstack.svc.cluster.local:5672/\($0)" }
        return [
            "pod": ["replicas": ControlPlane.podReplicas(["central"], context)],
            "labels": ControlPlane.labels(control: ["central", "notification", "job"], agents: ["compute"]),
            "conf": ["ceilometer": [
                "DEFAULT": ["region_name_for_services": .string(context.inventory.system.region.value)],
                "notification": ["messaging_urls": ["type": "multistring", "values": YAMLValue(strings: urls)]],
                "meter": ["meter_definitions_dirs": "/etc/ceilometer/meters.d"],
            ]],
            "endpoints": .map(Endpoints.service("ceilometer", database: false, context)),
        ]
    }
}
