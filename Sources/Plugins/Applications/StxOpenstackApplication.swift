import Compiler

/// The built-in stx-openstack application: its chart plugins, and the chart groups, charts and
/// static values of StarlingX's mid-2019 armada manifest, so that the examples deploy with
/// nothing uploaded.
public enum StxOpenstackApplication {
    public static let name = "stx-openstack"

    public static let entry = CatalogApplication(manifest: manifest, chartPlugins: chartPlugins, rules: rules)

    /// The chart plugins in the order of sysinv's `NNN_<chart>` entry points (as of 2019-06,
    /// fm-rest-api from 2019-09; magnum and murano, which the seed names, after them).
    static let chartPlugins: [any ChartPlugin] = [
        IngressOverrides(),              // 001
        MariadbOverrides(),              // 002
        GarbdOverrides(),                // 003
        RabbitmqOverrides(),             // 004
        MemcachedOverrides(),            // 005
        KeystoneOverrides(),             // 006
        HeatOverrides(),                 // 007
        HorizonOverrides(),              // 008
        GlanceOverrides(),               // 009
        OpenvswitchOverrides(),          // 010
        LibvirtOverrides(),              // 011
        NeutronOverrides(),              // 012
        NovaOverrides(),                 // 013
        NovaApiProxyOverrides(),         // 014
        CinderOverrides(),               // 015
        GnocchiOverrides(),              // 016
        CeilometerOverrides(),           // 017
        PankoOverrides(),                // 018
        AodhOverrides(),                 // 019
        HelmToolkitOverrides(),          // 020
        BarbicanOverrides(),             // 021
        KeystoneApiProxyOverrides(),     // 022
        CephRgwOverrides(),              // 023
        IronicOverrides(),               // 024
        PlacementOverrides(),            // 025
        NginxPortsControlOverrides(),    // 026
        FmRestApiOverrides(),            // 028
        MagnumOverrides(),
        MuranoOverrides(),
    ]

    public static let manifest = ArmadaApplication(
        name: name,
        version: "1.0-1",
        manifestName: "armada-manifest",
        releasePrefix: "osh",
        groups: groups,
        manifestGroups: [
            "kube-system-ingress", "openstack-ingress", "openstack-mariadb", "openstack-memcached", "openstack-rabbitmq",
            "openstack-keystone", "openstack-barbican", "openstack-glance", "openstack-cinder", "openstack-ceph-rgw",
            "openstack-compute-kit", "openstack-heat", "openstack-fm-rest-api", "openstack-horizon", "openstack-telemetry",
        ],
        charts: charts
    )

