import Foundation
import XCTest

/// An uploaded tarball is read in memory and never extracted: links, FIFOs and devices inside it
/// are refused by name, nothing outside it is read, and every refusal exits 2 with its problems
/// listed and nothing registered.
final class TarballSafetyTests: XCTestCase {
    /// The inventory tree uploads go to.
    var directory: URL!
    /// Where tarballs are built: outside the tree, which each upload proves unchanged.
    var sources: URL!

    override func setUpWithError() throws {
        directory = try CLIRunner.scratchDirectory()
        sources = try CLIRunner.scratchDirectory()
        for (file, name) in [("standard.yaml", "inventory.yaml"), ("example.key", "example.key")] {
            try FileManager.default.copyItem(at: CLIRunner.repository.appendingPathComponent("inventory-examples/\(file)"),
                                             to: directory.appendingPathComponent(name))
        }
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
        try? FileManager.default.removeItem(at: sources)
    }

    /// The files of a valid application, in a fresh folder, for a case to alter before packing.
    func applicationContent() throws -> URL {
        try Self.applicationContent(in: sources)
    }

    static func applicationContent(in directory: URL) throws -> URL {
        let content = directory.appendingPathComponent("content-\(UUID().uuidString)")
        let manager = FileManager.default
        try manager.createDirectory(at: content.appendingPathComponent("manifests"), withIntermediateDirectories: true)
        try manager.createDirectory(at: content.appendingPathComponent("charts"), withIntermediateDirectories: true)
        try "app_name: demo-app\napp_version: 1.0-3\n".write(to: content.appendingPathComponent("metadata.yaml"), atomically: true, encoding: .utf8)
        try ApplicationCommandTests.manifest.write(to: content.appendingPathComponent("manifests/demo-manifest.yaml"), atomically: true, encoding: .utf8)
        let chart = directory.appendingPathComponent("chart-\(UUID().uuidString)")
        try manager.createDirectory(at: chart.appendingPathComponent("demo"), withIntermediateDirectories: true)
        try "apiVersion: v1\nname: demo\nversion: 0.1.0\n".write(to: chart.appendingPathComponent("demo/Chart.yaml"), atomically: true, encoding: .utf8)
        try tar(["-czf", content.appendingPathComponent("charts/demo-0.1.0.tgz").path, "-C", chart.path, "demo"])
        return content
    }

    static func tar(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tar"] + arguments
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "tar \(arguments)")
    }

    func pack(_ content: URL, members: [String] = ["metadata.yaml", "charts", "manifests"]) throws -> String {
        let path = sources.appendingPathComponent("app-\(UUID().uuidString).tgz").path
        try Self.tar(["-czf", path, "-C", content.path] + members)
        return path
    }

    func upload(_ tarball: String) throws -> CLIRunner.Output {
        let before = try CLIRunner.snapshot(directory)
        let output = try CLIRunner.run(["application-upload", tarball], in: directory)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("applications").path), output.stdout)
        XCTAssertEqual(try CLIRunner.snapshot(directory).keys.sorted(), before.keys.sorted())
        return output
    }

    func assertRefused(_ output: CLIRunner.Output, saying problems: [String], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(output.status, 2, output.stderr, file: file, line: line)
        for problem in problems {
            XCTAssertTrue(output.stderr.contains(problem), "\(problem) in \(output.stderr)", file: file, line: line)
        }
    }

    func testSymlinkedManifestAndMetadataAreRefusedAndNotRead() throws {
        let outside = sources.appendingPathComponent("outside.yaml")
        try "app_name: stolen-TOPSECRET\napp_version: 1\n".write(to: outside, atomically: true, encoding: .utf8)
        let content = try applicationContent()
        for member in ["metadata.yaml", "manifests/demo-manifest.yaml"] {
            try FileManager.default.removeItem(at: content.appendingPathComponent(member))
            try FileManager.default.createSymbolicLink(atPath: content.appendingPathComponent(member).path, withDestinationPath: outside.path)
        }
        let output = try upload(try pack(content))
        assertRefused(output, saying: ["entry metadata.yaml is a symbolic link to \(outside.path)",
                                       "entry manifests/demo-manifest.yaml is a symbolic link to \(outside.path)"])
        XCTAssertFalse((output.stdout + output.stderr).contains("TOPSECRET"))
    }

    func testSymlinkInsideAChartIsRefused() throws {
        let content = try applicationContent()
        let chart = sources.appendingPathComponent("linked-chart")
        try FileManager.default.createDirectory(at: chart.appendingPathComponent("demo"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: chart.appendingPathComponent("demo/Chart.yaml").path, withDestinationPath: "/etc/hostname")
        try Self.tar(["-czf", content.appendingPathComponent("charts/demo-0.1.0.tgz").path, "-C", chart.path, "demo"])
        assertRefused(try upload(try pack(content)), saying: ["charts/demo-0.1.0.tgz: entry demo/Chart.yaml is a symbolic link to /etc/hostname"])
    }

    func testWhatIsNotAGzipTarballGetsOneCleanLine() throws {
        let text = sources.appendingPathComponent("notes.tgz")
        try "just some text\n".write(to: text, atomically: true, encoding: .utf8)
        let plainTar = sources.appendingPathComponent("plain.tgz").path
        try Self.tar(["-cf", plainTar, "-C", try applicationContent().path, "metadata.yaml"])
        for path in [text.path, plainTar] {
            let output = try upload(path)
            assertRefused(output, saying: ["\(path) is refused:\n  - is not a gzip'd tar archive (.tgz)"])
            XCTAssertFalse(output.stderr.lowercased().contains("gzip:"), output.stderr)
        }
        for path in [sources.path, "/dev/zero"] {
            assertRefused(try upload(path), saying: ["not a regular file"])
        }
    }

    func testRefusalsListEveryProblem() throws {
        let content = try applicationContent()
        try FileManager.default.createSymbolicLink(atPath: content.appendingPathComponent("charts/a").path, withDestinationPath: "/etc/passwd")
        try FileManager.default.createSymbolicLink(atPath: content.appendingPathComponent("charts/b").path, withDestinationPath: "/etc/shadow")
        let output = try upload(try pack(content))
        assertRefused(output, saying: ["entry charts/a is a symbolic link to /etc/passwd", "entry charts/b is a symbolic link to /etc/shadow"])
    }
}
