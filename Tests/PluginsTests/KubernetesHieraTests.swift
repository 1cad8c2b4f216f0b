import Compiler
import Plugins
import XCTest

/// The hiera the Kubernetes family writes: etcd, kubernetes, smapi, nfv, dockerdistribution and
/// service parameters.
final class KubernetesHieraTests: XCTestCase {
    func testEtcdBindsTheClusterHostFloatingAddress() throws {
        let tree = try KubernetesFixture.compile(KubernetesFixture.standard())
        XCTAssertEqual(tree.value(.staticConfig, "platform::etcd::params::bind_address"), "192.168.206.2")
        XCTAssertEqual(tree.value(.staticConfig, "platform::etcd::params::bind_address_version"), 4)
        XCTAssertEqual(tree.value(.staticConfig, "platform::etcd::params::port"), 2379)
        // No class reads a data directory: etcd's class derives it from the release.
        XCTAssertNil(tree.value(.staticConfig, "platform::etcd::params::data_dir"))
        XCTAssertEqual(tree.value(.system, "platform::drbd::etcd::params::mountpoint"), "/opt/etcd")
        XCTAssertEqual(tree.value(.system, "platform::drbd::etcd::params::device"), "/dev/drbd7")
    }

    func testKubernetesSystemKeys() throws {
        let tree = try KubernetesFixture.compile(KubernetesFixture.standard())
        let params = "platform::kubernetes::params::"
        XCTAssertEqual(tree.value(.system, params + "enabled"), true)
        XCTAssertEqual(tree.value(.system, params + "pod_network_cidr"), "172.16.0.0/16")
        XCTAssertEqual(tree.value(.system, params + "pod_network_ipversion"), 4)
        XCTAssertEqual(tree.value(.system, params + "service_network_cidr"), "10.96.0.0/12")
        XCTAssertEqual(tree.value(.system, params + "apiserver_advertise_address"), "192.168.206.2")
        XCTAssertEqual(tree.value(.system, params + "etcd_endpoint"), "http://192.168.206.2:2379")
        XCTAssertEqual(tree.value(.system, params + "service_domain"), "cluster.local")
        XCTAssertEqual(tree.value(.system, params + "dns_service_ip"), "10.96.0.10")
        XCTAssertEqual(tree.value(.system, "platform::kubernetes::firewall::params::dports"), [80, 443, 9001, 5000])
        XCTAssertEqual(tree.value(.system, "platform::kubernetes::firewall::params::jump"), "SNAT")
    }

    func testSimplexHasNoRegistryNATRule() throws {
        let simplex = KubernetesFixture.simplex()
        let tree = try KubernetesFixture.compile(simplex)
        XCTAssertFalse(tree.keys(.system).contains { $0.hasPrefix("platform::kubernetes::firewall::") })
        XCTAssertEqual(tree.value(.system, "nfv::vim::instance_single_hypervisor"), true)
        XCTAssertNil(tree.files["kubernetes/discovery.conf"], "nothing joins a simplex cluster")
    }

    func testNodeKeysFollowLabelsCPUsAndMemory() throws {
        let tree = try KubernetesFixture.compile(KubernetesFixture.standard())
        let params = "platform::kubernetes::params::"
        let compute = HieraFile.host("worker-0")
        XCTAssertEqual(tree.value(compute, params + "node_ip"), tree.value(.host("worker-0"), "platform::network::cluster_host::params::interface_address"))
        XCTAssertEqual(tree.value(compute, params + "host_labels"), ["openstack-compute-node=enabled"])
        XCTAssertEqual(tree.value(compute, params + "k8s_cpuset"), "\"0,4\"", "an OpenStack compute node keeps pods on platform CPUs")
        XCTAssertEqual(tree.value(compute, params + "k8s_nodeset"), "\"0-1\"")
        XCTAssertEqual(tree.value(compute, params + "k8s_reserved_cpus"), 2)
        XCTAssertEqual(tree.value(compute, params + "k8s_reserved_mem"), 9000)
        XCTAssertEqual(tree.value(compute, params + "k8s_cpu_mgr_policy"), "none")

        let pure = HieraFile.host("worker-1")
        XCTAssertEqual(tree.value(pure, params + "k8s_cpuset"), "\"0-3\"")
        XCTAssertEqual(tree.value(pure, params + "k8s_cpu_mgr_policy"), "static")
        XCTAssertEqual(tree.value(pure, "platform::kubernetes::worker::params::join_cmd"), "kubeadm join --config /etc/kubernetes/kubeadm-join.yaml")

        let controller = HieraFile.host("controller-0")
        XCTAssertEqual(tree.value(controller, params + "node_ip"), "192.168.206.3")
        XCTAssertNil(tree.value(controller, params + "k8s_cpu_mgr_policy"), "a standard controller runs no workloads")
        XCTAssertNil(tree.value(controller, "platform::kubernetes::worker::params::join_cmd"), "controller-0 initialises the cluster")
        XCTAssertNotNil(tree.value(.host("controller-1"), "platform::kubernetes::worker::params::join_cmd"))
    }

