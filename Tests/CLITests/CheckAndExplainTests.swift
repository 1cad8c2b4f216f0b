import Foundation
import XCTest

final class CheckAndExplainTests: XCTestCase {
    func testCheckAgainstGolden() throws {
        let same = try CLIRunner.run(["check", "inventory-examples/standard.yaml", "--golden", "golden/standard"])
        XCTAssertEqual(same.status, 0, same.stdout + same.stderr)

        let scratch = try CLIRunner.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let golden = scratch.appendingPathComponent("golden")
        try FileManager.default.copyItem(at: CLIRunner.repository.appendingPathComponent("golden/standard"), to: golden)
        let system = golden.appendingPathComponent("hieradata/system.yaml")
        let text = try String(contentsOf: system, encoding: .utf8)
        try text.replacingOccurrences(of: "platform::config::params::timezone: UTC", with: "platform::config::params::timezone: EST")
            .write(to: system, atomically: true, encoding: .utf8)
        let differs = try CLIRunner.run(["check", "inventory-examples/standard.yaml", "--golden", golden.path])
        XCTAssertEqual(differs.status, 1)
        XCTAssertTrue(differs.stdout.contains("--- a/hieradata/system.yaml"), differs.stdout)
        XCTAssertTrue(differs.stdout.contains("-platform::config::params::timezone: EST\n+platform::config::params::timezone: UTC"), differs.stdout)

        let broken = scratch.appendingPathComponent("broken.yaml")
        try "system: [".write(to: broken, atomically: true, encoding: .utf8)
        let invalid = try CLIRunner.run(["check", broken.path, "--golden", golden.path])
        XCTAssertEqual(invalid.status, 2)
        XCTAssertTrue(invalid.stderr.contains("broken.yaml:2:1: error[YAML001]"), invalid.stderr)
    }

    func testExplainNamesPluginAndInventoryLine() throws {
        let result = try CLIRunner.run(["explain", "platform::network::mgmt::params::interface_name", "--host", "worker-1",
                                        "-i", "inventory-examples/standard.yaml"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("in hieradata/worker-1.yaml"), result.stdout)
        XCTAssertTrue(result.stdout.contains("value:  bond0"), result.stdout)
        XCTAssertTrue(result.stdout.contains("plugin: 004_networking"), result.stdout)
        XCTAssertTrue(result.stdout.contains("inventory-examples/standard.yaml:"), result.stdout)
        XCTAssertTrue(result.stdout.contains("| - name: bond0"), result.stdout)
    }

    func testExplainMasksSecretsUnlessRevealed() throws {
        let masked = try CLIRunner.run(["explain", "keystone::admin_password", "-i", "inventory-examples/standard.yaml"])
        XCTAssertEqual(masked.status, 0, masked.stderr)
        XCTAssertTrue(masked.stdout.contains("********"), masked.stdout)
        XCTAssertFalse(masked.stdout.contains("Ti0*"), masked.stdout)
        let revealed = try CLIRunner.run(["explain", "keystone::admin_password", "--reveal", "-i", "inventory-examples/standard.yaml"])
        XCTAssertTrue(revealed.stdout.contains("Ti0*"), revealed.stdout)
    }

    func testExplainUnknownKeySuggestsNeighbours() throws {
        let result = try CLIRunner.run(["explain", "platform::params::hostnme", "-i", "inventory-examples/standard.yaml"])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("--host"), result.stderr)
        XCTAssertTrue(result.stderr.contains("platform::params::config_path"), result.stderr)
    }

    func testSchemaAndPlugins() throws {
        let schema = try CLIRunner.run(["schema"])
        XCTAssertEqual(schema.status, 0)
        let json = try JSONSerialization.jsonObject(with: Data(schema.stdout.utf8)) as? [String: Any]
        XCTAssertEqual((json?["required"] as? [String]), ["system"])

        let plugins = try CLIRunner.run(["plugins"])
        let identifiers = plugins.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") }.map { String($0.prefix(while: { $0 != " " })) }
        XCTAssertEqual(identifiers, identifiers.sorted(), "plugins run in sysinv's numbered order")
        XCTAssertEqual(identifiers.first, "001_platform")
    }
}