    static let groups: [ArmadaChartGroup] = [
        ArmadaChartGroup(name: "kube-system-ingress", description: "System Ingress Controller", sequenced: false, charts: ["kube-system-ingress"]),
        ArmadaChartGroup(name: "openstack-ingress", description: "OpenStack Ingress Controller", sequenced: false,
                         charts: ["openstack-ingress", "openstack-nginx-ports-control"]),
        ArmadaChartGroup(name: "openstack-mariadb", description: "Mariadb", sequenced: true, charts: ["openstack-mariadb", "openstack-garbd"]),
        ArmadaChartGroup(name: "openstack-memcached", description: "Memcached", sequenced: true, charts: ["openstack-memcached"]),
        ArmadaChartGroup(name: "openstack-rabbitmq", description: "Rabbitmq", sequenced: true, charts: ["openstack-rabbitmq"]),
        ArmadaChartGroup(name: "openstack-keystone", description: "Deploy keystone", sequenced: true, charts: ["openstack-keystone"]),
        ArmadaChartGroup(name: "openstack-keystone-api-proxy", description: "Deploy keystone api proxy", sequenced: true,
                         charts: ["openstack-keystone-api-proxy"]),
        ArmadaChartGroup(name: "openstack-barbican", description: "Barbican Components", sequenced: true, charts: ["openstack-barbican"]),
        ArmadaChartGroup(name: "openstack-glance", description: "Deploy glance", sequenced: true, charts: ["openstack-glance"]),
        ArmadaChartGroup(name: "openstack-ceph-rgw", description: "Deploy swift", sequenced: true, charts: ["openstack-ceph-rgw"]),
        ArmadaChartGroup(name: "openstack-cinder", description: "Deploy cinder", sequenced: true, charts: ["openstack-cinder"]),
        ArmadaChartGroup(name: "openstack-compute-kit", description: "Deploy nova and neutron, as well as supporting services", sequenced: false,
                         charts: ["openstack-libvirt", "openstack-nova", "openstack-nova-api-proxy", "openstack-neutron", "openstack-placement"]),
        ArmadaChartGroup(name: "openstack-heat", description: "Deploy heat", sequenced: true, charts: ["openstack-heat"]),
        ArmadaChartGroup(name: "openstack-fm-rest-api", description: "Deploy the fault management REST API", sequenced: true,
                         charts: ["openstack-fm-rest-api"]),
        ArmadaChartGroup(name: "openstack-horizon", description: "Deploy horizon", sequenced: false, charts: ["openstack-horizon"]),
        ArmadaChartGroup(name: "openstack-telemetry", description: "Deploy telemetry", sequenced: true,
                         charts: ["openstack-aodh", "openstack-gnocchi", "openstack-panko", "openstack-ceilometer"]),
        // Optional services: defined, but in no group the manifest deploys.
        ArmadaChartGroup(name: "openstack-magnum", description: "Deploy magnum", sequenced: true, charts: ["openstack-magnum"]),
        ArmadaChartGroup(name: "openstack-murano", description: "Deploy murano", sequenced: true, charts: ["openstack-murano"]),
    ]

    static let controlPlane: YAMLValue = ["node_selector_key": "openstack-control-plane", "node_selector_value": "enabled"]
    static let computeNode: YAMLValue = ["node_selector_key": "openstack-compute-node", "node_selector_value": "enabled"]

    static func selectors(_ components: [String: YAMLValue]) -> YAMLValue { .map(components) }

    /// `docker.io/starlingx/stx-<service>`: the images StarlingX builds for its charts.
    static func images(_ tags: [String: String]) -> YAMLValue {
        ["tags": .map(tags.mapValues { .string("docker.io/starlingx/stx-\($0):master-centos-stable-latest") })]
    }

