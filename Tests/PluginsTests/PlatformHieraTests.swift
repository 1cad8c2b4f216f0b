import Compiler
import Foundation
import Plugins
import XCTest

/// Key values of the platform, interface, networking and keystone plugins in each example,
/// derived as sysinv derives them.
final class PlatformHieraTests: XCTestCase {
    func testStandardSystemKeys() throws {
        let result = try Examples.compile("standard")
        func system(_ key: String) -> YAMLValue? { Examples.hiera(result, .system, key) }
        XCTAssertEqual(Examples.hiera(result, .staticConfig, "platform::params::software_version"), "19.01")
        XCTAssertEqual(system("platform::params::config_path"), "/opt/platform/config/19.01/")
        XCTAssertEqual(system("platform::amqp::params::host"), "192.168.204.2")
        XCTAssertEqual(system("platform::dns::resolv::servers"), ["192.168.204.2", "8.8.8.8", "8.8.4.4"])
        XCTAssertEqual(system("platform::haproxy::params::public_ip_address"), "10.10.10.2")
        XCTAssertEqual(system("platform::haproxy::params::private_ip_address"), "192.168.204.2")
        XCTAssertEqual(system("platform::haproxy::params::enable_https"), false)
        XCTAssertEqual(system("platform::params::stx_openstack_applied"), false)
        // SM reuses the management multicast address for cluster-host.
        XCTAssertEqual(system("platform::sm::params::mgmt_ip_multicast"), "239.1.1.1")
        XCTAssertEqual(system("platform::sm::params::cluster_host_ip_multicast"), "239.1.1.1")
        XCTAssertEqual(system("platform::drbd::params::link_util"), "40")
        XCTAssertEqual(system("platform::drbd::params::rtt_ms"), "0.2")
    }

    func testStandardNetworkingKeys() throws {
        let result = try Examples.compile("standard")
        func system(_ key: String) -> YAMLValue? { Examples.hiera(result, .system, "platform::network::" + key) }
        XCTAssertEqual(system("mgmt::params::subnet_version"), 4)
        XCTAssertEqual(system("mgmt::params::subnet_netmask"), "255.255.255.0")
        XCTAssertEqual(system("mgmt::params::subnet_start"), "192.168.204.2")
        XCTAssertEqual(system("mgmt::params::subnet_end"), "192.168.204.254")
        XCTAssertEqual(system("mgmt::params::controller_address"), "192.168.204.2")
        XCTAssertEqual(system("mgmt::params::controller0_address"), "192.168.204.3")
        XCTAssertEqual(system("mgmt::params::controller1_address"), "192.168.204.4")
        XCTAssertEqual(system("mgmt::params::platform_nfs_address"), "192.168.204.5")
        XCTAssertEqual(system("mgmt::params::cgcs_nfs_address"), "192.168.204.6")
        XCTAssertEqual(system("mgmt::params::gateway_address"), .null)
        XCTAssertEqual(system("oam::params::gateway_address"), "10.10.10.1")
        XCTAssertEqual(system("oam::params::controller0_address"), "10.10.10.3")
        XCTAssertEqual(system("cluster_host::params::controller_address"), "192.168.206.2")
        XCTAssertEqual(system("cluster_service::params::subnet_netmask"), "255.240.0.0")
        XCTAssertEqual(system("multicast::params::subnet_start"), "239.1.1.1")

        let worker1 = HieraFile.host("worker-1")
        XCTAssertEqual(Examples.hiera(result, worker1, "platform::network::mgmt::params::interface_name"), "bond0")
        XCTAssertEqual(Examples.hiera(result, worker1, "platform::network::mgmt::params::interface_devices"), ["enp0s8", "enp0s9"])
        // A VLAN is named by the OS after its lower interface and id.
        XCTAssertEqual(Examples.hiera(result, worker1, "platform::network::cluster_host::params::interface_name"), "bond0.206")
        XCTAssertEqual(Examples.hiera(result, worker1, "platform::network::cluster_host::params::interface_devices"), ["enp0s8", "enp0s9"])
        // Workers follow the controllers' names in allocation order: worker-0 .7, worker-1 .8.
        XCTAssertEqual(Examples.hiera(result, worker1, "platform::network::mgmt::params::interface_address"), "192.168.204.8")
        XCTAssertEqual(Examples.hiera(result, .host("controller-0"), "platform::network::cluster_host::params::mtu"), 9000)
    }

