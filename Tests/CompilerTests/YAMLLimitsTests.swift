import Compiler
import Foundation
import XCTest

/// The YAML readers measure a document before composing it and type numbers without Yams'
/// trapping constructors; these pin the limits, the positions they are reported at, and the
/// readings of forms that used to crash.
final class YAMLLimitsTests: XCTestCase {
    func located(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.location.map { "\($0.file):\($0.line):\($0.column)" } ?? "-") \($0.code.rawValue)" }
    }

    func testFlowNestingUpToTheLimitIsReadAndOneMoreLevelIsRefusedWhereItOpens() {
        let depth = YAMLLimits.depth
        let fits = "x: " + String(repeating: "[", count: depth - 1) + String(repeating: "]", count: depth - 1) + "\n"
        XCTAssertEqual(YAMLReader.read(fits, file: "fits.yaml").diagnostics, [])
        let deep = "a: 1\nx: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        let (node, diagnostics) = YAMLReader.read(deep, file: "deep.yaml")
        XCTAssertNil(node)
        XCTAssertEqual(located(diagnostics), ["deep.yaml:2:\(3 + depth) YAML005"])
    }

    func testBlockNestingCountsAsFlowNestingDoes() {
        let text = String(repeating: "- ", count: YAMLLimits.depth + 1) + "x\n"
        XCTAssertEqual(located(YAMLReader.read(text, file: "seq.yaml").diagnostics), ["seq.yaml:1:\(2 * YAMLLimits.depth + 1) YAML005"])
    }

    func testAnAliasCountsAsDeepAsItsAnchor() {
        var lines = ["a0: &a0 [x]"]
        for level in 1...YAMLLimits.depth {
            lines.append("a\(level): &a\(level) [*a\(level - 1)]")
        }
        let (_, diagnostics) = YAMLReader.read(lines.joined(separator: "\n"), file: "chain.yaml")
        // a63's alias copies a62's 63 levels into a list two levels down: 65.
        XCTAssertEqual(located(diagnostics), ["chain.yaml:64:12 YAML005"])
    }

    func testManyValuesWithoutAliasesAreTooLarge() {
        let text = "x: [" + Array(repeating: "1", count: YAMLLimits.nodes).joined(separator: ",") + "]\n"
        XCTAssertEqual(YAMLReader.read(text, file: "wide.yaml").diagnostics.map(\.code), [.yamlTooLarge])
    }

    func testExplicitTagsAreReportedEachAtItsNode() {
        let text = """
            system: !!int standard
            x: !!binary aGVsbG8=
            y: !!str 5
            z: !custom {a: 1}
            quoted: "!!int"

            """
        XCTAssertEqual(located(YAMLReader.read(text, file: "tags.yaml").diagnostics),
                       ["tags.yaml:1:9 YAML007", "tags.yaml:2:4 YAML007", "tags.yaml:3:4 YAML007", "tags.yaml:4:4 YAML007"])
    }

    func testBase60FormsStayText() throws {
        let text = """
            overflow: 1:0:0:0:0:0:0:0:0:0:0
            mac: 52:54:00:12:34:56
            time: 12:30
            line: root:x:0:0:1:1:1:1:1:1:1:1:1:1:1:1:/root:/bin/bash
            number: 0x1F

            """
        guard case let .mapping(pairs, _)? = YAMLReader.read(text, file: "base60.yaml").node else { return XCTFail("no mapping") }
        let kinds = pairs.map { pair -> String in
            guard case let .scalar(scalar) = pair.value else { return "?" }
            return "\(pair.key.value)=\(scalar.kind.rawValue)"
        }
        XCTAssertEqual(kinds, ["overflow=string", "mac=string", "time=string", "line=string", "number=int"])
    }

    func testValuesFilesHaveTheSameLimitsAndReadBase60AsText() throws {
        let deep = "a: " + String(repeating: "[", count: 6_000) + String(repeating: "]", count: 6_000)
        XCTAssertThrowsError(try ValuesFile.parse(deep)) { error in
            XCTAssertEqual((error as? ValuesFileError).map { "\($0.line):\($0.column)" }, "1:\(3 + YAMLLimits.depth)")
        }
        XCTAssertEqual(try ValuesFile.parse("a: 1:0:0:0:0:0:0:0:0:0:0\nb: !!int 1:0:0:0:0:0:0:0:0:0:0\n"),
                       ["a": "1:0:0:0:0:0:0:0:0:0:0", "b": "1:0:0:0:0:0:0:0:0:0:0"])
        XCTAssertEqual(try ValuesFile.documents("a: 1\n---\n- b\n"), [["a": 1], ["b"]])
    }

    func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sysinvc-limits-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        return directory
    }

    func testEmptyAndCommentOnlyInventoriesNameTheirFile() throws {
        let directory = try scratch()
        for (name, text) in [("empty.yaml", ""), ("comments.yaml", "# nothing yet\n\n")] {
            let path = directory.appendingPathComponent(name).path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            XCTAssertEqual(located(InventoryLoader.load(path: path).diagnostics), ["\(path):1:1 YAML008"])
        }
    }

    func testIncludesThatAreNotRegularFilesAreRefusedAtTheirIncludeLine() throws {
        let directory = try scratch()
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("dir"), withIntermediateDirectories: true)
        XCTAssertEqual(mkfifo(directory.appendingPathComponent("fifo").path, 0o600), 0)
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("zero").path, withDestinationPath: "/dev/zero")
        let inventory = directory.appendingPathComponent("inventory.yaml").path
        try "system: {name: s}\ninclude:\n  - dir\n  - fifo\n  - zero\n  - missing.yaml\n".write(toFile: inventory, atomically: true, encoding: .utf8)
        let diagnostics = InventoryLoader.load(path: inventory).diagnostics.filter { $0.code == .unreadableFile }
        XCTAssertEqual(located(diagnostics), [3, 4, 5, 6].map { "\(inventory):\($0):5 INV001" })
        for (diagnostic, reason) in zip(diagnostics, ["is a directory", "is a FIFO", "is a character device", "cannot be read (No such file"]) {
            XCTAssertTrue(diagnostic.message.contains(reason), diagnostic.message)
        }
    }

    func testOversizedFilesAreRefusedBeforeTheyAreRead() throws {
        let path = try scratch().appendingPathComponent("huge.yaml").path
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: nil))
        XCTAssertEqual(truncate(path, off_t(YAMLLimits.fileBytes + 1)), 0)
        XCTAssertEqual(InputFile.text(path), .failure(.tooLarge(bytes: YAMLLimits.fileBytes + 1, limit: YAMLLimits.fileBytes)))
        XCTAssertEqual(InventoryLoader.load(path: path).diagnostics.map(\.code), [.yamlTooLarge])
    }
}