    static let charts: [ArmadaChart] = [
        OpenstackChart.make("helm-toolkit", namespace: "helm-toolkit", name: "helm-toolkit", release: "helm-toolkit",
                            wait: false, preDelete: .none, dependencies: [], values: [:]),
        OpenstackChart.make("ingress", namespace: "kube-system", name: "kube-system-ingress", values: [
            "labels": selectors(["server": controlPlane, "error_server": controlPlane]),
        ]),
        OpenstackChart.make("ingress", name: "openstack-ingress", values: [
            "labels": selectors(["server": controlPlane, "error_server": controlPlane]),
        ]),
        OpenstackChart.make("nginx-ports-control", wait: false, preDelete: .none, reference: false, dependencies: [], values: [:]),
        OpenstackChart.make("mariadb", reference: false, values: [
            "labels": selectors(["server": controlPlane, "prometheus_mysql_exporter": controlPlane]),
            "pod": ["affinity": ["anti": ["type": ["default": "requiredDuringSchedulingIgnoredDuringExecution"]]]],
        ]),
        OpenstackChart.make("garbd", reference: false, values: ["labels": selectors(["server": computeNode])]),
        OpenstackChart.make("memcached", values: ["labels": selectors(["server": controlPlane])]),
        OpenstackChart.make("rabbitmq", preDelete: .jobAndTests, test: false, values: [
            "labels": selectors(["server": controlPlane, "prometheus_rabbitmq_exporter": controlPlane]),
        ]),
        OpenstackChart.make("keystone", preDelete: .jobAndTests, test: false, values: [
            "labels": selectors(["api": controlPlane, "job": controlPlane]),
            "images": images(["keystone_api": "keystone", "keystone_db_sync": "keystone", "keystone_fernet_setup": "keystone"]),
        ]),
        OpenstackChart.make("keystone-api-proxy", preDelete: .jobAndTests, test: false, values: [
            "labels": selectors(["keystone_api_proxy": controlPlane]),
            "images": images(["keystone_api_proxy": "keystone-api-proxy"]),
        ]),
        OpenstackChart.make("barbican", preDelete: .jobAndTests, test: false, values: [
            "labels": selectors(["api": controlPlane, "job": controlPlane]),
            "images": images(["barbican_api": "barbican", "barbican_db_sync": "barbican"]),
        ]),
        OpenstackChart.make("glance", preDelete: .jobAndTests, test: false, values: [
            "labels": selectors(["api": controlPlane, "job": controlPlane, "registry": controlPlane]),
            "images": images(["glance_api": "glance", "glance_db_sync": "glance"]),
        ]),
        OpenstackChart.make("ceph-rgw", preDelete: .jobAndTests, test: false, values: [
            "labels": selectors(["api": controlPlane, "job": controlPlane]),
        ]),
        OpenstackChart.make("cinder", preDelete: .jobAndTests, test: false, values: [
            "labels": selectors(["api": controlPlane, "backup": controlPlane, "job": controlPlane, "scheduler": controlPlane, "volume": controlPlane]),
            "images": images(["cinder_api": "cinder", "cinder_volume": "cinder", "cinder_scheduler": "cinder", "cinder_backup": "cinder"]),
        ]),
        OpenstackChart.make("libvirt", preDelete: .none, values: [
            "labels": selectors(["agent": ["libvirt": computeNode]]),
            "images": images(["libvirt": "libvirt"]),
        ]),
        OpenstackChart.make("openvswitch", values: [
            "labels": selectors(["ovs": ["node_selector_key": "openvswitch", "node_selector_value": "enabled"]]),
        ]),
        OpenstackChart.make("nova", test: false, values: [
            "labels": selectors([
                "agent": ["compute": computeNode, "compute_ironic": ["node_selector_key": "openstack-ironic", "node_selector_value": "enabled"]],
                "api_metadata": controlPlane, "conductor": controlPlane, "consoleauth": controlPlane, "job": controlPlane,
                "novncproxy": controlPlane, "osapi": controlPlane, "placement": controlPlane, "scheduler": controlPlane,
            ]),
            "images": images(["nova_api": "nova", "nova_compute": "nova", "nova_conductor": "nova", "nova_scheduler": "nova"]),
        ]),
        OpenstackChart.make("nova-api-proxy", preDelete: .jobAndTests, test: false, values: [
            "labels": selectors(["nova_api_proxy": controlPlane]),
            "images": images(["nova_api_proxy": "nova-api-proxy"]),
        ]),
        OpenstackChart.make("placement", test: false, values: [
            "labels": selectors(["api": controlPlane, "job": controlPlane]),
            "images": images(["placement": "placement"]),
        ]),
        OpenstackChart.make("neutron", test: false, values: [
            "labels": selectors([
                "agent": ["dhcp": computeNode, "l3": computeNode, "metadata": computeNode],
                "job": controlPlane, "server": controlPlane,
                "ovs": ["node_selector_key": "openvswitch", "node_selector_value": "enabled"],
                "lb": ["node_selector_key": "linuxbridge", "node_selector_value": "enabled"],
                "sriov": ["node_selector_key": "sriov", "node_selector_value": "enabled"],
            ]),
            "images": images(["neutron_server": "neutron", "neutron_dhcp": "neutron", "neutron_l3": "neutron", "neutron_ovs_agent": "neutron"]),
        ]),
        OpenstackChart.make("ironic", test: false, values: [
            "labels": selectors([
                "api": controlPlane, "job": controlPlane,
                "conductor": ["node_selector_key": "openstack-ironic", "node_selector_value": "enabled"],
            ]),
            "images": images(["ironic_api": "ironic", "ironic_conductor": "ironic"]),
        ]),
        OpenstackChart.make("heat", preDelete: .jobAndTests, test: false, values: [
            "labels": selectors(["api": controlPlane, "cfn": controlPlane, "cloudwatch": controlPlane, "engine": controlPlane, "job": controlPlane]),
            "images": images(["heat_api": "heat", "heat_cfn": "heat", "heat_engine": "heat"]),
        ]),
        OpenstackChart.make("horizon", values: [
            "labels": selectors(["dashboard": controlPlane, "job": controlPlane]),
            "images": images(["horizon": "horizon", "horizon_db_sync": "horizon"]),
        ]),
        OpenstackChart.make("aodh", preDelete: .jobAndTests, test: false, values: [
            "labels": selectors(["api": controlPlane, "evaluator": controlPlane, "listener": controlPlane, "notifier": controlPlane, "job": controlPlane]),
            "images": images(["aodh_api": "aodh"]),
        ]),
        OpenstackChart.make("gnocchi", preDelete: .jobAndTests, test: false, values: [
            "labels": selectors(["api": controlPlane, "job": controlPlane, "metricd": controlPlane, "statsd": controlPlane]),
            "images": images(["gnocchi_api": "gnocchi"]),
        ]),
        OpenstackChart.make("panko", preDelete: .jobAndTests, test: false, values: [
            "labels": selectors(["api": controlPlane, "job": controlPlane]),
            "images": images(["panko_api": "panko"]),
        ]),
        OpenstackChart.make("ceilometer", preDelete: .jobAndTests, test: false, values: [
            "labels": selectors(["central": controlPlane, "compute": computeNode, "notification": controlPlane, "job": controlPlane]),
            "images": images(["ceilometer_central": "ceilometer", "ceilometer_compute": "ceilometer", "ceilometer_notification": "ceilometer"]),
        ]),
        OpenstackChart.make("fm-rest-api", preDelete: .jobAndTests, test: false, values: [
            "labels": selectors(["api": controlPlane, "job": controlPlane]),
            "images": images(["fm_rest_api": "fm-rest-api", "fm_db_sync": "fm-rest-api"]),
        ]),
        OpenstackChart.make("magnum", preDelete: .jobAndTests, test: false, values: [
            "labels": selectors(["api": controlPlane, "conductor": controlPlane, "job": controlPlane]),
            "images": images(["magnum_api": "magnum", "magnum_conductor": "magnum", "magnum_db_sync": "magnum"]),
        ]),
        OpenstackChart.make("murano", preDelete: .jobAndTests, test: false, values: [
            "labels": selectors(["api": controlPlane, "engine": controlPlane, "job": controlPlane]),
            "images": images(["murano_api": "murano", "murano_engine": "murano", "murano_db_sync": "murano"]),
        ]),
    ]
}