    func testStandardHostKeys() throws {
        let result = try Examples.compile("standard")
        let controller0 = HieraFile.host("controller-0")
        XCTAssertEqual(Examples.hiera(result, controller0, "platform::params::hostname"), "controller-0")
        XCTAssertEqual(Examples.hiera(result, controller0, "platform::params::mate_hostname"), "controller-1")
        XCTAssertEqual(Examples.hiera(result, controller0, "platform::params::mate_ipaddress"), "192.168.204.4")
        XCTAssertEqual(Examples.hiera(result, controller0, "platform::params::system_type"), "Standard")
        XCTAssertEqual(Examples.hiera(result, controller0, "platform::params::nfs_rw_size"), 1024)
        XCTAssertEqual(Examples.hiera(result, controller0, "platform::params::nfs_proto"), "udp")
        XCTAssertEqual(Examples.hiera(result, controller0, "platform::ntp::servers"), ["0.pool.ntp.org", "1.pool.ntp.org"])
        XCTAssertEqual(Examples.hiera(result, controller0, "platform::ntp::ntpdate_timeout"), "180")
        let hosts = try XCTUnwrap(Examples.hiera(result, controller0, "platform::config::params::hosts"))
        guard case let .map(entries) = hosts else { return XCTFail("hosts is not a map") }
        XCTAssertEqual(entries["controller"], ["ip": "192.168.204.2"])
        XCTAssertEqual(entries["pxecontroller"], ["ip": "169.254.202.2"])
        XCTAssertEqual(entries["oamcontroller"], ["ip": "10.10.10.2"])
        XCTAssertEqual(entries["controller-1-cluster-host"], ["ip": "192.168.206.4"])

        let worker0 = HieraFile.host("worker-0")
        // Workers take time from the controllers' management addresses.
        XCTAssertEqual(Examples.hiera(result, worker0, "platform::ntp::servers"), ["192.168.204.3", "192.168.204.4"])
        XCTAssertEqual(Examples.hiera(result, worker0, "platform::compute::params::worker_cpu_list"), "\"2-7\"")
        XCTAssertEqual(Examples.hiera(result, worker0, "platform::compute::params::platform_cpu_list"), "\"0\"")
        XCTAssertEqual(Examples.hiera(result, worker0, "platform::compute::params::reserved_platform_cores"), "(\"node0:0\" \"node1:\")")
        XCTAssertEqual(Examples.hiera(result, worker0, "platform::compute::params::reserved_vswitch_cores"), "(\"node0:1\" \"node1:\")")
        XCTAssertEqual(Examples.hiera(result, worker0, "platform::compute::grub::params::n_cpus"), 8)
        XCTAssertEqual(Examples.hiera(result, worker0, "platform::compute::grub::params::cpu_options"),
                       "isolcpus=1 rcu_nocbs=1-7 kthread_cpus=0 irqaffinity=0")
        XCTAssertEqual(Examples.hiera(result, worker0, "platform::compute::hugepage::params::nr_hugepages_2M"),
                       "(\"node0:2048kB:1024\" \"node1:2048kB:0\")")
        XCTAssertEqual(Examples.hiera(result, worker0, "platform::params::platform_cpu_count"), 1)
    }

    func testStandardInterfaceResources() throws {
        let result = try Examples.compile("standard")
        let config = try XCTUnwrap(Examples.hiera(result, .host("controller-0"), "platform::interfaces::network_config"))
        guard case let .map(interfaces) = config else { return XCTFail("network_config is not a map") }
        XCTAssertEqual(Set(interfaces.keys), ["lo", "enp0s3", "enp0s8", "enp0s8:3", "enp0s9"])
        guard case let .map(oam)? = interfaces["enp0s3"] else { return XCTFail("no enp0s3") }
        XCTAssertEqual(oam["method"], "static")
        XCTAssertEqual(oam["ipaddress"], "10.10.10.3")
        XCTAssertEqual(oam["gateway"], "10.10.10.1")
        XCTAssertEqual(oam["mtu"], "1500")
        let workerConfig = try XCTUnwrap(Examples.hiera(result, .host("worker-1"), "platform::interfaces::network_config"))
        guard case let .map(workerInterfaces) = workerConfig, case let .map(bond)? = workerInterfaces["bond0"],
              case let .map(options)? = bond["options"] else { return XCTFail("no bond0") }
        XCTAssertEqual(bond["method"], "dhcp")
        XCTAssertEqual(options["BONDING_OPTS"], "mode=802.3ad lacp_rate=fast xmit_hash_policy=layer3+4 miimon=100")
        let addresses = Examples.hiera(result, .host("controller-0"), "platform::addresses::address_config")
        XCTAssertEqual(addresses?["mgmt"], ["ifname": "enp0s8", "address": "192.168.204.2/24"])
    }

