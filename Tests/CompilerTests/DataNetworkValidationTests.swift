import Compiler
import XCTest

/// Validation of data networks and the data, SR-IOV and passthrough ports that attach them:
/// every problem at its line, with a stable code and a message that says what to change.
final class DataNetworkValidationTests: XCTestCase {
    static let inventory = """
        system: {name: s, type: all-in-one, mode: simplex, kubernetes: {enabled: false}}
        networks:
          oam: {subnet: 10.10.10.0/24}
          mgmt: {subnet: 192.168.204.0/24}
          cluster-host: {subnet: 192.168.206.0/24}
          multicast: {subnet: 239.1.1.0/28}
        data_networks:
          - {name: physnet0, type: vlan, mtu: 9000}
          - {name: physnet1, type: flat}
          - {name: physnet0, type: vxlan}
        hosts:
          - hostname: controller-0
            personality: controller
            interfaces:
              - {name: eth0, networks: [oam, cluster-host], data_networks: [physnet1]}
              - {name: eth1, class: data, data_networks: [physnet0]}
              - {name: eth2, class: data, mtu: 9000, data_networks: [phynet0]}
              - {name: eth3, class: pci-sriov, pci_address: "0000:00:0a.0", data_networks: [physnet1]}
              - {name: eth4, class: pci-passthrough, data_networks: [physnet1]}
              - {name: eth5, class: pci-sriov, pci_address: "0000:00:0A.0", sriov_vfs: 2}
              - {name: eth6, class: data, sriov_vfs: 4, pci_address: "00:0a.0"}
              - {name: eth7, class: data, mtu: 9000, data_networks: [physnet0, physnet1]}

        """

    func validate(_ text: String) -> [Diagnostic] {
        let (inventory, loadDiagnostics) = InventoryLoader.load(text: text, file: "d.yaml")
        guard let inventory else { return loadDiagnostics }
        return loadDiagnostics + Validator.validate(inventory).diagnostics
    }

