import Foundation
import XCTest

/// `sysinvc` carries everything it emits: the binary copied alone into an empty directory
/// compiles every example to its golden tree, Calico's upstream objects included.
final class StandaloneBinaryTests: XCTestCase {
    func testTheBinaryCopiedAloneCompilesEveryExampleToItsGoldenTree() throws {
        let scratch = try CLIRunner.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let binary = scratch.appendingPathComponent("sysinvc")
        try FileManager.default.copyItem(at: CLIRunner.executable, to: binary)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.path), ["sysinvc"])

        let examples = CLIRunner.repository.appendingPathComponent("inventory-examples")
        let names = try FileManager.default.contentsOfDirectory(atPath: examples.path)
            .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(".yaml".count)) }.sorted()
        XCTAssertFalse(names.isEmpty)
        var withCalico = 0
        for name in names {
            let out = scratch.appendingPathComponent("out/\(name)")
            let result = try CLIRunner.run(["compile", examples.appendingPathComponent("\(name).yaml").path, "-o", out.path], in: scratch, executable: binary)
            XCTAssertEqual(result.status, 0, "\(name): \(result.stderr)")
            let written = try CLIRunner.snapshot(out).filter { $0.key != ".sysinvc-files" }.mapValues(\.0)
            let golden = try CLIRunner.snapshot(CLIRunner.repository.appendingPathComponent("golden/\(name)")).mapValues(\.0)
            XCTAssertEqual(written.keys.sorted(), golden.keys.sorted(), name)
            for (path, bytes) in golden where written[path] != bytes {
                XCTFail("\(name): \(path) differs from golden/\(name)/\(path)")
            }
            if written["kubernetes/calico.yaml"] != nil { withCalico += 1 }
        }
        XCTAssertGreaterThan(withCalico, 0, "no example wrote kubernetes/calico.yaml")
    }
}