    func testKeystoneAndOpenrc() throws {
        let result = try Examples.compile("standard")
        func system(_ key: String) -> YAMLValue? { Examples.hiera(result, .system, key) }
        XCTAssertEqual(system("keystone::endpoint::public_url"), "http://10.10.10.2:5000")
        XCTAssertEqual(system("keystone::endpoint::internal_url"), "http://192.168.204.2:5000")
        XCTAssertEqual(system("platform::client::params::identity_auth_url"), "http://192.168.204.2:5000/v3")
        XCTAssertEqual(system("openstack::keystone::params::region_name"), "RegionOne")
        XCTAssertNil(system("openstack::keystone::params::openstack_auth_uri"))
        XCTAssertEqual(Examples.hiera(result, .staticConfig, "platform::client::credentials::params::keyring_file"),
                       "/opt/platform/.keyring/19.01/.CREDENTIAL")
        let openrc = try XCTUnwrap(result.rendered?.files["platform/openrc"]?.text)
        XCTAssertTrue(openrc.contains("export OS_AUTH_URL=http://192.168.204.2:5000/v3\n"))
        XCTAssertTrue(openrc.contains("export OS_USERNAME=admin\n"))
        XCTAssertTrue(openrc.contains("export OS_REGION_NAME=RegionOne\n"))
        XCTAssertTrue(openrc.contains("export OS_PASSWORD=`TERM=linux /opt/platform/.keyring/19.01/.CREDENTIAL 2>/dev/null`\n"))

        let openstack = try Examples.compile("openstack")
        XCTAssertEqual(Examples.hiera(openstack, .system, "openstack::keystone::params::openstack_auth_uri"),
                       "http://keystone.openstack.svc.cluster.local:80")
        XCTAssertEqual(Examples.hiera(openstack, .system, "platform::params::stx_openstack_applied"), true)
    }

    func testSimplexKeepsManagementOnLoopback() throws {
        let result = try Examples.compile("aio-simplex")
        let host = HieraFile.host("controller-0")
        XCTAssertEqual(Examples.hiera(result, host, "platform::network::mgmt::params::interface_name"), "lo")
        XCTAssertNil(Examples.hiera(result, host, "platform::params::mate_hostname"))
        XCTAssertEqual(Examples.hiera(result, .system, "platform::network::mgmt::params::controller1_address"), .null)
        XCTAssertEqual(Examples.hiera(result, host, "platform::sysctl::params::low_latency"), true)
        XCTAssertEqual(Examples.hiera(result, host, "platform::drbd::params::cpumask"), "101")
        XCTAssertEqual(Examples.hiera(result, host, "platform::params::system_type"), "All-in-one")
        let config = Examples.hiera(result, host, "platform::interfaces::network_config")
        if case let .map(interfaces)? = config { XCTAssertNil(interfaces["lo"], "simplex adds no loopback resource") }
    }

    func testIPv6AddressesAndURLs() throws {
        let result = try Examples.compile("ipv6")
        func system(_ key: String) -> YAMLValue? { Examples.hiera(result, .system, key) }
        XCTAssertEqual(system("platform::network::mgmt::params::subnet_version"), 6)
        XCTAssertEqual(system("platform::network::mgmt::params::controller_address"), "fd01::2")
        XCTAssertEqual(system("platform::network::mgmt::params::controller_address_url"), "[fd01::2]")
        XCTAssertEqual(system("platform::network::mgmt::params::subnet_netmask"), "ffff:ffff:ffff:ffff::")
        XCTAssertEqual(system("platform::amqp::params::host_url"), "[fd01::2]")
        XCTAssertEqual(system("keystone::endpoint::public_url"), "http://[fd00::2]:5000")
        XCTAssertEqual(system("platform::client::params::identity_auth_url"), "http://[fd01::2]:5000/v3")
        XCTAssertEqual(system("platform::sm::params::mgmt_ip_multicast"), "ff08::1:1:1")
        XCTAssertEqual(Examples.hiera(result, .host("worker-0"), "platform::params::nfs_proto"), "udp6")
        XCTAssertEqual(system("platform::network::pxeboot::params::subnet_version"), 4)
    }

