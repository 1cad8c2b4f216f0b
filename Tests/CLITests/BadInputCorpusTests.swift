import Foundation
import XCTest

/// Hostile and unlucky input, each case with the diagnostic it must produce: the files of
/// Tests/BadInput (listed in its `expected`), and the cases made here because they are too big
/// to commit or are FIFOs, devices or tarballs. Every one must exit 2 with its diagnostic,
/// never crash (the executable runs as a subprocess, so a crash shows as a signal), never hang,
/// and write nothing.
final class BadInputCorpusTests: XCTestCase {
    static let corpus = CLIRunner.repository.appendingPathComponent("Tests/BadInput")

    var directory: URL!

    override func setUpWithError() throws {
        directory = try CLIRunner.scratchDirectory()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    struct Expectation {
        let file: String
        let code: String
        let position: String
    }

    static func expectations() throws -> [Expectation] {
        let text = try String(contentsOf: corpus.appendingPathComponent("expected"), encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let fields = line.split(separator: " ").map(String.init)
            return Expectation(file: fields[0], code: fields[1], position: fields[2])
        }
    }

    func assertRefused(_ output: CLIRunner.Output, with expected: String, _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(output.status, 2, "\(label): exit status (a signal shows as its number): \(output.stderr)", file: file, line: line)
        XCTAssertTrue(output.stderr.contains(expected), "\(label): expected \(expected) in \(output.stderr)", file: file, line: line)
    }

    /// A workspace that helm-override-update can store overrides in; each run must leave it as it was.
    func helmWorkspace() throws -> URL {
        for file in ["openstack.yaml", "example.key"] {
            try FileManager.default.copyItem(at: CLIRunner.repository.appendingPathComponent("inventory-examples/\(file)"),
                                             to: directory.appendingPathComponent(file))
        }
        return directory
    }

    func updateOverrides(values path: String, in workspace: URL) throws -> CLIRunner.Output {
        let before = try CLIRunner.snapshot(workspace)
        let output = try CLIRunner.run(["helm-override-update", "stx-openstack", "rabbitmq", "openstack", "--values", path,
                                        "-i", "openstack.yaml"], in: workspace)
        XCTAssertEqual(try CLIRunner.snapshot(workspace).keys.sorted(), before.keys.sorted(), path)
        return output
    }

    func testEveryCorpusFileGivesItsDiagnostic() throws {
        let expectations = try Self.expectations()
        let listed = Set(expectations.map(\.file))
        for folder in ["inventories", "values"] {
            for file in try FileManager.default.contentsOfDirectory(atPath: Self.corpus.appendingPathComponent(folder).path) {
                XCTAssertTrue(listed.contains("\(folder)/\(file)"), "\(folder)/\(file) has no line in Tests/BadInput/expected")
            }
        }
        let workspace = try helmWorkspace()
        for expectation in expectations {
            let output: CLIRunner.Output
            if expectation.file.hasPrefix("values/") {
                output = try updateOverrides(values: Self.corpus.appendingPathComponent(expectation.file).path, in: workspace)
            } else {
                output = try CLIRunner.run(["validate", expectation.file], in: Self.corpus)
            }
            let path = expectation.file.hasPrefix("values/") ? Self.corpus.appendingPathComponent(expectation.file).path : expectation.file
            assertRefused(output, with: "\(path):\(expectation.position): error[\(expectation.code)]", expectation.file)
        }
    }

    func testGeneratedInventoriesGiveTheirDiagnostic() throws {
        let manager = FileManager.default
        func write(_ name: String, _ text: String) throws {
            try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try write("flow-5000.yaml", "system: " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + "\n")
        try write("block-6000.yaml", String(repeating: "- ", count: 6_000) + "x\n")
        try write("million-values.yaml", "x: [" + String(repeating: "1,", count: 1_000_000) + "1]\n")
        XCTAssertTrue(manager.createFile(atPath: directory.appendingPathComponent("oversized.yaml").path, contents: nil))
        XCTAssertEqual(truncate(directory.appendingPathComponent("oversized.yaml").path, 16 << 20 + 1), 0)
        XCTAssertEqual(mkfifo(directory.appendingPathComponent("fifo").path, 0o600), 0)
        try manager.createSymbolicLink(atPath: directory.appendingPathComponent("zero").path, withDestinationPath: "/dev/zero")
        try write("include-fifo.yaml", "include: [fifo]\n")
        try write("include-device.yaml", "include: [zero]\n")
        // A password file: a plain scalar with a colon and many numbers trapped Yams' base-60 reading.
        try write("passwd", (0..<20).map { "user\($0):x:\(1000 + $0):\(1000 + $0)::/home/user\($0):/bin/sh" }.joined(separator: "\n") + "\n")
        try write("include-passwd.yaml", "include: [passwd]\n")
        try write("include-absolute.yaml", "include: [\(directory.appendingPathComponent("passwd").path)]\n")

        let cases: [(file: String, expected: String)] = [
            ("flow-5000.yaml", "flow-5000.yaml:1:72: error[YAML005]"),
            ("block-6000.yaml", "block-6000.yaml:1:129: error[YAML005]"),
            ("million-values.yaml", "error[YAML006]: the document holds more than 1000000 values"),
            ("oversized.yaml", "oversized.yaml:1:1: error[YAML006]"),
            ("include-fifo.yaml", "include-fifo.yaml:1:11: error[INV001]: inventory file fifo is a FIFO"),
            ("include-device.yaml", "include-device.yaml:1:11: error[INV001]: inventory file zero is a character device"),
            ("include-passwd.yaml", "passwd:1:1: error[YAML004]"),
            ("include-absolute.yaml", "\(directory.appendingPathComponent("passwd").path):1:1: error[YAML004]"),
        ]
        for (file, expected) in cases {
            let output = try CLIRunner.run(["validate", file], in: directory)
            assertRefused(output, with: expected, file)
            XCTAssertFalse(output.stderr.contains("user0:") || output.stderr.contains("user19"), "\(file) prints what it read: \(output.stderr)")
        }
    }

    func testAValuesFileSixThousandLevelsDeepIsRefused() throws {
        let workspace = try helmWorkspace()
        try ("a: " + String(repeating: "[", count: 6_000) + String(repeating: "]", count: 6_000) + "\n")
            .write(to: directory.appendingPathComponent("deep-values.yaml"), atomically: true, encoding: .utf8)
        let output = try updateOverrides(values: "deep-values.yaml", in: workspace)
        assertRefused(output, with: "deep-values.yaml:1:67: error[YAML005]", "deep-values.yaml")
    }

    func testTarballsThatReachOutsideOrHideSpecialFilesAreRefused() throws {
        let sources = try CLIRunner.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: sources) }
        for (file, name) in [("standard.yaml", "inventory.yaml"), ("example.key", "example.key")] {
            try FileManager.default.copyItem(at: CLIRunner.repository.appendingPathComponent("inventory-examples/\(file)"),
                                             to: directory.appendingPathComponent(name))
        }
        func application(_ alter: (URL) throws -> Void, members: [String] = ["metadata.yaml", "charts", "manifests"], options: [String] = []) throws -> String {
            let content = try TarballSafetyTests.applicationContent(in: sources)
            try alter(content)
            let path = sources.appendingPathComponent("app-\(UUID().uuidString).tgz").path
            try TarballSafetyTests.tar(["-czf", path] + options + ["-C", content.path] + members)
            return path
        }
        let bomb = sources.appendingPathComponent("bomb.tgz").path
        try shell("head -c \(256 << 20 + 1) /dev/zero | gzip -1 > '\(bomb)'")
        let outside = sources.appendingPathComponent("outside.yaml").path
        try "secret: 1\n".write(toFile: outside, atomically: true, encoding: .utf8)
        let notGzip = sources.appendingPathComponent("notes.tgz")
        try "app_name: x\n".write(to: notGzip, atomically: true, encoding: .utf8)

        let cases: [(tarball: String, expected: String)] = [
            (try application { try FileManager.default.createSymbolicLink(atPath: $0.appendingPathComponent("charts/link").path, withDestinationPath: "/etc/shadow") },
             "entry charts/link is a symbolic link to /etc/shadow"),
            (try application { XCTAssertEqual(mkfifo($0.appendingPathComponent("charts/pipe").path, 0o600), 0) }, "entry charts/pipe is a FIFO"),
            (try application { try FileManager.default.linkItem(at: $0.appendingPathComponent("metadata.yaml"), to: $0.appendingPathComponent("charts/hard")) },
             "is a hard link to"),
            (try application({ _ in }, members: ["metadata.yaml", "charts", "manifests", outside], options: ["-P"]),
             "entry \(outside) would land outside the application directory"),
            (try application { content in
                for index in 0...4_096 { FileManager.default.createFile(atPath: content.appendingPathComponent("charts/f\(index)").path, contents: nil) }
            }, "holds more than 4096 entries"),
            (bomb, "unpacks to more than \(256 << 20) bytes"),
            (notGzip.path, "is not a gzip'd tar archive (.tgz)"),
        ]
        for (tarball, expected) in cases {
            let before = try CLIRunner.snapshot(directory)
            let output = try CLIRunner.run(["application-upload", tarball], in: directory)
            assertRefused(output, with: expected, tarball)
            XCTAssertEqual(try CLIRunner.snapshot(directory).keys.sorted(), before.keys.sorted(), tarball)
        }
    }

    func shell(_ command: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, command)
    }
}
