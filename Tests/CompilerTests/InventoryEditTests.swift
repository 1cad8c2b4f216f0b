import Compiler
import Foundation
import XCTest

/// Round trips on a commented inventory: every edit changes only its own lines, and undoing it
/// gives back the original bytes.
final class InventoryEditTests: XCTestCase {
    static let inventory = """
        # A commented inventory: every byte not edited must survive.
        system:
          name: edit   # trailing comment
          type: standard
          mode: duplex
        include: [workers.yaml]
        networks:
          oam: {subnet: 10.10.10.0/24, gateway: 10.10.10.1, floating: 10.10.10.2}
          mgmt: {subnet: 192.168.204.0/24}
          pxeboot: {subnet: 169.254.202.0/24}
          cluster-host: {subnet: 192.168.206.0/24}
          cluster-pod: {subnet: 172.16.0.0/16}
          cluster-service: {subnet: 10.96.0.0/12}
          multicast: {subnet: 239.1.1.0/28}

        hosts:
          # the controllers
          - hostname: controller-0
            personality: controller
            administrative: "unlocked"
            interfaces:
              - {name: enp0s3, networks: [oam]}
              - {name: enp0s8, networks: [mgmt, pxeboot, cluster-host]}
            labels:
              openstack-control-plane: enabled   # replicas follow this
          - hostname: controller-1
            personality: controller
            interfaces:
              - {name: enp0s3, networks: [oam]}
              - {name: enp0s8, networks: [mgmt, pxeboot, cluster-host]}
            labels: {openstack-control-plane: 'enabled'}

          - {hostname: worker-0, personality: worker, interfaces: [{name: enp0s8, networks: [mgmt, cluster-host]}]}
        secrets: {key_file: example.key}

        """

    static let workers = """
        hosts:
          - hostname: worker-1   # in an included file
            personality: worker
            administrative: locked
            interfaces: [{name: enp0s8, networks: [mgmt, cluster-host]}]

        """