    func testStorageExampleListsStorageHostsInEtcHosts() throws {
        let result = try Examples.compile("storage")
        let hosts = Examples.hiera(result, .host("storage-0"), "platform::config::params::hosts")
        guard case let .map(entries)? = hosts else { return XCTFail("no hosts map") }
        XCTAssertNotNil(entries["storage-0"])
        XCTAssertNotNil(entries["storage-1"])
        XCTAssertNotNil(entries["storage-0-cluster-host"])
        // The explicit controller addresses are kept; allocation skips them.
        XCTAssertEqual(Examples.hiera(result, .system, "platform::network::mgmt::params::controller0_address"), "192.168.204.3")
        XCTAssertEqual(Examples.hiera(result, .system, "platform::network::mgmt::params::subnet_end"), "192.168.204.200")
    }

    func testHostFilesByManagementAddress() throws {
        let pipeline = Pipeline.standard(options: CompileOptions(hostFileNaming: .mgmtIP))
        let result = try pipeline.run(path: Examples.inventoryPath("standard"))
        let paths = try XCTUnwrap(result.rendered?.paths)
        XCTAssertTrue(paths.contains("hieradata/192.168.204.3.yaml"))
        XCTAssertTrue(paths.contains("hieradata/192.168.204.8.yaml"))
        XCTAssertFalse(paths.contains("hieradata/controller-0.yaml"))
    }

    func testSecretsOnlyInSecureFiles() throws {
        let result = try Examples.compile("standard")
        let rendered = try XCTUnwrap(result.rendered)
        let store = SecretStore(key: try Data(contentsOf: Examples.repository.appendingPathComponent("inventory-examples/example.key")))
        let secrets = ["keystone/admin", "keystone/database", "amqp/rabbit"].map(store.password)
        for (path, file) in rendered.files {
            if secrets.contains(where: file.text.contains) {
                XCTAssertTrue(file.secure, "\(path) holds a secret but is not written as a secure file")
            }
        }
        for path in ["hieradata/system.yaml", "hieradata/static.yaml", "hieradata/controller-0.yaml", "platform/openrc"] {
            let text = try XCTUnwrap(rendered.files[path]?.text, path)
            XCTAssertFalse(secrets.contains(where: text.contains), "\(path) holds a secret")
        }
        XCTAssertEqual(rendered.files["hieradata/secure_static.yaml"]?.secure, true)
    }

    func testAllInOneDuplexControllersRunWorkloads() throws {
        let result = try Examples.compile("aio-duplex")
        let controller1 = HieraFile.host("controller-1")
        XCTAssertEqual(Examples.hiera(result, controller1, "platform::params::mate_hostname"), "controller-0")
        XCTAssertEqual(Examples.hiera(result, controller1, "platform::params::mate_ipaddress"), "192.168.204.3")
        XCTAssertEqual(Examples.hiera(result, controller1, "platform::params::system_type"), "All-in-one")
        XCTAssertEqual(Examples.hiera(result, controller1, "platform::drbd::params::cpumask"), "3")
        XCTAssertEqual(Examples.hiera(result, controller1, "platform::compute::params::worker_cpu_list"), "\"2-11\"")
        XCTAssertEqual(Examples.hiera(result, controller1, "platform::compute::params::worker_base_reserved"),
                       "(\"node0:8000MB:1\" \"node1:2000MB:1\")")
        // One interface carries three networks: the first by its name, the others as aliases.
        let config = Examples.hiera(result, controller1, "platform::interfaces::network_config")
        XCTAssertEqual(config?["enp0s8"]?["ipaddress"], "192.168.204.4")
        XCTAssertEqual(config?["enp0s8:3"]?["ipaddress"], "169.254.202.4")
        XCTAssertEqual(config?["enp0s8:4"]?["ipaddress"], "192.168.206.4")
    }

    func testKubernetesOffLeavesNoKubernetesTrace() throws {
        let result = try Examples.compile("no-kubernetes")
        let tree = try XCTUnwrap(result.tree)
        XCTAssertEqual(tree.paths.filter { !$0.hasPrefix("hieradata/") && !$0.hasPrefix("maintenance/") && $0 != "platform/openrc" }, [])
        for (file, document) in tree.hiera {
            let kubernetesKeys = document.values.keys.filter { $0.contains("kubernetes") || $0.hasPrefix("platform::etcd") }
            XCTAssertEqual(kubernetesKeys, [], "\(file)")
        }
        XCTAssertNil(Examples.hiera(result, .system, "platform::network::cluster_pod::params::subnet_version"))
        XCTAssertEqual(Examples.hiera(result, .host("compute-0"), "platform::network::mgmt::params::interface_address"), "192.168.204.7")
        XCTAssertEqual(Examples.hiera(result, .system, "platform::params::vswitch_type"), "none")
    }
}
