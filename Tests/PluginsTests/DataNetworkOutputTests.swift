import Compiler
import Foundation
@testable import Plugins
import XCTest

/// What data networks, data ports and SR-IOV/passthrough ports put into neutron, nova, puppet's
/// interface hiera and the SR-IOV device plugin's resources.
final class DataNetworkOutputTests: XCTestCase {
    /// worker-0 is an OpenStack compute node with two data ports (flat, and vlan + vxlan), two
    /// SR-IOV ports on one data network and a passthrough port; worker-1 is a pure Kubernetes
    /// worker with the SR-IOV device plugin.
    static let inventory = """
        system:
          name: datanet
          type: standard
          mode: duplex
          vswitch: none
          kubernetes: {enabled: true, version: 1.29.2}
        \(InventoryText.networks)
        data_networks:
          - {name: physnet-a, type: vlan, mtu: 9000}
          - {name: physnet1, type: flat}
          - {name: tenant-vx, type: vxlan, mtu: 1450}
          - {name: sriov-net, type: vlan}
        hosts:
          - hostname: controller-0
            personality: controller
            addresses: {oam: 10.10.10.3}
            interfaces:
              - {name: enp0s3, networks: [oam]}
              - {name: enp0s8, networks: [mgmt, pxeboot, cluster-host]}
            labels: {openstack-control-plane: enabled}
          - hostname: controller-1
            personality: controller
            addresses: {oam: 10.10.10.4}
            interfaces:
              - {name: enp0s3, networks: [oam]}
              - {name: enp0s8, networks: [mgmt, pxeboot, cluster-host]}
            labels: {openstack-control-plane: enabled}
          - hostname: worker-0
            personality: worker
            interfaces:
              - {name: enp0s8, networks: [mgmt, cluster-host]}
              - {name: enp0s9, class: data, mtu: 9000, data_networks: [physnet-a, tenant-vx]}
              - {name: enp0s11, class: data, data_networks: [physnet1]}
              - {name: enp0s12, class: pci-sriov, pci_address: "0000:81:00.0", sriov_vfs: 4, data_networks: [sriov-net]}
              - {name: enp0s13, class: pci-sriov, pci_address: "0000:81:00.1", sriov_vfs: 4, sriov_vf_driver: vfio, data_networks: [sriov-net]}
              - {name: enp0s14, class: pci-passthrough, pci_address: "0000:82:00.0", data_networks: [physnet1]}
            cpus: {nodes: 2, cores_per_node: 4, platform: [0], vswitch: [1]}
            memory:
              - {node: 0, platform_reserved_mib: 7000, vswitch_hugepages_1G: 1}
              - {node: 1, platform_reserved_mib: 2000}
            labels: {openstack-compute-node: enabled, sriovdp: enabled}
          - hostname: worker-1
            personality: worker
            interfaces:
              - {name: enp0s8, networks: [mgmt, cluster-host]}
              - {name: enp0s9, class: data, data_networks: [physnet1]}
              - {name: enp0s10, class: pci-sriov, pci_address: "0000:03:00.0", sriov_vfs: 2, data_networks: [sriov-net]}
            labels: {sriovdp: enabled}
        applications:
          - {name: stx-openstack, applied: true}
        """

    func overrides(_ chart: String) throws -> YAMLValue {
        try HelmFixture.overrides(chart, KubernetesFixture.validated(Self.inventory))
    }

    /// The `name` of each per-host entry.
    func hostNames(_ hosts: YAMLValue?) -> [String] {
        guard case let .list(entries)? = hosts else { return [] }
        return entries.compactMap { entry in
            if case let .string(name)? = entry.at("name") { return name }
            return nil
        }
    }

    func testNeutronListsEveryDataNetworkAndTheFlatOnes() throws {
        let neutron = try overrides("neutron")
        XCTAssertEqual(neutron.at("conf.plugins.ml2_conf.ml2.physical_network_mtus"), "physnet-a:9000,physnet1:1500,tenant-vx:1450,sriov-net:1500")
        XCTAssertEqual(neutron.at("conf.plugins.ml2_conf.ml2_type_flat.flat_networks"), "physnet1")
    }

    func testNeutronAgentsBridgeEachDataPortAndMapSRIOVPorts() throws {
        let neutron = try overrides("neutron")
        for agent in NeutronOverrides.agents {
            XCTAssertEqual(hostNames(neutron.at("conf.overrides.\(agent).hosts")), ["worker-0"], "worker-1 is no OpenStack compute node")
        }
        let host = try XCTUnwrap(neutron.at("conf.overrides.neutron_ovs-agent.hosts.0.conf"))
        // Ports sort by name, so enp0s11 gets br-phy0; the vxlan network needs no bridge but a tunnel.
        XCTAssertEqual(host.at("plugins.openvswitch_agent.ovs.bridge_mappings"), "physnet1:br-phy0,physnet-a:br-phy1,")
        XCTAssertEqual(host.at("plugins.openvswitch_agent.agent.tunnel_types"), "vxlan")
        XCTAssertEqual(host.at("plugins.openvswitch_agent.ovs.datapath_type"), "system")
        XCTAssertEqual(host.at("plugins.sriov_agent.sriov_nic.physical_device_mappings"), "sriov-net:enp0s12,sriov-net:enp0s13,")
        XCTAssertEqual(host.at("auto_bridge_add"), ["br-phy0": "enp0s11", "br-phy1": "enp0s9"])
    }

