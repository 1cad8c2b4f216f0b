import Compiler
@testable import Plugins
import XCTest

/// Snippet tests: a small inventory in, the chart's override subtree out, values derived from the
/// inventory (two control-plane hosts → 2 replicas; region RegionTwo; addresses of the fixture).
final class HelmChartTests: XCTestCase {
    var inventory: ValidatedInventory!
    let secrets = HelmFixture.secrets

    override func setUpWithError() throws {
        inventory = try HelmFixture.validated(HelmFixture.inventory())
    }

    func testIngressPerNamespace() throws {
        let kube = try HelmFixture.overrides("ingress", namespace: "kube-system", inventory)
        XCTAssertEqual(kube, ["pod": ["replicas": ["error_page": 2]], "deployment": ["mode": "cluster", "type": "DaemonSet"],
                              "network": ["host_namespace": "true"]])
        XCTAssertEqual(try HelmFixture.overrides("ingress", inventory), ["pod": ["replicas": ["ingress": 2, "error_page": 2]]])
    }

    func testMariadbReplicasAndAdminPassword() throws {
        let values = try HelmFixture.overrides("mariadb", inventory)
        XCTAssertEqual(values.at("pod.replicas"), ["server": 2, "ingress": 2])
        XCTAssertEqual(values.at("endpoints.oslo_db.auth.admin.password"), .string(secrets.password("mariadb/admin")))
        XCTAssertEqual(values.at("labels.server.node_selector_key"), "openstack-control-plane")
    }

    func testRabbitmqAdminUser() throws {
        let values = try HelmFixture.overrides("rabbitmq", inventory)
        XCTAssertEqual(values.at("pod.replicas.server"), 2)
        XCTAssertEqual(values.at("endpoints.oslo_messaging.auth.user"),
                       ["username": "rabbitmq-admin", "password": .string(secrets.password("rabbitmq/admin"))])
    }

    func testChartsWithoutInventoryValues() throws {
        for chart in ["garbd", "memcached", "openvswitch", "nginx-ports-control"] {
            XCTAssertEqual(try HelmFixture.overrides(chart, inventory), [:], chart)
        }
        XCTAssertEqual(try HelmFixture.overrides("helm-toolkit", namespace: "helm-toolkit", inventory), [:])
    }

    func testKeystoneUsersAndRegion() throws {
        let values = try HelmFixture.overrides("keystone", inventory)
        XCTAssertEqual(values.at("pod.replicas.api"), 2)
        XCTAssertEqual(values.at("conf.keystone.token.provider"), "fernet")
        XCTAssertEqual(values.at("endpoints.identity.auth.admin"),
                       ["region_name": "RegionTwo", "username": "admin", "password": .string(secrets.password("keystone/admin"))])
        XCTAssertEqual(values.at("endpoints.identity.auth.test.password"), .string(secrets.password("keystone/test")))
        XCTAssertEqual(values.at("endpoints.oslo_messaging.auth.keystone.username"), "keystone-rabbitmq-user")
        XCTAssertEqual(values.at("endpoints.identity.host_fqdn_override"), ["public": [:]])
    }

    func testHeatHasItsThreeUsers() throws {
        let values = try HelmFixture.overrides("heat", inventory)
        XCTAssertEqual(values.at("pod.replicas"), ["api": 2, "cfn": 2, "cloudwatch": 2, "engine": 2])
        for user in ["heat", "heat_trustee", "heat_stack_user"] {
            XCTAssertEqual(values.at("endpoints.identity.auth.\(user).region_name"), "RegionTwo", user)
        }
        XCTAssertEqual(values.at("endpoints.oslo_db.auth.heat.password"), .string(secrets.password("heat/db")))
    }

    func testHorizonLocalSettings() throws {
        let values = try HelmFixture.overrides("horizon", inventory)
        XCTAssertEqual(values.at("conf.horizon.local_settings.config"),
                       ["horizon_secret_key": .string(secrets.password("horizon/secret-key")), "system_region_name": "RegionTwo"])
        XCTAssertEqual(values.at("network.node_port.enabled"), true)
    }

