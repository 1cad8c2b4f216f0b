import Foundation
import XCTest

/// Every refusal of the host and label commands: exit status 2, a message naming the rule and
/// what to do instead, and the inventory byte-identical afterwards.
final class HostCommandTests: XCTestCase {
    func testRefusalsNameTheRuleAndLeaveTheFileAlone() throws {
        let scratch = try CLIRunner.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        for file in ["standard.yaml", "aio-simplex.yaml", "example.key"] {
            try FileManager.default.copyItem(at: CLIRunner.repository.appendingPathComponent("inventory-examples/\(file)"), to: scratch.appendingPathComponent(file))
        }
        try "hostname: worker-0\npersonality: worker\n".write(to: scratch.appendingPathComponent("dup.yaml"), atomically: true, encoding: .utf8)
        try "hostname: worker-5\npersonality: worker\nadministrative: unlocked\n".write(to: scratch.appendingPathComponent("up.yaml"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try CLIRunner.run(["host-lock", "-i", "standard.yaml", "worker-1"], in: scratch).status, 0)
        let refusals: [([String], String)] = [
            (["host-label-assign", "worker-0", "openvswitch=enabled"], "EDIT002]: labels of worker-0 change only while it is locked"),
            (["host-label-assign", "worker-1", "bad key=x"], "EDIT005]: label bad key=x: key name \"bad key\""),
            (["host-label-assign", "worker-1", "sriov"], "EDIT005]: \"sriov\" is not KEY=VALUE"),
            (["host-label-assign", "worker-1", "a=\(String(repeating: "v", count: 64))"], "value \"vvvv"),
            (["host-label-remove", "worker-1", "sriov"], "EDIT004]: worker-1 has no label sriov; its labels are: none"),
            (["host-label-assign", "worker-9", "a=b"], "EDIT001]: no host worker-9 in standard.yaml; its hosts are: controller-0, controller-1, worker-0, worker-1"),
            (["host-lock", "worker-1"], "EDIT009]: worker-1 is already locked"),
            (["host-delete", "worker-0"], "EDIT002]: worker-0 is unlocked; lock it first"),
            (["host-add", "--file", "dup.yaml"], "EDIT010]: host worker-0 already exists"),
            (["host-add", "--file", "up.yaml"], "EDIT011]: a new host starts locked"),
            (["host-add", "--hostname", "controller-2", "--personality", "controller"], "a controller must be named controller-0 or controller-1"),
            (["host-delete", "-i", "aio-simplex.yaml", "controller-0"], "EDIT006]: controller-0 is the last controller"),
        ]
        try assertRefusals(refusals, in: scratch)

        XCTAssertEqual(try CLIRunner.run(["host-label-assign", "-i", "standard.yaml", "worker-1", "sriov=enabled"], in: scratch).status, 0)
        XCTAssertEqual(try CLIRunner.run(["host-lock", "-i", "standard.yaml", "controller-1"], in: scratch).status, 0)
        try assertRefusals([
            (["host-label-assign", "worker-1", "sriov=disabled"], "EDIT003]: worker-1 already has sriov=enabled; to replace its value, add --overwrite"),
            (["host-lock", "controller-0"], "EDIT012]: controller-0 is the only unlocked controller"),
        ], in: scratch)
        let list = try CLIRunner.run(["host-label-list", "-i", "standard.yaml", "worker-1", "--format", "json"], in: scratch)
        XCTAssertEqual(list.stdout, "[\n  {\n    \"hostname\" : \"worker-1\",\n    \"label_key\" : \"sriov\",\n    \"label_value\" : \"enabled\"\n  }\n]\n", list.stderr)
    }

    /// host-update from the command line, as `system host-update` is used: the next compile's
    /// maintenance record carries the new board; a password argument is refused, file untouched.
    func testHostUpdateReachesTheMaintenanceRecord() throws {
        let scratch = try CLIRunner.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        for file in ["standard.yaml", "example.key"] {
            try FileManager.default.copyItem(at: CLIRunner.repository.appendingPathComponent("inventory-examples/\(file)"), to: scratch.appendingPathComponent(file))
        }
        let update = try CLIRunner.run(["host-update", "-i", "standard.yaml", "worker-0", "bm_type=ipmi", "bm_ip=10.10.20.15", "bm_username=ops", "bm_system_id="], in: scratch)
        XCTAssertEqual(update.status, 0, update.stderr)
        XCTAssertEqual(update.stdout, "worker-0 updated: bm_type=ipmi, bm_ip=10.10.20.15, bm_username=ops, bm_system_id removed\n")
        // host-add takes the board as `system host-add` does: -T, -I, -U.
        let add = try CLIRunner.run(["host-add", "-i", "standard.yaml", "--hostname", "worker-5", "--personality", "worker",
                                     "-T", "redfish", "-I", "10.10.20.16", "-U", "ops", "--mgmt-mac", "08:00:27:00:00:55"], in: scratch)
        XCTAssertEqual(add.status, 0, add.stderr)
        XCTAssertEqual(try CLIRunner.run(["compile", "standard.yaml", "-o", "out"], in: scratch).status, 0)
        let record = try String(contentsOf: scratch.appendingPathComponent("out/maintenance/worker-0.json"), encoding: .utf8)
        XCTAssertTrue(record.contains("\"bm_ip\": \"10.10.20.15\",\n  \"bm_type\": \"ipmi\",\n  \"bm_username\": \"ops\""), record)
        let added = try String(contentsOf: scratch.appendingPathComponent("out/maintenance/worker-5.json"), encoding: .utf8)
        XCTAssertTrue(added.contains("\"bm_ip\": \"10.10.20.16\",\n  \"bm_type\": \"redfish\",\n  \"bm_username\": \"ops\""), added)
        try assertRefusals([
            (["host-update", "worker-0", "bm_password=hunter2"], "EDIT007]: a BMC password is never taken from a command line"),
            (["host-update", "worker-0", "bm_ip=10.10.20.3"], "BMC004]: worker-0's bm_ip 10.10.20.3 is already the BMC of controller-0"),
        ], in: scratch)
    }

    /// Unlocking a host whose labels are invalid is refused with the reason; so is an edit whose
    /// result would not validate.
    func testUnlockOfAnInvalidHostIsRefused() throws {
        let scratch = try CLIRunner.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        try FileManager.default.copyItem(at: CLIRunner.repository.appendingPathComponent("inventory-examples/example.key"), to: scratch.appendingPathComponent("example.key"))
        let source = try String(contentsOf: CLIRunner.repository.appendingPathComponent("inventory-examples/standard.yaml"), encoding: .utf8)
        try source.replacingOccurrences(of: "  - hostname: worker-1\n    personality: worker\n    administrative: unlocked\n",
                                        with: "  - hostname: worker-1\n    personality: worker\n    labels: {\"-bad\": x}\n")
            .write(to: scratch.appendingPathComponent("standard.yaml"), atomically: true, encoding: .utf8)
        try assertRefusals([
            (["host-unlock", "worker-1"], "worker-1 cannot be unlocked: its labels or configuration are invalid"),
            (["host-unlock", "worker-1"], "HOST007]: label on worker-1: key name \"-bad\""),
        ], in: scratch)
    }

    private func assertRefusals(_ refusals: [([String], String)], in scratch: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        for (arguments, message) in refusals {
            let before = try CLIRunner.snapshot(scratch)
            var command = arguments
            if !command.contains("-i") { command.insert(contentsOf: ["-i", "standard.yaml"], at: 1) }
            let result = try CLIRunner.run(command, in: scratch)
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.stdout)", file: file, line: line)
            XCTAssertTrue(result.stderr.contains(message), "\(arguments): \(result.stderr)", file: file, line: line)
            let after = try CLIRunner.snapshot(scratch)
            XCTAssertEqual(before.keys.sorted(), after.keys.sorted(), "\(arguments)", file: file, line: line)
            for (path, content) in before {
                XCTAssertEqual(after[path]?.0, content.0, "\(arguments) changed \(path)", file: file, line: line)
                XCTAssertEqual(after[path]?.1, content.1, "\(arguments) changed the mode of \(path)", file: file, line: line)
            }
        }
    }

    /// An inventory reached through a link is edited where it lives: the link stays a link.
    func testAnEditThroughALinkKeepsTheLink() throws {
        let scratch = try CLIRunner.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        try FileManager.default.createDirectory(at: scratch.appendingPathComponent("site"), withIntermediateDirectories: true)
        for file in ["standard.yaml", "example.key"] {
            try FileManager.default.copyItem(at: CLIRunner.repository.appendingPathComponent("inventory-examples/\(file)"),
                                             to: scratch.appendingPathComponent("site/\(file)"))
        }
        try FileManager.default.createSymbolicLink(atPath: scratch.appendingPathComponent("inventory.yaml").path, withDestinationPath: "site/standard.yaml")
        XCTAssertEqual(try CLIRunner.run(["host-lock", "worker-1"], in: scratch).status, 0)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: scratch.appendingPathComponent("inventory.yaml").path), "site/standard.yaml")
        let edited = try String(contentsOf: scratch.appendingPathComponent("site/standard.yaml"), encoding: .utf8)
        XCTAssertTrue(edited.contains("  - hostname: worker-1\n    personality: worker\n    administrative: locked\n"), edited)
    }
}