    var directory: URL!
    var path: String { directory.appendingPathComponent("inventory.yaml").path }
    var workersPath: String { directory.appendingPathComponent("workers.yaml").path }

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sysinvc-edit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Self.inventory.write(toFile: path, atomically: true, encoding: .utf8)
        try Self.workers.write(toFile: workersPath, atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: directory)
    }

    func run(_ operation: (HostEditor) throws -> InventoryEdit) throws -> InventoryEdit {
        let edit = try operation(HostEditor(path: path, pipeline: Pipeline(plugins: [])))
        try edit.write()
        return edit
    }

    func text(_ file: String? = nil) throws -> String {
        try String(contentsOfFile: file ?? path, encoding: .utf8)
    }

    /// Lines of `after` that differ from `before`, as (removed, added).
    func changes(_ before: String, _ after: String) -> ([String], [String]) {
        let old = before.components(separatedBy: "\n"), new = after.components(separatedBy: "\n")
        var prefix = 0
        while prefix < min(old.count, new.count), old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < min(old.count, new.count) - prefix, old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        return (Array(old[prefix..<(old.count - suffix)]), Array(new[prefix..<(new.count - suffix)]))
    }

    func testLockAndUnlockChangeOneScalarInItsQuotingStyle() throws {
        try run { try $0.unlock("controller-1") }
        XCTAssertTrue(changes(Self.inventory, try text()) == ([], ["    administrative: unlocked"]))
        try run { try $0.lock("controller-0") }
        XCTAssertTrue(try text().contains("    administrative: \"locked\"\n"))
        try run { try $0.unlock("controller-0") }
        try run { try $0.lock("controller-1") }
        XCTAssertTrue(changes(Self.inventory, try text()) == ([], ["    administrative: locked"]))
    }

    /// host-update adds the board's fields after the host's administrative state, replaces them
    /// in place, and bm_type=none takes bm_ip and bm_username away again: back to the original.
    func testHostUpdateSetsAndDeprovisionsTheBoard() throws {
        try run { try $0.update("controller-0", ["bm_ip=10.10.20.3", "bm_type=ipmi", "bm_username=root"]) }
        XCTAssertTrue(changes(Self.inventory, try text()) == ([], ["    bm_type: ipmi", "    bm_ip: 10.10.20.3", "    bm_username: root"]))
        try run { try $0.update("controller-0", ["bm_type=redfish"]) }
        XCTAssertTrue(try text().contains("    administrative: \"unlocked\"\n    bm_type: redfish\n    bm_ip: 10.10.20.3\n"))
        try run { try $0.update("controller-0", ["bm_system_id=/redfish/v1/Systems/1"]) }
        XCTAssertTrue(try text().contains("    bm_username: root\n    bm_system_id: /redfish/v1/Systems/1\n"))
        try run { try $0.update("controller-0", ["bm_type=ipmi", "bm_system_id="]) }
        XCTAssertFalse(try text().contains("bm_system_id"))
        let edit = try run { try $0.update("controller-0", ["bm_type=none"]) }
        XCTAssertEqual(edit.summary, "controller-0 updated: bm_type=none")
        XCTAssertTrue(changes(Self.inventory, try text()) == ([], ["    bm_type: none"]))
    }

    func testHostUpdateInAFlowHostAndAnIncludedFile() throws {
        try run { try $0.update("worker-0", ["bm_type=ipmi", "bm_ip=10.10.20.5", "bm_username=root"]) }
        XCTAssertTrue(try text().contains("cluster-host]}], bm_type: ipmi, bm_ip: 10.10.20.5, bm_username: root}\n"))
        try run { try $0.update("worker-0", ["bm_type=none"]) }
        XCTAssertTrue(try text().contains("cluster-host]}], bm_type: none}\n"))
        try run { try $0.update("worker-1", ["bm_ip=10.10.20.6", "bm_username=admin"]) }
        XCTAssertTrue(try text(workersPath).contains("    administrative: locked\n    bm_ip: 10.10.20.6\n    bm_username: admin\n"))
    }

    /// A field that opens its host's item (on the line of "- ") is removed by moving the next
    /// field up onto that line.
    func testRemovingAHostsFirstFieldKeepsTheItem() throws {
        try Self.workers.replacingOccurrences(of: "  - hostname: worker-1   # in an included file\n",
                                              with: "  - bm_ip: 10.10.20.6\n    hostname: worker-1   # in an included file\n    bm_type: ipmi\n    bm_username: root\n")
            .write(toFile: workersPath, atomically: true, encoding: .utf8)
        try run { try $0.update("worker-1", ["bm_type=none"]) }
        XCTAssertEqual(try text(workersPath), Self.workers.replacingOccurrences(of: "  - hostname: worker-1   # in an included file\n",
                                                                             with: "  - hostname: worker-1   # in an included file\n    bm_type: none\n"))
    }

    /// Neighbouring fields removed together are one edit, never two that overlap: at the start
    /// of a block item, at the start, middle and end of a flow host.
    func testRemovingNeighbouringFieldsTogether() throws {
        let cases: [(String, String)] = [
            ("  - bm_ip: 10.10.20.6\n    bm_username: root\n    hostname: worker-1   # in an included file\n    bm_type: ipmi\n",
             "  - hostname: worker-1   # in an included file\n    bm_type: none\n"),
            ("  - {bm_ip: 10.10.20.6, bm_username: root, hostname: worker-1, bm_type: ipmi}   # in an included file\n",
             "  - {hostname: worker-1, bm_type: none}   # in an included file\n"),
            ("  - {hostname: worker-1, bm_ip: 10.10.20.6, bm_username: root, bm_type: ipmi}   # in an included file\n",
             "  - {hostname: worker-1, bm_type: none}   # in an included file\n"),
            ("  - {hostname: worker-1, bm_type: ipmi, bm_ip: 10.10.20.6, bm_username: root}   # in an included file\n",
             "  - {hostname: worker-1, bm_type: none}   # in an included file\n"),
        ]
        for (before, after) in cases {
            let rest = "    personality: worker\n    administrative: locked\n    interfaces: [{name: enp0s8, networks: [mgmt, cluster-host]}]\n"
            let flowRest = before.hasPrefix("  - {") ? "" : rest
            let workers = "hosts:\n" + (flowRest.isEmpty
                ? before.replacingOccurrences(of: "}   #", with: ", personality: worker, interfaces: [{name: enp0s8, networks: [mgmt, cluster-host]}]}   #")
                : before + rest)
            try workers.write(toFile: workersPath, atomically: true, encoding: .utf8)
            try run { try $0.update("worker-1", ["bm_type=none"]) }
            let expected = "hosts:\n" + (flowRest.isEmpty
                ? after.replacingOccurrences(of: "}   #", with: ", personality: worker, interfaces: [{name: enp0s8, networks: [mgmt, cluster-host]}]}   #")
                : after + rest)
            XCTAssertEqual(try text(workersPath), expected, before)
        }
    }

    /// Fields added in the same edit that removes others go after a field that stays: a board
    /// left without its address is mended by adding it while its Redfish system goes.
    func testAddingAndRemovingInOneUpdate() throws {
        let board = "    administrative: \"unlocked\"\n    bm_type: redfish\n    bm_username: root\n    bm_system_id: /redfish/v1/Systems/1\n"
        try Self.inventory.replacingOccurrences(of: "    administrative: \"unlocked\"\n", with: board).write(toFile: path, atomically: true, encoding: .utf8)
        try run { try $0.update("controller-0", ["bm_type=ipmi", "bm_ip=10.10.20.3", "bm_system_id="]) }
        XCTAssertTrue(changes(Self.inventory, try text()) == ([], ["    bm_type: ipmi", "    bm_username: root", "    bm_ip: 10.10.20.3"]))
    }

    /// Refusals change no byte: a password on the command line, an unknown field, a field given
    /// twice, addresses and types the rules refuse, deprovisioning that keeps an address.
    func testHostUpdateRefusalsWriteNothing() throws {
        let refusals: [([String], String)] = [
            (["bm_password=secret"], "never taken from a command line"),
            (["personality=storage"], "cannot be updated here"),
            (["bm_type=ipmi", "bm_type=redfish"], "given twice"),
            (["bm_type"], "not key=value"),
            ([], "name what to change"),
            (["bm_type=ilo4"], "allowed: none, ipmi, redfish, dynamic"),
            (["bm_type=ipmi", "bm_ip=fd00::5", "bm_username=root"], "BMC003"),
            (["bm_type=ipmi", "bm_username=root"], "BMC002"),
            (["bm_type=none", "bm_ip=10.10.20.5"], "removes bm_ip, bm_username and bm_system_id"),
            (["bm_type=ipmi", "bm_ip=10.10.20.5", "bm_username=root'; reboot"], "not a valid BMC user name"),
        ]
        for (fields, reason) in refusals {
            XCTAssertThrowsError(try run { try $0.update("controller-1", fields) }, "\(fields)") { error in
                let text = (error as? EditRefusal)?.diagnostics.map(\.description).joined(separator: "\n") ?? "\(error)"
                XCTAssertTrue(text.contains(reason), "\(fields): \(text)")
            }
            XCTAssertEqual(try text(), Self.inventory, "\(fields)")
        }
    }

    func testBlockLabelsGainAndLoseWholeLines() throws {
        try run { try $0.assignLabels("worker-1", ["sriov=enabled"], overwrite: false) }
        XCTAssertEqual(try text(workersPath), Self.workers.replacingOccurrences(of: "cluster-host]}]\n",
            with: "cluster-host]}]\n    labels:\n      sriov: enabled\n"))
        XCTAssertEqual(try text(), Self.inventory, "the main file holds no edited host")
        try run { try $0.assignLabels("worker-1", ["openvswitch=enabled"], overwrite: false) }
        try run { try $0.assignLabels("worker-1", ["sriov=disabled"], overwrite: true) }
        XCTAssertTrue(try text(workersPath).hasSuffix("    labels:\n      sriov: disabled\n      openvswitch: enabled\n"))
        try run { try $0.removeLabels("worker-1", ["sriov", "openvswitch"]) }
        XCTAssertTrue(try text(workersPath).hasSuffix("    labels: {}\n"))
    }

    func testFlowLabelsAreRewrittenBetweenTheirBraces() throws {
        try run { try $0.assignLabels("controller-1", ["example.com/rack=r1"], overwrite: false) }
        let (removed, added) = changes(Self.inventory, try text())
        XCTAssertEqual(removed, ["    labels: {openstack-control-plane: 'enabled'}"])
        XCTAssertEqual(added, ["    labels: {openstack-control-plane: 'enabled', example.com/rack: r1}"])
        try run { try $0.assignLabels("controller-1", ["openstack-control-plane=disabled"], overwrite: true) }
        XCTAssertTrue(try text().contains("    labels: {openstack-control-plane: 'disabled', example.com/rack: r1}\n"))
        try run { try $0.removeLabels("controller-1", ["example.com/rack"]) }
        try run { try $0.assignLabels("controller-1", ["openstack-control-plane=enabled"], overwrite: true) }
        XCTAssertEqual(try text(), Self.inventory)
    }

    func testBlockLabelWithCommentIsReplacedAndRemovedAlone() throws {
        try run { try $0.unlock("controller-1") }
        try run { try $0.lock("controller-0") }
        try run { try $0.assignLabels("controller-0", ["openvswitch=enabled"], overwrite: false) }
        XCTAssertTrue(try text().contains("      openstack-control-plane: enabled   # replicas follow this\n      openvswitch: enabled\n"))
        try run { try $0.removeLabels("controller-0", ["openvswitch"]) }
        try run { try $0.unlock("controller-0") }
        try run { try $0.lock("controller-1") }
        XCTAssertTrue(changes(Self.inventory, try text()) == ([], ["    administrative: locked"]))
    }

    func testFlowHostGainsKeysBeforeItsClosingBrace() throws {
        try run { try $0.assignLabels("worker-0", ["openstack-compute-node=enabled"], overwrite: false) }
        let (removed, added) = changes(Self.inventory, try text())
        XCTAssertEqual(removed.count, 1)
        XCTAssertEqual(added, ["  - {hostname: worker-0, personality: worker, interfaces: [{name: enp0s8, networks: [mgmt, cluster-host]}], labels: {openstack-compute-node: enabled}}"])
        try run { try $0.unlock("worker-0") }
        XCTAssertTrue(try text().contains("labels: {openstack-compute-node: enabled}, administrative: unlocked}"))
    }

    func testAddThenDeleteGivesTheOriginalBack() throws {
        let fragment = "# a GPU worker\nhostname: worker-2\npersonality: worker\ninterfaces:\n  - {name: enp0s8, networks: [mgmt, cluster-host]}\n"
        try run { try $0.add(fragment: fragment, from: "worker-2.yaml") }
        let added = try text()
        XCTAssertTrue(added.contains("""
              - {hostname: worker-0, personality: worker, interfaces: [{name: enp0s8, networks: [mgmt, cluster-host]}]}
              - # a GPU worker
                hostname: worker-2
                personality: worker
                interfaces:
                  - {name: enp0s8, networks: [mgmt, cluster-host]}
            secrets:
            """), added)
        try run { try $0.delete("worker-2") }
        XCTAssertEqual(try text(), Self.inventory)
    }

    func testFlagsAddALockedHostThatUnlocksOnlyOnceConfigured() throws {
        let edit = try run { try $0.add(hostname: "worker-3", personality: "worker", subfunctions: [], mgmtMAC: "08:00:27:00:00:33") }
        XCTAssertTrue(edit.warnings.contains { $0.code == .missingPlatformInterface && $0.severity == .warning }, "\(edit.warnings)")
        XCTAssertTrue(try text().contains("  - hostname: worker-3\n    personality: worker\n    administrative: locked\n    mgmt_mac: \"08:00:27:00:00:33\"\nsecrets:"))
        XCTAssertThrowsError(try HostEditor(path: path, pipeline: Pipeline(plugins: [])).unlock("worker-3")) { error in
            let refusal = error as! EditRefusal
            XCTAssertEqual(refusal.diagnostics.first?.code, .editInvalid)
            XCTAssertTrue(refusal.description.contains("worker-3 cannot be unlocked"), refusal.description)
            XCTAssertTrue(refusal.description.contains("worker-3 has no interface carrying mgmt"), refusal.description)
        }
    }

    func testDeletingAHostOfAnIncludedFileEditsThatFile() throws {
        try run { try $0.delete("worker-1") }
        XCTAssertEqual(try text(workersPath), "hosts: []\n")
        XCTAssertEqual(try text(), Self.inventory)
    }
}