    func testGlanceWithoutCephUsesAVolumeAndOneReplica() throws {
        let values = try HelmFixture.overrides("glance", inventory)
        XCTAssertEqual(values.at("storage"), "pvc")
        XCTAssertEqual(values.at("pod.replicas.api"), 1)
        XCTAssertEqual(values.at("conf.glance.glance_store.rbd_store_pool"), "")
        XCTAssertNil(values.at("conf.ceph"))
    }

    func testLibvirtOnComputeNodes() throws {
        let values = try HelmFixture.overrides("libvirt", inventory)
        XCTAssertEqual(values.at("conf.qemu.cgroup_controllers"), ["cpu", "cpuacct", "cpuset"])
        XCTAssertEqual(values.at("labels.agent.libvirt.node_selector_key"), "openstack-compute-node")
        XCTAssertEqual(values.at("pod.mounts.libvirt.libvirt.volumes.0.hostPath.path"), "/usr/share/OVMF")
    }

    func testNovaComputeHost() throws {
        let values = try HelmFixture.overrides("nova", inventory)
        let workerAddress = try XCTUnwrap(inventory.address("worker-0", .clusterHost)).description
        XCTAssertEqual(values.at("conf.overrides.nova_compute.hosts.0.name"), "worker-0")
        XCTAssertEqual(values.at("conf.overrides.nova_compute.hosts.0.conf.nova.DEFAULT"),
                       ["my_ip": .string(workerAddress), "vcpu_pin_set": "\"2-7\"", "reserved_host_memory_mb": 7000,
                        "reserved_huge_pages": ["type": "multistring", "values": ["node:0,size:4,count:1792000"]]])
        // remote-storage without Ceph stays on local disks.
        XCTAssertEqual(values.at("conf.overrides.nova_compute.hosts.0.conf.nova.libvirt.images_type"), "default")
        XCTAssertEqual(values.at("pod.replicas.conductor"), 2)
        XCTAssertEqual(values.at("network.sshd.from_subnet"), "192.168.206.0/24")
        XCTAssertEqual(values.at("endpoints.identity.auth.neutron.password"), .string(secrets.password("neutron/keystone")))
        XCTAssertEqual(values.at("endpoints.oslo_db_cell0"), values.at("endpoints.oslo_db"))
        XCTAssertEqual(values.at("manifests.statefulset_compute_ironic"), false)
    }

    func testNovaRanges() {
        XCTAssertEqual(ComputeKeys.rangeList([0, 2, 3, 4, 5, 7]), "0,2-5,7")
        XCTAssertEqual(ComputeKeys.rangeList([]), "")
    }

    func testNovaApiProxyListensOnManagementFloatingAddress() throws {
        let values = try HelmFixture.overrides("nova-api-proxy", inventory)
        XCTAssertEqual(values.at("conf.nova_api_proxy.DEFAULT.nfvi_compute_listen"), YAMLValue(inventory.floating(.mgmt)))
        XCTAssertEqual(values.at("endpoints.identity.auth.nova.password"), .string(secrets.password("nova/keystone")))
    }

    func testNeutronAgentsPerComputeNode() throws {
        let values = try HelmFixture.overrides("neutron", inventory)
        XCTAssertEqual(values.at("pod.replicas.server"), 2)
        let host = try XCTUnwrap(values.at("conf.overrides.neutron_ovs-agent.hosts.0"))
        XCTAssertEqual(host.at("name"), "worker-0")
        XCTAssertEqual(host.at("conf.plugins.openvswitch_agent.ovs.datapath_type"), "system")
        // The data port attaches no flat or vlan data network, so it needs no bridge (DataNetworkOutputTests has bridges).
        XCTAssertNil(host.at("conf.auto_bridge_add"))
        XCTAssertEqual(values.at("endpoints.identity.auth.nova.password"), .string(secrets.password("nova/keystone")))
    }