/// The conventions every chart of the application shares: release named after the document,
/// wait on the release group for 30 minutes, old jobs deleted before an upgrade, charts served by
/// the platform's helm repository.
enum OpenstackChart {
    enum PreDelete {
        case none, job, jobAndTests
    }

    static let helmRepository = "http://controller:8080/helm_charts/starlingx"

    static func make(_ chart: String, namespace: String = "openstack", name: String? = nil, release: String? = nil,
                     wait: Bool = true, preDelete: PreDelete = .job, test: Bool? = nil, reference: Bool = true,
                     dependencies: [String] = ["helm-toolkit"], values: [String: YAMLValue]) -> ArmadaChart {
        let name = name ?? "\(namespace)-\(chart)"
        let releaseGroup = "osh-\(name)"
        let actions: [ArmadaHookAction]?
        switch preDelete {
        case .none: actions = nil
        case .job: actions = [ArmadaHookAction(type: "job", labels: ["release_group": releaseGroup])]
        case .jobAndTests:
            actions = [ArmadaHookAction(type: "job", labels: ["release_group": releaseGroup]),
                       ArmadaHookAction(type: "pod", labels: ["release_group": releaseGroup, "component": "test"])]
        }
        return ArmadaChart(
            name: name, chartName: chart, release: release ?? name, namespace: namespace,
            sourceLocation: "\(helmRepository)/\(chart)-0.1.0.tgz", sourceSubpath: chart,
            sourceReference: reference ? "master" : nil, dependencies: dependencies,
            waitTimeout: wait ? 1800 : nil, waitLabels: wait ? ["release_group": releaseGroup] : [:],
            upgradePreDelete: actions, test: test, values: values
        )
    }
}
