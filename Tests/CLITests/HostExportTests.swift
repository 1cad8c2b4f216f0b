import Foundation
import XCTest

/// `host-export`: every example's hosts as a node list that tripleo-common's own validation
/// accepts, the BMC passwords only in an owner-only file or with --reveal.
final class HostExportTests: XCTestCase {
    static let examples = ["aio-simplex", "aio-duplex", "standard", "storage", "no-kubernetes", "ipv6", "openstack", "virtual"]
    static let validator = CLIRunner.repository.appendingPathComponent("scripts/tripleo-validate-nodes")
    static let validatorEnvironment = CLIRunner.repository.appendingPathComponent(".build/tripleo-common-18.0.0/bin/python")

    /// tripleo-common 18.0.0's `validate_nodes` over each example's export; `scripts/test`
    /// installs it before the tests run.
    func testEveryExampleExportsNodesTripleoAccepts() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.validatorEnvironment.path) else {
            throw XCTSkip("tripleo-common's validator is not installed: scripts/test installs it (scripts/tripleo-validate-nodes --install)")
        }
        let scratch = try CLIRunner.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        var files: [String] = []
        for example in Self.examples {
            let file = scratch.appendingPathComponent("\(example).json").path
            let export = try CLIRunner.run(["host-export", "-i", "inventory-examples/\(example).yaml", "-o", file])
            XCTAssertEqual(export.status, 0, "\(example): \(export.stderr)")
            files.append(file)
        }
        let process = Process()
        process.executableURL = Self.validator
        process.arguments = files
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, text)
        XCTAssertEqual(text.split(separator: "\n").filter { $0.hasSuffix(": valid") }.count, Self.examples.count, text)
    }

    func testPasswordsOnlyInAnOwnerOnlyFileOrWhenRevealed() throws {
        let scratch = try CLIRunner.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let masked = try CLIRunner.run(["host-export", "-i", "inventory-examples/standard.yaml"])
        XCTAssertEqual(masked.status, 0, masked.stderr)
        let nodes = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(masked.stdout.utf8)) as? [String: [[String: Any]]])["nodes"] ?? []
        XCTAssertEqual(nodes.map { $0["name"] as? String }, ["controller-0", "controller-1", "worker-0", "worker-1"])
        XCTAssertEqual(Set(nodes.compactMap { $0["pm_password"] as? String }), ["********"])
        XCTAssertEqual(nodes.map { $0["pm_type"] as? String }, ["ipmi", "ipmi", "redfish", "ipmi"])
        XCTAssertEqual(nodes[2]["pm_system_id"] as? String, "/redfish/v1/Systems/1")
        XCTAssertEqual((nodes[0]["ports"] as? [[String: String]])?.first?["address"], "08:00:27:00:00:01")

        let revealed = try CLIRunner.run(["host-export", "-i", "inventory-examples/standard.yaml", "--reveal"])
        let file = scratch.appendingPathComponent("nodes.json").path
        XCTAssertEqual(try CLIRunner.run(["host-export", "-i", "inventory-examples/standard.yaml", "-o", file]).status, 0)
        let written = try String(contentsOfFile: file, encoding: .utf8)
        XCTAssertEqual(written, revealed.stdout)
        XCTAssertFalse(written.contains("********"))
        let mode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int)
        XCTAssertEqual(mode, 0o600)
        // Every password of the file, and none of them on the masked output.
        let passwords = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(written.utf8)) as? [String: [[String: Any]]])["nodes"]?.compactMap { $0["pm_password"] as? String } ?? []
        XCTAssertEqual(passwords.count, 4)
        for password in passwords {
            XCTAssertFalse(masked.stdout.contains(password) || masked.stderr.contains(password))
        }
    }

    /// A Redfish BMC without its system id cannot be an Ironic node: refused, nothing written.
    func testARedfishBoardWithoutItsSystemIsRefused() throws {
        let scratch = try CLIRunner.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        for name in ["standard.yaml", "example.key"] {
            try FileManager.default.copyItem(at: CLIRunner.repository.appendingPathComponent("inventory-examples/\(name)"), to: scratch.appendingPathComponent(name))
        }
        let inventory = scratch.appendingPathComponent("standard.yaml")
        let text = try String(contentsOf: inventory, encoding: .utf8)
        try text.replacingOccurrences(of: "    bm_system_id: /redfish/v1/Systems/1   # Ironic's redfish_system_id, for host-export\n", with: "")
            .write(to: inventory, atomically: true, encoding: .utf8)
        let export = try CLIRunner.run(["host-export", "-i", "standard.yaml", "-o", "nodes.json"], in: scratch)
        XCTAssertEqual(export.status, 2)
        XCTAssertTrue(export.stderr.contains("error[NODE001]: worker-0 has a Redfish BMC but no bm_system_id"), export.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.appendingPathComponent("nodes.json").path))
    }
}