    func testPlacementCinderGnocchiPankoAodhBarbicanMagnumMurano() throws {
        XCTAssertEqual(try HelmFixture.overrides("placement", inventory).at("endpoints.identity.name"), "keystone")
        XCTAssertEqual(try HelmFixture.overrides("cinder", inventory).at("conf.ceph"), [:])
        // No chart names the Ceph secret on a system without Ceph: nothing would create it.
        XCTAssertNil(try HelmFixture.overrides("gnocchi", inventory).at("ceph_client"))
        XCTAssertEqual(try HelmFixture.overrides("panko", inventory).at("pod.replicas"), ["api": 2])
        XCTAssertEqual(try HelmFixture.overrides("aodh", inventory).at("conf.aodh.service_credentials.region_name"), "RegionTwo")
        XCTAssertEqual(try HelmFixture.overrides("barbican", inventory).at("endpoints.key_manager.host_fqdn_override"), ["public": [:]])
        XCTAssertEqual(try HelmFixture.overrides("magnum", inventory).at("pod.replicas"), ["api": 2, "conductor": 2])
        let murano = try HelmFixture.overrides("murano", inventory)
        XCTAssertEqual(murano.at("pod.replicas"), ["api": 2, "engine": 2])
        XCTAssertEqual(murano.at("endpoints.oslo_messaging.auth.murano.username"), "murano-rabbitmq-user")
    }

    func testFmRestApiUsesTheFmUser() throws {
        let values = try HelmFixture.overrides("fm-rest-api", inventory)
        XCTAssertEqual(values.at("endpoints.identity.auth.fm.password"), .string(secrets.password("fm/keystone")))
        XCTAssertEqual(values.at("endpoints.oslo_db.auth.fm.password"), .string(secrets.password("fm/db")))
        XCTAssertNil(values.at("endpoints.oslo_messaging"))
    }

    func testCeilometerListensOnEveryServiceVhost() throws {
        let values = try HelmFixture.overrides("ceilometer", inventory)
        guard case let .list(urls)? = values.at("conf.ceilometer.notification.messaging_urls.values") else { return XCTFail("no urls") }
        XCTAssertEqual(urls.count, 7)
        XCTAssertEqual(urls.first, .string("rabbit://rabbitmq-admin:\(secrets.password("rabbitmq/admin"))@rabbitmq.openstack.svc.cluster.local:5672/ceilometer"))
    }

    func testIronicFollowsItsLabel() throws {
        XCTAssertEqual(try HelmFixture.overrides("ironic", inventory).at("manifests.deployment_api"), false)
        let labelled = try HelmFixture.validated(HelmFixture.inventory().replacingOccurrences(
            of: "openstack-compute-node: enabled, remote-storage: enabled", with: "openstack-compute-node: enabled, openstack-ironic: enabled"))
        let values = try HelmFixture.overrides("ironic", labelled)
        XCTAssertEqual(values.at("manifests.statefulset_conductor"), true)
        XCTAssertEqual(values.at("endpoints.identity.auth.glance.password"), .string(secrets.password("glance/keystone")))
    }

    func testKeystoneApiProxyAndCephRgwUseControllerAddresses() throws {
        let mgmt = try XCTUnwrap(inventory.floating(.mgmt)).description
        let proxy = try HelmFixture.overrides("keystone-api-proxy", inventory)
        XCTAssertEqual(proxy.at("conf.keystone_api_proxy.DEFAULT.transport_url"),
                       .string("rabbit://guest:\(secrets.password("amqp/rabbit"))@\(mgmt):5672"))
        let rgw = try HelmFixture.overrides("ceph-rgw", inventory)
        XCTAssertEqual(rgw.at("endpoints.object_store.hosts"), ["default": "null", "admin": .string(mgmt), "internal": .string(mgmt), "public": "10.10.10.2"])
    }
}