    func testAllInOneComputeControllerPinsNoPodsButKeepsEveryCPU() throws {
        let simplex = KubernetesFixture.simplex(controller: "labels: {openstack-compute-node: enabled}\ncpus: {cores_per_node: 4, platform: [0]}")
        let tree = try KubernetesFixture.compile(simplex)
        let params = "platform::kubernetes::params::"
        let controller = HieraFile.host("controller-0")
        XCTAssertEqual(tree.value(controller, params + "k8s_cpu_mgr_policy"), "none", "nova pins the CPUs of a compute node")
        XCTAssertEqual(tree.value(controller, params + "k8s_cpuset"), "\"0-3\"", "only a pure worker narrows k8s-infra to platform CPUs")
    }

    func testSmapiKeys() throws {
        let tree = try KubernetesFixture.compile(KubernetesFixture.standard())
        XCTAssertEqual(tree.value(.staticConfig, "platform::smapi::params::auth_username"), "smapi")
        XCTAssertEqual(tree.value(.system, "platform::smapi::params::public_url"), "http://10.10.10.2:7777")
        XCTAssertEqual(tree.value(.system, "platform::smapi::params::internal_url"), "http://192.168.204.2:7777")
        XCTAssertEqual(tree.value(.system, "smapi::keystone::authtoken::auth_url"), "http://192.168.204.2:5000")
        XCTAssertEqual(tree.value(.host("controller-1"), "platform::smapi::params::bind_ip"), "192.168.204.4")
        XCTAssertNil(tree.value(.host("worker-0"), "platform::smapi::params::bind_ip"))
        let password = tree.value(.secureStatic, "smapi::keystone::auth::password")
        XCTAssertNotNil(password)
        XCTAssertEqual(password, tree.value(.secureStatic, "platform::smapi::params::keystone_password"))
    }

    func testNfvDisablesOpenstackPluginsUntilStxOpenstackIsApplied() throws {
        let platform = try KubernetesFixture.compile(KubernetesFixture.standard())
        XCTAssertEqual(platform.value(.system, "nfv::vim::compute_plugin_disabled"), true)
        XCTAssertEqual(platform.value(.system, "nfv::nfvi::nova_endpoint_disabled"), true)
        XCTAssertEqual(platform.value(.system, "nfv::nfvi::openstack_auth_host"), "192.168.204.2")
        XCTAssertEqual(platform.value(.system, "nfv::vim::vim_api_ip"), "192.168.204.2")
        XCTAssertEqual(platform.value(.system, "nfv::keystone::auth::public_url"), "http://10.10.10.2:4545")
        XCTAssertEqual(platform.value(.host("controller-0"), "nfv::vim::database_dir"), "/opt/platform/nfv/vim/19.01")

        // stx-openstack runs its control services on hosts labelled for them.
        let labelled = KubernetesFixture.standard(extra: "applications: [{name: stx-openstack, applied: true}]").replacingOccurrences(
            of: "    addresses: {oam: 10.10.10.3}\n", with: "    addresses: {oam: 10.10.10.3}\n    labels: {openstack-control-plane: enabled}\n")
        let openstack = try KubernetesFixture.compile(labelled)
        XCTAssertEqual(openstack.value(.system, "nfv::vim::compute_plugin_disabled"), false)
        XCTAssertEqual(openstack.value(.system, "nfv::alarm::fault_mgmt_endpoint_disabled"), false)
        XCTAssertEqual(openstack.value(.system, "nfv::nfvi::openstack_auth_host"), "keystone.openstack.svc.cluster.local")
        XCTAssertEqual(openstack.value(.system, "nfv::alarm::openstack_auth_host"), "keystone.openstack.svc.cluster.local")
    }

