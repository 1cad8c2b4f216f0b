import Foundation
import XCTest

/// `host-import`: TripleO's rules over a node list, each refused by tripleo-common's own
/// validation and by host-import with the same rule named and nothing written; and a round trip
/// through host-export that keeps every field both sides hold.
final class HostImportTests: XCTestCase {
    var scratch: URL!

    override func setUpWithError() throws {
        scratch = try CLIRunner.scratchDirectory()
        for file in ["standard.yaml", "example.key"] {
            try FileManager.default.copyItem(at: CLIRunner.repository.appendingPathComponent("inventory-examples/\(file)"), to: scratch.appendingPathComponent(file))
        }
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    func write(_ text: String, _ name: String) throws {
        try text.write(to: scratch.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    /// tripleo's verdict on a node file, or nil when its validator is not installed.
    func tripleo(_ name: String) throws -> (valid: Bool, output: String)? {
        guard FileManager.default.isExecutableFile(atPath: HostExportTests.validatorEnvironment.path) else { return nil }
        let process = Process()
        process.executableURL = HostExportTests.validator
        process.arguments = [scratch.appendingPathComponent(name).path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus == 0, text)
    }

    static let good = #"{"name": "worker-2", "pm_type": "ipmi", "pm_addr": "10.10.20.12", "ports": [{"address": "52:54:00:aa:00:02"}]}"#

    /// One node file per rule of tripleo's validate_nodes; each is refused by tripleo and by
    /// host-import, which quotes tripleo's message for the node, and the inventory stays as it was.
    func testEveryTripleoRuleRefusesTheFileInBoth() throws {
        let cases: [(String, String)] = [
            (#"[{"name": "worker-2", "pm_addr": "10.10.20.12"}]"#, "pm_type (ironic driver to use) is required"),
            (#"[{"name": "worker-2", "pm_type": "telnet", "pm_addr": "10.10.20.12"}]"#, "unknown pm_type (ironic driver to use): telnet"),
            (#"[{"name": "worker-2", "pm_type": "redfish", "pm_addr": "10.10.20.12"}]"#, "node #0: Invalid node data: The following fields are missing: pm_system_id"),
            (#"[{"name": "worker-2", "pm_type": "ipmi"}]"#, "node #0: Invalid node data: The following fields are missing: pm_addr"),
            (#"[{"name": "worker-2", "pm_type": "ipmi", "pm_addr": "10.10.20.12", "mac": ["52:54:00:aa:00:02"]}]"#,
             #"node #0: The "mac" field is not longer supported. Please use the "ports" field instead."#),
            (#"[{"name": "worker-2", "pm_type": "ipmi", "pm_addr": "10.10.20.12", "ports": [{"address": "52:54:00:aa:00"}]}]"#,
             "node #0: MAC address 52:54:00:aa:00 is invalid"),
            ("[\(Self.good), {\"name\": \"worker-3\", \"pm_type\": \"ipmi\", \"pm_addr\": \"10.10.20.13\", \"ports\": [{\"address\": \"52:54:00:aa:00:02\"}]}]",
             "node #1: MAC 52:54:00:aa:00:02 is not unique"),
            ("[\(Self.good), {\"name\": \"worker-3\", \"pm_type\": \"pxe_ipmitool\", \"pm_addr\": \"10.10.20.12\"}]",
             "node #1: Node identified by 10.10.20.12 is already present"),
            ("[\(Self.good), {\"name\": \"worker-2\", \"pm_type\": \"ipmi\", \"pm_addr\": \"10.10.20.13\"}]", #"node #1: Name "worker-2" is not unique"#),
            (#"[{"name": "worker-2", "pm_type": "ipmi", "pm_addr": "10.10.20.12", "platform": "SNB"}]"#,
             "node #0: You have specified a platform without an architecture"),
            (#"[{"name": "worker-2", "pm_type": "ipmi", "pm_addr": "10.10.20.12", "capabilities": "profile:worker,boot_option"}]"#,
             "node #0: Invalid capabilities: profile:worker,boot_option"),
            (#"[{"name": "worker-2", "pm_type": "ipmi", "pm_addr": "10.10.20.12", "root_device": "sda"}]"#,
             "node #0: Invalid root device: expected dict, got sda"),
            (#"[{"name": "worker-2", "pm_type": "ipmi", "pm_addr": "10.10.20.12", "redfish_verify_ca": false}]"#, "node #0: Unknown field redfish_verify_ca"),
        ]
        let inventory = try String(contentsOf: scratch.appendingPathComponent("standard.yaml"), encoding: .utf8)
        for (index, (text, rule)) in cases.enumerated() {
            let name = "bad-\(index).json"
            try write(text, name)
            if let verdict = try tripleo(name) {
                XCTAssertFalse(verdict.valid, "tripleo accepted \(text)")
                XCTAssertTrue(verdict.output.contains(rule), "tripleo on \(text): \(verdict.output)")
            }
            let result = try CLIRunner.run(["host-import", "-i", "standard.yaml", name], in: scratch)
            XCTAssertEqual(result.status, 2, text)
            XCTAssertTrue(result.stderr.contains("NODE003]") && result.stderr.contains(rule), "\(text): \(result.stderr)")
            XCTAssertEqual(try String(contentsOf: scratch.appendingPathComponent("standard.yaml"), encoding: .utf8), inventory, text)
        }
    }

    /// The same list written as YAML, as TripleO's client also reads it.
    func testAYAMLNodeListImportsToo() throws {
        try write("nodes:\n  - name: worker-7\n    pm_type: ipmi\n    pm_addr: 10.10.20.70\n    pm_user: admin\n    ports:\n      - address: \"52:54:00:AA:00:07\"\n", "nodes.yaml")
        let result = try CLIRunner.run(["host-import", "-i", "standard.yaml", "nodes.yaml"], in: scratch)
        XCTAssertEqual(result.status, 0, result.stderr)
        let text = try String(contentsOf: scratch.appendingPathComponent("standard.yaml"), encoding: .utf8)
        XCTAssertTrue(text.hasSuffix("""
              - hostname: worker-7
                personality: worker
                administrative: locked
                mgmt_mac: 52:54:00:aa:00:07
                bm_type: ipmi
                bm_ip: 10.10.20.70
                bm_username: admin

            secrets:
              key_file: example.key     # an example key: never commit a real one

            """), text)
    }

    /// Every problem of a file at once, with the node's index, name and position.
    func testEveryProblemInOneRun() throws {
        try write("""
            {"nodes": [
              {"name": "worker-2", "pm_type": "redfish", "pm_addr": "https://bmc-2.example.com", "pm_system_id": "/redfish/v1/Systems/1"},
              {"name": "worker-3", "pm_type": "ipmi", "pm_addr": "10.10.20.13", "ports": [{"address": "zz:54:00:aa:00:03"}]},
              {"pm_type": "ipmi", "pm_addr": "10.10.20.14"},
              {"name": "worker-0", "pm_type": "ipmi", "pm_addr": "10.10.20.15"}
            ]}
            """, "nodes.json")
        let result = try CLIRunner.run(["host-import", "-i", "standard.yaml", "nodes.json"], in: scratch)
        XCTAssertEqual(result.status, 2)
        for expected in [
            "nodes.json:2:57: error[NODE003]: node #0 (worker-2): pm_addr https://bmc-2.example.com is not an IP address",
            "nodes.json:3:91: error[NODE003]: node #1 (worker-3): tripleo refuses it: node #1: MAC address zz:54:00:aa:00:03 is invalid",
            "nodes.json:4:3: error[NODE003]: node #2: has no name",
            "nodes.json:5:3: error[EDIT010]: host worker-0 already exists",
        ] {
            XCTAssertTrue(result.stderr.contains(expected), "\(expected)\n\(result.stderr)")
        }
    }

    /// Names and users that would reach file names and scripts are refused at the node, in one
    /// line each however many lines the value spans; the inventory stays as it was.
    func testHostileValuesAreRefusedAtTheNode() throws {
        try write(#"""
            [{"name": "worker-9\nbm_type: ipmi", "pm_type": "ipmi", "pm_addr": "10.10.20.40", "pm_user": "root'; reboot"},
             {"name": "../../etc/passwd", "pm_type": "fake"},
             {"name": "worker-8", "pm_type": "ipmi", "pm_addr": "10.10.20.41", "pm_user": "admin", "odd\nfield": 1}]
            """#, "hostile.json")
        let before = try String(contentsOf: scratch.appendingPathComponent("standard.yaml"), encoding: .utf8)
        let result = try CLIRunner.run(["host-import", "-i", "standard.yaml", "hostile.json"], in: scratch)
        XCTAssertEqual(result.status, 2)
        let lines = result.stderr.split(separator: "\n")
        XCTAssertEqual(lines.filter { $0.contains("error[NODE003]") }.count, 4, result.stderr)
        XCTAssertEqual(lines.count, 5, "one line per diagnostic and the summary: \(result.stderr)")
        XCTAssertTrue(result.stderr.contains(#"node #0 ("worker-9\nbm_type: ipmi"): its name becomes a host name"#), result.stderr)
        XCTAssertTrue(result.stderr.contains("Unknown field odd\\nfield"), result.stderr)
        XCTAssertEqual(try String(contentsOf: scratch.appendingPathComponent("standard.yaml"), encoding: .utf8), before)
    }

    /// Without a secrets file a password has nowhere to go: a warning says so. A secrets file that
    /// already sets the password refuses the import, and neither file changes.
    func testPasswordsNeedASecretsFileThatDoesNotSetThemYet() throws {
        let node = #"[{"name": "worker-2", "pm_type": "ipmi", "pm_addr": "10.10.20.12", "pm_user": "admin", "pm_password": "hunter2"}]"#
        try write(node, "one.json")
        let plain = try CLIRunner.run(["host-import", "-i", "standard.yaml", "one.json"], in: scratch)
        XCTAssertEqual(plain.status, 0, plain.stderr)
        XCTAssertTrue(plain.stderr.contains("warning[NODE004]: the BMC password of worker-2 is not imported: the inventory names no secrets file"), plain.stderr)
        XCTAssertFalse(plain.stderr.contains("hunter2") || plain.stdout.contains("hunter2"))

        try write(node.replacingOccurrences(of: "worker-2", with: "worker-3").replacingOccurrences(of: "10.10.20.12", with: "10.10.20.13"), "two.json")
        let path = scratch.appendingPathComponent("standard.yaml")
        try String(contentsOf: path, encoding: .utf8).replacingOccurrences(of: "secrets:\n", with: "secrets:\n  overrides: secrets.yaml\n")
            .write(to: path, atomically: true, encoding: .utf8)
        try write("bm/worker-3: old\n", "secrets.yaml")
        let before = try CLIRunner.snapshot(scratch)
        let refused = try CLIRunner.run(["host-import", "-i", "standard.yaml", "two.json"], in: scratch)
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("secrets.yaml:1:1: error[SEC002]: ") && refused.stderr.contains("already sets bm/worker-3"), refused.stderr)
        XCTAssertEqual(try CLIRunner.snapshot(scratch).mapValues(\.0), before.mapValues(\.0))
    }

    /// The workers of the standard example exported (with passwords of their own), removed,
    /// imported and exported again: every field comes back but the CPU count, which a host holds
    /// only as a CPU layout and which the import reports instead of dropping it silently. The
    /// passwords go to the secrets file, mode 0600, and come back from there.
    func testExportImportExportKeepsWhatBothSidesHold() throws {
        let first = try CLIRunner.run(["host-export", "-i", "standard.yaml", "-o", "all.json"], in: scratch)
        XCTAssertEqual(first.status, 0, first.stderr)
        let all = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: scratch.appendingPathComponent("all.json"))) as? [String: [[String: Any]]])["nodes"]!
        let workers = all.filter { ($0["name"] as? String)?.hasPrefix("worker-") == true }.map { node in
            var node = node
            node["pm_password"] = "imported \"pass\" of \(node["name"]!)"
            return node
        }
        try JSONSerialization.data(withJSONObject: ["nodes": workers]).write(to: scratch.appendingPathComponent("workers.json"))

        // The inventory without its workers, with a secrets file.
        let path = scratch.appendingPathComponent("standard.yaml")
        let text = try String(contentsOf: path, encoding: .utf8)
        let start = try XCTUnwrap(text.range(of: "  - hostname: worker-0\n"))
        let end = try XCTUnwrap(text.range(of: "\n\n", range: start.upperBound..<text.endIndex))
        try (String(text[..<start.lowerBound]) + String(text[end.lowerBound...]).dropFirst())
            .replacingOccurrences(of: "secrets:\n", with: "secrets:\n  overrides: secrets.yaml\n")
            .write(to: path, atomically: true, encoding: .utf8)
        try write("# site secrets\n{}\n", "secrets.yaml")

        let imported = try CLIRunner.run(["host-import", "-i", "standard.yaml", "workers.json"], in: scratch)
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertEqual(imported.stdout, "2 hosts added to standard.yaml (locked): worker-0, worker-1; 2 BMC passwords added to secrets.yaml (mode 0600)\n")
        XCTAssertTrue(imported.stderr.contains("warning[NODE004]: node #0 (worker-0): cpu has no place in a host and is not imported"), imported.stderr)
        XCTAssertFalse(imported.stdout.contains("imported \"pass\"") || imported.stderr.contains("imported \"pass\""))
        let secretsPath = scratch.appendingPathComponent("secrets.yaml").path
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: secretsPath)[.posixPermissions] as? Int, 0o600)
        XCTAssertTrue(try String(contentsOfFile: secretsPath, encoding: .utf8).hasPrefix("# site secrets\n"))

        XCTAssertEqual(try CLIRunner.run(["host-export", "-i", "standard.yaml", "-o", "again.json"], in: scratch).status, 0)
        let again = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: scratch.appendingPathComponent("again.json"))) as? [String: [[String: Any]]])["nodes"]!
        let strip = { (node: [String: Any]) -> NSDictionary in
            var node = node
            node["cpu"] = nil
            return node as NSDictionary
        }
        XCTAssertEqual(again.filter { ($0["name"] as? String)?.hasPrefix("worker-") == true }.map(strip), workers.map(strip))
    }
}
