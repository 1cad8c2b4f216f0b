import Compiler
import XCTest

/// What a virtual inventory must hold for OVB to stand it up, each problem at its value and all
/// in one run; and the values that reach the environment's files are held to their grammar.
final class VirtualValidationTests: XCTestCase {
    /// A standard system on a host cloud; `virtual` lines follow its cloud (line 14 on), and
    /// `hosts` replaces the four valid hosts.
    static func inventory(virtual: [String] = [], hosts: [String]? = nil) -> String {
        let valid = [
            "  - {hostname: controller-0, personality: controller, mgmt_mac: '52:54:00:00:00:01', bm_type: ipmi, bm_ip: 10.10.10.50, bm_username: admin, interfaces: [{name: eth0, mac: '52:54:00:00:00:01', mtu: 1450, networks: [mgmt, pxeboot, cluster-host]}, {name: eth1, mac: '52:54:00:00:01:01', mtu: 1450, networks: [oam]}]}",
            "  - {hostname: controller-1, personality: controller, mgmt_mac: '52:54:00:00:00:02', bm_type: ipmi, bm_ip: 10.10.10.51, bm_username: admin, interfaces: [{name: eth0, mac: '52:54:00:00:00:02', mtu: 1450, networks: [mgmt, pxeboot, cluster-host]}, {name: eth1, mac: '52:54:00:00:01:02', mtu: 1450, networks: [oam]}]}",
            "  - {hostname: worker-0, personality: worker, mgmt_mac: '52:54:00:00:00:03', bm_type: ipmi, bm_ip: 10.10.10.60, bm_username: admin, interfaces: [{name: eth0, mac: '52:54:00:00:00:03', mtu: 1450, networks: [mgmt, cluster-host]}]}",
            "  - {hostname: worker-1, personality: worker, mgmt_mac: '52:54:00:00:00:04', bm_ip: 10.10.10.61, bm_username: admin, interfaces: [{name: eth0, mac: '52:54:00:00:00:04', mtu: 1450, networks: [mgmt, cluster-host]}]}",
        ]
        let flavors = [
            "  flavors:",
            "    controller: {name: c, vcpus: 4, ram_mib: 16384, disk_gib: 100}",
            "    worker: {name: w, vcpus: 4, ram_mib: 8192, disk_gib: 60}",
        ]
        return ([
            "system: {name: s, type: standard, mode: duplex, kubernetes: {enabled: false}}",
            "networks:",
            "  oam: {subnet: 10.10.10.0/24, floating: 10.10.10.2}",
            "  mgmt: {subnet: 192.168.204.0/24}",
            "  pxeboot: {subnet: 169.254.202.0/24}",
            "  cluster-host: {subnet: 192.168.206.0/24}",
            "  multicast: {subnet: 239.1.1.0/28}",
            "hosts:",
        ] + (hosts ?? valid) + [
            "virtual:",
            "  cloud: {auth_url: 'https://cloud.example.com:5000/v3', username: lab, project: lab}",
        ] + (virtual.isEmpty ? flavors : virtual)).joined(separator: "\n") + "\n"
    }

    func testAValidVirtualInventory() {
        assertDiagnosticCodes(Self.inventory(), [])
    }

    func testEveryHostNeedsAVirtualBMCOnTheOAMSubnet() {
        let text = Self.inventory().replacingOccurrences(of: "bm_type: ipmi, bm_ip: 10.10.10.50, bm_username: admin", with: "bm_type: none")
            .replacingOccurrences(of: "bm_ip: 10.10.10.51, bm_username: admin", with: "bm_ip: 10.10.20.51, bm_username: root")
            .replacingOccurrences(of: "bm_ip: 10.10.10.60", with: "bm_ip: 10.10.10.2")
            .replacingOccurrences(of: "bm_ip: 10.10.10.61, bm_username: admin", with: "bm_ip: 10.10.10.61, bm_username: admin, bm_type: redfish")
        assertDiagnosticCodes(text, ["9:95 VIRT001", "10:108 VIRT002", "10:134 VIRT001", "11:100 VIRT002", "12:127 VIRT001"])
    }

    func testABMCAddressCannotBeTheSubnetsOwn() {
        let text = Self.inventory().replacingOccurrences(of: "bm_ip: 10.10.10.60", with: "bm_ip: 10.10.10.255")
            .replacingOccurrences(of: "bm_ip: 10.10.10.61", with: "bm_ip: 10.10.10.0")
        assertDiagnosticCodes(text, ["11:100 VIRT002", "12:85 VIRT002"])
    }