    func testNovaWhitelistsPCIPortsAndReservesPlatformAndVswitchMemory() throws {
        let nova = try overrides("nova")
        XCTAssertEqual(hostNames(nova.at("conf.overrides.nova_compute.hosts")), ["worker-0"], "worker-1 is no OpenStack compute node")
        let conf = try XCTUnwrap(nova.at("conf.overrides.nova_compute.hosts.0.conf.nova"))
        XCTAssertEqual(conf.at("pci.passthrough_whitelist"), .multistring([
            #"{"address":"0000:82:00.0","physical_network":"physnet1"}"#,
            #"{"address":"0000:81:00.0","physical_network":"sriov-net"}"#,
            #"{"address":"0000:81:00.1","physical_network":"sriov-net"}"#,
        ]))
        XCTAssertEqual(conf.at("DEFAULT.reserved_huge_pages"), .multistring([
            "node:0,size:4,count:1792000", "node:0,size:1048576,count:1", "node:1,size:4,count:512000",
        ]))
        XCTAssertEqual(conf.at("DEFAULT.reserved_host_memory_mb"), .int(7000 + 1024 + 2000))
        XCTAssertEqual(conf.at("DEFAULT.vcpu_pin_set"), "\"2-7\"")
    }

    func testSRIOVConfigCreatesTheVFsOfEachPort() throws {
        let tree = try KubernetesFixture.compile(Self.inventory)
        XCTAssertEqual(tree.value(.host("worker-0"), "platform::interfaces::sriov_config"), [
            "enp0s12": ["addr": "0000:81:00.0", "num_vfs": 4, "port_name": "enp0s12"],
            "enp0s13": ["addr": "0000:81:00.1", "num_vfs": 4, "port_name": "enp0s13", "vf_driver": "vfio-pci"],
        ])
        XCTAssertEqual(tree.value(.host("controller-0"), "platform::interfaces::sriov_config"), .map([:]))
    }

    func testDevicePluginResourcesOnSRIOVDPWorkersOnly() throws {
        let tree = try KubernetesFixture.compile(Self.inventory)
        let key = "platform::kubernetes::worker::pci::pcidp_network_resources"
        // One resource per class and data network: both SR-IOV ports serve sriov-net.
        XCTAssertEqual(tree.value(.host("worker-0"), key), .string(
            #"{"resourceList":[{"deviceType":"netdevice","resourceName":"pci_passthrough_net_physnet1","rootDevices":["0000:82:00.0"],"sriovMode":false},"#
            + #"{"deviceType":"netdevice","resourceName":"pci_sriov_net_sriov_net","rootDevices":["0000:81:00.0","0000:81:00.1"],"sriovMode":true}]}"#))
        // A pure Kubernetes worker still advertises its VFs to pods.
        XCTAssertEqual(tree.value(.host("worker-1"), key), .string(
            #"{"resourceList":[{"deviceType":"netdevice","resourceName":"pci_sriov_net_sriov_net","rootDevices":["0000:03:00.0"],"sriovMode":true}]}"#))
        XCTAssertNil(tree.value(.host("controller-0"), key))
    }

    /// Labelling worker-1 an OpenStack compute node is what gives it nova and neutron entries.
    func testOnlyOpenstackComputeNodesGetPerHostEntries() throws {
        let labelled = Self.inventory.replacingOccurrences(of: "labels: {sriovdp: enabled}", with: "labels: {sriovdp: enabled, openstack-compute-node: enabled}")
        let validated = try KubernetesFixture.validated(labelled)
        let nova = try HelmFixture.overrides("nova", validated)
        let neutron = try HelmFixture.overrides("neutron", validated)
        XCTAssertEqual(hostNames(nova.at("conf.overrides.nova_compute.hosts")), ["worker-0", "worker-1"])
        for agent in NeutronOverrides.agents {
            XCTAssertEqual(hostNames(neutron.at("conf.overrides.\(agent).hosts")), ["worker-0", "worker-1"])
        }
        XCTAssertEqual(nova.at("conf.overrides.nova_compute.hosts.1.conf.nova.pci.passthrough_whitelist"),
                       .multistring([#"{"address":"0000:03:00.0","physical_network":"sriov-net"}"#]))
        XCTAssertEqual(neutron.at("conf.overrides.neutron_sriov-agent.hosts.1.conf.plugins.openvswitch_agent.ovs.bridge_mappings"), "physnet1:br-phy0,")
        XCTAssertEqual(neutron.at("conf.overrides.neutron_sriov-agent.hosts.1.conf.plugins.sriov_agent.sriov_nic.physical_device_mappings"), "sriov-net:enp0s10,")
    }
}
