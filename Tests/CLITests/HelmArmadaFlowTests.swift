import Foundation
import XCTest

/// A user override reaches armada: after `helm-override-update`, the next compile changes that
/// chart's values in the manifest and its override document, and nothing else.
final class HelmArmadaFlowTests: XCTestCase {
    func openstackWorkspace() throws -> URL {
        let directory = try CLIRunner.scratchDirectory()
        for file in ["openstack.yaml", "example.key"] {
            try FileManager.default.copyItem(at: CLIRunner.repository.appendingPathComponent("inventory-examples/\(file)"),
                                             to: directory.appendingPathComponent(file))
        }
        return directory
    }

    func testUserOverrideChangesExactlyThatChart() throws {
        let directory = try openstackWorkspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        XCTAssertEqual(try CLIRunner.run(["compile", "openstack.yaml", "-o", "before"], in: directory).status, 0)
        let update = try CLIRunner.run(["helm-override-update", "stx-openstack", "glance", "openstack",
                                        "--set", "conf.glance.DEFAULT.workers=4", "-i", "openstack.yaml"], in: directory)
        XCTAssertEqual(update.status, 0, update.stderr)
        XCTAssertEqual(try CLIRunner.run(["compile", "openstack.yaml", "-o", "after"], in: directory).status, 0)

        let before = try CLIRunner.snapshot(directory.appendingPathComponent("before"))
        let after = try CLIRunner.snapshot(directory.appendingPathComponent("after"))
        XCTAssertEqual(before.keys.sorted(), after.keys.sorted())
        let changed = before.keys.filter { before[$0]?.0 != after[$0]?.0 }.sorted()
        XCTAssertEqual(changed, [
            "armada/stx-openstack/overrides/openstack-glance.yaml",
            "armada/stx-openstack/stx-openstack-armada-manifest.yaml",
            "helm/stx-openstack/openstack/glance.yaml",
        ])
        let manifestBefore = String(decoding: before["armada/stx-openstack/stx-openstack-armada-manifest.yaml"]!.0, as: UTF8.self)
        let manifestAfter = String(decoding: after["armada/stx-openstack/stx-openstack-armada-manifest.yaml"]!.0, as: UTF8.self)
        let documentsBefore = manifestBefore.components(separatedBy: "---\n")
        let documentsAfter = manifestAfter.components(separatedBy: "---\n")
        let differing = zip(documentsBefore, documentsAfter).filter { $0 != $1 }.map(\.1)
        XCTAssertEqual(differing.count, 1, "only the glance Chart document changes")
        XCTAssertTrue(differing.first?.contains("name: openstack-glance") == true)
        XCTAssertTrue(differing.first?.contains("workers: 4") == true)
    }

    func testChartsDirectoryWarnsAboutUnknownOverridePaths() throws {
        let directory = try openstackWorkspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let charts = directory.appendingPathComponent("charts/memcached")
        try FileManager.default.createDirectory(at: charts, withIntermediateDirectories: true)
        try "labels:\n  server:\n    node_selector_key: x\n    node_selector_value: y\npod:\n  replicas:\n    server: 1\n"
            .write(to: charts.appendingPathComponent("values.yaml"), atomically: true, encoding: .utf8)
        let update = try CLIRunner.run(["helm-override-update", "stx-openstack", "memcached", "openstack",
                                        "--set", "pod.replicaz.server=3", "-i", "openstack.yaml"], in: directory)
        XCTAssertEqual(update.status, 0, update.stderr)
        let compile = try CLIRunner.run(["compile", "openstack.yaml", "-o", "out", "--charts", "charts"], in: directory)
        XCTAssertEqual(compile.status, 0, compile.stderr)
        XCTAssertTrue(compile.stderr.contains("warning[HELM003]: chart memcached (openstack) has no value pod.replicaz"), compile.stderr)
    }
}
