import Compiler
import XCTest

/// sysinv's board management checks over an inventory: a type maintenance can use wherever an
/// address or user is given, both with a type, the OAM network's IP version, one host per BMC
/// address, and a user name that fits sysinv's limit and the files it reaches.
final class BoardManagementValidationTests: XCTestCase {
    /// A standard system; `workers` are host lines from line 11 on.
    static func inventory(oam: String = "10.10.10.0/24", _ workers: [String]) -> String {
        ([
            "system: {name: s, type: standard, mode: duplex, kubernetes: {enabled: false}}",
            "networks:",
            "  oam: {subnet: \(oam)}",
            "  mgmt: {subnet: 192.168.204.0/24}",
            "  pxeboot: {subnet: 169.254.202.0/24}",
            "  cluster-host: {subnet: 192.168.206.0/24}",
            "  multicast: {subnet: 239.1.1.0/28}",
            "hosts:",
            "  - {hostname: controller-0, personality: controller, interfaces: [{name: eth0, networks: [oam, mgmt, pxeboot, cluster-host]}]}",
            "  - {hostname: controller-1, personality: controller, interfaces: [{name: eth0, networks: [oam, mgmt, pxeboot, cluster-host]}]}",
        ] + workers.map { "  - {hostname: \($0), interfaces: [{name: eth0, networks: [mgmt, cluster-host]}]}" }).joined(separator: "\n") + "\n"
    }

    func testProvisionedBoardsAreValid() throws {
        let text = Self.inventory([
            "worker-0, personality: worker, bm_type: ipmi, bm_ip: 10.10.20.5, bm_username: root",
            "worker-1, personality: worker, bm_ip: 10.10.20.6, bm_username: admin",
            "worker-2, personality: worker, bm_type: none",
        ])
        assertDiagnosticCodes(text, [])
        let (inventory, _) = InventoryLoader.load(text: text, file: "b.yaml")
        let types = try XCTUnwrap(inventory).hosts.map { $0.boardManagement?.type?.value }
        // sysinv's host-add default: an address and a user without a type are dynamic.
        XCTAssertEqual(types, [nil, nil, .ipmi, .dynamic, BoardManagementType.none])
    }

    func testEveryBoardProblemAtItsValue() {
        assertDiagnosticCodes(Self.inventory([
            "worker-0, personality: worker, bm_type: none, bm_ip: 10.10.20.5",         // an address maintenance would never use
            "worker-1, personality: worker, bm_ip: 10.10.20.6",                         // no type given and no user: none, with an address
            "worker-2, personality: worker, bm_type: redfish, bm_ip: 10.10.20.7",      // provisioned without a user
            "worker-3, personality: worker, bm_type: ipmi, bm_username: root",         // provisioned without an address
            "worker-4, personality: worker, bm_type: ipmi, bm_ip: 'fd00::5', bm_username: root",   // IPv6 with an IPv4 OAM
            "worker-5, personality: worker, bm_type: ipmi, bm_ip: 10.10.20.8, bm_username: root",
            "worker-6, personality: worker, bm_type: dynamic, bm_ip: 10.10.20.8, bm_username: root", // worker-5's BMC
            "worker-7, personality: worker, bm_type: ipmi, bm_ip: 10.10.20.9, bm_username: root, bm_system_id: /redfish/v1/Systems/1",
        ]), [
            "11:69 BMC001", "12:54 BMC001", "13:56 BMC002", "14:56 BMC002", "15:69 BMC003", "17:72 BMC004", "18:114 BMC005",
        ])
    }

    /// The user reaches JSON files and, later, the virtual BMC's configuration: no space, quote or
    /// shell character, at most 16 characters (sysinv's limit). An unknown type is refused by the
    /// schema alone, with no rule reporting it again.
    func testHostileOrUnknownValuesNeverLoad() {
        assertDiagnosticCodes(Self.inventory([
            "worker-0, personality: worker, bm_type: ipmi, bm_ip: 10.10.20.5, bm_username: \"root'; reboot\"",
            "worker-1, personality: worker, bm_type: ipmi, bm_ip: 10.10.20.6, bm_username: averyveryverylongname",
            "worker-2, personality: worker, bm_type: ilo4, bm_ip: 10.10.20.7, bm_username: root",
            "worker-3, personality: worker, bm_type: ipmi, bm_ip: 10.10.20.300, bm_username: root",
        ]), ["11:94 INV014", "12:94 INV014", "13:56 INV013", "14:69 INV014"])
    }
}
