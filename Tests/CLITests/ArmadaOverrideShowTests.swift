import Foundation
import XCTest

/// `helm-override-show --format armada` prints the document `compile` writes for the chart, byte
/// for byte: one function builds both.
final class ArmadaOverrideShowTests: XCTestCase {
    func testShowMatchesEveryCompiledOverrideDocumentOfEveryExample() throws {
        let examples = CLIRunner.repository.appendingPathComponent("inventory-examples")
        let names = try FileManager.default.contentsOfDirectory(atPath: examples.path).filter { $0.hasSuffix(".yaml") }.sorted()
        var compared = 0
        for name in names {
            let directory = try CLIRunner.scratchDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            for file in [name, "example.key"] {
                try FileManager.default.copyItem(at: examples.appendingPathComponent(file), to: directory.appendingPathComponent(file))
            }
            let compile = try CLIRunner.run(["compile", name, "-o", "out"], in: directory)
            XCTAssertEqual(compile.status, 0, "\(name): \(compile.stderr)")
            let helm = directory.appendingPathComponent("out/helm")
            for application in (try? FileManager.default.contentsOfDirectory(atPath: helm.path)) ?? [] {
                for namespace in try FileManager.default.contentsOfDirectory(atPath: helm.appendingPathComponent(application).path) {
                    for file in try FileManager.default.contentsOfDirectory(atPath: helm.appendingPathComponent("\(application)/\(namespace)").path) {
                        let chart = String(file.dropLast(".yaml".count))
                        let compiled = directory.appendingPathComponent("out/armada/\(application)/overrides/\(namespace)-\(chart).yaml")
                        let show = try CLIRunner.run(["helm-override-show", application, chart, namespace, "-i", name,
                                                      "--format", "armada", "--reveal"], in: directory)
                        XCTAssertEqual(show.status, 0, "\(name) \(application) \(chart) \(namespace): \(show.stderr)")
                        XCTAssertEqual(show.stdout, try String(contentsOf: compiled, encoding: .utf8), "\(name) \(application) \(chart) \(namespace)")
                        compared += 1
                    }
                }
            }
        }
        XCTAssertGreaterThan(compared, 30, "the openstack example applies stx-openstack")
    }

    /// Masked, the document differs from the compiled one only where a secret stood.
    func testShowMasksSecretsUnlessRevealed() throws {
        let directory = try CLIRunner.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for file in ["openstack.yaml", "example.key"] {
            try FileManager.default.copyItem(at: CLIRunner.repository.appendingPathComponent("inventory-examples/\(file)"),
                                             to: directory.appendingPathComponent(file))
        }
        let masked = try CLIRunner.run(["helm-override-show", "stx-openstack", "keystone", "openstack", "-i", "openstack.yaml", "--format", "armada"],
                                       in: directory)
        XCTAssertEqual(masked.status, 0, masked.stderr)
        XCTAssertTrue(masked.stdout.contains("password: '********'") || masked.stdout.contains("password: \"********\""), masked.stdout)
        XCTAssertTrue(masked.stdout.contains("location: http://controller:8080/helm_charts/starlingx/keystone-0.1.0.tgz"))
    }
}
