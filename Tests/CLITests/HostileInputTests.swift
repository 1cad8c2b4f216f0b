import Foundation
import XCTest

/// Input that used to crash the reader (a signal, no diagnostic) is refused with a positioned
/// diagnostic and exit status 2. The executable runs as a subprocess, so a crash fails the test
/// instead of the test runner.
final class HostileInputTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = try CLIRunner.scratchDirectory()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func validate(_ text: String, file: String = "inventory.yaml") throws -> CLIRunner.Output {
        try text.write(to: directory.appendingPathComponent(file), atomically: true, encoding: .utf8)
        return try CLIRunner.run(["validate", file], in: directory)
    }

    func assertRefused(_ output: CLIRunner.Output, with expected: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(output.status, 2, "exit status (a signal shows as its number): \(output.stderr)", file: file, line: line)
        XCTAssertTrue(output.stderr.contains(expected), output.stderr, file: file, line: line)
    }

    func testFiveThousandLevelsOfFlowNestingAreRefused() throws {
        let text = "system: " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + "\n"
        assertRefused(try validate(text), with: "inventory.yaml:1:72: error[YAML005]")
    }

    func testSixThousandLevelsOfBlockNestingAreRefused() throws {
        assertRefused(try validate(String(repeating: "- ", count: 6_000) + "x\n"), with: "inventory.yaml:1:129: error[YAML005]")
    }

    func testAnOverflowingBase60NumberIsText() throws {
        let output = try validate("system:\n  drbd: {link_util: 1:0:0:0:0:0:0:0:0:0:0}\n")
        assertRefused(output, with: "inventory.yaml:2:21: error[INV011]")
        XCTAssertTrue(output.stderr.contains("not the text \"1:0:0:0:0:0:0:0:0:0:0\""), output.stderr)
    }

    func testIncludingAPasswordFileIsRefusedWithoutPrintingIt() throws {
        let passwd = (0..<20).map { "user\($0):x:\(1000 + $0):\(1000 + $0)::/home/user\($0):/bin/sh" }.joined(separator: "\n") + "\n"
        try passwd.write(to: directory.appendingPathComponent("passwd"), atomically: true, encoding: .utf8)
        let output = try validate("include: [\(directory.appendingPathComponent("passwd").path)]\n", file: "inventory.yaml")
        assertRefused(output, with: "passwd:1:1: error[YAML004]")
        XCTAssertFalse(output.stderr.contains("user19"), output.stderr)
    }

    func testAFIFOIncludeIsRefusedWithoutWaiting() throws {
        XCTAssertEqual(mkfifo(directory.appendingPathComponent("fifo.yaml").path, 0o600), 0)
        assertRefused(try validate("include: [fifo.yaml]\n"), with: "inventory.yaml:1:11: error[INV001]: inventory file fifo.yaml is a FIFO")
    }

    func testADeepValuesFileIsRefused() throws {
        for file in ["openstack.yaml", "example.key"] {
            try FileManager.default.copyItem(at: CLIRunner.repository.appendingPathComponent("inventory-examples/\(file)"),
                                             to: directory.appendingPathComponent(file))
        }
        let values = "a: " + String(repeating: "[", count: 6_000) + String(repeating: "]", count: 6_000) + "\n"
        try values.write(to: directory.appendingPathComponent("values.yaml"), atomically: true, encoding: .utf8)
        let before = try CLIRunner.snapshot(directory)
        let output = try CLIRunner.run(["helm-override-update", "stx-openstack", "rabbitmq", "openstack", "--values", "values.yaml",
                                        "-i", "openstack.yaml"], in: directory)
        assertRefused(output, with: "values.yaml:1:67: error[YAML005]")
        XCTAssertEqual(try CLIRunner.snapshot(directory).keys.sorted(), before.keys.sorted())
    }
}