    func testHostsNeedMACsAndControllersAnOAMNIC() {
        let text = Self.inventory()
            .replacingOccurrences(of: "{hostname: worker-0, personality: worker, mgmt_mac: '52:54:00:00:00:03', ", with: "{hostname: worker-0, personality: worker, ")
            .replacingOccurrences(of: "{name: eth1, mac: '52:54:00:00:01:01', mtu: 1450, networks: [oam]}", with: "{name: eth1, mtu: 1450, networks: [oam]}")
            .replacingOccurrences(of: "{name: eth1, mac: '52:54:00:00:01:02', mtu: 1450, networks: [oam]}", with: "{name: eth1, mac: '52:54:00:00:00:02', mtu: 1450, networks: [oam]}")
        XCTAssertEqual(validationDiagnostics(text).filter { $0.code == .virtualMAC }.map { $0.location?.line ?? 0 }, [9, 10, 11])
    }

    func testFlavorsMustBeSizable() {
        assertDiagnosticCodes(Self.inventory(virtual: [
            "  flavors:",
            "    controller: {name: c, ram_mib: 16384}",
        ]), ["16:5 VIRT004", "16:17 VIRT004", "16:17 VIRT004"])
        // Hosts larger than their flavor.
        let text = Self.inventory(virtual: [
            "  flavors:",
            "    controller: {name: c, vcpus: 4, ram_mib: 16384, disk_gib: 100}",
            "    worker: {name: w, vcpus: 2, ram_mib: 8192, disk_gib: 60}",
        ]).replacingOccurrences(of: "networks: [mgmt, cluster-host]}]}\n  - {hostname: worker-1",
                                with: "networks: [mgmt, cluster-host]}], cpus: {cores_per_node: 4, platform: [0]}}\n  - {hostname: worker-1")
        XCTAssertEqual(validationDiagnostics(text).map(\.code), [.virtualFlavor])
    }

    func testPrefixesThatBuildNodesJSONCannotTellApart() {
        assertDiagnosticCodes(Self.inventory(virtual: [
            "  prefix: bm",
            "  bmc: {prefix: bmc}",
            "  flavors: {controller: {name: c, vcpus: 4, ram_mib: 16384, disk_gib: 100}, worker: {name: w, vcpus: 4, ram_mib: 8192, disk_gib: 60}}",
        ]), ["16:17 VIRT005"])
        assertDiagnosticCodes(Self.inventory(virtual: [
            "  prefix: lab-worker",
            "  bmc: {prefix: oam}",
            "  flavors: {controller: {name: c, vcpus: 4, ram_mib: 16384, disk_gib: 100}, worker: {name: w, vcpus: 4, ram_mib: 8192, disk_gib: 60}}",
        ]), ["15:11 VIRT005", "16:17 VIRT005"])
    }

    func testInterfacesMustFitTheHostCloudsMTU() {
        let text = Self.inventory().replacingOccurrences(of: "{name: eth0, mac: '52:54:00:00:00:03', mtu: 1450, networks: [mgmt, cluster-host]}",
            with: "{name: eth0, mac: '52:54:00:00:00:03', mtu: 1451, networks: [mgmt]}, {name: v9, type: vlan, lower: eth0, vlan_id: 9, mtu: 1447, networks: [cluster-host]}")
        assertDiagnosticCodes(text, ["11:190 VIRT006", "11:268 VIRT006"])
        // Jumbo frames on the host cloud: the same interfaces fit.
        assertDiagnosticCodes(text.replacingOccurrences(of: "  flavors:", with: "  networks: {mtu: 1500}\n  flavors:"), [])
    }

    /// Values that reach Heat templates, shell lines and clouds.yaml are held to their grammar.
    func testHostileValuesNeverLoad() {
        let found = validationDiagnostics(Self.inventory(virtual: [
            "  key_name: \"lab; rm -rf /\"",
            "  image: '$(reboot)'",
            "  prefix: Bare_Metal",
            "  networks: {provision: \"a b\", mtu: 100000}",
            "  bmc: {flavor: \"m1'small\"}",
            "  flavors: {controller: {name: \"c\\nx\", vcpus: 0, ram_mib: 16384, disk_gib: 100}, worker: {name: w, vcpus: 4, ram_mib: 8192, disk_gib: 60}}",
        ]).replacingOccurrences(of: "'https://cloud.example.com:5000/v3'", with: "\"https://x/`id`\""))
        XCTAssertEqual(found.filter { $0.severity == .error }.count, 9, found.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(found.allSatisfy { $0.code.rawValue.hasPrefix("INV") }, found.map(\.description).joined(separator: "\n"))
    }
}
