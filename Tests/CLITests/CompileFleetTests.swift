import Foundation
import XCTest

/// compile-fleet compiles every system of a fleet in one process, each exactly as `compile`
/// would; a broken one is reported with its inventory and stops nothing else.
final class CompileFleetTests: XCTestCase {
    func fleet() throws -> URL {
        let directory = try CLIRunner.scratchDirectory()
        let examples = CLIRunner.repository.appendingPathComponent("inventory-examples")
        for file in ["standard.yaml", "openstack.yaml", "aio-simplex.yaml", "example.key"] {
            try FileManager.default.copyItem(at: examples.appendingPathComponent(file), to: directory.appendingPathComponent(file))
        }
        try "system: [\n".write(to: directory.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        return directory
    }

    func testEverySystemIsCompiledAsCompileWouldAndAFailureStopsNothing() throws {
        let directory = try fleet()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try CLIRunner.run(["compile-fleet", "standard.yaml", "broken.yaml", "openstack.yaml", "aio-simplex.yaml", "-o", "out"],
                                    in: directory)
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertTrue(run.stderr.contains("broken.yaml:2:1: error[YAML001]"), run.stderr)
        XCTAssertTrue(run.stderr.contains("broken.yaml: failed; nothing was written to broken/"), run.stderr)
        XCTAssertTrue(run.stdout.contains("| 4       | 3        | 1      |"), run.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("out/broken").path))
        for name in ["standard", "openstack", "aio-simplex"] {
            let golden = try CLIRunner.snapshot(CLIRunner.repository.appendingPathComponent("golden/\(name)"))
            var written = try CLIRunner.snapshot(directory.appendingPathComponent("out/\(name)"))
            written[".sysinvc-files"] = nil
            XCTAssertEqual(written.keys.sorted(), golden.keys.sorted(), name)
            XCTAssertTrue(golden.keys.allSatisfy { golden[$0]?.0 == written[$0]?.0 }, "\(name) differs from its golden tree")
        }
        // Again from a list: nothing changed, so nothing is written.
        try "# the lab\nstandard.yaml\n\nopenstack.yaml\n".write(to: directory.appendingPathComponent("fleet.txt"), atomically: true, encoding: .utf8)
        let again = try CLIRunner.run(["compile-fleet", "--from", "fleet.txt", "-o", "out"], in: directory)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stdout.contains("| 2       | 2        | 0      | 0             |"), again.stdout)
    }

    func testSystemsThatWouldShareADirectoryAreRefusedBeforeAnythingIsWritten() throws {
        let directory = try fleet()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("lab"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: directory.appendingPathComponent("standard.yaml"), to: directory.appendingPathComponent("lab/standard.yaml"))
        let run = try CLIRunner.run(["compile-fleet", "standard.yaml", "lab/standard.yaml", "-o", "out"], in: directory)
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("would both be written to standard/"), run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("out").path))
    }
}