    func codes(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.code.rawValue)" }
    }

    func testEveryDataNetworkProblemAtItsLine() {
        let diagnostics = validate(Self.inventory)
        XCTAssertEqual(codes(diagnostics), [
            "10:12 DNET001",  // physnet0 defined twice
            "15:69 DNET003",  // data network on a platform interface
            "16:51 DNET005",  // MTU 1500 below physnet0's 9000
            "17:62 DNET002",  // phynet0: did you mean physnet0?
            "18:9 DNET004",   // pci-sriov without sriov_vfs
            "19:9 DNET006",   // pci-passthrough without pci_address
            "20:53 DNET006",  // the same PCI address as eth3
            "21:46 DNET004",  // sriov_vfs on a data port
            "21:62 INV014",   // not a PCI address
            "22:72 DNET003",  // a second bridged network on one data port
        ], diagnostics.map(\.description).joined(separator: "\n"))
    }

    /// Fullwidth digits are hex digits to Swift's `Character`, but no PCI or MAC address: they are
    /// refused with the usual diagnostic, never read as numbers.
    func testFullwidthDigitsAreNoAddress() {
        let text = Self.inventory
            .replacingOccurrences(of: "pci_address: \"0000:00:0a.0\"", with: "pci_address: \"0000:00:\u{FF10}\u{FF41}.0\"")
            .replacingOccurrences(of: "{name: eth0,", with: "{name: eth0, mac: \"08:00:27:aa:bb:\u{FF10}1\",")
        let diagnostics = validate(text).filter { $0.code == .pciAddress || $0.code == .invalidFormat }
        XCTAssertEqual(codes(diagnostics), [
            "15:27 INV014",  // the MAC address
            "18:53 INV014",  // the PCI address
            "19:9 DNET006",  // as in the inventory without them
            "21:62 INV014",
        ], diagnostics.map(\.description).joined(separator: "\n"))
    }

    func testMessagesSayWhatToChange() {
        let messages = validate(Self.inventory).map(\.message)
        XCTAssertTrue(messages.contains("eth2 on controller-0 attaches data network phynet0, which is not in data_networks; did you mean physnet0?"), "\(messages)")
        XCTAssertTrue(messages.contains { $0.hasPrefix("eth1 on controller-0 has MTU 1500 but data network physnet0 carries frames of up to 9000; set the interface's mtu to at least 9000") })
        XCTAssertTrue(messages.contains { $0.contains("platform-class interface") && $0.contains("set its class") })
        XCTAssertTrue(messages.contains("pci-sriov interface eth3 on controller-0 needs sriov_vfs, the number of virtual functions to create"))
        XCTAssertTrue(messages.contains { $0.hasPrefix("data network physnet0 is already defined at line 8") })
    }

    func testSchemaKnowsTheNewFields() {
        let text = Self.inventory
            .replacingOccurrences(of: "- {name: physnet1, type: flat}", with: "- {name: physnet1, type: flat, mut: 1500}")
            .replacingOccurrences(of: "sriov_vfs: 2}", with: "sriov_vfs: 2, sriov_vf_driver: vfio-pci}")
        let diagnostics = validate(text).filter { $0.code == .unknownField || $0.code == .valueNotAllowed }
        XCTAssertEqual(codes(diagnostics), ["9:34 INV010", "20:100 INV013"], diagnostics.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(diagnostics[0].message.hasSuffix("did you mean \"mtu\"?"), diagnostics[0].message)
        let schema = InventorySchema.jsonSchema()
        for field in ["\"data_networks\"", "\"pci_address\"", "\"sriov_vfs\"", "\"sriov_vf_driver\""] {
            XCTAssertTrue(schema.contains(field), field)
        }
    }

    func testAValidInventoryDecodesEveryFact() throws {
        let text = """
            system: {name: s, type: all-in-one, mode: simplex, kubernetes: {enabled: false}}
            networks:
              oam: {subnet: 10.10.10.0/24}
              mgmt: {subnet: 192.168.204.0/24}
              cluster-host: {subnet: 192.168.206.0/24}
              multicast: {subnet: 239.1.1.0/28}
            data_networks:
              - {name: physnet0, type: vlan, mtu: 9000, description: tenant VLANs}
              - {name: physnet1, type: flat}
            hosts:
              - hostname: controller-0
                personality: controller
                interfaces:
                  - {name: eth0, networks: [oam, cluster-host]}
                  - {name: eth1, class: data, mtu: 9000, data_networks: [physnet0]}
                  - {name: eth2, class: pci-sriov, pci_address: "0000:00:0a.0", sriov_vfs: 4, sriov_vf_driver: vfio, data_networks: [physnet1]}

            """
        let (loaded, loadDiagnostics) = InventoryLoader.load(text: text, file: "ok.yaml")
        XCTAssertEqual(loadDiagnostics, [])
        let inventory = try XCTUnwrap(loaded)
        XCTAssertEqual(Validator.validate(inventory).diagnostics, [])
        XCTAssertEqual(inventory.dataNetworks.map(\.name.value), ["physnet0", "physnet1"])
        XCTAssertEqual(inventory.dataNetworks.map(\.mtu.value), [9000, 1500])
        XCTAssertEqual(inventory.dataNetworks.map(\.type.value), [.vlan, .flat])
        XCTAssertEqual(inventory.dataNetworks[0].description, "tenant VLANs")
        let sriov = inventory.hosts[0].interfaces[2]
        XCTAssertEqual(sriov.pciAddress?.value, "0000:00:0a.0")
        XCTAssertEqual(sriov.sriovVFs?.value, 4)
        XCTAssertEqual(sriov.sriovVFDriver?.value, .vfio)
        XCTAssertEqual(sriov.dataNetworks.map(\.value), ["physnet1"])
    }
}
