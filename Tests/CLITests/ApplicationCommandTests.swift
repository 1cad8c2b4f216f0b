import Foundation
import XCTest

/// application-upload checks a tarball before registering it; a refused tarball leaves the
/// inventory tree exactly as it was.
final class ApplicationCommandTests: XCTestCase {
    static let manifest = """
        schema: armada/Chart/v1
        metadata: {schema: metadata/Document/v1, name: kube-system-demo}
        data:
          chart_name: demo
          release: kube-system-demo
          namespace: kube-system
          source: {type: tar, location: "http://controller:8080/helm_charts/starlingx/demo-0.1.0.tgz", subpath: demo}
          dependencies: []
          values:
            images: {tags: {demo: "docker.io/starlingx/stx-demo:master"}}
        ---
        schema: armada/ChartGroup/v1
        metadata: {schema: metadata/Document/v1, name: demo-group}
        data: {description: Demo, sequenced: true, chart_group: [kube-system-demo]}
        ---
        schema: armada/Manifest/v1
        metadata: {schema: metadata/Document/v1, name: demo-manifest}
        data: {release_prefix: stx, chart_groups: [demo-group]}

        """

    /// Builds `demo-app.tgz` in `directory`; `charts` are the chart archives it holds.
    func tarball(in directory: URL, manifest: String = manifest, charts: [String] = ["demo"],
                 metadata: String = "app_name: demo-app\napp_version: 1.0-3\n") throws -> String {
        let content = directory.appendingPathComponent("content-\(UUID().uuidString)")
        let chartsDirectory = content.appendingPathComponent("charts")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("manifests"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: chartsDirectory, withIntermediateDirectories: true)
        try metadata.write(to: content.appendingPathComponent("metadata.yaml"), atomically: true, encoding: .utf8)
        try manifest.write(to: content.appendingPathComponent("manifests/demo-manifest.yaml"), atomically: true, encoding: .utf8)
        for chart in charts {
            let chartSource = directory.appendingPathComponent("chart-\(chart)-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: chartSource.appendingPathComponent(chart), withIntermediateDirectories: true)
            try "apiVersion: v1\nname: \(chart)\nversion: 0.1.0\n".write(to: chartSource.appendingPathComponent("\(chart)/Chart.yaml"), atomically: true, encoding: .utf8)
            try tar(["-czf", chartsDirectory.appendingPathComponent("\(chart)-0.1.0.tgz").path, "-C", chartSource.path, chart])
        }
        let path = directory.appendingPathComponent("demo-app.tgz").path
        try tar(["-czf", path, "-C", content.path, "metadata.yaml", "charts", "manifests"])
        return path
    }

    func tar(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tar"] + arguments
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
    }

    /// A copy of the standard example to upload into.
    func workspace() throws -> URL {
        let directory = try CLIRunner.scratchDirectory()
        for file in ["standard.yaml", "example.key"] {
            try FileManager.default.copyItem(at: CLIRunner.repository.appendingPathComponent("inventory-examples/\(file)"),
                                             to: directory.appendingPathComponent(file == "standard.yaml" ? "inventory.yaml" : file))
        }
        return directory
    }

    func testUploadListApplyAndRemove() throws {
        let directory = try workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let upload = try CLIRunner.run(["application-upload", try tarball(in: directory)], in: directory)
        XCTAssertEqual(upload.status, 0, upload.stderr)
        XCTAssertTrue(upload.stdout.contains("demo-app 1.0-3 uploaded: 1 charts, 1 chart groups"), upload.stdout)
        let list = try CLIRunner.run(["application-list", "--format", "json"], in: directory)
        XCTAssertTrue(list.stdout.contains("\"application\" : \"demo-app\""), list.stdout)
        XCTAssertTrue(list.stdout.contains("\"source\" : \"uploaded\""), list.stdout)

        let inventory = directory.appendingPathComponent("inventory.yaml")
        try (try String(contentsOf: inventory, encoding: .utf8) + "\napplications:\n  - {name: demo-app, applied: true}\n")
            .write(to: inventory, atomically: true, encoding: .utf8)
        let compile = try CLIRunner.run(["compile", "inventory.yaml", "-o", "out"], in: directory)
        XCTAssertEqual(compile.status, 0, compile.stderr)
        let manifest = try String(contentsOf: directory.appendingPathComponent("out/armada/demo-app/demo-app-demo-manifest.yaml"), encoding: .utf8)
        XCTAssertTrue(manifest.contains("registry.local:9001/docker.io/starlingx/stx-demo:master"), manifest)
        XCTAssertTrue(manifest.contains("release_prefix: stx"), manifest)

        // The uploaded chart is in the catalog the override commands read: its user overrides
        // reach the helm file and the Armada documents.
        let charts = try CLIRunner.run(["helm-override-list", "demo-app"], in: directory)
        XCTAssertEqual(charts.status, 0, charts.stderr)
        XCTAssertTrue(charts.stdout.contains("demo") && charts.stdout.contains("kube-system"), charts.stdout)
        let update = try CLIRunner.run(["helm-override-update", "demo-app", "demo", "kube-system", "--set", "replicas=3"], in: directory)
        XCTAssertEqual(update.status, 0, update.stderr)
        XCTAssertEqual(try CLIRunner.run(["compile", "inventory.yaml", "-o", "out"], in: directory).status, 0)
        XCTAssertEqual(try String(contentsOf: directory.appendingPathComponent("out/helm/demo-app/kube-system/demo.yaml"), encoding: .utf8),
                       "replicas: 3\n")
        let document = try String(contentsOf: directory.appendingPathComponent("out/armada/demo-app/overrides/kube-system-demo.yaml"),
                                  encoding: .utf8)
        XCTAssertTrue(document.contains("replicas: 3"), document)
        let show = try CLIRunner.run(["helm-override-show", "demo-app", "demo", "kube-system", "--format", "armada", "--reveal"], in: directory)
        XCTAssertEqual(show.stdout, document)

        let applied = try CLIRunner.run(["application-remove", "demo-app"], in: directory)
        XCTAssertEqual(applied.status, 2)
        XCTAssertTrue(applied.stderr.contains("set applied: false"), applied.stderr)
    }

    func testBrokenTarballsAreRefusedWithPreciseMessages() throws {
        let directory = try workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let metadata = "app_name: demo-app\napp_version: 1.0-3\n"
        let cases: [(manifest: String, charts: [String], metadata: String, message: String)] = [
            (Self.manifest, [], metadata, "chart kube-system-demo uses chart demo, which is not in charts/"),
            (Self.manifest.replacingOccurrences(of: "chart_group: [kube-system-demo]", with: "chart_group: [kube-system-demo, kube-system-ghost]"),
             ["demo"], metadata, "chart group demo-group names chart kube-system-ghost, which is not defined"),
            (Self.manifest.replacingOccurrences(of: "docker.io/starlingx/stx-demo:master", with: "Docker.io//stx demo"),
             ["demo"], metadata, "malformed image reference \"Docker.io//stx demo\""),
            // Namespaces, chart names and versions reach armada-apply.sh: no shell syntax, no newline.
            (Self.manifest.replacingOccurrences(of: "namespace: kube-system", with: "namespace: \"ks$(touch /tmp/p)\""),
             ["demo"], metadata, "[APP004] chart kube-system-demo: \"ks$(touch /tmp/p)\" is not a valid namespace"),
            (Self.manifest.replacingOccurrences(of: "chart_name: demo", with: "chart_name: \"demo;id\""),
             ["demo"], metadata, "[APP005] chart kube-system-demo: chart_name \"demo;id\" is not a valid chart name"),
            (Self.manifest, ["demo"], "app_name: demo-app\napp_version: \"1.0\\nrm -rf /\"\n",
             "[APP003] metadata.yaml: app_version \"1.0\\nrm -rf /\" is not a valid application version"),
            (Self.manifest, ["demo"], "app_name: ../demo\napp_version: 1.0-3\n",
             "[APP003] metadata.yaml: app_name \"../demo\" is not a valid application name"),
        ]
        for (index, broken) in cases.enumerated() {
            let scratch = directory.appendingPathComponent("case-\(index)")
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            let path = try tarball(in: scratch, manifest: broken.manifest, charts: broken.charts, metadata: broken.metadata)
            let before = try CLIRunner.snapshot(directory)
            let result = try CLIRunner.run(["application-upload", path], in: directory)
            XCTAssertEqual(result.status, 2, result.stdout)
            XCTAssertTrue(result.stderr.contains(broken.message), result.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("applications").path))
            XCTAssertEqual(try CLIRunner.snapshot(directory).keys.sorted(), before.keys.sorted())
        }
    }
}
