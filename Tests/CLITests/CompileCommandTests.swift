import Foundation
import XCTest

final class CompileCommandTests: XCTestCase {
    func testCompileWritesTheTreeWithSecureModes() throws {
        let out = try CLIRunner.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLIRunner.run(["compile", "inventory-examples/standard.yaml", "-o", out.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let files = try CLIRunner.snapshot(out)
        XCTAssertEqual(files["hieradata/secure_static.yaml"]?.1, 0o600)
        XCTAssertEqual(files["hieradata/secure_system.yaml"]?.1, 0o600)
        XCTAssertEqual(files["hieradata/system.yaml"]?.1, 0o644)
        XCTAssertNotNil(files["hieradata/worker-1.yaml"])
        XCTAssertNotNil(files["platform/openrc"])

        let again = try CLIRunner.run(["compile", "inventory-examples/standard.yaml", "-o", out.path])
        XCTAssertTrue(again.stdout.contains("0 written"), again.stdout)
    }

    /// `--timings` names every stage once, in the order they ran, with a duration; standard
    /// output says what it always says.
    func testTimingsNameEveryStageInOrder() throws {
        let out = try CLIRunner.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLIRunner.run(["compile", "inventory-examples/standard.yaml", "-o", out.path, "--timings"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stderr.split(separator: "\n").filter { !$0.contains("warning[") }
        XCTAssertEqual(lines.map { String($0.split(separator: " ")[0]) }, ["load", "validate", "secrets", "generate", "render", "write"])
        let timing = try Regex("[a-z]+ +[0-9]+(\\.[0-9])? ms")
        for line in lines {
            XCTAssertNotNil(try timing.wholeMatch(in: String(line)), String(line))
        }
        XCTAssertTrue(result.stdout.hasSuffix("written, 0 unchanged, 0 removed\n"), result.stdout)
    }

    /// The examples' key is public, so a checkout that leaves it readable by all is warned, not
    /// refused (git keeps no modes); a key of one's own with that mode is refused.
    func testThePublishedExampleKeyReadableByAllIsAWarning() throws {
        let scratch = try CLIRunner.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        for file in ["standard.yaml", "example.key"] {
            try FileManager.default.copyItem(at: CLIRunner.repository.appendingPathComponent("inventory-examples/\(file)"), to: scratch.appendingPathComponent(file))
        }
        chmod(scratch.appendingPathComponent("example.key").path, 0o644)
        let result = try CLIRunner.run(["compile", "standard.yaml", "-o", "out"], in: scratch)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("warning[SEC003]"), result.stderr)
        XCTAssertTrue(result.stderr.contains("published example key"), result.stderr)
    }

    /// validate loads the secrets as compile does: what validates, compiles.
    func testValidateRefusesTheSecretsCompileRefuses() throws {
        let scratch = try CLIRunner.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let key = scratch.appendingPathComponent("example.key").path
        XCTAssertEqual(try CLIRunner.run(["keygen", "example.key"], in: scratch).status, 0)
        let inventory = try String(contentsOf: CLIRunner.repository.appendingPathComponent("inventory-examples/standard.yaml"), encoding: .utf8)
        try inventory.write(to: scratch.appendingPathComponent("inventory.yaml"), atomically: true, encoding: .utf8)

        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: key)
        let shared = try CLIRunner.run(["validate", "inventory.yaml"], in: scratch)
        XCTAssertEqual(shared.status, 2)
        XCTAssertTrue(shared.stderr.contains("error[SEC003]: secret key file"), shared.stderr)

        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: key)
        XCTAssertEqual(try CLIRunner.run(["validate", "inventory.yaml"], in: scratch).status, 0)

        try "keystone/admn: typo\n".write(to: scratch.appendingPathComponent("secrets.yaml"), atomically: true, encoding: .utf8)
        try (inventory.replacingOccurrences(of: "  key_file: example.key", with: "  key_file: example.key\n  overrides: secrets.yaml"))
            .write(to: scratch.appendingPathComponent("inventory.yaml"), atomically: true, encoding: .utf8)
        let typo = try CLIRunner.run(["validate", "inventory.yaml"], in: scratch)
        XCTAssertEqual(typo.status, 2)
        XCTAssertTrue(typo.stderr.contains("secrets.yaml:1:1: error[SEC006]: secret \"keystone/admn\" is not one this inventory uses; did you mean keystone/admin?"), typo.stderr)
    }

    /// Ten distinct mistakes, ten diagnostics with their lines, exit status 2, and the previous
    /// output tree left exactly as it was.
    func testTenMistakesAreAllReportedAndNothingIsWritten() throws {
        let scratch = try CLIRunner.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("out")
        XCTAssertEqual(try CLIRunner.run(["compile", "inventory-examples/standard.yaml", "-o", out.path]).status, 0)
        let before = try CLIRunner.snapshot(out)

        let inventory = scratch.appendingPathComponent("broken.yaml")
        try Self.tenMistakes.write(to: inventory, atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["compile", inventory.path, "-o", out.path])
        XCTAssertEqual(result.status, 2)
        let lines = result.stderr.split(separator: "\n").filter { $0.contains(": error[") }
        let found = lines.map { line -> String in
            let parts = line.split(separator: ":")
            let code = line.components(separatedBy: "error[")[1].prefix(while: { $0 != "]" })
            return "\(parts[1]) \(code)"
        }
        XCTAssertEqual(found, [
            "4 INV013",   // mode misspelled
            "6 INV010",   // unknown field, with a suggestion
            "10 NET003",  // gateway outside its pool
            "12 NET002",  // pxeboot overlaps mgmt
            "21 HOST007", // label syntax
            "22 HOST001", // duplicate host name
            "25 HOST002", // the same MAC twice
            "25 INV011",  // MTU not a number
            "26 INV014",  // a host name that would escape the output directory
            "30 STOR001", // storage host without Ceph
        ], result.stderr)
        XCTAssertTrue(result.stderr.contains("did you mean \"kubernetes\"?"), result.stderr)
        let after = try CLIRunner.snapshot(out)
        XCTAssertEqual(before.keys.sorted(), after.keys.sorted())
        for (path, file) in before {
            XCTAssertEqual(after[path]?.0, file.0, path)
        }
    }

    static let tenMistakes = """
        system:
          name: broken
          type: standard
          mode: duplx
          software_version: "19.01"
          kubernets: {enabled: true}
        networks:
          oam:
            subnet: 10.10.10.0/24
            gateway: 10.10.20.1
          mgmt: {subnet: 192.168.204.0/24}
          pxeboot: {subnet: 192.168.204.128/25}
          cluster-host: {subnet: 192.168.206.0/24}
          cluster-pod: {subnet: 172.16.0.0/16}
          cluster-service: {subnet: 10.96.0.0/12}
          multicast: {subnet: 239.1.1.0/28}
        hosts:
          - hostname: controller-0
            personality: controller
            interfaces: [{name: eth0, mac: "08:00:27:00:00:01", networks: [oam, mgmt, cluster-host]}]
            labels: {"bad label": x}
          - hostname: controller-0
            personality: controller
            interfaces:
              - {name: eth0, mac: "08:00:27:00:00:01", mtu: many, networks: [oam, mgmt, cluster-host]}
          - hostname: ../etc
            personality: worker
            interfaces: [{name: eth0, networks: [mgmt, cluster-host]}]
          - hostname: storage-0
            personality: storage
            interfaces: [{name: eth0, networks: [mgmt, cluster-host]}]
        secrets: {key_file: missing.key}

        """
}