    func testDockerDistributionAuthenticatesAgainstPlatformKeystone() throws {
        let tree = try KubernetesFixture.compile(KubernetesFixture.standard())
        XCTAssertEqual(tree.value(.system, "platform::dockerdistribution::params::registry_ks_endpoint"), "http://192.168.204.2:5000/v3")
    }

    func testServiceParametersOverrideOnlyTheirOwnKeys() throws {
        let extra = """
            service_parameters:
              - {service: docker, section: proxy, name: http_proxy, value: "http://proxy.example.com:3128"}
              - {service: docker, section: registry, name: quay, value: mirror.example.com/quay}
              - {service: docker, section: registry, name: insecure_registry, value: "True"}
              - {service: kubernetes, section: dns, name: domain, value: k8s.example, resource: "platform::kubernetes::params::service_domain"}
              - {service: docker, section: proxy, name: no_proxy, value: "localhost", personality: worker}
            """
        let tree = try KubernetesFixture.compile(KubernetesFixture.standard(extra: extra))
        XCTAssertEqual(tree.value(.system, "platform::docker::params::http_proxy"), "http://proxy.example.com:3128")
        XCTAssertEqual(tree.value(.system, "platform::docker::params::quay_registry"), "mirror.example.com/quay")
        XCTAssertEqual(tree.value(.system, "platform::docker::params::insecure_registry"), true)
        XCTAssertEqual(tree.value(.system, "platform::kubernetes::params::service_domain"), "k8s.example")
        XCTAssertEqual(tree.hiera[.system]?.provenance["platform::kubernetes::params::service_domain"]?.replaced.first?.plugin, "030_kubernetes")
        XCTAssertEqual(tree.value(.system, "platform::kubernetes::params::dns_service_ip"), "10.96.0.10", "siblings stay as generated")
        XCTAssertEqual(tree.value(.system, "platform::kubernetes::params::pod_network_cidr"), "172.16.0.0/16")
        XCTAssertNil(tree.value(.system, "platform::docker::params::no_proxy"), "a worker-only row stays out of the system file")
        XCTAssertEqual(tree.value(.host("worker-0"), "platform::docker::params::no_proxy"), "localhost")
        XCTAssertNil(tree.value(.host("controller-0"), "platform::docker::params::no_proxy"))
        XCTAssertTrue(try KubernetesFixture.rendered(tree, "kubernetes/calico.yaml").contains("image: mirror.example.com/quay/calico/node:v3.32.1"))
    }

    func testKubernetesOffWritesNoKubernetesKeysOrFiles() throws {
        let tree = try KubernetesFixture.compile(KubernetesFixture.standard(kubernetes: false))
        for file in [HieraFile.staticConfig, .system, .secureSystem, .host("controller-0"), .host("worker-1")] {
            let kubernetesKeys = tree.keys(file).filter {
                $0.hasPrefix("platform::kubernetes::") || $0.hasPrefix("platform::etcd::") || $0.hasPrefix("platform::drbd::etcd::")
                    || $0.hasPrefix("platform::dockerdistribution::")
            }
            XCTAssertEqual(kubernetesKeys, [], "\(file)")
        }
        XCTAssertEqual(tree.paths.filter { $0.hasPrefix("kubernetes/") }, [])
        XCTAssertNotNil(tree.value(.system, "platform::smapi::params::port"), "SM runs without Kubernetes")
    }
}
